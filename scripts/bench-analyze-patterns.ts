// `npx tsx scripts/bench-analyze-patterns.ts [<page.html>] [--list]`: what a page's FIRST analysis runs,
// counted in Node: the distinct regular expressions executed (V8 compiles each one on its first
// runs, the main cost of a cold analysis) and how often each ran, and the import's own patterns.
// Default page: the typical article of the benches (seed 003). Counts only; times are in
// scripts/bench-analyze-chromium.ts.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { pagesDir } from '../tests/e2e/harness';

const { values, positionals } = parseArgs({ options: { list: { type: 'boolean' } }, allowPositionals: true });
const file = positionals[0] ?? path.join(pagesDir, '003_7373dea24638aad1.html');
const doc = toSourceDocument(extractArticle(parseHtml(fs.readFileSync(file, 'utf8'))));

// Every regular-expression method goes through `exec` (String.prototype.replace/match/split/search
// with a pattern call RegExp.prototype[Symbol.*], which call `exec`); `test` too.
const runs = new Map<string, number>();
let counting = false;
const exec = RegExp.prototype.exec;
RegExp.prototype.exec = function (this: RegExp, s: string) {
  if (counting) {
    const key = `/${this.source}/${this.flags.replace('y', '')}`;
    runs.set(key, (runs.get(key) ?? 0) + 1);
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
console.log(`  first analysis: ${runs.size} distinct patterns, ${total(runs)} runs`);
if (values.list)
  for (const [k, n] of [...runs].sort((a, b) => b[1] - a[1]))
    console.log(`${String(n).padStart(6)}  ${k.slice(0, 160)}`);
