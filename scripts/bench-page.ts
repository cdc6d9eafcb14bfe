// `npm run bench:page`: the content script in real Chromium, printed as figures (not asserted).
// For each page: time from content-script start to highlights painted, the longest main-thread
// task while it ran, the quick check's cost; beside a bare TreeWalker pass over the same page's
// text nodes (the floor) and mark.js highlighting the same words on the same page (the usual
// tool), all measured in this run. Budgets: typical article < 10 ms; 1 MB article < 150 ms with
// no task over 50 ms; quick check < 1 ms; faster than mark.js on every page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { analyzeDocument } from '../lib/analysis/analyze';
import { findingsOf } from '../lib/analysis/findings';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { launchWithExtension, longArticle, pagesDir, root, serveFixtures } from '../tests/e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const markJs = fs.readFileSync(path.join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

if (process.env.IL_REUSE_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });

function nonArticle(paragraphs: number): string {
  const p =
    '<p>The walk climbs gently through beech woods before reaching the ridge, where the views over the valley are outstanding on a clear day and the pub at the top serves good food.</p>';
  return `<!doctype html><html><head><title>Ten great walks</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Ten great walks</h1>${p.repeat(paragraphs)}</article></body></html>`;
}

/** Words the extension highlights on a page, per the core run in Node on the same HTML. */
function wordsFor(html: string): string[] {
  const x = extractArticle(parseHtml(html));
  const a = analyzeDocument(toSourceDocument(x));
  return [
    ...new Set(
      findingsOf(a)
        .filter((f) => f.kind !== 'improvement')
        .map((f) => f.text),
    ),
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measureExtension(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('il:painted').length > 0 ||
      (performance.getEntriesByName('il:check-end').length > 0 && !/ofsted/i.test(document.body.textContent ?? '')),
    null,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(50);
  return page.evaluate((debug) => {
    const t = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
    const start = t('il:start');
    const w = window as unknown as { __longTasks?: PerformanceEntry[]; __frames?: PerformanceEntry[] };
    const end = performance.getEntriesByName('il:painted')[0]?.startTime ?? performance.now();
    const during = (e: PerformanceEntry) => e.startTime + e.duration >= start && e.startTime <= end;
    const tasks = (w.__longTasks ?? []).filter(during);
    const frames = (w.__frames ?? []).filter(during);
    const detail = (performance.getEntriesByName('il:highlighted')[0] as PerformanceMark | undefined)?.detail as
      | { drawn: number; longestSlice: number }
      | undefined;
    return {
      highlighted: t('il:highlighted') - start,
      painted: t('il:painted') - start,
      check: t('il:check-end') - t('il:check-start'),
      longest: tasks.reduce((m, e) => Math.max(m, e.duration), 0),
      longestFrame: frames.reduce(
        (m, e) => Math.max(m, (e as unknown as { blockingDuration?: number }).blockingDuration ?? 0),
        0,
      ),
      frames: debug
        ? frames.map((f) => {
            const x = f as unknown as {
              startTime: number;
              duration: number;
              renderStart: number;
              styleAndLayoutStart: number;
              scripts: { sourceURL: string; duration: number; invoker: string }[];
            };
            return {
              at: +(x.startTime - start).toFixed(0),
              dur: +x.duration.toFixed(0),
              render: +(x.startTime + x.duration - x.renderStart).toFixed(0),
              layout: +(x.startTime + x.duration - x.styleAndLayoutStart).toFixed(0),
              scripts: x.scripts.map(
                (sc) => `${sc.invoker}@${sc.sourceURL.split('/').pop()}:${sc.duration.toFixed(0)}`,
              ),
            };
          })
        : [],
      longestSlice: detail?.longestSlice ?? 0,
      drawn: detail?.drawn ?? 0,
      phases: Object.fromEntries(
        [
          ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('il:')),
          ...performance.getEntriesByType('paint'),
        ].map((m) => [m.name, +(m.startTime - start).toFixed(1)]),
      ),
      nav: Object.fromEntries(
        Object.entries((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).toJSON())
          .filter(([k, v]) => typeof v === 'number' && /End|Start/.test(k) && v > 0)
          .map(([k, v]) => [k, +((v as number) - start).toFixed(1)]),
      ),
    };
  }, !!process.env.BENCH_DEBUG);
}

async function measureBaselines(page: Page, url: string, words: string[]) {
  await page.goto(url);
  await page.waitForTimeout(200);
  const walker = await page.evaluate(() => {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = w.nextNode(); node; node = w.nextNode()) n += (node as Text).data.length;
    return { ms: performance.now() - t0, chars: n };
  });
  await page.addScriptTag({ content: markJs });
  const mark = await page.evaluate(
    (ws) =>
      new Promise<{ done: number; painted: number }>((resolve) => {
        const t0 = performance.now();
        const M = (window as unknown as { Mark: new (el: Element) => { mark(w: string[], o: object): void } }).Mark;
        new M(document.body).mark(ws, {
          separateWordSearch: false,
          acrossElements: true,
          diacritics: false,
          done: () => {
            const done = performance.now() - t0;
            requestAnimationFrame(() => setTimeout(() => resolve({ done, painted: performance.now() - t0 })));
          },
        });
      }),
    words,
  );
  return { walker: walker.ms, chars: walker.chars, mark: mark.painted, markDone: mark.done };
}

