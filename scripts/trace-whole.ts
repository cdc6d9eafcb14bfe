// `npx tsx scripts/trace-whole.ts [--loads N] [--page 1mb|typical] <build dir>...`: where the wall
// time from our content script's start (`il:start`) to the whole long article painted
// (`il:painted`) goes, from a Chromium trace of each load (builds interleaved, load by load).
// The renderer's main thread in that window is split into:
// - our script: tasks running JavaScript (the page has none), CPU and wall, GC inside them apart;
// - rendering: tasks that style, lay out, paint (frames the page rendered in our pauses);
// - GC outside our script, other tasks, and idle (no task: the thread waited, e.g. for a frame);
// with the number of tasks of our script (slices and their callbacks) and of frames.
// Medians over the loads, per build. For the issue-15 budget "whole article painted <= 100 ms".
import { parseArgs } from 'node:util';
import {
  has,
  longArticle,
  SCRIPT_EVENTS,
  serveFixtures,
  type TraceEvent,
  traceLoad,
  untilMarked,
} from '../tests/e2e/harness';
import { interleavedLoads, namedBuilds } from './build-args';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { loads: { type: 'string', default: '5' }, page: { type: 'string', default: '1mb' } },
});
const loads = Number(values.loads);
const builds = namedBuilds(positionals);
if (!builds.length) throw new Error('give one or more build dirs (name=dir)');

const RENDER = new Set([
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'UpdateLayer',
  'UpdateLayerTree',
  'Layerize',
  'Commit',
  'CompositeLayers',
  'PaintImage',
  'HitTest',
  'ScheduleStyleRecalculation',
  'IntersectionObserverController::computeIntersections',
]);
const GC = (n: string) =>
  n === 'MinorGC' ||
  n === 'MajorGC' ||
  n === 'V8.GC_SCAVENGER' ||
  n.startsWith('V8.GCScavenger') ||
  n === 'V8.GCFinalizeMC' ||
  n === 'V8.GCIncrementalMarking' ||
  n === 'BlinkGC.AtomicPhase';

type Row = Record<string, number>;

function split(events: TraceEvent[]): Row | null {
  const mark = (n: string, last = false) => {
    const ms = events.filter((e) => e.name === n && e.cat?.includes('blink.user_timing'));
    return (last ? ms[ms.length - 1] : ms[0]) as TraceEvent | undefined;
  };
  const start = mark('il:start');
  const painted = mark('il:painted');
  const first = mark('il:first-painted');
  if (!start || !painted) return null;
  const { pid, tid } = start;
  const t0 = start.ts;
  const t1 = painted.ts;
  const main = events.filter(
    (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts + (e.dur ?? 0) > t0 && e.ts < t1,
  );
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  // Top-level tasks only (no task inside another).
  tasks.sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const t of tasks) {
    const prev = top[top.length - 1];
    if (prev && t.ts < prev.ts + (prev.dur ?? 0)) continue;
    top.push(t);
  }
  const row: Row = { wall: (t1 - t0) / 1000, firstPainted: first ? (first.ts - t0) / 1000 : Number.NaN };
  const add = (k: string, v: number) => {
    row[k] = (row[k] ?? 0) + v / 1000;
  };
  let busy = 0;
  let scriptTasks = 0;
  let frames = 0;
  for (const t of top) {
    const a = Math.max(t.ts, t0);
    const b = Math.min(t.ts + (t.dur ?? 0), t1);
    const dur = Math.max(0, b - a);
    busy += dur;
    const inside = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
    const outermost = (pred: (e: TraceEvent) => boolean) => {
      const xs = inside.filter(pred).sort((x, y) => x.ts - y.ts);
      const out: TraceEvent[] = [];
      for (const e of xs) {
        const p = out[out.length - 1];
        if (p && e.ts < p.ts + (p.dur ?? 0)) continue;
        out.push(e);
      }
      return out;
    };
    const sum = (xs: TraceEvent[]) => xs.reduce((s, e) => s + (e.dur ?? 0), 0);
    const gc = sum(outermost((e) => GC(e.name)));
    const script = outermost((e) => SCRIPT_EVENTS.has(e.name));
    const render = outermost((e) => RENDER.has(e.name));
    const cpu = Math.min(dur, t.tdur ?? dur);
    if (script.length) {
      scriptTasks++;
      add('script', dur);
      add('scriptCpu', cpu);
      add('gcInScript', gc);
      add('renderInScript', sum(render));
    } else if (render.length) {
      frames++;
      add('rendering', dur);
      add('renderingCpu', cpu);
    } else if (gc) add('gc', dur);
    else add('other', dur);
  }
  row.idle = (t1 - t0 - busy) / 1000;
  // Main-thread CPU per phase, between our marks (the first of each name after il:start, in
  // time order): a task's CPU is shared out over the phases by its wall time in each.
  const marks = events
    .filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('il:') && e.ts > t0 && e.ts <= t1)
    .sort((x, y) => x.ts - y.ts)
    .filter((e, i, all) => all.findIndex((o) => o.name === e.name) === i);
  let from = t0;
  for (const m of marks) {
    let cpu = 0;
    for (const t of top) {
      const a = Math.max(t.ts, from);
      const b = Math.min(t.ts + (t.dur ?? 0), m.ts);
      if (b <= a || !t.dur) continue;
      cpu += ((b - a) / t.dur) * Math.min(t.dur, t.tdur ?? t.dur);
    }
    add(`cpu to ${m.name.slice(3)}`, cpu);
    row[`at ${m.name.slice(3)}`] = (m.ts - t0) / 1000;
    from = m.ts;
  }
  row.scriptTasks = scriptTasks;
  row.frames = frames;
  return row;
}

const server = await serveFixtures();
const page = values.page === 'typical' ? '/003_7373dea24638aad1.html' : '/trace-1mb.html';
server.extra.set('/trace-1mb.html', longArticle(1_000_000));
const categories =
  'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8,disabled-by-default-v8.gc';
let rows: Row[][];
try {
  rows = await interleavedLoads(builds, loads, async (context) => {
    const events = await traceLoad(context, server.origin + page, categories, async (p) => {
      await untilMarked(p, has('il:painted'));
      await p.waitForTimeout(100);
    });
    return split(events);
  });
} finally {
  await server.close();
}
const median = (xs: number[]) => {
  const ok = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return ok.length ? ok[Math.floor(ok.length / 2)] : Number.NaN;
};
const phaseKeys = [
  ...new Set(
    rows.flatMap((rs) =>
      rs.flatMap((r) => Object.keys(r).filter((k) => k.startsWith('at ') || k.startsWith('cpu to '))),
    ),
  ),
];
const keys = [
  ...phaseKeys,
  'wall',
  'firstPainted',
  'script',
  'scriptCpu',
  'gcInScript',
  'renderInScript',
  'rendering',
  'renderingCpu',
  'gc',
  'other',
  'idle',
  'scriptTasks',
  'frames',
];
console.log(`${values.page} page, ${loads} loads per build: il:start to il:painted, ms (median, min-max)`);
console.log(`${''.padEnd(26)}${builds.map((b) => b.name.padStart(24)).join('')}`);
for (const k of keys)
  console.log(
    `${k.padEnd(26)}${rows
      .map((rs) => {
        const xs = rs.map((r) => r[k] ?? 0);
        return `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`.padStart(24);
      })
      .join('')}`,
  );
