// `npx tsx scripts/bench-offload.ts [--loads N] [--trace] [--only typical|1mb]`: an experiment (issue 15,
// stop 24), no product code. Would the analysis meet the budgets the page cannot if it ran in the
// extension's service worker (warm between pages while it lives) instead of in the page?
//
// A throwaway MV3 extension is written to a temp dir, its scripts bundled with esbuild from this
// tree's lib/ (as scripts/analysis-core-bundle.ts bundles the core):
// - the background service worker bundles the analysis core and answers a runtime message
//   {id, part, title, blocks, kinds} (the block texts, structured as the page extracted them) with
//   the findings as highlighting needs them, compact: [block, start, end, highlight] per finding,
//   a flat number array (no council objects, no sentences), plus its own timings;
// - content scripts at document_idle (which one runs is chosen by the URL's `v=`):
//   `worker`: extracts the article (lib/page/extract.ts, as the lens does: a first part of 2,000
//     characters on an article of 30,000 or more), sends it to the worker, and keeps extracting the
//     rest while the worker analyses the first part; each reply is turned into Ranges and set as
//     CSS highlights; then the whole article is sent and applied the same way;
//   `page`: the same extraction, analysis in the page (the same core, the same encoding and the same
//     highlighting code), as today's lens does: the baseline, in the same run;
//   `nothing`: only the page's own next frame after our start (as bench-page's "page doing nothing").
// Each variant and page is measured warm (the same tab loaded the same page just before: renderer
// and worker warm), in a new tab (a fresh renderer, the worker warm) and cold (a new tab, the
// worker stopped through CDP first, as Chrome stops it after 30 s idle), loads interleaved.
// Times in ms from the content script's start; "work" is our main-thread time: performance.now()
// around every synchronous part (extraction slices, sending, analysis in the page, applying).
// `--trace`: each measured load is traced browser-wide, adding the CPU time of script on the
// page's main thread and of the service worker's thread (the figures to read on a loaded machine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import {
  has,
  launchWithExtension,
  longArticle,
  root,
  SCRIPT_EVENTS,
  serveFixtures,
  type TraceEvent,
  untilMarked,
  workerStopper,
} from '../tests/e2e/harness';

const { values } = parseArgs({
  options: { loads: { type: 'string', default: '8' }, only: { type: 'string' }, trace: { type: 'boolean' } },
});
const LOADS = Number(values.loads);

const lib = (p: string) => JSON.stringify(path.join(root, 'lib', p));

// The analysis as both variants run it, and the findings encoded as highlighting needs them.
const CORE = `import { analyzeSteps } from ${lib('analysis/analyze')};
import { AnalysisCache } from ${lib('analysis/cache')};
import { findingsOf } from ${lib('analysis/findings')};
import { runSteps } from ${lib('analysis/steps')};
export { AnalysisCache };
/** Analyses a document; the findings as [block (0: title), start, end, highlight index] in a flat list. */
export function analyzeEncoded(doc: any, cache: any) {
  const a = runSteps(analyzeSteps(doc, Number.MAX_SAFE_INTEGER, cache));
  const names: string[] = [];
  const f: number[] = [];
  if (a.detection.isInspectionArticle) {
    const spans = a.prepared.blocks;
    for (const x of findingsOf(a)) {
      let lo = 0;
      let hi = spans.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid].end < x.start) lo = mid + 1;
        else hi = mid;
      }
      let k = names.indexOf(x.highlight);
      if (k < 0) k = names.push(x.highlight) - 1;
      f.push(lo, x.start - spans[lo].start, Math.min(x.end, spans[lo].end) - spans[lo].start, k);
    }
  }
  return { article: a.detection.isInspectionArticle, names, f };
}
`;

