// `npx tsx scripts/trace-rerun.ts [--loads N] <build dir>...`: where a re-run's time goes on the
// 1 MB article when paragraphs are added after load (bench:page's "a paragraph added after load").
// Each build (a copy of .output/chrome-mv3) gets its own Chromium; loads alternate between the
// builds. Per load, three paragraphs are added one after another, as bench:page does, each under
// a Chromium trace: the re-run's work (the runner's own figure: its slices' wall time, as
// bench:page reads it), and from the trace the renderer main thread's CPU time in those slices,
// garbage collection within them, and what our code did outside them until the run's mark
// (the report to the background and the MutationObserver's callbacks are outside the slices).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  has,
  launchWithExtension,
  longArticle,
  serveFixtures,
  type TraceEvent,
  untilMarked,
} from '../tests/e2e/harness';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    loads: { type: 'string', default: '5' },
    // A CPU profile of each re-run instead of a trace: self time by function (give a build made
    // with IL_PROFILE=1, which keeps the function names).
    profile: { type: 'boolean', default: false },
    // Paragraphs with nothing to find (a timestamp, a ticker): the re-run changes no highlight.
    plain: { type: 'boolean', default: false },
  },
});
const LOADS = Number(values.loads);
const CATEGORIES = 'toplevel,devtools.timeline,v8,blink.user_timing,disabled-by-default-v8.gc';

interface Ev extends TraceEvent {
  tts?: number;
  args?: TraceEvent['args'] & { name?: string; data?: { url?: string; detail?: string } };
}

interface Figures {
  work: number;
  /** Main-thread tasks overlapping the run (from its timer to its mark), summed: wall; CPU: of script only. */
  taskWall: number;
  taskCpu: number;
  /** Script after the mark until the trace ends (the report to the background, sent after the frame): CPU. */
  afterCpu: number;
  /** Garbage collection (MinorGC, MajorGC, incremental marking) within that script: thread time. */
  gc: number;
  /** The same window's GC pauses, by kind. */
  byKind: Record<string, number>;
  /** Extraction, analysis, the lens's apply (wall, ms), when the run took one slice. */
  phases?: number[] | null;
}

