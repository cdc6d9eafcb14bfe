// `npx tsx scripts/profile-whole-node.ts [--runs N] [--out file.json]`: the 1 MB article's whole
// analysis in Node (extracted once, then `analyzeSteps(doc, 300, new AnalysisCache())` run N times,
// each with a fresh cache as a page's first whole run has). Prints the median and minimum; `--out`
// writes the last run's analysis as JSON (to compare two versions' output with `cmp`). Run with
// `node --cpu-prof --import tsx scripts/profile-whole-node.ts` for a CPU profile.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeSteps } from '../lib/analysis/analyze';
import { AnalysisCache } from '../lib/analysis/cache';
import { runSteps } from '../lib/analysis/steps';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { longArticle } from '../tests/e2e/harness';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, out: { type: 'string' } } });
const RUNS = Number(values.runs);
const doc = toSourceDocument(extractArticle(parseHtml(longArticle(1_000_000))));
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
// CPU: the process's (GC helper threads included), less swayed than wall time on a shared machine.
console.log(
  `1 MB article (${doc.blocks.length} blocks), whole analysis over ${RUNS} runs: wall ${med(times)}, CPU ${med(cpu)}`,
);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(last));