const WORKER = `import { AnalysisCache, analyzeEncoded } from './core';
const now = () => performance.timeOrigin + performance.now();
const scriptEnd = now();
// One cache per page run (the first part, then the whole article): what the lens's cache does.
const caches = new Map<string, any>();
let handled = 0;
chrome.runtime.onMessage.addListener((msg: any, _sender: any, sendResponse: (r: unknown) => void) => {
  if (msg?.type === 'bench-wake') return sendResponse({ handled });
  if (msg?.type !== 'bench-analyze') return;
  const got = now();
  let cache = caches.get(msg.id);
  if (!cache) {
    cache = new AnalysisCache();
    caches.set(msg.id, cache);
    if (caches.size > 8) caches.delete(caches.keys().next().value);
  }
  const t = performance.now();
  const r: any = analyzeEncoded({ title: msg.title, blocks: msg.blocks, blockKinds: msg.kinds }, cache);
  r.ms = performance.now() - t;
  r.got = got;
  r.scriptStart = (self as any).__t0;
  r.scriptEnd = scriptEnd;
  r.handled = ++handled;
  r.sent = now();
  sendResponse(r);
});
`;

// The content scripts' common part. VARIANT is 'worker' or 'page'.
const PAGE_SIDE = `import { extractArticleSteps, toSourceDocument } from ${lib('page/extract')};
import { rangeInBlock } from ${lib('page/text-map')};
declare const VARIANT: string;
declare const analyzeHere: any;
declare const CacheHere: any;
const T = () => performance.now();
const start = T();
performance.mark('x:start');
const out: any = { variant: VARIANT, work: 0, extract: 0, send: 0, apply: 0, analysis: 0 };
const since = (t: number) => T() - t;
const timed = <R>(key: string, fn: () => R): R => {
  const t = T();
  try {
    return fn();
  } finally {
    const d = T() - t;
    out[key] += d;
    out.work += d;
  }
};
const frame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(T());
      ch.port2.postMessage(0);
    }),
  );
const macrotask = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
// The page's own next frame after our start: were the highlights set before it (in it)?
requestAnimationFrame(() => {
  out.inFrame = out.set !== undefined;
  out.firstInFrame = out.firstSet !== undefined || out.set !== undefined;
});
frame().then((t) => (out.frame = t - start));

const highlights = new Map<string, any>();
function apply(reply: any, ex: any) {
  const blocks = [ex.titleBlock, ...ex.blocks];
  const groups = reply.names.map(() => [] as Range[]);
  const f = reply.f;
  for (let i = 0; i < f.length; i += 4) {
    const b = blocks[f[i]];
    const r = b && rangeInBlock(document, b, f[i + 1], f[i + 2]);
    if (r) groups[f[i + 3]].push(r);
  }
  for (const h of highlights.values()) h.clear();
  reply.names.forEach((name: string, k: number) => {
    let h = highlights.get(name);
    if (!h) {
      h = new (globalThis as any).Highlight();
      highlights.set(name, h);
      (CSS as any).highlights.set('bench-' + name, h);
    }
    for (const r of groups[k]) h.add(r);
  });
  out.findings = f.length / 4;
}
const id = Math.random().toString(36).slice(2);
/** The worker variant: sends the extracted document; resolves with the reply, timed. */
function ask(part: string, ex: any): Promise<any> {
  const key = part === 'first' ? 'first' : 'whole';
  let sentAt = 0;
  const sent = timed('send', () => {
    const doc = toSourceDocument(ex);
    const msg = { type: 'bench-analyze', id, part, title: doc.title, blocks: doc.blocks, kinds: doc.blockKinds };
    out[key + 'Chars'] = doc.blocks.reduce((n: number, b: string) => n + b.length, doc.title.length);
    sentAt = T();
    const p = chrome.runtime.sendMessage(msg);
    out[key + 'SendCall'] = T() - sentAt;
    return p;
  });
  return sent.then((r: any) => {
    const got = T();
    const epoch = performance.timeOrigin;
    out[key + 'Found'] = got - start;
    out[key + 'RoundTrip'] = got - sentAt;
    out[key + 'WorkerMs'] = r.ms;
    out[key + 'In'] = r.got - (epoch + sentAt);
    out[key + 'Out'] = epoch + got - r.sent;
    out[key + 'WorkerAge'] = epoch + sentAt - r.scriptStart;
    out[key + 'WorkerEval'] = r.scriptEnd - r.scriptStart;
    out[key + 'WorkerHandled'] = r.handled;
    out[key + 'Reply'] = r;
    return r;
  });
}
async function main() {
  const cache = VARIANT === 'page' ? new CacheHere() : null;
  const h = innerHeight;
  const view = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (!r.height && !r.width) return -1;
    return r.bottom < -h ? -1 : r.top > 2 * h ? 1 : 0;
  };
  const steps = extractArticleSteps(document, { firstChars: 2000, longChars: 30000, view }, 1500);
  let ex: any;
  let t0 = T();
  const slice = () => {
    const d = T() - t0;
    out.extract += d;
    out.work += d;
  };
  for (;;) {
    const r = steps.next();
    if (r.done) {
      slice();
      ex = r.value;
      break;
    }
    if (r.value) {
      slice();
      const top = r.value;
      if (VARIANT === 'page') {
        const reply = timed('analysis', () => analyzeHere(toSourceDocument(top), cache));
        out.firstFound = T() - start;
        timed('apply', () => apply(reply, top));
        out.firstSet = T() - start;
        out.firstPainted = (await frame()) - start;
      } else {
        // The first screens first, as the page variant (and the lens) does: extraction goes on
        // once they are painted. (Extracting on while the worker analysed them was tried: its
        // reply then waited 10-50 ms behind the extraction's slices on the 1 MB article.)
        const reply = await ask('first', top);
        timed('apply', () => apply(reply, top));
        out.firstSet = T() - start;
        out.firstPainted = (await frame()) - start;
      }
      t0 = T();
    } else if (T() - t0 > 8) {
      slice();
      await macrotask();
      t0 = T();
    }
  }
  out.extracted = T() - start;
  if (VARIANT === 'page') {
    const reply = timed('analysis', () => analyzeHere(toSourceDocument(ex), cache));
    out.wholeFound = T() - start;
    timed('apply', () => apply(reply, ex));
  } else {
    const reply = await ask('whole', ex);
    timed('apply', () => apply(reply, ex));
  }
  out.set = T() - start;
  out.painted = (await frame()) - start;
  // After the timed work: what a reply of this size costs to parse, and the message's size.
  for (const key of ['first', 'whole']) {
    const r = out[key + 'Reply'];
    if (!r) continue;
    const s = JSON.stringify(r);
    const t = T();
    JSON.parse(s);
    out[key + 'ReplyParse'] = T() - t;
    out[key + 'ReplyBytes'] = s.length;
    delete out[key + 'Reply'];
  }
  out.blocks = ex.blocks.length;
  performance.mark('x:done', { detail: out });
}
main().catch((e) => performance.mark('x:done', { detail: { error: String(e) } }));
`;

