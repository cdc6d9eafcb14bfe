// `npx tsx scripts/trace-first-screens.ts [--loads N] [--show] [--reload] name=<build dir>...`: the 1 MB
// article from our content script's start (`il:start`) to its first screens painted
// (`il:first-painted`), traced in Chromium (builds interleaved, load by load, a new tab each).
// The main thread's top-level tasks in that window are told apart by what they hold: the engine
// module's evaluation (`v8.evaluateModule`), our script (a function call or script run of the
// extension's files), a frame of the page (style, layout, paint, commit, hit test: the page's
// rendering, ours in it or not), the test harness's own `page.evaluate` (a script with no URL),
// loading (a resource's response or end), and the rest; each task's CPU time (the trace's thread
// time) is put in the phase between our marks it falls in: before the engine's import resolved
// (`il:engine-early`), to the first screens' highlights set (`il:first-highlighted`), to their
// frame painted. Also when the engine's file was compiled (`v8.compileModule` on the main thread,
// ms from il:start: after it, the module still waits for a task of its own to be evaluated).
// Also our `requestAnimationFrame` callbacks' CPU in the first screens' frame (before its pre-paint),
// and style/layout events between the engine loaded and the first highlights (a forced layout).
// Medians over the loads, per build. `--show` prints the first build's tasks of each load.
// `--reload`: the same tab reloaded for each load (as bench:page measures the 1 MB article), not a new tab.
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import {
  has,
  longArticle,
  serveFixtures,
  type TraceEvent,
  traceLoad,
  tracePage,
  untilMarked,
} from '../tests/e2e/harness';
import { interleavedLoads, namedBuilds } from './build-args';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    loads: { type: 'string', default: '5' },
    show: { type: 'boolean', default: false },
    reload: { type: 'boolean', default: false },
  },
});
const loads = Number(values.loads);
const builds = namedBuilds(positionals);
if (!builds.length) throw new Error('give one or more build dirs (name=dir)');

const FRAME = new Set([
  'WebFrameWidgetImpl::UpdateLifecycle',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Commit',
  'HitTest',
  'Layerize',
]);
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'v8.run', 'v8.callFunction', 'RunMicrotasks', 'TimerFire']);
const LOADING = /OnReceiveResponse|DidFinishLoadingBody|NotifyFinished|streamingCompile|ResourceFinish/;

type Row = Record<string, number>;
const lines: string[] = [];
const urlOf = (e: TraceEvent) =>
  ((e.args as { data?: { url?: string }; fileName?: string } | undefined)?.data?.url ??
    (e.args as { fileName?: string } | undefined)?.fileName ??
    '') as string;

/** What a top-level task is, from the events inside it. */
function kindOf(inside: TraceEvent[]): string {
  if (inside.some((e) => e.name === 'v8.evaluateModule')) return 'engine module';
  if (inside.some((e) => SCRIPT.has(e.name) && urlOf(e).startsWith('chrome-extension://'))) return 'our script';
  if (inside.some((e) => FRAME.has(e.name))) return 'page frame';
  if (inside.some((e) => e.name === 'EvaluateScript' && !urlOf(e))) return 'harness evaluate';
  if (inside.some((e) => LOADING.test(e.name))) return 'loading';
  return 'other';
}

