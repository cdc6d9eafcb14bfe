// `npm run bench:analyze`: speed of the analysis core in Node, printed as figures (not asserted).
// Targets: a 2,000-word article under 2 ms median; at least 10 MB/s on long text. Each figure is
// quoted beside a single-pass regular-expression scan of the same text measured in the same run
// (the floor any keyword highlighter pays), because these machines are shared and noisy.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeDocument, analyzeSteps } from '../lib/analysis/analyze';
import { AnalysisCache } from '../lib/analysis/cache';
import { runSteps } from '../lib/analysis/steps';
import { documentFromPlainText, type SourceDocument } from '../lib/analysis/text';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { longArticle } from '../tests/e2e/harness';
import { figure, recordResults } from './bench-results';

const root = path.resolve(import.meta.dirname, '..');
const seedDir = path.join(root, 'tests/fixtures/seeds');
const seeds = fs
  .readdirSync(seedDir)
  .sort()
  .map((f) => documentFromPlainText(fs.readFileSync(path.join(seedDir, f), 'utf8')));

function wordsOf(doc: SourceDocument) {
  return [doc.title, ...doc.blocks].join(' ').split(/\s+/).length;
}

/** A ~2,000-word article made of the seed articles' paragraphs. */
function article(words: number): SourceDocument {
  const blocks: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const seed = seeds[i % seeds.length];
    const b = seed.blocks[Math.floor(i / seeds.length) % seed.blocks.length];
    blocks.push(b);
    n += b.split(/\s+/).length;
  }
  return { title: seeds[3].title, blocks };
}

const KEYWORDS =
  /\b(?:outstanding|good|requires improvement|inadequate|Ofsted|Hackney|Essex|Lambeth|Plymouth|Nottingham|council)\b/gi;
function regexScan(doc: SourceDocument): number {
  let n = 0;
  for (const b of [doc.title, ...doc.blocks]) {
    KEYWORDS.lastIndex = 0;
    while (KEYWORDS.exec(b)) n++;
  }
  return n;
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time<T>(fn: () => T, runs: number): { median: number; min: number; samples: number[] } {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up the JIT
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return { median: median(ts), min: Math.min(...ts), samples: ts };
}

const typical = article(2000);
const a = time(() => analyzeDocument(typical), 300);
const r = time(() => regexScan(typical), 300);
console.log(
  `typical article: ${wordsOf(typical)} words, ${JSON.stringify([typical.title, ...typical.blocks].join('\n\n').length)} chars`,
);
console.log(`  analysis median ${a.median.toFixed(3)} ms (min ${a.min.toFixed(3)} ms); target < 2 ms`);
console.log(`  regex scan median ${r.median.toFixed(3)} ms; analysis / regex = ${(a.median / r.median).toFixed(1)}×`);

const long = article(1_700_000); // ~10 MB
const bytes = Buffer.byteLength([long.title, ...long.blocks].join('\n\n'));
const la = time(() => analyzeDocument(long), 3);
const lr = time(() => regexScan(long), 3);
const mb = bytes / 1e6;
console.log(`long text: ${mb.toFixed(1)} MB`);
console.log(`  analysis ${la.median.toFixed(0)} ms = ${(mb / (la.median / 1000)).toFixed(1)} MB/s; target >= 10 MB/s`);
console.log(
  `  regex scan ${lr.median.toFixed(0)} ms = ${(mb / (lr.median / 1000)).toFixed(1)} MB/s; analysis / regex = ${(la.median / lr.median).toFixed(1)}×`,
);

// The 1 MB article of `bench:page` (seed 003's paragraphs repeated, each copy numbered), extracted
// as the content script extracts it: the whole analysis, and the re-run after a paragraph is added
// (with the block cache, as the page runner does).
const page1mb = toSourceDocument(extractArticle(parseHtml(longArticle(1_000_000))));
const whole = time(() => analyzeDocument(page1mb), 15);
const withParagraph: SourceDocument = {
  title: page1mb.title,
  blocks: [...page1mb.blocks, 'Update: neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.'],
  blockKinds: page1mb.blockKinds ? [...page1mb.blockKinds, 'text'] : undefined,
};
const rerunSamples: number[] = [];
for (let i = 0; i < 15; i++) {
  const cache = new AnalysisCache();
  runSteps(analyzeSteps(page1mb, 300, cache));
  const t0 = performance.now();
  runSteps(analyzeSteps(withParagraph, 300, cache));
  rerunSamples.push(performance.now() - t0);
}
const p1 = Buffer.byteLength([page1mb.title, ...page1mb.blocks].join('\n\n'));
const scan1 = time(() => regexScan(page1mb), 15);
console.log(
  `1 MB article (bench:page's, extracted): ${(p1 / 1e6).toFixed(2)} MB of text, ${page1mb.blocks.length} blocks`,
);
console.log(
  `  analysis median ${whole.median.toFixed(1)} ms (min ${whole.min.toFixed(1)}); regex scan ${scan1.median.toFixed(1)} ms`,
);
console.log(
  `  a paragraph added, the re-run: median ${median(rerunSamples).toFixed(2)} ms (min ${Math.min(...rerunSamples).toFixed(2)})`,
);

recordResults('analyze', {
  runtime: `Node ${process.version}`,
  typicalArticle: {
    words: wordsOf(typical),
    analysis: figure(a.samples, { baselines: { regexScan: r.samples }, budget: 2 }),
  },
  longText: {
    megabytes: Math.round(mb * 100) / 100,
    analysis: figure(la.samples, { baselines: { regexScan: lr.samples } }),
    megabytesPerSecond: figure(
      la.samples.map((t) => mb / (t / 1000)),
      { unit: 'MB/s', baselines: { regexScan: lr.samples.map((t) => mb / (t / 1000)) } },
    ),
    targetMegabytesPerSecond: 10,
  },
  article1mb: {
    megabytes: Math.round((p1 / 1e6) * 100) / 100,
    analysis: figure(whole.samples, { baselines: { regexScan: scan1.samples } }),
    rerunAfterParagraph: figure(rerunSamples),
  },
});