const NOTHING = `performance.mark('x:start');
const start = performance.now();
requestAnimationFrame(() => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => performance.mark('x:done', { detail: { frame: performance.now() - start } });
  ch.port2.postMessage(0);
});
`;

const HINT = '//# allFunctionsCalledOnLoad\n';

// At document_start (with `wake=1` in the URL): a message that starts a stopped worker early.
const WAKE = `performance.mark('x:wake');
chrome.runtime.sendMessage({ type: 'bench-wake' }).catch(() => {});
`;

async function writeExtension(): Promise<{ dir: string; bytes: Record<string, number> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-offload-'));
  const src = path.join(dir, 'src');
  fs.mkdirSync(src);
  const files: Record<string, string> = {
    'core.ts': CORE,
    'sw.ts': WORKER,
    'cs-worker.ts': `const VARIANT = 'worker';\nconst analyzeHere = null;\nconst CacheHere = null;\n${PAGE_SIDE}`,
    'cs-page.ts': `import { AnalysisCache as CacheHere, analyzeEncoded as analyzeHere } from './core';\nconst VARIANT = 'page';\n${PAGE_SIDE}`,
    'cs-nothing.ts': NOTHING,
    'cs-wake.ts': WAKE,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(src, name), text);
  const bytes: Record<string, number> = {};
  for (const name of ['sw', 'cs-worker', 'cs-page', 'cs-nothing', 'cs-wake']) {
    const r = await build({
      entryPoints: [path.join(src, `${name}.ts`)],
      bundle: true,
      format: 'iife',
      write: false,
      minify: true,
      target: 'es2022',
      // The worker's own start, before its bundle runs; the content scripts carry the compile
      // hint the product's engine bundle carries (wxt.config.ts).
      banner: { js: name === 'sw' ? 'self.__t0=performance.timeOrigin+performance.now();' : HINT },
    });
    const text = r.outputFiles[0].text;
    fs.writeFileSync(path.join(dir, `${name}.js`), text);
    bytes[name] = text.length;
  }
  fs.rmSync(src, { recursive: true });
  const cs = (v: string) => ({
    matches: ['http://127.0.0.1/*'],
    include_globs: [`*v=${v}*`],
    js: [`cs-${v}.js`],
    run_at: 'document_idle',
  });
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Inspection Lens offload experiment',
      version: '1.0',
      background: { service_worker: 'sw.js' },
      content_scripts: [
        cs('worker'),
        cs('page'),
        cs('nothing'),
        { ...cs('wake'), include_globs: ['*wake=1*'], run_at: 'document_start' },
      ],
    }),
  );
  return { dir, bytes };
}

