// `npx tsx scripts/bench-pattern-floor.ts [--runs N] [<page.html>]`: what compiling our regular
// expressions costs the typical article's first run in Chromium, apart from everything else. In Node,
// the page's extraction and first analysis are run once with every pattern execution recorded (its
// source, flags and up to four of its inputs). Then, in a fresh Chromium each sample (main-thread CPU,
// CDP thread ticks), a plain page runs exactly those patterns on those inputs: in a new renderer
// (nothing compiled: a new tab), again after the page is reloaded in the same tab (V8 keeps compiled
// patterns per renderer: what a reloaded tab sees), and once more in the same document (running
// alone). The first minus the second is what a new tab adds for our patterns; the last is the floor
// of running them. Median and minimum.
// `--top N` (default 20) also lists the N patterns that cost most to compile: in one new renderer,
// each pattern is compiled and run (as the analysis ran it) in 16 variants that V8 cannot share
// (`<source>|[]<k>`: one more branch that never matches), and their time averaged; a trivial
// pattern's figure measured the same way is subtracted. Shown with its source length, flags, runs
// in the analysis and share of the summed compile time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseHtml } from '../lib/cli/parse-html';
import { pagesDir, serveFixtures } from '../tests/e2e/harness';
import { freshChromium } from './fresh-chromium';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, top: { type: 'string', default: '20' } },
  allowPositionals: true,
});
const file = positionals[0] ?? path.join(pagesDir, '003_7373dea24638aad1.html');
const html = parseHtml(fs.readFileSync(file, 'utf8'));

// Every pattern method goes through `exec` (test, replace, match, split, search call it).
const seen = new Map<string, { source: string; flags: string; inputs: string[]; runs: number }>();
let recording = false;
const exec = RegExp.prototype.exec;
RegExp.prototype.exec = function (this: RegExp, s: string) {
  if (recording) {
    recording = false; // (the recording's own string work runs no pattern through here)
    const flags = [...this.flags].filter((f) => f !== 'g' && f !== 'y').join('');
    const key = `/${this.source}/${flags}`;
    let p = seen.get(key);
    if (!p) {
      p = { source: this.source, flags, inputs: [], runs: 0 };
      seen.set(key, p);
    }
    p.runs++;
    if (p.inputs.length < 4 && !p.inputs.includes(String(s))) p.inputs.push(String(s));
    recording = true;
  }
  return exec.call(this, s);
};
const { extractArticle, toSourceDocument } = await import('../lib/page/extract');
const { analyzeSteps } = await import('../lib/analysis/analyze');
const { AnalysisCache } = await import('../lib/analysis/cache');
const { runSteps } = await import('../lib/analysis/steps');
recording = true;
const doc = toSourceDocument(extractArticle(html));
runSteps(analyzeSteps(doc, 300, new AnalysisCache()));
recording = false;
const patterns = [...seen.values()];
const chars = patterns.reduce((n, p) => n + p.source.length, 0);

/** Runs each pattern on its inputs, as often as the analysis did up to four times (V8 compiles to machine code on a later run). */
const RUN = `(() => {
  let n = 0;
  for (const p of globalThis.PATTERNS) {
    const re = new RegExp(p.source, p.flags);
    for (let i = 0; i < Math.min(4, p.runs); i++) if (re.exec(p.inputs[i % p.inputs.length])) n++;
  }
  return n;
})()`;

/** Per pattern, microseconds to compile and run a variant of it the first time, less a trivial pattern's. */
const EACH = `(() => {
  const K = 16;
  const time = (source, flags, inputs, runs, tag) => {
    const t0 = performance.now();
    for (let k = 0; k < K; k++) {
      const re = new RegExp(source + '|[]' + tag + k, flags);
      for (let i = 0; i < Math.min(4, runs); i++) re.exec(inputs[i % inputs.length]);
    }
    return ((performance.now() - t0) * 1000) / K;
  };
  const out = [];
  for (let round = 0; round < 3; round++) {
    const base = time('a', '', ['a'], 1, 'base' + round);
    globalThis.PATTERNS.forEach((p, j) => {
      const us = time(p.source, p.flags, p.inputs, p.runs, 'r' + round + 'p');
      out[j] = Math.min(out[j] ?? Infinity, us - base);
    });
  }
  return out;
})()`;

const server = await serveFixtures();
server.extra.set('/blank.html', '<!doctype html><title>blank</title><p>blank</p>');
const rows = { newTab: [] as number[], reloaded: [] as number[], again: [] as number[] };
const load = os.loadavg()[0];
const each: number[] = [];
try {
  for (let i = 0; i < Number(values.runs); i++) {
    const { browser, page, cpu } = await freshChromium();
    try {
      const timed = async () => {
        await page.evaluate((ps) => Object.assign(globalThis, { PATTERNS: ps }), patterns);
        const t0 = await cpu();
        await page.evaluate(RUN);
        return (await cpu()) - t0;
      };
      await page.goto(`${server.origin}/blank.html`);
      rows.newTab.push(await timed());
      await page.reload();
      rows.reloaded.push(await timed());
      rows.again.push(await timed());
      if (i < 3) {
        const page2 = await browser.newPage();
        await page2.goto(`${server.origin}/blank.html`);
        await page2.evaluate((ps) => Object.assign(globalThis, { PATTERNS: ps }), patterns);
        const us = (await page2.evaluate(EACH)) as number[];
        us.forEach((u, j) => {
          each[j] = Math.min(each[j] ?? Number.POSITIVE_INFINITY, u);
        });
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
const show = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[Math.floor(s.length / 2)].toFixed(2)} ms (min ${s[0].toFixed(2)})`;
};
console.log(
  `${path.basename(file)}: extraction and first analysis run ${patterns.length} distinct patterns (${chars} characters), ${patterns.reduce((n, p) => n + p.runs, 0)} runs; Chromium main-thread CPU, median of ${values.runs} fresh browsers (load ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)})`,
);
console.log(`  in a new renderer (a new tab): ${show(rows.newTab)}`);
console.log(`  after a reload in the same tab (V8's compiled patterns kept): ${show(rows.reloaded)}`);
console.log(`  again in the same document (running alone): ${show(rows.again)}`);

const top = Number(values.top);
if (top > 0 && each.length) {
  const total = each.reduce((n, u) => n + Math.max(0, u), 0);
  console.log(
    `  compile and first runs of each pattern alone, new renderer (min of 3 browsers x 3 rounds, 16 variants each): sum ${(total / 1000).toFixed(2)} ms; the ${top} costliest:`,
  );
  const order = patterns.map((p, j) => ({ p, us: each[j] })).sort((a, b) => b.us - a.us);
  for (const { p, us } of order.slice(0, top)) {
    const src = p.source.length > 70 ? `${p.source.slice(0, 67)}...` : p.source;
    console.log(
      `  ${us.toFixed(0).padStart(5)} µs ${((100 * Math.max(0, us)) / total).toFixed(1).padStart(5)}%  ${String(p.source.length).padStart(5)} chars  ${p.flags.padEnd(2)} ${String(p.runs).padStart(5)} runs  /${src}/`,
    );
  }
}
