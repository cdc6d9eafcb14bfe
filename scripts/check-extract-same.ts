// `npx tsx scripts/check-extract-same.ts <dir with lib/>...`: that two or more versions of
// lib/page/extract.ts (this worktree's, an older commit's `git archive <commit> lib | tar -x -C <dir>`)
// extract the same in Chromium: for the 1 MB and 200 KB long articles and every fixture page, read as
// the lens reads them (a first part of 2,000 characters on an article of 30,000 or more, with a
// cache), then a paragraph appended and read again: every first part, the whole and the re-run, as
// title, container and each block's text, element and segments. Prints the pages that differ.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath, longArticle, pagesDir, serveFixtures } from '../tests/e2e/harness';

async function bundle(dir: string): Promise<string> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-same-'));
  const entry = path.join(tmp, 'entry.ts');
  const lib = JSON.stringify(path.join(path.resolve(dir), 'lib/page/extract'));
  fs.writeFileSync(
    entry,
    `import { ExtractionCache, extractArticleSteps } from ${lib};\n(window as any).__extract = { ExtractionCache, extractArticleSteps };\n`,
  );
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'es2022' });
  fs.rmSync(tmp, { recursive: true });
  return out.outputFiles[0].text;
}

// Page-side (a string: no helpers of the bundler leak in).
const DUMP = `(() => {
  const ex = window.__extract;
  const dump = (d) => JSON.stringify([d.title, d.root.tagName, d.root.className, d.blocks.map((b) => [b.text, b.element.tagName,
    b.segments.map((s) => [s.start, s.length, s.nodeStart, s.offsets ? Array.from(s.offsets).join(',') : null, s.node.data])])]);
  const cache = new ex.ExtractionCache();
  const steps = ex.extractArticleSteps(document, { cache, firstChars: 2000, longChars: 30000 }, 1500);
  const firsts = [];
  let r = steps.next();
  while (!r.done) {
    if (r.value) firsts.push(dump(r.value));
    r = steps.next();
  }
  const p = document.createElement('p');
  p.textContent = 'Update: neighbouring Southwark was rated good in 2019, inspectors noted.';
  const article = document.querySelector('article') ?? document.body;
  article.append(p);
  cache.markChildren(article, [p], []);
  const again = ex.extractArticleSteps(document, { cache }, 1500);
  let q = again.next();
  while (!q.done) q = again.next();
  return { firsts, whole: dump(r.value), rerun: dump(q.value) };
})()`;

async function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length < 2) throw new Error('give two or more directories with lib/');
  const bundles = await Promise.all(dirs.map(bundle));
  const server = await serveFixtures();
  server.extra.set('/1mb.html', longArticle(1_000_000));
  server.extra.set('/200k.html', longArticle(200_000));
  const urls = [
    '/1mb.html',
    '/200k.html',
    ...fs
      .readdirSync(pagesDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => `/${f}`),
  ];
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  let same = 0;
  for (const url of urls) {
    const got: string[] = [];
    for (const b of bundles) {
      await page.goto(server.origin + url);
      await page.addScriptTag({ content: b });
      got.push(JSON.stringify(await page.evaluate(DUMP)));
    }
    if (got.every((g) => g === got[0])) same++;
    else console.log(`different: ${url}`);
    const first = JSON.parse(got[0]) as { firsts: string[] };
    if (url === '/1mb.html' || url === '/200k.html') console.log(`${url}: ${first.firsts.length} first part(s)`);
  }
  console.log(`${same} of ${urls.length} pages: first parts, whole and re-run the same`);
  await browser.close();
  await server.close();
  if (same !== urls.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
