// `npx tsx scripts/trace-nonarticle-compile.ts name=<build dir> ...`: how much of the every-page
// scripts' main-thread CPU on a page that is not an article is V8 compiling them: the script's
// own compile when it loads, and the functions compiled one by one on their first call
// (`V8.CompileCode` events outside the script's compile, in the trace's v8.compile category).
// The same walks page as `scripts/trace-nonarticle.ts` and `npm run bench:nonarticle`, a fresh tab
// each load, builds interleaved after a first load that warms each browser. The compile category
// adds a little tracing overhead to every build alike. TRACE_RUNS=<loads per build> (default 10).
import { pageMainThread, type TraceEvent, traceLoadsInterleaved, walksPage } from '../tests/e2e/harness';

const RUNS = Number(process.env.TRACE_RUNS ?? 10);
const builds = process.argv.slice(2).map((a) => (a.includes('=') ? a.split('=') : [a, a]) as [string, string]);
if (!builds.length) {
  console.error('usage: npx tsx scripts/trace-nonarticle-compile.ts name=<build dir> [name=<build dir>...]');
  process.exit(2);
}

/** Per script: CPU of its evaluation, its compile, and the functions compiled on first call (count, CPU). */
function compiles(events: TraceEvent[]): Record<string, number> {
  const main = pageMainThread(events);
  const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
  const within = (e: TraceEvent, x: TraceEvent) =>
    e !== x && e.ts >= x.ts && e.ts + (e.dur ?? 0) <= x.ts + (x.dur ?? 0);
  const out: Record<string, number> = {};
  const add = (k: string, v: number) => {
    out[k] = (out[k] ?? 0) + v;
  };
  const evals = main.filter((e) => e.name === 'EvaluateScript' && /^chrome-extension:/.test(e.args?.data?.url ?? ''));
  const scriptCompiles = main.filter((e) => e.name === 'v8.compile');
  const lazy = main.filter(
    (e) =>
      e.name === 'V8.CompileCode' &&
      !scriptCompiles.some((c) => within(e, c)) &&
      !main.some((x) => x.name === 'V8.CompileCode' && within(e, x)),
  );
  for (const x of evals) {
    const file = (x.args?.data?.url ?? '').split('/').pop() ?? '';
    add(`${file}: evaluation`, cpu(x));
    add(
      `${file}: its compile`,
      scriptCompiles.filter((c) => within(c, x)).reduce((s, c) => s + cpu(c), 0),
    );
    const first = lazy.filter((c) => within(c, x));
    add(`${file}: functions compiled on first call`, first.length);
    add(
      `${file}: their compile`,
      first.reduce((s, c) => s + cpu(c), 0),
    );
  }
  // After the scripts ran: callbacks and microtasks (the page has no script of its own).
  const start = evals.length ? Math.min(...evals.map((e) => e.ts)) : Number.POSITIVE_INFINITY;
  const later = lazy.filter((c) => c.ts > start && !evals.some((x) => within(c, x)));
  add('later (callbacks, microtasks): functions compiled', later.length);
  add(
    'later: their compile',
    later.reduce((s, c) => s + cpu(c), 0),
  );
  return out;
}

const rows = await traceLoadsInterleaved(
  builds.map(([, dir]) => dir),
  walksPage(),
  'devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline,disabled-by-default-v8.compile',
  RUNS,
  compiles,
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Non-article page: the every-page scripts' compiles, CPU ms or counts (median of ${RUNS} loads)`);
console.log(`${''.padEnd(52)}${builds.map(([n]) => n.slice(0, 12).padStart(13)).join('')}`);
for (const key of [...new Set(rows.flat().flatMap((r) => Object.keys(r)))])
  console.log(
    `${key.padEnd(52)}${builds
      .map((_, k) => {
        const v = median(rows[k].map((r) => r[key] ?? 0));
        return (Number.isInteger(v) ? String(v) : v.toFixed(2)).padStart(13);
      })
      .join('')}`,
  );
