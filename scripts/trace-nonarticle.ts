// `npx tsx scripts/trace-nonarticle.ts name=<build dir> ...`: where the every-page scripts' time
// goes on a page that is not an article, as main-thread CPU time (a trace's thread durations,
// not wall time: on a shared machine another process taking the core does not count), per step:
// the isolated world's creation, each content script's evaluation (and its compile), the callbacks
// into the extension's world afterwards (observers, timers, messages) and the microtasks. The
// same walks page as `npm run bench:nonarticle`, a fresh tab each load, builds interleaved, after
// a first load that warms each browser. Give builds made with `npx wxt build` (copies of
// .output/chrome-mv3) or hand-made extensions with the same two content-script slots. Two
// baselines are measured beside them: an extension making only the same extension calls as ours
// (bench:nonarticle's), and the same plus the quick check's reads of the page (its title, head
// metadata and a text sample: lib/page/quick-check.ts written out plainly), which any extension
// deciding from the page's text would make. TRACE_RUNS=<loads per build> (default 10);
// BENCH_HEAD_TAGS=<n> gives the page's head n more meta and link tags; TRACE_WATCHES=1 measures a third
// baseline beside them, the calls and reads with the page watches our features need (two
// MutationObservers, three listeners; scripts/nonarticle-baselines.ts), to show what those cost.
import fs from 'node:fs';
import { pageMainThread, type TraceEvent, traceLoadsInterleaved, walksPage } from '../tests/e2e/harness';
import { apiCallsExtension, callsAndReadsExtension, callsReadsWatchesExtension } from './nonarticle-baselines';

const RUNS = Number(process.env.TRACE_RUNS ?? 10);
/** BENCH_HEAD_TAGS=<n>: a head as large as a news site's (n meta and link tags after the title; default none). */
const HEAD_TAGS = Array.from({ length: Number(process.env.BENCH_HEAD_TAGS ?? 0) }, (_, i) =>
  i % 2
    ? `<link rel="alternate" hreflang="x-${i}" href="/walks-${i}.html">`
    : `<meta property="og:x${i}" content="Walks ${i}">`,
).join('');
const PAGE = walksPage(HEAD_TAGS);

const baselines: [string, string][] = [
  ['API calls', apiCallsExtension()],
  ['+ quick check', callsAndReadsExtension()],
  ...(process.env.TRACE_WATCHES === '1' ? [['+ watches', callsReadsWatchesExtension()] as [string, string]] : []),
];
const builds: [string, string][] = [
  ...baselines,
  ...process.argv.slice(2).map((a) => (a.includes('=') ? a.split('=') : [a, a]) as [string, string]),
];
if (builds.length <= baselines.length) {
  console.error('usage: npx tsx scripts/trace-nonarticle.ts name=<build dir> [name=<build dir>...]');
  process.exit(2);
}

/** The thread CPU time (ms) of each step of our scripts in one load's trace. */
function steps(events: TraceEvent[]): Record<string, number> {
  const main = pageMainThread(events);
  const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
  const out: Record<string, number> = {};
  const add = (key: string, v: number) => {
    out[key] = (out[key] ?? 0) + v;
  };
  const evals = main
    .filter((e) => e.name === 'EvaluateScript' && /^chrome-extension:/.test(e.args?.data?.url ?? ''))
    .sort((a, b) => a.ts - b.ts);
  if (!evals.length) return out;
  const within = (e: TraceEvent, x: TraceEvent) => e.ts >= x.ts && e.ts < x.ts + (x.dur ?? 0);
  for (const e of evals) {
    const file = (e.args?.data?.url ?? '').split('/').pop() ?? '';
    add(`evaluation of ${file}`, cpu(e));
    const compile = main.find((x) => x.name === 'v8.compile' && within(x, e));
    if (compile) add(`  ${file}: of which compile`, cpu(compile));
  }
  // The extension's isolated world is created just before its first script runs.
  const first = evals[0];
  const world = main.filter((e) => e.name === 'LocalWindowProxy::Initialize' && e.ts < first.ts).pop();
  if (world && first.ts - (world.ts + (world.dur ?? 0)) < 2000) add('isolated world created', cpu(world));
  const worldId = main.find((e) => e.name === 'v8.run' && within(e, first))?.args?.worldId;
  const after: [TraceEvent, string][] = [];
  for (const e of main) {
    if (evals.some((x) => x !== e && within(e, x))) continue;
    if (e.name === 'v8.callFunction' && worldId !== undefined && e.args?.worldId === worldId)
      after.push([e, 'callbacks (observers, timers, messages)']);
    // The page has no script of its own: every microtask after our first script is ours.
    if (e.name === 'RunMicrotasks' && e.ts > first.ts) after.push([e, 'microtasks']);
  }
  // A callback run inside a microtask checkpoint (a MutationObserver's), or microtasks run at the
  // end of a callback, are counted once: in the outer one, whose CPU time includes them.
  const inside = (e: TraceEvent, x: TraceEvent) =>
    x !== e &&
    x.ts <= e.ts &&
    e.ts + (e.dur ?? 0) <= x.ts + (x.dur ?? 0) &&
    (x.ts < e.ts || (x.dur ?? 0) > (e.dur ?? 0));
  for (const [e, key] of after) if (!after.some(([x]) => inside(e, x))) add(key, cpu(e));
  out.total = Object.entries(out)
    .filter(([k]) => !k.startsWith(' '))
    .reduce((s, [, v]) => s + v, 0);
  return out;
}

let rows: Record<string, number>[][];
try {
  rows = await traceLoadsInterleaved(
    builds.map(([, dir]) => dir),
    PAGE,
    'devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline',
    RUNS,
    steps,
  );
} finally {
  for (const [, dir] of baselines) fs.rmSync(dir, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const keys = [...new Set(rows.flat().flatMap((r) => Object.keys(r)))].sort((a, b) =>
  a === 'total' ? 1 : b === 'total' ? -1 : 0,
);
console.log(`Non-article page: main-thread CPU time of the every-page scripts, ms (median of ${RUNS} loads)`);
console.log(`${''.padEnd(42)}${builds.map(([n]) => n.slice(0, 12).padStart(13)).join('')}`);
for (const key of keys)
  console.log(
    `${key.padEnd(42)}${builds
      .map((_, k) =>
        median(rows[k].map((r) => r[key] ?? 0))
          .toFixed(2)
          .padStart(13),
      )
      .join('')}`,
  );
const quartile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
console.log(
  `${'  total, interquartile range'.padEnd(42)}${builds
    .map((_, k) => {
      const t = rows[k].map((r) => r.total ?? 0);
      return `${quartile(t, 0.25).toFixed(1)}–${quartile(t, 0.75).toFixed(1)}`.padStart(13);
    })
    .join('')}`,
);
