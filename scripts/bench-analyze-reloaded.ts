// `npx tsx scripts/bench-analyze-reloaded.ts [--against <commit>] [--runs N] [--page <html>]`: the
// typical article's analysis as in a RELOADED tab, in Node. A reloaded tab runs the engine in a new
// JavaScript context of the same V8 isolate: the scripts' bytecode and the compiled patterns are
// cached from the last load, but nothing has run in the new context yet (no type feedback, no
// optimised code, every table of ours to build again). Each sample is a fresh `node` process
// (--single-threaded: its compilers and GC work on the main thread) that evaluates the analysis
// core and analyses the page in a first vm context (the last load), then does the same in new
// contexts (the reloaded tab): the CPU time of the module's evaluation and of the analysis in each.
// With --against, that commit's core (its lib/, from git) is measured in the same run, interleaved.
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
    against: { type: 'string', multiple: true },
    runs: { type: 'string', default: '9' },
    // Reloads measured per process (each in its own new context, after the first load).
    reloads: { type: 'string', default: '3' },
    page: { type: 'string', default: path.join(pagesDir, '003_7373dea24638aad1.html') },
  },
});
const runs = Number(values.runs);
const reloads = Number(values.reloads);

const trees: { name: string; dir: string }[] = [{ name: 'this tree', dir: root }];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-reloaded-'));
for (const [k, commit] of (values.against ?? []).entries()) {
  const dir = path.join(tmp, `against${k}`);
  fs.mkdirSync(dir);
  exportLib(commit, dir);
  trees.push({ name: commit, dir });
}

/** One script per tree: the first load, then `reloads` loads, each in a new context, each timed. */
async function bundle(dir: string, k: number, docJson: string): Promise<string> {
  const core = await bundleAnalysisCore(dir);
  const load = `${core}
const t1 = cpu();
IL.runSteps(IL.analyzeSteps(DOC, 300, new IL.AnalysisCache()));
const t2 = cpu();
out.push({ imported: t1 - t0, analysed: t2 - t1 });`;
  const file = path.join(tmp, `tree${k}.cjs`);
  fs.writeFileSync(
    file,
    `const vm = require('node:vm');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const source = ${JSON.stringify(`const t0 = cpu();\n${load}`)};
const script = new vm.Script(source, { filename: 'engine.js' });
const DOC = ${docJson};
const out = [];
for (let i = 0; i <= ${reloads}; i++) script.runInNewContext({ cpu, out, DOC: structuredClone(DOC) });
console.log(JSON.stringify(process.env.ALL ? out : out.slice(1)));
`,
  );
  return file;
}

async function main() {
  const doc = toSourceDocument(extractArticle(parseHtml(fs.readFileSync(values.page, 'utf8'))));
  const files = await Promise.all(trees.map((t, k) => bundle(t.dir, k, JSON.stringify(doc))));
  const samples = trees.map(() => ({ imported: [] as number[], analysed: [] as number[] }));
  const load = os.loadavg()[0];
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < trees.length; k++) {
      const out: { imported: number; analysed: number }[] = JSON.parse(
        execFileSync(process.execPath, ['--single-threaded', files[k]], { encoding: 'utf8' }),
      );
      for (const o of out) {
        samples[k].imported.push(o.imported);
        samples[k].analysed.push(o.analysed);
      }
    }
  const show = (xs: number[]) => {
    const s = spread(xs);
    return `${s.median.toFixed(2)} ms (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;
  };
  console.log(
    `${path.basename(values.page)} in a reloaded context: process CPU time (V8 single-threaded), median of ${runs} processes x ${reloads} reloads per tree, interleaved; load average ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}`,
  );
  trees.forEach((t, k) => {
    console.log(`  ${t.name}:`);
    console.log(`    the engine's evaluation (module top level): ${show(samples[k].imported)}`);
    console.log(`    the analysis: ${show(samples[k].analysed)}`);
  });
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => process.env.KEEP || fs.rmSync(tmp, { recursive: true, force: true }));