async function main() {
  const server = await serveFixtures();
  server.extra.set('/bench-1mb.html', longArticle(1_000_000));
  server.extra.set('/bench-non-article.html', nonArticle(3000));
  const cases = [
    [
      'typical article (seed 003)',
      '/003_7373dea24638aad1.html',
      fs.readFileSync(path.join(pagesDir, '003_7373dea24638aad1.html'), 'utf8'),
    ],
    ['1 MB article', '/bench-1mb.html', server.extra.get('/bench-1mb.html') as string],
    [
      'non-article page (3,000 paragraphs)',
      '/bench-non-article.html',
      server.extra.get('/bench-non-article.html') as string,
    ],
  ] as const;
  const ext = await launchWithExtension();
  // tsx (esbuild) names functions with a `__name` helper that page-side code must also have.
  await ext.context.addInitScript({ content: 'window.__name = (f) => f;' });
  await ext.context.addInitScript(() => {
    const w = window as unknown as { __longTasks: PerformanceEntry[]; __frames: PerformanceEntry[] };
    w.__longTasks = [];
    w.__frames = [];
    new PerformanceObserver((l) => w.__longTasks.push(...l.getEntries())).observe({ type: 'longtask', buffered: true });
    // Long animation frames include the rendering work a task causes (style, layout, paint).
    try {
      new PerformanceObserver((l) => w.__frames.push(...l.getEntries())).observe({
        type: 'long-animation-frame',
        buffered: true,
      });
    } catch {
      /* not supported */
    }
  });
  console.log(`Chromium with the built extension; median of ${RUNS} loads per figure.\n`);
  for (const [label, url, html] of cases) {
    const page = await ext.context.newPage();
    const ours: Awaited<ReturnType<typeof measureExtension>>[] = [];
    const base: { walker: number; chars: number; mark: number; markDone: number }[] = [];
    const words = wordsFor(html);
    for (let i = 0; i < RUNS; i++) {
      ours.push(await measureExtension(page, server.origin + url));
      base.push(await measureBaselines(page, server.origin + url, words.length ? words : ['outstanding', 'good']));
    }
    const painted = median(ours.map((o) => o.painted));
    if (process.env.BENCH_DEBUG) for (const o of ours) console.log(JSON.stringify(o));
    const markMs = median(base.map((b) => b.mark));
    console.log(`${label}: ${(html.length / 1024).toFixed(0)} KB HTML, ${base[0].chars} characters of text`);
    const med = (f: (o: (typeof ours)[number]) => number) => median(ours.map(f));
    if (Number.isFinite(painted)) {
      console.log(
        `  Inspection Lens: script start → highlights set ${med((o) => o.highlighted).toFixed(1)} ms, painted ${painted.toFixed(1)} ms`,
      );
      const phase = (n: string) => med((o) => (o.phases as Record<string, number>)[n] ?? Number.NaN).toFixed(1);
      const firstPainted = med((o) => (o.phases as Record<string, number>)['il:first-painted'] ?? Number.NaN);
      if (Number.isFinite(firstPainted))
        console.log(
          `  long article, top first: first screens' highlights set ${med((o) => (o.phases as Record<string, number>)['il:first-highlighted'] ?? Number.NaN).toFixed(1)} ms, painted ${firstPainted.toFixed(1)} ms; the rest follows`,
        );
      console.log(
        `    phases from script start (ms): check done ${phase('il:check-end')}, extracted ${phase('il:extracted')}, analysed ${phase('il:analysed')}, set ${phase('il:highlighted')}, next frame ${phase('il:frame')}, painted ${phase('il:painted')}`,
      );
      console.log(
        `    highlights drawn at first paint ${med((o) => o.drawn)} (only those near the viewport on a long page); longest slice of our work ${med((o) => o.longestSlice).toFixed(1)} ms; longest task ${med((o) => o.longest).toFixed(0)} ms (0: none over 50 ms); longest blocking time of an animation frame, rendering included, ${med((o) => o.longestFrame).toFixed(0)} ms`,
      );
    } else console.log('  Inspection Lens: gave up after the quick check (not an article), nothing highlighted');
    console.log(`  quick check ${median(ours.map((o) => o.check)).toFixed(3)} ms`);
    console.log(`  floor: bare TreeWalker over the text nodes ${median(base.map((b) => b.walker)).toFixed(2)} ms`);
    const markDone = median(base.map((b) => b.markDone));
    console.log(
      `  mark.js highlighting the same ${words.length} words: marks in place ${markDone.toFixed(1)} ms, painted (next frame) ${markMs.toFixed(1)} ms`,
    );
    if (Number.isFinite(painted)) {
      const set = median(ours.map((o) => o.highlighted));
      console.log(
        `  Inspection Lens / mark.js: highlights in place ${(set / markDone).toFixed(2)}×, painted ${(painted / markMs).toFixed(2)}×\n`,
      );
    } else console.log('');
    await page.close();
  }
  await ext.close();
  await server.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
