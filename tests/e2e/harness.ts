// Real-browser harness: serves fixture pages from 127.0.0.1 and starts Debian's Chromium through
// playwright-core with the unpacked extension loaded (new headless mode).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BENCH_MARKS_KEY } from '../../lib/storage-keys';

export const root = path.resolve(import.meta.dirname, '../..');
export const extensionDir = path.join(root, '.output/chrome-mv3');
export const pagesDir = path.join(root, 'tests/fixtures/pages');
export const screenshotDir = path.join(root, 'test-results/screenshots');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian package "chromium" or set CHROMIUM_PATH');
  return found;
}

export interface FixtureServer {
  origin: string;
  /** Pages registered at run time (path -> html), served beside the fixture files. */
  extra: Map<string, string>;
  close(): Promise<void>;
}

/** Serves tests/fixtures/pages on a free port of 127.0.0.1. */
export async function serveFixtures(): Promise<FixtureServer> {
  const extra = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const dynamic = extra.get(url.pathname);
    if (dynamic !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(dynamic);
      return;
    }
    const file = path.join(pagesDir, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(pagesDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    extra,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  openSidePanel(): Promise<Page>;
  /** The welcome page the extension opened on install (kept open only with `welcome: 'keep'`). */
  welcome: Page | null;
  close(): Promise<void>;
}

/**
 * The welcome page a fresh install opens (once), if this build has one: found within a few
 * seconds, then closed unless the caller keeps it, so other tests start with only their own tabs.
 */
async function welcomeOnInstall(context: BrowserContext, dir: string, fresh: boolean): Promise<Page | null> {
  if (!fresh || !fs.existsSync(path.join(dir, 'welcome.html'))) return null;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const page = context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (page) return page;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/**
 * Starts Chromium (new headless mode) with one unpacked extension, in a fresh profile, or in
 * `keepProfile` (a folder the caller owns and removes: the update test reopens it).
 */
export async function launchChromiumWith(
  dir: string,
  keepProfile?: string,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = keepProfile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'il-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      if (!keepProfile) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sets or clears the flag that makes the content script leave performance marks (only the extension can write it). */
export async function setBenchMarks(sw: Worker, on: boolean): Promise<void> {
  await sw.evaluate(
    ([key, value]) => (value ? chrome.storage.local.set({ [key]: true }) : chrome.storage.local.remove(key)),
    [BENCH_MARKS_KEY, on] as const,
  );
}

/**
 * Starts Chromium with the built extension and finds its id from the service worker. The
 * benchmarks and browser tests read the content script's performance marks, so the flag that
 * asks for them is set (`marks: false` leaves a reader's profile: no marks).
 */
/**
 * Finds the extension's service worker through CDP and returns a call that stops it, as Chrome
 * stops an idle worker (what it kept in memory is gone; the next message starts a new one).
 */
export async function workerStopper(ext: ExtensionBrowser): Promise<() => Promise<void>> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser handle for CDP');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
  if (!worker) throw new Error('no service worker of the extension among the browser targets');
  return async () => {
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await cdp.detach().catch(() => {});
  };
}

export async function launchWithExtension(
  dir = extensionDir,
  { marks = true, profile, welcome: keepWelcome }: { marks?: boolean; profile?: string; welcome?: 'keep' } = {},
): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}`);
  const fresh = !profile || !fs.existsSync(profile) || fs.readdirSync(profile).length === 0;
  const { context, close } = await launchChromiumWith(dir, profile);
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;
  if (marks) await setBenchMarks(await serviceWorker(), true);
  let welcome = await welcomeOnInstall(context, dir, fresh);
  if (welcome && keepWelcome !== 'keep') {
    await welcome.close();
    welcome = null;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    welcome,
    async openSidePanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    close,
  };
}

/**
 * A very long inspection article: seed 003's page with its body paragraphs repeated (each copy
 * numbered) until the HTML reaches `targetBytes` (for the long-page browser test and `npm run bench`).
 */
export function longArticle(targetBytes: number): string {
  const src = fs.readFileSync(path.join(pagesDir, '003_7373dea24638aad1.html'), 'utf8');
  const body = /<h1[\s\S]*?(?=<div class="share">)/.exec(src)?.[0] ?? '';
  const heading = /<h1[\s\S]*?<\/h1>/.exec(body)?.[0] ?? '';
  const paras = body.replace(heading, '');
  // Each copy's paragraphs differ (a numbered note), as a real long page's would: nothing can be
  // skipped as a repeat.
  let out = '';
  for (let i = 1; out.length < targetBytes; i++) out += paras.replace(/<\/p>/g, ` (note ${i})</p>`);
  return src.replace(body, `${heading}${out}`);
}

/**
 * An inspection log of `n` short paragraphs (a judgement every 500th): a page with tens of
 * thousands of paragraphs, for the browser test and `npm run bench`.
 */
export function paragraphLog(n: number): string {
  const paras: string[] = [];
  for (let i = 1; i <= n; i++)
    paras.push(
      i % 500 === 0
        ? `<p>Item ${i}: Ofsted judged the children’s services of Essex County Council ‘good’ in the ${i / 500}th review, inspectors said.</p>`
        : `<p>Item ${i}: the log records a routine entry for this week.</p>`,
    );
  const title = 'Ofsted inspection log: Essex children’s services';
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>Ofsted inspected Essex County Council’s children’s services and rated them ‘outstanding’ overall, the inspection report published today says.</p>${paras.join('')}</article></body></html>`;
}

/**
 * Resolves when `condition` (page-side JavaScript) holds, checked whenever the page makes a
 * performance mark. Not `waitForFunction`: it polls every frame (or on a timer), which makes the
 * page render frames in the pauses of the work being timed and takes the main thread from it.
 */
export function untilMarked(page: Page, condition: string, timeoutMs = 30_000): Promise<void> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const met = () => (${condition});
    if (met()) return resolve();
    const o = new PerformanceObserver(() => {
      if (!met()) return;
      o.disconnect();
      clearTimeout(t);
      resolve();
    });
    const t = setTimeout(() => {
      o.disconnect();
      reject(new Error(${JSON.stringify(`timed out waiting for ${condition}`)}));
    }, ${timeoutMs});
    o.observe({ type: 'mark' });
  })`);
}
/** Page-side test: the mark `name` has been made `n` times. */
export const has = (name: string, n = 1) => `performance.getEntriesByName(${JSON.stringify(name)}).length >= ${n}`;

/**
 * Page-side test: the content script is done, its highlights painted or the page turned down by
 * the quick check (its mark's detail, not a read of the page's text: on a 1 MB page that takes
 * milliseconds of the main thread being timed).
 */
export const paintedOrTurnedDown = `${has('il:painted')} || performance.getEntriesByName('il:check-end').some((m) => m.detail && m.detail.worth === false)`;

/** Saves what a test saw under test-results/screenshots (git-ignored) and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Registers a fixture server and a Chromium with the extension for the current test file. */
export function useExtensionBrowser(): { readonly server: FixtureServer; readonly ext: ExtensionBrowser } {
  const state: { server?: FixtureServer; ext?: ExtensionBrowser } = {};
  beforeAll(async () => {
    state.server = await serveFixtures();
    state.ext = await launchWithExtension();
  });
  afterAll(async () => {
    await state.ext?.close();
    await state.server?.close();
  });
  return {
    get server() {
      return state.server as FixtureServer;
    },
    get ext() {
      return state.ext as ExtensionBrowser;
    },
  };
}

/** An event of a Chromium trace: the fields the benchmarks and tests read. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; url?: string; fileName?: string; worldId?: number };
}

/** The complete events of the page's main thread (the one that parsed its HTML) in a load's trace. */
export function pageMainThread(events: TraceEvent[]): TraceEvent[] {
  const parse = events.find((e) => e.name === 'ParseHTML');
  if (!parse) throw new Error('no ParseHTML in the trace');
  return events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
}

/**
 * The trace events that run script on a thread (a task's script, its callbacks and microtasks):
 * the trace scripts count the outermost of them as script time.
 */
export const SCRIPT_EVENTS: ReadonlySet<string> = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.run',
  'v8.callFunction',
  'RunMicrotasks',
  'v8.evaluateModule',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
]);

/**
 * Our extension's script on the page's main thread in a trace, from its first event up to `end`
 * (µs, the trace's clock): the CPU (ms) of the outermost script events (SCRIPT_EVENTS and compiles)
 * that run our code or hold what does, split at `start` (before it: the every-page scripts at
 * document_start and their callbacks). The page's own tasks around them (the parser's, say) are
 * not counted; Playwright's utility world is not ours.
 */
export function ourScriptCpu(events: TraceEvent[], start: number, end: number): { before: number; after: number } {
  const main = pageMainThread(events).filter((e) => e.dur !== undefined && e.ts <= end);
  const isOurs = (e: TraceEvent) => {
    const a = e.args as { data?: { url?: string }; fileName?: string; worldName?: string } | undefined;
    return (
      /^chrome-extension:/.test(a?.data?.url ?? a?.fileName ?? '') ||
      (!!a?.worldName && !a.worldName.startsWith('__playwright'))
    );
  };
  const scripts = main.filter(
    (e) => SCRIPT_EVENTS.has(e.name) || e.name === 'v8.compile' || e.name === 'v8.compileModule',
  );
  const within = (e: TraceEvent, x: TraceEvent) =>
    x !== e &&
    x.ts <= e.ts &&
    e.ts + (e.dur ?? 0) <= x.ts + (x.dur ?? 0) &&
    (x.ts < e.ts || (x.dur ?? 0) > (e.dur ?? 0));
  const ours = scripts.filter(isOurs);
  let before = 0;
  let after = 0;
  for (const e of scripts) {
    if (scripts.some((x) => within(e, x))) continue; // an outer event counts it
    if (!isOurs(e) && !ours.some((o) => within(o, e))) continue;
    const cpu = Math.min(e.dur ?? 0, e.tdur ?? e.dur ?? 0) / 1000;
    if (e.ts < start) before += cpu;
    else after += cpu;
  }
  return { before, after };
}

/**
 * A Chromium trace of `categories` on `page` from before `go()` until `until(page)` resolves: the
 * trace's events (the tab stays open).
 */
export async function tracePage(
  page: Page,
  categories: string,
  go: () => Promise<unknown>,
  until: (page: Page) => Promise<void>,
): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await go();
  await until(page);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/**
 * Opens `url` in a new tab of `context` with a Chromium trace of `categories` running until
 * `until(page)` resolves, closes the tab and returns the trace's events.
 */
export async function traceLoad(
  context: BrowserContext,
  url: string,
  categories: string,
  until: (page: Page) => Promise<void>,
): Promise<TraceEvent[]> {
  const page = await context.newPage();
  const events = await tracePage(page, categories, () => page.goto(url), until);
  await page.close();
  return events;
}

/**
 * The page that is not an article which the non-article benches load (`bench:nonarticle`,
 * `trace-nonarticle*.ts`): a walking guide of 200 paragraphs, with `headTags` after its title.
 */
export function walksPage(headTags = ''): string {
  const p =
    '<p>The walk climbs gently through beech woods before reaching the ridge, where the views over the valley are outstanding on a clear day and the pub at the top serves good food.</p>';
  return `<!doctype html><html><head><title>Ten great walks</title>${headTags}<meta name="description" content="Walks in the hills"></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Ten great walks</h1>${p.repeat(200)}</article></body></html>`;
}

/**
 * Traces `runs` loads of `page` (served as /walks.html) in a Chromium per extension dir, a fresh
 * tab each load, builds interleaved after a first load that warms each browser; returns what
 * `measure` reads from each load's trace, per build.
 */
export async function traceLoadsInterleaved<T>(
  dirs: string[],
  page: string,
  categories: string,
  runs: number,
  measure: (events: TraceEvent[]) => T,
): Promise<T[][]> {
  const server = await serveFixtures();
  server.extra.set('/walks.html', page);
  const browsers: Awaited<ReturnType<typeof launchChromiumWith>>[] = [];
  const rows = dirs.map(() => [] as T[]);
  try {
    for (const dir of dirs) browsers.push(await launchChromiumWith(dir));
    for (let i = 0; i <= runs; i++)
      for (const [k, b] of browsers.entries()) {
        const events = await traceLoad(b.context, `${server.origin}/walks.html`, categories, (p) =>
          p.waitForTimeout(2000),
        );
        if (i > 0) rows[k].push(measure(events));
      }
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
  return rows;
}