function split(events: TraceEvent[], show: boolean): Row | null {
  const mark = (n: string) =>
    events.find((e) => e.name === n && e.cat?.includes('blink.user_timing')) as TraceEvent | undefined;
  const start = mark('il:start');
  const end = mark('il:first-painted');
  const early = mark('il:engine-early') ?? mark('il:engine-loaded');
  const set = mark('il:first-highlighted');
  if (!start || !end || !early || !set) return null;
  const { pid, tid } = start;
  const t0 = start.ts;
  const t1 = end.ts;
  const main = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  for (const t of main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')) {
    const prev = top[top.length - 1];
    if (prev && t.ts < prev.ts + (prev.dur ?? 0)) continue;
    if (t.ts + (t.dur ?? 0) > t0 && t.ts < t1) top.push(t);
  }
  const row: Row = {
    'at engine-early': (early.ts - t0) / 1000,
    'at first-highlighted': (set.ts - t0) / 1000,
    'at first-painted': (t1 - t0) / 1000,
  };
  const compiled = events.find((e) => e.name === 'v8.compileModule' && urlOf(e).endsWith('content-engine.js'));
  if (compiled) row['engine compiled at'] = (compiled.ts - t0) / 1000;
  // Our requestAnimationFrame callbacks in the first screens' frame (their CPU, before its
  // pre-paint), and the style and layout done inside our script before the first highlights.
  const within = (e: TraceEvent, a: number, b: number) => e.ts >= a && e.ts < b;
  const cpuOf = (e: TraceEvent) => Math.min(e.dur ?? 0, e.tdur ?? e.dur ?? 0) / 1000;
  row['rAF callbacks in the first frame'] = main
    .filter((e) => e.name === 'FireAnimationFrame' && within(e, set.ts, t1))
    .reduce((n, e) => n + cpuOf(e), 0);
  row['style+layout to first-highlighted'] = main
    .filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && within(e, early.ts, set.ts))
    .reduce((n, e) => n + cpuOf(e), 0);
  const phases: [string, number, number][] = [
    ['to engine-early', t0, early.ts],
    ['to first-highlighted', early.ts, set.ts],
    ['to first-painted', set.ts, t1],
  ];
  for (const t of top) {
    const inside = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
    const kind = kindOf(inside);
    const cpu = Math.min(t.dur ?? 0, t.tdur ?? t.dur ?? 0);
    for (const [name, a, b] of phases) {
      const from = Math.max(t.ts, a);
      const to = Math.min(t.ts + (t.dur ?? 0), b);
      if (to <= from || !t.dur) continue;
      const share = ((to - from) / t.dur) * cpu;
      row[`cpu ${name}: ${kind}`] = (row[`cpu ${name}: ${kind}`] ?? 0) + share / 1000;
      row[`cpu ${name}`] = (row[`cpu ${name}`] ?? 0) + share / 1000;
      row['cpu in all'] = (row['cpu in all'] ?? 0) + share / 1000;
    }
    if (show && (t.dur ?? 0) >= 100) {
      const big = inside
        .filter((e) => (e.dur ?? 0) >= 150 && e.name !== 'ThreadControllerImpl::RunTask')
        .slice(0, 8)
        .map((e) => `${e.name}${urlOf(e) ? `(${urlOf(e).split('/').pop()})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
      lines.push(
        `  task ${((t.ts - t0) / 1000).toFixed(1).padStart(6)} +${((t.dur ?? 0) / 1000).toFixed(1)} cpu ${(cpu / 1000).toFixed(1)} [${kind}]: ${big.join(', ')}`,
      );
    }
  }
  if (show)
    lines.push(
      `--- load: engine-early ${row['at engine-early'].toFixed(1)}, first-highlighted ${row['at first-highlighted'].toFixed(1)}, first-painted ${row['at first-painted'].toFixed(1)} ms`,
    );
  return row;
}

const server = await serveFixtures();
server.extra.set('/trace-1mb.html', longArticle(1_000_000));
const categories =
  'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8,loading,disabled-by-default-v8.gc';
let rows: Row[][];
try {
  const tabs = new Map<BrowserContext, Page>();
  const until = async (p: Page) => {
    await untilMarked(p, has('il:painted'));
    await p.waitForTimeout(100);
  };
  rows = await interleavedLoads(builds, loads, async (context, k) => {
    let events: TraceEvent[];
    if (!values.reload) events = await traceLoad(context, `${server.origin}/trace-1mb.html`, categories, until);
    else {
      let tab = tabs.get(context);
      if (!tab) {
        tab = await context.newPage();
        await tab.goto(`${server.origin}/trace-1mb.html`);
        await until(tab);
        tabs.set(context, tab);
      }
      const page = tab;
      events = await tracePage(page, categories, () => page.reload(), until);
    }
    return split(events, values.show && k === 0);
  });
} finally {
  await server.close();
}
if (lines.length) console.log(lines.join('\n'));
const median = (xs: number[]) => {
  const ok = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return ok.length ? ok[Math.floor(ok.length / 2)] : Number.NaN;
};
const keys = [...new Set(rows.flatMap((rs) => rs.flatMap((r) => Object.keys(r))))].sort((a, b) => {
  const rank = (k: string) => (k.startsWith('at ') ? 0 : k.startsWith('engine') ? 1 : k === 'cpu in all' ? 3 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
});
console.log(
  `1 MB article, ${loads} loads per build${values.reload ? ' (the same tab reloaded)' : ' (a new tab each)'}: il:start to il:first-painted, ms (median, min-max; a kind of task absent from a load counts 0)`,
);
console.log(`${''.padEnd(44)}${builds.map((b) => b.name.padStart(20)).join('')}`);
for (const k of keys)
  console.log(
    `${k.padEnd(44)}${rows
      .map((rs) => {
        const xs = rs.map((r) => r[k] ?? (k.startsWith('cpu') ? 0 : Number.NaN));
        const ok = xs.filter(Number.isFinite);
        return `${median(xs).toFixed(1)} (${Math.min(...ok).toFixed(0)}-${Math.max(...ok).toFixed(0)})`.padStart(20);
      })
      .join('')}`,
  );