type Row = Record<string, number | boolean | string | undefined>;

/** A browser-wide trace session (`--trace`): CPU time of the page's main thread and of the worker. */
let tracer: CDPSession | null = null;
const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8';

/**
 * From a load's trace, between our start and done marks: the CPU time of script on the page's
 * main thread (ours and the extension bindings': the page has none), and of every task of the
 * extension's service worker thread (its start when cold, the messages, the analysis).
 */
function cpuOf(events: TraceEvent[]): Row {
  const mark = (n: string) => events.find((e) => e.name === n && e.cat?.includes('blink.user_timing'));
  const start = mark('x:start');
  const done = mark('x:done');
  if (!start || !done) return {};
  const [t0, t1] = [start.ts, done.ts];
  const tasks = (pid: number, tid: number) => {
    const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
    const top: TraceEvent[] = [];
    for (const t of onThread
      .filter(
        (e) =>
          (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts + (e.dur ?? 0) > t0 && e.ts < t1,
      )
      .sort((a, b) => a.ts - b.ts)) {
      const prev = top[top.length - 1];
      if (prev && t.ts < prev.ts + (prev.dur ?? 0)) continue;
      top.push(t);
    }
    return { onThread, top };
  };
  // A task's CPU, the part of it inside the window (by its wall time there).
  const cpu = (t: TraceEvent) => {
    const dur = t.dur ?? 0;
    if (!dur) return 0;
    const inside = Math.max(0, Math.min(t.ts + dur, t1) - Math.max(t.ts, t0));
    return ((inside / dur) * Math.min(dur, t.tdur ?? dur)) / 1000;
  };
  // The page: the CPU of script events (outermost), so that a frame our requestAnimationFrame
  // callback ran in does not count its rendering as ours.
  const page = tasks(start.pid, start.tid);
  let pageCpu = 0;
  for (const t of page.top) {
    let end = 0;
    for (const e of page.onThread
      .filter((e) => SCRIPT_EVENTS.has(e.name) && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0))
      .sort((x, y) => x.ts - y.ts)) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      pageCpu += cpu(e);
    }
  }
  const worker = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && /service ?worker/i.test(String((e.args as { name?: string })?.name)),
  );
  let workerCpu = 0;
  if (worker) for (const t of tasks(worker.pid, worker.tid).top) workerCpu += cpu(t);
  return { pageCpu, workerCpu: worker ? workerCpu : Number.NaN };
}

