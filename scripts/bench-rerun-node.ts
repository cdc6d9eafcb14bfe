// `npx tsx scripts/bench-rerun-node.ts [--runs N]`: the analysis's re-run alone in Node, on the
// 1 MB article of bench:page, after three paragraphs are added one after another (as
// trace-rerun.ts adds them), with the block cache as the page runner uses it. Prints the median
// and minimum of each re-run. A quick check of the analysis's share of a re-run; the page's
// figure is trace-rerun.ts's.
import { parseArgs } from 'node:util';
import { analyzeSteps } from '../lib/analysis/analyze';
import { AnalysisCache } from '../lib/analysis/cache';
import { runSteps } from '../lib/analysis/steps';
import type { BlockKind, SourceDocument } from '../lib/analysis/text';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { longArticle } from '../tests/e2e/harness';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);
const page = toSourceDocument(extractArticle(parseHtml(longArticle(1_000_000))));
const added = [
  'Update: neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.',
  'Update 3: inspectors will return to Southwark next year, the council said.',
  'Update 4: inspectors will return to Southwark next year, the council said.',
];
const docs: SourceDocument[] = [page];
for (const p of added) {
  const last = docs[docs.length - 1];
  docs.push({
    title: last.title,
    blocks: [...last.blocks, p],
    blockKinds: [...(last.blockKinds ?? []), 'text' as BlockKind],
  });
}
const samples: number[][] = added.map(() => []);
for (let r = 0; r < RUNS; r++) {
  const cache = new AnalysisCache();
  runSteps(analyzeSteps(docs[0], 150, cache));
  runSteps(analyzeSteps(docs[0], 150, cache)); // the idle re-run
  for (let i = 1; i < docs.length; i++) {
    const t0 = performance.now();
    runSteps(analyzeSteps(docs[i], 150, cache));
    samples[i - 1].push(performance.now() - t0);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [i, s] of samples.entries())
  console.log(`paragraph ${i + 1}: median ${median(s).toFixed(2)} ms (min ${Math.min(...s).toFixed(2)})`);
