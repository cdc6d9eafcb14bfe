// `npx tsx scripts/bench-extract.ts [--runs N] [<dir with lib/>...]`: extraction alone on the 1 MB
// article in Chromium, beside the floor (a bare TreeWalker over the text nodes) in the same load.
// lib/page/extract.ts (of this worktree, or of each directory given, e.g. an older commit's
// `git archive <commit> lib | tar -x -C <dir>`) is bundled into the page and run as the lens runs
// it: the first read (with the first part and a placement of blocks; when the first part came), toSourceDocument, then a
// paragraph appended and read again, twice. A fresh load for every figure (code as cold as in a
// page), builds interleaved; median and minimum per figure. No extension: only extraction's cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath, longArticle, root, serveFixtures } from '../tests/e2e/harness';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '9' } },
});
const dirs = positionals.length ? positionals.map((d) => path.resolve(d)) : [root];

async function bundle(dir: string): Promise<string> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-bench-extract-'));
  const entry = path.join(tmp, 'entry.ts');
  const lib = JSON.stringify(path.join(dir, 'lib/page/extract'));
  fs.writeFileSync(
    entry,
    `import { ExtractionCache, extractArticleSteps, toSourceDocument } from ${lib};\n(window as any).__extract = { ExtractionCache, extractArticleSteps, toSourceDocument };\n`,
  );
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'es2022' });
  fs.rmSync(tmp, { recursive: true });
  return out.outputFiles[0].text;
}

// Page-side (a string: no helpers of the bundler leak in). Times in ms.
const MEASURE = `(() => {
  const ex = window.__extract;
  const out = {};
  let t = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = w.nextNode(); node; node = w.nextNode()) n += node.data.length;
  out.floor = performance.now() - t;
  const h = innerHeight;
  const view = (el) => {
    const r = el.getBoundingClientRect();
    if (!r.height && !r.width) return -1;
    return r.bottom < -h ? -1 : r.top > 2 * h ? 1 : 0;
  };
  const cache = new ex.ExtractionCache();
  const read = (options) => {
    const start = performance.now();
    const steps = ex.extractArticleSteps(document, { cache, ...options }, 1500);
    let r = steps.next();
    while (!r.done) {
      if (r.value && out.toFirst === undefined) out.toFirst = performance.now() - start;
      r = steps.next();
    }
    ex.toSourceDocument(r.value);
    return r.value;
  };
  t = performance.now();
  // As the lens reads it: a first part of 2,000 characters on an article of 30,000 or more.
  out.blocks = read({ firstChars: 2000, longChars: 30000, view }).blocks.length;
  out.first = performance.now() - t;
  for (const name of ['rerun', 'rerun2']) {
    const p = document.createElement('p');
    p.textContent = 'Update: neighbouring Southwark was rated good in 2019, inspectors noted.';
    const article = document.querySelector('article') ?? document.body;
    article.append(p);
    cache.markChildren(article, [p], []);
    t = performance.now();
    read({});
    out[name] = performance.now() - t;
  }
  return out;
})()`;

async function main() {
  const bundles = await Promise.all(dirs.map(bundle));
  const server = await serveFixtures();
  server.extra.set('/1mb.html', longArticle(1_000_000));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  const figures = dirs.map(() => new Map<string, number[]>());
  for (let run = 0; run < Number(values.runs); run++)
    for (let i = 0; i < dirs.length; i++) {
      await page.goto(`${server.origin}/1mb.html`);
      await page.waitForTimeout(200);
      await page.addScriptTag({ content: bundles[i] });
      const out = (await page.evaluate(MEASURE)) as Record<string, number>;
      for (const [k, v] of Object.entries(out)) figures[i].set(k, [...(figures[i].get(k) ?? []), v]);
    }
  await browser.close();
  await server.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `1 MB article, extraction alone in Chromium (ms, median / minimum of ${values.runs} fresh loads; load average ${os.loadavg()[0].toFixed(1)}):`,
  );
  dirs.forEach((dir, i) => {
    const f = figures[i];
    const show = (k: string) => `${median(f.get(k) ?? [])?.toFixed(1)} / ${Math.min(...(f.get(k) ?? [])).toFixed(1)}`;
    console.log(`  ${dir}: ${f.get('blocks')?.[0]} blocks`);
    console.log(
      `    floor (bare TreeWalker) ${show('floor')}; first read ${show('first')}, its first part yielded at ${show('toFirst')}`,
    );
    console.log(`    re-run after a paragraph appended ${show('rerun')}; after another ${show('rerun2')}`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
