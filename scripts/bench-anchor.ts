// `npx tsx scripts/bench-anchor.ts`: re-finding an edited clip (matchQuote's approximate match)
// on generated pages of 100 KB and 1 MB, for quotes of 200, 2,000 and 20,000 characters with one
// edit per 100 characters, beside one linear pass over the same page (a regex replace that drops
// punctuation) measured in the same run. Median of 5 runs, each on a fresh copy of the page text.
import { describeQuote, matchQuote } from '../lib/anchor/match-quote';
import { mulberry32 } from '../tests/support/fuzz';

const rnd = mulberry32(1);
const WORDS =
  'the council children social workers inspectors found caseloads were too high and managers oversight plans'.split(
    ' ',
  );
function prose(n: number): string {
  const out: string[] = [];
  let len = 0;
  while (len < n) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)] + (rnd() < 0.1 ? '.' : '');
    out.push(w);
    len += w.length + 1;
  }
  return out.join(' ').slice(0, n);
}
function edit(s: string, k: number): string {
  let t = s;
  for (let i = 0; i < k; i++) {
    const at = Math.floor(rnd() * t.length);
    t = `${t.slice(0, at)}z${t.slice(at + 1)}`;
  }
  return t;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(f: (run: number) => unknown): number {
  const xs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    f(r);
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

console.log('page      quote     matchQuote   one pass   ratio   how');
for (const n of [100_000, 1_000_000]) {
  const text = prose(n);
  for (const q of [200, 2_000, 20_000]) {
    const start = Math.floor(n / 3);
    const [quote, pos] = describeQuote(text, start, start + q);
    const edited = text.slice(0, start) + edit(text.slice(start, start + q), q / 100) + text.slice(start + q);
    const copies = Array.from({ length: 5 }, (_, i) => `${edited}${' '.repeat(i + 1)}`);
    let how = '';
    const m = time((r) => {
      how = matchQuote(copies[r], quote, pos)?.how ?? 'not found';
    });
    const pass = time((r) => copies[r].replace(/[.,;:!?]/g, ''));
    console.log(
      `${(n / 1000).toFixed(0).padStart(5)} KB ${String(q).padStart(7)}   ${m.toFixed(1).padStart(8)} ms ${pass.toFixed(1).padStart(7)} ms ${(m / pass).toFixed(1).padStart(6)}x   ${how}`,
    );
  }
}
