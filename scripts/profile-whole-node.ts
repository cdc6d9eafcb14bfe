// `npx tsx scripts/profile-whole-node.ts [--runs N] [--out file.json]`: the 1 MB article's whole
// analysis in Node (extracted once, then `analyzeSteps(doc, 300, new AnalysisCache())` run N times,
// each with a fresh cache as a page's first whole run has). Prints the median and minimum; `--out`
// writes the last run's analysis as JSON (to compare two versions' output with `cmp`). Run with
// `node --cpu-prof --import tsx scripts/profile-whole-node.ts` for a CPU profile.
import fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { analyzeSteps } from '../lib/analysis/analyze';
import { AnalysisCache } from '../lib/analysis/cache';
import { runSteps } from '../lib/analysis/steps';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { longArticle } from '../tests/e2e/harness';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, out: { type: 'string' }, cold: { type: 'boolean' } },
});
const RUNS = Number(values.runs);
const doc = toSourceDocument(extractArticle(parseHtml(longArticle(1_000_000))));
if (values.cold) {
  // As a page's lens runs it once (bench-analyze-chromium.ts's "whole after"): the first screens'
  // 30,000 characters analysed first (the code's first use), then the whole article with that
  // cache, timed (process CPU). Run the script many times for a figure.
  const cache = new AnalysisCache();
  let n = doc.title.length;
  let k = 0;
  while (k < doc.blocks.length && n < 30000) n += doc.blocks[k++].length;
  runSteps(
    analyzeSteps({ ...doc, blocks: doc.blocks.slice(0, k), blockKinds: doc.blockKinds?.slice(0, k) }, 300, cache),
  );
  const c0 = process.cpuUsage();
  runSteps(analyzeSteps(doc, 300, cache));
  const c = process.cpuUsage(c0);
  console.log(`cold whole after: CPU ${((c.user + c.system) / 1000).toFixed(1)} ms`);
  process.exit(0);
}
// Garbage collections during the runs (after the extraction): how many and their time.
let gcs = 0;
let gcMs = 0;
const gcWatch = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcs++;
    gcMs += e.duration;
  }
});
gcWatch.observe({ entryTypes: ['gc'] });
const times: number[] = [];
const cpu: number[] = [];
let last: unknown;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  last = runSteps(analyzeSteps(doc, 300, new AnalysisCache()));
  const c = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
}
const med = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `median ${sorted[sorted.length >> 1].toFixed(1)} ms (min ${sorted[0].toFixed(1)})`;
};
await new Promise((r) => setTimeout(r, 10)); // the observer's entries are delivered after a turn
gcWatch.disconnect();
// CPU: the process's (GC helper threads included), less swayed than wall time on a shared machine.
console.log(
  `1 MB article (${doc.blocks.length} blocks), whole analysis over ${RUNS} runs: wall ${med(times)}, CPU ${med(cpu)}; GC ${(gcs / RUNS).toFixed(1)} a run, ${(gcMs / RUNS).toFixed(1)} ms`,
);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(last));
