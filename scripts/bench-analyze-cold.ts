// `npx tsx scripts/bench-analyze-cold.ts [--against <commit>] [--runs N] [--node-flags "..."]`: a
// page's FIRST analysis in Node, each sample a fresh `node` process (nothing compiled, no pattern
// run yet): the time of the engine's import (its module top level: tables, Maps, the name
// index) and of the typical article's first analysis (seed 003, extracted), then the same analysis
// again (warm). With --against, the analysis core of that commit (its lib/, from git) is measured in
// the same run, samples interleaved. Each process runs V8 on one thread (--single-threaded: its
// compilers and garbage collector work on the main thread), so the process's CPU time is all the
// work the analysis costs, which a loaded machine disturbs far less than wall time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { pagesDir, root } from '../tests/e2e/harness';
import { bundleAnalysisCore, exportLib } from './analysis-core-bundle';
import { spread } from './bench-results';

const { values } = parseArgs({
  options: {
    against: { type: 'string' },
    runs: { type: 'string', default: '9' },
    'node-flags': { type: 'string', default: '' },
    page: { type: 'string', default: path.join(pagesDir, '003_7373dea24638aad1.html') },
  },
});
const runs = Number(values.runs);

const trees: { name: string; dir: string }[] = [{ name: 'this tree', dir: root }];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cold-'));
if (values.against) {
  const dir = path.join(tmp, 'against');
  fs.mkdirSync(dir);
  exportLib(values.against, dir);
  trees.push({ name: values.against, dir });
}

/** One script per tree: the document, then the engine's import and two analyses, each timed. */
async function bundle(dir: string, k: number, docJson: string): Promise<string> {
  const core = await bundleAnalysisCore(dir);
  const file = path.join(tmp, `tree${k}.cjs`);
  const cpu = 'const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };';
  fs.writeFileSync(
    file,
    `${cpu}
const DOC = ${docJson};
const t0 = cpu();
${core}
const t1 = cpu();
IL.runSteps(IL.analyzeSteps(DOC, 300, new IL.AnalysisCache()));
const t2 = cpu();
IL.runSteps(IL.analyzeSteps(DOC, 300, new IL.AnalysisCache()));
const t3 = cpu();
console.log(JSON.stringify({ imported: t1 - t0, first: t2 - t1, second: t3 - t2 }));
`,
  );
  return file;
}

async function main() {
  const doc = toSourceDocument(extractArticle(parseHtml(fs.readFileSync(values.page, 'utf8'))));
  const files = await Promise.all(trees.map((t, k) => bundle(t.dir, k, JSON.stringify(doc))));
  const flags = values['node-flags'].split(/\s+/).filter(Boolean);
  const samples = trees.map(() => ({ imported: [] as number[], first: [] as number[], second: [] as number[] }));
  const load = os.loadavg()[0];
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < trees.length; k++) {
      const out = JSON.parse(
        execFileSync(process.execPath, ['--single-threaded', ...flags, files[k]], { encoding: 'utf8' }),
      );
      samples[k].imported.push(out.imported);
      samples[k].first.push(out.first);
      samples[k].second.push(out.second);
    }
  const show = (xs: number[]) => {
    const s = spread(xs);
    return `${s.median.toFixed(2)} ms (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;
  };
  console.log(
    `${path.basename(values.page)}: process CPU time (V8 single-threaded), median of ${runs} fresh node processes per tree, interleaved${flags.length ? ` (${flags.join(' ')})` : ''}; load average ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  trees.forEach((t, k) => {
    console.log(`  ${t.name}:`);
    console.log(`    the engine's import (module top level): ${show(samples[k].imported)}`);
    console.log(`    the first analysis: ${show(samples[k].first)}`);
    console.log(`    the same analysis again: ${show(samples[k].second)}`);
  });
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
