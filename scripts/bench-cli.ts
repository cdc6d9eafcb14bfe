// `npm run bench:cli`: the command-line analyser on absurdly nested pages, printed as figures
// (not asserted). For each depth, a page of N nested <div>s is timed through the CLI's whole
// path (decode, depth cap, parse, extraction, analysis) beside a page of the same byte count and
// the same N <div>s side by side (flat), measured in the same run, because these machines are
// shared and noisy. Linear work keeps the time per element flat as the depth grows.
import { DOMParser } from 'linkedom';
import { analyzeInput } from '../lib/cli/analyze';
import { decodeBytes } from '../lib/cli/decode';
import { figure, recordResults } from './bench-results';

const TEXT = '<p>Ofsted rated Hackney council’s children’s services ‘inadequate’.</p>';
const nested = (n: number) => `<html><body>${'<div>'.repeat(n)}${TEXT}${'</div>'.repeat(n)}</body></html>`;
const flat = (n: number) => `<html><body>${'<div></div>'.repeat(n)}${TEXT}</body></html>`;

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
/** Every sample of every timing, by label, for bench/results.json. */
const samples = new Map<string, number[]>();
function time(fn: () => void, runs: number, label?: string): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  if (label) samples.set(label, ts);
  return median(ts);
}
const analyse = (bytes: Buffer) => () => {
  const r = analyzeInput('bench.html', () => bytes, { extract: true, warn: () => {} });
  if (r.error || r.grades.length !== 1) throw new Error(`unexpected result: ${r.error ?? r.grades.length}`);
};

console.log('Command-line analyser on nested pages (ms, median of 3 runs up to 100,000, else 1 run).');
console.log('Baselines on the same byte count: decoding the bytes alone, and the whole path on a flat page');
console.log('holding the same <div>s side by side (the nested page loses all but 512 of its <div>s to the cap).');
console.log('  depth     bytes   decode   nested     flat   nested/flat   nested µs per element');
analyse(Buffer.from(nested(1000)))(); // warm up
const depths: number[] = [];
for (const depth of [25_000, 50_000, 100_000, 200_000, 400_000]) {
  const a = Buffer.from(nested(depth));
  const b = Buffer.from(flat(depth));
  if (a.length !== b.length) throw new Error('the two pages must have the same byte count');
  const runs = depth <= 100_000 ? 3 : 1;
  const td = time(() => decodeBytes(b, true), runs, `decode ${depth}`);
  const tn = time(analyse(a), runs, `nested ${depth}`);
  const tf = time(analyse(b), runs, `flat ${depth}`);
  depths.push(depth);
  console.log(
    `${depth.toLocaleString('en-GB').padStart(7)} ${a.length.toLocaleString('en-GB').padStart(9)} ${td.toFixed(1).padStart(8)} ${tn.toFixed(0).padStart(8)} ${tf.toFixed(0).padStart(8)} ${(tn / tf).toFixed(2).padStart(13)} ${((tn * 1000) / depth).toFixed(2).padStart(23)}`,
  );
}

// What the cap saves: linkedom alone on the nested page, without it (only the two smallest
// depths: the time grows with the square of the depth, 400,000 took over a minute).
console.log('\nlinkedom alone, without the depth cap (one run each, ms), beside the flat page:');
for (const depth of [25_000, 50_000]) {
  const parse = (html: string) => () => new DOMParser().parseFromString(html, 'text/html');
  const tn = time(parse(nested(depth)), 1);
  const tf = time(parse(flat(depth)), 1);
  console.log(
    `${depth.toLocaleString('en-GB').padStart(7)}  nested ${tn.toFixed(0).padStart(6)}  flat ${tf.toFixed(0).padStart(5)}  ratio ${(tn / tf).toFixed(1)}`,
  );
}

const get = (label: string) => samples.get(label) ?? [];
recordResults('cli', {
  runtime: `Node ${process.version}`,
  nestedPages: depths.map((depth) => ({
    depth,
    wholePath: figure(get(`nested ${depth}`), {
      baselines: { flatPage: get(`flat ${depth}`), decodeOnly: get(`decode ${depth}`) },
    }),
  })),
});