interface Profile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Adds a profile's time per function: self time, and (keys starting with "total ") inclusive time. */
function addProfile(self: Map<string, number>, profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (cf: Profile['nodes'][number]['callFrame']) => {
    const file = cf.url.split('/').pop() ?? '';
    return `${cf.functionName || '(top level)'} ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
  };
  profile.samples.forEach((id, i) => {
    const cf = byId.get(id)?.callFrame;
    if (!cf || cf.functionName === '(idle)' || cf.functionName === '(program)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    const key = keyOf(cf);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = `total ${keyOf((byId.get(n) as Profile['nodes'][number]).callFrame)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      self.set(k, (self.get(k) ?? 0) + dt);
    }
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : Number.NaN;
};

function analyse(events: Ev[], work: number): Figures {
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.name === 'il:highlighted');
  const end = marks.at(-1);
  if (!end)
    return { work, taskWall: Number.NaN, taskCpu: Number.NaN, afterCpu: Number.NaN, gc: Number.NaN, byKind: {} };
  const pid = end.pid;
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid);
  const main = names.find((e) => e.args?.name === 'CrRendererMain')?.tid ?? end.tid;
  const onMain = events.filter((e) => e.pid === pid && e.tid === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  // The run starts with the re-run timer (250 ms after the change): the last TimerFire before the mark, 200 ms or more after the first event.
  const timers = onMain.filter((e) => e.name === 'TimerFire' && e.ts < end.ts);
  const startTs = timers.length ? timers[timers.length - 1].ts : end.ts - 1e6;
  const tasks = onMain.filter(
    (e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts + (e.dur ?? 0) >= startTs && e.ts <= end.ts,
  );
  const taskWall = tasks.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  // Script only (our slices, the page's rendering in their pauses left out): the outermost
  // script events from the timer to the mark, their thread time.
  const script = new Set([
    'TimerFire',
    'FunctionCall',
    'v8.callFunction',
    'FireAnimationFrame',
    'BlinkScheduler_PerformMicrotaskCheckpoint',
  ]);
  /** Thread time of the outermost script events starting in [from, to]. */
  const scriptCpu = (from: number, to: number) => {
    let covered = 0;
    let cpu = 0;
    for (const e of onMain) {
      if (!script.has(e.name) || e.ts < from || e.ts > to || e.ts < covered) continue;
      covered = e.ts + (e.dur ?? 0);
      cpu += (e.tdur ?? e.dur ?? 0) / 1000;
    }
    return cpu;
  };
  const taskCpu = scriptCpu(startTs, end.ts);
  const afterCpu = scriptCpu(end.ts + 1, Number.POSITIVE_INFINITY);
  // Garbage collection's thread time within that script (and its kinds).
  const byKind: Record<string, number> = {};
  let gc = 0;
  const gcNames = new Set(['MinorGC', 'MajorGC', 'V8.GCIncrementalMarking', 'V8.GCIncrementalMarkingStart']);
  const inScript = (e: Ev) =>
    onMain.some(
      (s) => script.has(s.name) && s.ts <= e.ts && e.ts < s.ts + (s.dur ?? 0) && s.ts >= startTs && s.ts <= end.ts,
    );
  for (const e of onMain) {
    if (!gcNames.has(e.name) || e.ts < startTs || e.ts > end.ts || !inScript(e)) continue;
    const t = (e.tdur ?? e.dur ?? 0) / 1000;
    byKind[e.name] = (byKind[e.name] ?? 0) + t;
    gc += t;
  }
  return { work, taskWall, taskCpu, afterCpu, gc, byKind };
}

async function main() {
  if (!positionals.length) throw new Error('usage: trace-rerun.ts [--loads N] <build dir>...');
  const server = await serveFixtures();
  server.extra.set('/1mb.html', longArticle(1_000_000));
  const url = `${server.origin}/1mb.html`;
  const builds = await Promise.all(
    positionals.map(async (dir) => {
      const ext = await launchWithExtension(dir);
      const page = await ext.context.newPage();
      const cdp = await ext.context.newCDPSession(page);
      if (values.profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      }
      return {
        dir,
        ext,
        page,
        cdp,
        runs: [[], [], []] as Figures[][],
        self: [new Map(), new Map(), new Map()] as Map<string, number>[],
      };
    }),
  );
  for (let load = 0; load < LOADS; load++)
    for (const b of builds) {
      const { page, cdp } = b;
      await page.goto(url);
      await untilMarked(page, has('il:painted'), 60_000);
      for (const [i, n] of [1, 2, 3].entries()) {
        await page.waitForTimeout(300);
        const events: Ev[] = [];
        const collect = (d: { value: unknown }) => events.push(...(d.value as Ev[]));
        cdp.on('Tracing.dataCollected', collect);
        const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
        if (values.profile) await cdp.send('Profiler.start');
        else await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
        await page.evaluate(
          ([k, plain]) => {
            const p = document.createElement('p');
            p.textContent = plain
              ? `Updated at 10:0${k} this morning with a correction to the headline.`
              : k === 1
                ? 'Update: neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.'
                : `Update ${k + 1}: inspectors will return to Southwark next year, the council said.`;
            (document.querySelector('article') ?? document.body).append(p);
          },
          [n, values.plain] as const,
        );
        await untilMarked(page, has('il:highlighted', n + 1), 60_000);
        // The report and anything else the run's end sets off.
        await page.waitForTimeout(50);
        if (values.profile) {
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
          addProfile(b.self[i], profile);
        } else {
          await cdp.send('Tracing.end');
          await complete;
        }
        cdp.off('Tracing.dataCollected', collect);
        // The run's phases from its marks, when it ran in one slice (its start is its end less its work).
        const { work, phases } = (await page.evaluate(`(() => {
          const k = ${n};
          const end = performance.getEntriesByName('il:highlighted')[k];
          // The marks of this run: the last ones before its end (an idle re-run makes them too).
          const at = (name) => performance.getEntriesByName(name).filter((m) => m.startTime <= end.startTime).at(-1);
          const d = end.detail;
          const start = end.startTime - d.work;
          const ph = d.slices === 1
            ? [at('il:extracted').startTime - start, at('il:analysed').startTime - at('il:extracted').startTime, end.startTime - at('il:analysed').startTime]
            : null;
          return { work: d.work, phases: ph };
        })()`)) as { work: number; phases: number[] | null };
        if (process.env.DUMP) fs.writeFileSync(`/tmp/rerun-trace-${load}-${i}.json`, JSON.stringify(events));
        b.runs[i].push({
          ...(values.profile
            ? { taskWall: Number.NaN, taskCpu: Number.NaN, afterCpu: Number.NaN, gc: Number.NaN, byKind: {}, work }
            : analyse(events, work)),
          phases,
        });
      }
    }
  const f = (x: number) => x.toFixed(1).padStart(6);
  for (const b of builds) {
    console.log(`${b.dir}: ${LOADS} loads of the 1 MB article (medians; per load: work)`);
    for (const [i, runs] of b.runs.entries()) {
      const kinds = new Set(runs.flatMap((r) => Object.keys(r.byKind)));
      const gcKinds = [...kinds].map((k) => `${k} ${median(runs.map((r) => r.byKind[k] ?? 0)).toFixed(1)}`).join(', ');
      const one = runs.flatMap((r) => (r.phases ? [r.phases] : []));
      const phases = one.length
        ? `; in ${one.length} one-slice runs: extraction ${median(one.map((p) => p[0])).toFixed(1)}, analysis ${median(one.map((p) => p[1])).toFixed(1)}, apply ${median(one.map((p) => p[2])).toFixed(1)}`
        : '';
      console.log(
        `  paragraph ${i + 1}: work ${f(median(runs.map((r) => r.work)))} ms [${runs.map((r) => r.work.toFixed(1)).join(' ')}]; from the re-run's timer to its mark: tasks' wall ${f(median(runs.map((r) => r.taskWall)))}, script CPU ${f(median(runs.map((r) => r.taskCpu)))}; after the mark (the report), script CPU ${f(median(runs.map((r) => r.afterCpu)))}; GC in them ${f(median(runs.map((r) => r.gc)))} (${gcKinds})\n      per load: CPU [${runs.map((r) => r.taskCpu.toFixed(1)).join(' ')}], GC [${runs.map((r) => r.gc.toFixed(1)).join(' ')}]${phases}`,
      );
    }
  }
  if (values.profile)
    for (const b of builds)
      for (const [i, self] of b.self.entries()) {
        console.log(`${b.dir}, paragraph ${i + 1}: self time per load`);
        for (const [k, v] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 70))
          console.log(`${(v / LOADS / 1000).toFixed(2).padStart(8)} ms  ${k}`);
      }
  for (const b of builds) await b.ext.close();
  await server.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
