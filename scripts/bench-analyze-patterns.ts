// `npx tsx scripts/bench-analyze-patterns.ts [<page.html>] [--list]`: what a page's FIRST analysis runs,
// counted in Node: the distinct regular expressions executed (V8 compiles each one on its first
// runs, the main cost of a cold analysis) and how often each ran, and the import's own patterns.
// `--cost`: each pattern's first runs timed in this process (a fresh copy of the pattern, wrapped in a
// group so V8's pattern cache cannot hand back the compiled code; its first input, then three more
// runs: V8 interprets a pattern's first run and compiles it to machine code on a later one), sorted
// by cost. Try it under `node --no-regexp-tier-up` (machine code at once) too.
// Default page: the typical article of the benches (seed 003). Counts only; times are in
// scripts/bench-analyze-chromium.ts.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { pagesDir } from '../tests/e2e/harness';

const { values, positionals } = parseArgs({
  options: { list: { type: 'boolean' }, cost: { type: 'boolean' } },
  allowPositionals: true,
});
const file = positionals[0] ?? path.join(pagesDir, '003_7373dea24638aad1.html');
const doc = toSourceDocument(extractArticle(parseHtml(fs.readFileSync(file, 'utf8'))));

// Every regular-expression method goes through `exec` (String.prototype.replace/match/split/search
// with a pattern call RegExp.prototype[Symbol.*], which call `exec`); `test` too.
const runs = new Map<string, number>();
const firstInput = new Map<string, [RegExp, string]>();
let counting = false;
const exec = RegExp.prototype.exec;
RegExp.prototype.exec = function (this: RegExp, s: string) {
  if (counting) {
    const key = `/${this.source}/${this.flags.replace('y', '')}`;
    runs.set(key, (runs.get(key) ?? 0) + 1);
    if (!firstInput.has(key)) firstInput.set(key, [this, s]);
  }
  return exec.call(this, s);
};

counting = true;
const { analyzeSteps } = await import('../lib/analysis/analyze');
const { AnalysisCache } = await import('../lib/analysis/cache');
const { runSteps } = await import('../lib/analysis/steps');
const atImport = new Map(runs);
runs.clear();
runSteps(analyzeSteps(doc, 300, new AnalysisCache()));
counting = false;

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
console.log(
  `${path.basename(file)}: ${doc.blocks.length} blocks, ${[doc.title, ...doc.blocks].join(' ').length} characters`,
);
console.log(`  at import: ${atImport.size} distinct patterns, ${total(atImport)} runs`);
console.log(
  `  first analysis: ${runs.size} distinct patterns (${[...runs.keys()].reduce((n, k) => n + k.length, 0)} characters), ${total(runs)} runs`,
);
if (values.list)
  for (const [k, n] of [...runs].sort((a, b) => b[1] - a[1]))
    console.log(`${String(n).padStart(6)}  ${k.slice(0, 160)}`);
if (values.cost) {
  const costs: [number, string][] = [];
  for (const key of process.env.REVERSE ? [...runs.keys()].reverse() : runs.keys()) {
    const [re, input] = firstInput.get(key) as [RegExp, string];
    const copy = new RegExp(`(?:${re.source})`, re.flags.replace(/[gy]/g, ''));
    const t0 = performance.now();
    for (let i = 0; i < 4; i++) exec.call(copy, input);
    costs.push([performance.now() - t0, key]);
  }
  costs.sort((a, b) => b[0] - a[0]);
  const sum = costs.reduce((a, [t]) => a + t, 0);
  console.log(`  cost of the first four runs of each: ${sum.toFixed(2)} ms in all`);
  for (const [t, k] of costs)
    console.log(`${t.toFixed(3).padStart(8)} ms ${String(k.length).padStart(5)} ch  ${k.slice(0, 120)}`);
}