async function load(page: Page, url: string, trace = false): Promise<Row> {
  const events: TraceEvent[] = [];
  let complete: Promise<unknown> | null = null;
  if (trace && tracer) {
    const t = tracer;
    const collect = (d: { value: unknown }) => events.push(...(d.value as TraceEvent[]));
    t.on('Tracing.dataCollected', collect);
    complete = new Promise((r) =>
      t.once('Tracing.tracingComplete', () => {
        t.off('Tracing.dataCollected', collect);
        r(null);
      }),
    );
    await t.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  }
  await page.goto(url);
  await untilMarked(page, has('x:done'), 60_000);
  if (complete && tracer) {
    await tracer.send('Tracing.end');
    await complete;
  }
  const row = (await page.evaluate(`performance.getEntriesByName('x:done')[0].detail`)) as Row;
  if (row.error) throw new Error(String(row.error));
  // The page's first paint, read in the page's own world (its paint entries).
  row.pageFirstPaint = (await page.evaluate(
    `(performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN) - performance.getEntriesByName('x:start')[0].startTime`,
  )) as number;
  row.wokeAt = (await page.evaluate(
    `(performance.getEntriesByName('x:wake')[0]?.startTime ?? NaN) - performance.getEntriesByName('x:start')[0].startTime`,
  )) as number;
  if (complete) Object.assign(row, cpuOf(events));
  return row;
}

const settle = () => new Promise((r) => setTimeout(r, 400));

