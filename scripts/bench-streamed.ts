// `npx tsx scripts/bench-streamed.ts <build dir>...`: the typical article (seed 003) served as a
// news site streams it: the <head> at once, the <body> DELAY ms later (default 100), so that the
// early content script's look at the head (lib/content/early-engine.ts) has time to start the
// engine's import before document_idle, which bench:page's one-piece pages from 127.0.0.1 do not
// give it. For each build (loads interleaved, RUNS each, default 8): when highlights were set and
// the page's first paint came (from navigation start), how long the content script waited for the
// engine at document_idle, and when the early import began and ended. IL marks must be on: the
// builds are launched as in the browser tests (launchWithExtension).
import fs from 'node:fs';
import http from 'node:http';
import { launchWithExtension, pagesDir, paintedOrTurnedDown, untilMarked } from '../tests/e2e/harness';

const html = fs.readFileSync(`${pagesDir}/003_7373dea24638aad1.html`, 'utf8');
const cut = html.indexOf('<body');
const DELAY = Number(process.env.DELAY ?? 100);
const RUNS = Number(process.env.RUNS ?? 8);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.write(html.slice(0, cut));
  setTimeout(() => res.end(html.slice(cut)), DELAY);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as { port: number }).port;
const dirs = process.argv.slice(2);
const exts = [];
for (const d of dirs) {
  const e = await launchWithExtension(d);
  await e.context.addInitScript({ content: 'window.__name = (f) => f;' });
  exts.push(e);
}
type Row = { set: number; fp: number; start: number; wait: number; earlyAt: number; earlyDone: number };
const rows: Row[][] = dirs.map(() => []);
for (let i = 0; i < RUNS; i++)
  for (const [k, e] of exts.entries()) {
    const page = await e.context.newPage();
    await page.goto(`http://127.0.0.1:${port}/article.html?${i}`);
    await untilMarked(page, paintedOrTurnedDown);
    await page.waitForTimeout(100);
    rows[k].push(
      await page.evaluate(() => {
        const t = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
        const early = (performance.getEntriesByName('il:engine-early')[0] as PerformanceMark | undefined)?.detail as
          | { startedAt: number; loadedAt?: number }
          | undefined;
        return {
          set: t('il:highlighted'),
          fp: t('first-paint'),
          start: t('il:start'),
          wait: t('il:engine-loaded') - t('il:engine-load'),
          earlyAt: early?.startedAt ?? Number.NaN,
          earlyDone: early?.loadedAt ?? Number.NaN,
        };
      }),
    );
    await page.close();
  }
const med = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)].toFixed(0) : '–';
};
const range = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? `${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)}` : '–';
};
console.log(
  `Typical article, head then body ${DELAY} ms later; ${RUNS} loads per build, interleaved; ms from navigation start`,
);
for (const [k, d] of dirs.entries()) {
  const r = rows[k];
  console.log(
    `${d}: highlights set ${med(r.map((x) => x.set))} (${range(r.map((x) => x.set))}), page's first paint ${med(r.map((x) => x.fp))}, content script start ${med(r.map((x) => x.start))}; waited for the engine ${med(r.map((x) => x.wait))} ms (${range(r.map((x) => x.wait))}); early import ${med(r.map((x) => x.earlyAt))} → ${med(r.map((x) => x.earlyDone))}; highlights in the first paint ${r.filter((x) => x.fp >= x.set).length} of ${r.length}`,
  );
}
for (const e of exts) await e.close();
server.close();
