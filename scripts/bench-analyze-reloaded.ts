// `npx tsx scripts/bench-analyze-reloaded.ts [--against <commit>] [--runs N] [--page <html>]`: the
// typical article's analysis as in a RELOADED tab, in Node. A reloaded tab runs the engine in a new
// JavaScript context of the same V8 isolate: the scripts' bytecode and the compiled patterns are
// cached from the last load, but nothing has run in the new context yet (no type feedback, no
// optimised code, every table of ours to build again). Each sample is a fresh `node` process
// (--single-threaded: its compilers and GC work on the main thread) that evaluates the analysis
// core and analyses the page in a first vm context (the last load), then does the same in new
// contexts (the reloaded tab): the CPU time of the module's evaluation and of the analysis in each.
// With --against, that commit's core (its lib/, from git) is measured in the same run, interleaved.
// --chromium: the same in Chromium, in one tab (one renderer) navigated to a page per load, the
// trees' pages in turn: each load evaluates its tree's core (the compile hint the engine carries
// first) and analyses the page, timed as the renderer main thread's CPU time (CDP ThreadTime);
// the first load of each tree is not counted (it compiles the patterns).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { chromiumPath, pagesDir, root } from '../tests/e2e/harness';
import { bundleAnalysisCore, exportLib } from './analysis-core-bundle';
import { spread } from './bench-results';

const { values } = parseArgs({
  options: {
    against: { type: 'string', multiple: true },
    runs: { type: 'string', default: '9' },
    // Reloads measured per process (each in its own new context, after the first load).
    reloads: { type: 'string', default: '3' },
    page: { type: 'string', default: path.join(pagesDir, '003_7373dea24638aad1.html') },
    chromium: { type: 'boolean', default: false },
    // With --chromium: V8's sampling profiler on this tree's loads (not minified), self time per function.
    top: { type: 'string', default: '0' },
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

/**
 * Chromium: one page (one renderer, one V8 isolate); each load is a new same-origin iframe (a new
 * context, as a reloaded tab's content script gets) in which the tree's core is evaluated (with the
 * compile hint the engine carries) and the page analysed; CPU of each step.
 */
async function inChromium(docJson: string) {
  const top = Number(values.top);
  const code = await Promise.all(trees.map((t, k) => bundleAnalysisCore(t.dir, !(top && k === 0))));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.route('http://bench.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>t</title><p>bench</p>' }),
  );
  await page.goto('http://bench.test/');
  await page.evaluate(
    ([codes, doc]) => {
      const g = globalThis as unknown as Record<string, unknown>;
      g.CODES = codes.map((c) => `//# allFunctionsCalledOnLoad\n${c}`);
      g.DOC_JSON = doc;
    },
    [code, docJson] as [string[], string],
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  const cpu = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
  const samples = trees.map(() => ({ imported: [] as number[], analysed: [] as number[] }));
  const load = os.loadavg()[0];
  const self = new Map<string, number>();
  if (top) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }
  for (let i = 0; i <= runs; i++)
    for (let k = 0; k < trees.length; k++) {
      const profiling = top > 0 && k === 0 && i > 0;
      await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown>;
        (g.FRAME as HTMLIFrameElement | undefined)?.remove();
        const f = document.createElement('iframe');
        document.body.append(f);
        g.FRAME = f;
        const w = f.contentWindow as unknown as Record<string, unknown>;
        w.DOC = JSON.parse(g.DOC_JSON as string);
      });
      if (profiling) await cdp.send('Profiler.start');
      const t0 = await cpu();
      await page.evaluate((k) => {
        const f = (globalThis as unknown as { FRAME: HTMLIFrameElement }).FRAME;
        const script = (f.contentDocument as Document).createElement('script');
        script.textContent = (globalThis as unknown as { CODES: string[] }).CODES[k];
        (f.contentDocument as Document).head.append(script);
      }, k);
      const t1 = await cpu();
      await page.evaluate(() => {
        const w = (globalThis as unknown as { FRAME: HTMLIFrameElement }).FRAME.contentWindow as unknown as {
          IL: {
            runSteps(g: unknown): unknown;
            analyzeSteps(d: unknown, n: number, c: unknown): unknown;
            AnalysisCache: new () => unknown;
          };
          DOC: unknown;
        };
        w.IL.runSteps(w.IL.analyzeSteps(w.DOC, 300, new w.IL.AnalysisCache()));
      });
      const t2 = await cpu();
      if (profiling) {
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
        addSelfTimes(profile, self);
      }
      if (i === 0) continue;
      samples[k].imported.push(t1 - t0);
      samples[k].analysed.push(t2 - t1);
    }
  await browser.close();
  if (top) {
    console.log(`this tree, profiled (inflated), self time (and "total": inclusive) per load, top ${top}:`);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${(us / 1000 / runs).toFixed(3).padStart(7)}  ${name}`);
  }
  report(
    samples,
    load,
    `Chromium, one page, a new iframe per load, ${runs} loads per tree after a first, interleaved (renderer main-thread CPU)`,
  );
}

interface Profile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Adds each sample's interval to the self time of its function, and to the inclusive time of each function on its stack (by name). */
function addSelfTimes(profile: Profile, self: Map<string, number>) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id: number) => {
    const f = byId.get(id)?.callFrame;
    return f ? f.functionName || (f.url ? '(anonymous)' : '(program)') : '?';
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const name = nameOf(profile.samples[i]);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const key = `total ${nameOf(id)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      self.set(key, (self.get(key) ?? 0) + dt);
    }
  }
}

function report(samples: { imported: number[]; analysed: number[] }[], load: number, how: string) {
  const show = (xs: number[]) => {
    const s = spread(xs);
    return `${s.median.toFixed(2)} ms (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;
  };
  console.log(
    `${path.basename(values.page)} in a reloaded context: ${how}; load average ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}`,
  );
  trees.forEach((t, k) => {
    console.log(`  ${t.name}:`);
    console.log(`    the engine's evaluation (module top level): ${show(samples[k].imported)}`);
    console.log(`    the analysis: ${show(samples[k].analysed)}`);
  });
}

async function main() {
  const doc = toSourceDocument(extractArticle(parseHtml(fs.readFileSync(values.page, 'utf8'))));
  if (values.chromium) return inChromium(JSON.stringify(doc));
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
  report(
    samples,
    load,
    `process CPU time (V8 single-threaded), median of ${runs} processes x ${reloads} reloads per tree, interleaved`,
  );
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => process.env.KEEP || fs.rmSync(tmp, { recursive: true, force: true }));