async function main() {
  const { dir, bytes } = await writeExtension();
  const server = await serveFixtures();
  server.extra.set('/offload-1mb.html', longArticle(1_000_000));
  const cases = [
    { name: 'typical', url: '/003_7373dea24638aad1.html' },
    { name: '1mb', url: '/offload-1mb.html' },
  ].filter((c) => !values.only || c.name === values.only);
  const ext = await launchWithExtension(dir, { marks: false });
  const page = await ext.context.newPage();
  if (values.trace) {
    const browser = ext.context.browser();
    if (!browser) throw new Error('no browser handle for CDP');
    tracer = await browser.newBrowserCDPSession();
  }
  const rows = new Map<string, Row[]>();
  const push = (key: string, r: Row) => rows.set(key, [...(rows.get(key) ?? []), r]);
  const inNewTab = async (url: string) => {
    const tab = await ext.context.newPage();
    try {
      return await load(tab, url, true);
    } finally {
      await tab.close();
    }
  };
  try {
    // Load 0 warms the browser and is not counted.
    for (let i = 0; i <= LOADS; i++)
      for (const c of cases) {
        const url = (v: string) => `${server.origin}${c.url}?v=${v}`;
        await settle();
        const nothing = await load(page, url('nothing'), true);
        if (i) push(`${c.name} nothing`, nothing);
        // warm: this tab loaded the same page (same variant) just before: renderer and worker warm;
        // new tab: a fresh tab (a new renderer), the worker warm (a load in the other tab just before);
        // cold: a fresh tab and the worker stopped (the page variant does not use the worker: as new tab).
        for (const v of ['worker', 'page']) {
          await settle();
          await load(page, url(v));
          await settle();
          const r = await load(page, url(v), true);
          if (i) push(`${c.name} ${v} warm`, r);
        }
        for (const v of ['worker', 'page']) {
          await settle();
          await load(page, url('worker'));
          await settle();
          const r = await inNewTab(url(v));
          if (i) push(`${c.name} ${v} newtab`, r);
        }
        const stop = await workerStopper(ext);
        await stop();
        await settle();
        const r = await inNewTab(url('worker'));
        if (i) push(`${c.name} worker cold`, r);
        // cold, but woken by a message from a document_start script of the same page
        const stop2 = await workerStopper(ext);
        await stop2();
        await settle();
        const w = await inNewTab(`${url('worker')}&wake=1`);
        if (i) push(`${c.name} worker woken`, w);
      }
  } finally {
    await ext.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report(rows, bytes);
}

function report(rows: Map<string, Row[]>, bytes: Record<string, number>) {
  const num = (xs: Row[], k: string) =>
    xs.map((r) => r[k]).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fig = (xs: Row[], k: string) => {
    const v = num(xs, k);
    const d = med(v) >= 1000 ? 0 : 1;
    return v.length ? `${med(v).toFixed(d)} (${Math.min(...v).toFixed(d)})` : '–';
  };
  const count = (xs: Row[], k: string) => `${xs.filter((r) => r[k] === true).length}/${xs.length}`;
  console.log(
    `Offload experiment, ${LOADS} loads per cell, interleaved; ms from our content script's start, median (min); load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `bundles (minified): worker ${(bytes.sw / 1024).toFixed(0)} KB, content script without the core ${(bytes['cs-worker'] / 1024).toFixed(0)} KB, with it ${(bytes['cs-page'] / 1024).toFixed(0)} KB`,
  );
  const lines: [string, string][] = [
    ['traced: page main thread, script CPU', 'pageCpu'],
    ['traced: worker thread CPU', 'workerCpu'],
    ['our main-thread work', 'work'],
    ['  extraction', 'extract'],
    ['  sending (sync part: toSourceDocument, clone)', 'send'],
    ['  analysis in the page', 'analysis'],
    ['  applying the findings (ranges, highlights)', 'apply'],
    ['first screens: findings received', 'firstFound'],
    ['first screens: highlights set', 'firstSet'],
    ['first screens: painted', 'firstPainted'],
    ['first screens: send to reply', 'firstRoundTrip'],
    ['  of which the worker analysed', 'firstWorkerMs'],
    ['  send to worker got it', 'firstIn'],
    ['  worker replied to page got it', 'firstOut'],
    ['  characters sent', 'firstChars'],
    ['  the sendMessage call itself', 'firstSendCall'],
    ['extracted', 'extracted'],
    ['whole: findings received', 'wholeFound'],
    ['whole: send to reply', 'wholeRoundTrip'],
    ['  of which the worker analysed', 'wholeWorkerMs'],
    ['  send to worker got it', 'wholeIn'],
    ['  worker replied to page got it', 'wholeOut'],
    ['  characters sent', 'wholeChars'],
    ['  the sendMessage call itself', 'wholeSendCall'],
    ['  reply: bytes as JSON', 'wholeReplyBytes'],
    ['  reply: JSON.parse of it (estimate)', 'wholeReplyParse'],
    ['worker: age at the send (cold: < 0)', 'wholeWorkerAge'],
    ['worker: its bundle evaluated', 'wholeWorkerEval'],
    ['worker: messages it had answered', 'wholeWorkerHandled'],
    ['whole: highlights set', 'set'],
    ['whole: painted', 'painted'],
    ['the next frame after our start, painted', 'frame'],
    ['the page\u2019s first paint', 'pageFirstPaint'],
    ['findings', 'findings'],
    ['the wake message sent (document_start)', 'wokeAt'],
  ];
  for (const c of ['typical', '1mb']) {
    const cells = ['worker warm', 'page warm', 'worker newtab', 'page newtab', 'worker cold', 'worker woken'].map(
      (k) => rows.get(`${c} ${k}`) ?? [],
    );
    if (!cells.some((x) => x.length)) continue;
    const nothing = rows.get(`${c} nothing`) ?? [];
    console.log(
      `\n${c === 'typical' ? 'typical article (seed 003)' : '1 MB article'}: the page doing nothing, its next frame painted ${fig(nothing, 'frame')}`,
    );
    console.log(
      `${''.padEnd(48)}${['worker warm', 'page warm', 'worker new tab', 'page new tab', 'worker cold', 'cold, woken'].map((s) => s.padStart(16)).join('')}`,
    );
    for (const [label, k] of lines) {
      if (!cells.some((x) => num(x, k).length)) continue;
      console.log(`${label.padEnd(48)}${cells.map((x) => fig(x, k).padStart(16)).join('')}`);
    }
    console.log(
      `${'highlights set before the next frame'.padEnd(48)}${cells.map((x) => count(x, 'inFrame').padStart(16)).join('')}`,
    );
    const firstPaint = cells.map(
      (x) =>
        `${x.filter((r) => typeof r.pageFirstPaint === 'number' && typeof r.set === 'number' && r.pageFirstPaint >= r.set).length}/${x.length}`,
    );
    console.log(
      `${'highlights set before the page\u2019s first paint'.padEnd(48)}${firstPaint.map((s) => s.padStart(16)).join('')}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
