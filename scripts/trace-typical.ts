// `npx tsx scripts/trace-typical.ts [--loads N] [--no-build] [name=<build dir>...]`: where the typical
// article's (seed 003) first run spends the main thread, from `il:start` to `il:painted`, from a
// Chromium trace with V8's sampling profiler on, in the same tab reloaded and in a new tab each load
// (a fresh renderer: nothing V8 compiled on the tab's last load is cached). Builds interleaved,
// load by load. Each sample of our scripts is put in the part of the work its stack is in (the
// innermost of our source files that names a part: extraction, each analysis phase, the lens's
// apply, the report, the card and UI set-up, the engine's module evaluation, the every-page
// scripts), plus V8's garbage collector and its compiling; the trace's task CPU time (tdur) is
// given beside (the profile samples wall time). With no build dir it builds this worktree with
// IL_PROFILE=1 (not minified: the bundle's `// lib/...` comments tell each line's source file)
// into a temporary dir. A minified build gives the totals only (its parts are "unknown").
// Also the CPU of our script over the whole load, from the navigation on: the every-page scripts
// before il:start (early.js at document_start and its head watch, which starts the engine's import;
// content.js's evaluation) are ours too, and the figures above leave them out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import {
  has,
  launchWithExtension,
  longArticle,
  ourScriptCpu,
  root,
  serveFixtures,
  type TraceEvent,
  tracePage,
  untilMarked,
} from '../tests/e2e/harness';
import { namedBuilds, profiledBuild } from './build-args';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    loads: { type: 'string', default: '6' },
    top: { type: 'string', default: '0' },
    // Without V8's sampling profiler (it slows what it samples): the trace's CPU times and marks only.
    'no-profile': { type: 'boolean', default: false },
    // Inclusive time of these functions (comma-separated names).
    inclusive: { type: 'string', default: '' },
    'no-build': { type: 'boolean', default: false },
    // `1mb`: the 1 MB article's first screens instead (il:start to il:first-painted; its first part's run).
    page: { type: 'string', default: 'typical' },
  },
});
const loads = Number(values.loads);
const long = values.page === '1mb';
const END = long ? 'il:first-painted' : 'il:painted';
const SET = long ? 'il:first-highlighted' : 'il:highlighted';
const wanted = new Set(values.inclusive.split(',').filter(Boolean));
let builds = namedBuilds(positionals);
if (!builds.length) {
  // --no-build: a copy of .output's build (the worktree can be rebuilt while this runs).
  const copy = () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'il-trace-typical-')), 'chrome-mv3');
    fs.cpSync(path.join(root, '.output/chrome-mv3'), dir, { recursive: true });
    return dir;
  };
  builds = [{ name: 'this', dir: values['no-build'] ? copy() : profiledBuild('il-trace-typical-') }];
}

/** Which part of the work a source file is (null: a helper, its caller's part). */
function partOf(file: string): string | null {
  if (file.startsWith('node_modules/preact') || file.startsWith('components/')) return 'card/UI';
  const f = file.replace(/^lib\//, '');
  const parts: [RegExp, string][] = [
    [/^analysis\/(scan|needs|cut|steps|cache)\.ts$/, ''],
    [/^analysis\/grades/, 'analysis: grades'],
    [/^analysis\/improvement/, 'analysis: improvements'],
    [/^analysis\/councils|^data\/(gazetteer|name-index|ofsted)/, 'analysis: councils'],
    [/^data\//, 'analysis: other'],
    [/^analysis\/detect/, 'analysis: detection'],
    [/^analysis\/(text|furniture)/, 'analysis: prepare (sentences)'],
    [/^analysis\/(outcomes|findings|describe)/, 'analysis: outcomes, findings'],
    [/^analysis\//, 'analysis: other'],
    [/^page\/(extract|main-content)/, 'extraction'],
    [/^page\/(lens|highlighter|ranges|text-map)/, 'lens apply (highlights)'],
    [
      /^page\/quick-check|^content\/(gate|loader|early-engine|page-change|script-context|clip-query)/,
      'every-page scripts',
    ],
    [/^(content\/(report-sender|post)|page\/panel-requests|messages|reports)/, 'report'],
    [/^content\/(card|ui|clipping|refind)|^page\/(ui-host|show-clip)/, 'card/UI'],
    [/^content\/runner/, 'runner'],
  ];
  for (const [re, part] of parts) if (re.test(f)) return part || null;
  return null;
}

/** Per bundle (by its URL's file name): the source file of each line, from the bundle's `// file` comments. */
const sourceOfLine = new Map<string, string[]>();
function sourceOf(url = '', line = 0, dir = ''): string | null {
  const base = url.split('/').pop() ?? '';
  if (!url.startsWith('chrome-extension://') || !base.endsWith('.js')) return null;
  const key = `${dir}/${url.replace(/^chrome-extension:\/\/[^/]+\//, '')}`;
  let lines = sourceOfLine.get(key);
  if (!lines) {
    lines = [];
    let cur = '(module)';
    const text = fs.existsSync(key) ? fs.readFileSync(key, 'utf8').split('\n') : [];
    for (const l of text) {
      const m = /^\t?\/\/ ((?:lib|node_modules|components|entrypoints)\/\S+\.[mc]?[jt]sx?)$/.exec(l);
      if (m) cur = m[1];
      // lib/page/lens.ts has no comment of its own in the bundle (its first statement, a class
      // with a doc comment, follows viewport.ts's last line): its class Entry starts it.
      else if (/^\tvar Entry = class/.test(l) && cur === 'lib/page/viewport.ts') cur = 'lib/page/lens.ts';
      lines.push(cur);
    }
    sourceOfLine.set(key, lines);
  }
  return lines[line] ?? '(module)';
}

interface Node {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
type Row = Record<string, number>;
const GC_KINDS = new Set([
  'MinorGC',
  'MajorGC',
  'V8.GCFinalizeMC',
  'V8.GCIncrementalMarking',
  'V8.GC_SCAVENGER',
  'BlinkGC.AtomicPhase',
]);
const LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);

/** Self time per leaf function (--top), summed over loads, per tab kind. */
const self: Record<string, Map<string, number>> = {};

function measure(events: TraceEvent[], dir: string, tab: string): Row | null {
  const mark = (n: string) => events.find((e) => e.name === n && e.cat?.includes('blink.user_timing'));
  const start = mark('il:start');
  const painted = mark(END);
  if (!start || !painted) return null;
  const { pid, tid } = start;
  const t0 = start.ts;
  const t1 = painted.ts;
  const row: Row = { wall: (t1 - t0) / 1000 };
  // The main thread's outermost events (tasks, and the microtask checkpoints the scheduler runs
  // outside them, where our run's slice is), for their CPU time.
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  for (const t of tasks)
    if (!top.length || t.ts >= top[top.length - 1].ts + (top[top.length - 1].dur ?? 0)) top.push(t);
  /** CPU time of the main thread's tasks between two times, a task's shared out by its wall time in between. */
  const cpuBetween = (from: number, to: number) => {
    let cpu = 0;
    for (const t of top) {
      const a = Math.max(t.ts, from);
      const b = Math.min(t.ts + (t.dur ?? 0), to);
      if (b <= a || !t.dur) continue;
      cpu += ((b - a) / t.dur) * Math.min(t.dur, t.tdur ?? t.dur);
    }
    return cpu / 1000;
  };
  row['task CPU (trace)'] = cpuBetween(t0, t1);
  // Our script over the whole load, from the navigation on (the every-page scripts before
  // il:start included): tests/e2e/harness.ts's ourScriptCpu.
  const { before, after } = ourScriptCpu(events, t0, t1);
  row['our script, navigation to end'] = before + after;
  row['  of it before il:start (every-page scripts)'] = before;
  // The run's own CPU (extraction, analysis, apply: what `work` times by the wall clock).
  const loaded = mark('il:engine-loaded');
  const set = mark(SET);
  if (loaded && set) row['CPU engine-loaded to highlighted'] = cpuBetween(loaded.ts, set.ts);
  // The same run's steps: extraction, analysis, and the lens's apply (Ranges made and registered).
  const extracted = mark('il:extracted');
  const analysed = mark('il:analysed');
  if (loaded && extracted) row['  CPU of it: to extracted'] = cpuBetween(loaded.ts, extracted.ts);
  if (extracted && analysed) row['  CPU of it: extracted to analysed'] = cpuBetween(extracted.ts, analysed.ts);
  if (analysed && set) row['  CPU of it: analysed to highlighted'] = cpuBetween(analysed.ts, set.ts);
  // After the run, up to the frame that shows its highlights (the page report was sent in it).
  if (set) {
    row['highlighted to painted (wall)'] = (t1 - set.ts) / 1000;
    row['CPU highlighted to painted'] = cpuBetween(set.ts, t1);
  }
  // V8's collections and Blink's style and layout on the main thread in the window, by kind.
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || e.ts < t0 || e.ts > t1) continue;
    const kind = GC_KINDS.has(e.name) ? `GC event: ${e.name}` : LAYOUT.has(e.name) ? `style/layout: ${e.name}` : null;
    if (kind) row[kind] = (row[kind] ?? 0) + (e.dur ?? 0) / 1000;
  }
  // The sampling profile(s) of the page's main thread.
  const any = (e: TraceEvent) => e as unknown as { id?: string; args: { data: Record<string, unknown> } };
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  for (const p of profiles) {
    const id = any(p).id;
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && any(e).id === id);
    const nodes = new Map<number, Node>();
    let ts = Number(any(p).args.data.startTime);
    for (const c of chunks) {
      const d = any(c).args.data as {
        cpuProfile?: { nodes?: Node[]; samples?: number[] };
        timeDeltas?: number[];
      };
      for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = d.cpuProfile?.samples ?? [];
      const deltas = d.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        const dt = deltas[i] ?? 0;
        ts += dt;
        if (ts < t0 || ts > t1) continue;
        const leaf = nodes.get(samples[i]);
        const name = leaf?.callFrame.functionName ?? '';
        let part: string | null = null;
        let ours = false;
        if (name === '(garbage collector)') part = 'GC';
        else if (name === '(idle)') part = 'idle';
        else if (name === '(program)') part = '(program: not JS)';
        else
          for (let n = leaf; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
            const src = sourceOf(n.callFrame.url, n.callFrame.lineNumber, dir);
            if (src === null) continue;
            ours = true;
            const base = (n.callFrame.url ?? '').split('/').pop();
            part = partOf(src);
            if (part) break;
            if (src === '(module)' || src.startsWith('entrypoints/'))
              part = base === 'content-engine.js' ? "engine module's evaluation" : 'every-page scripts';
            if (part) break;
          }
        if (!part) part = ours ? 'ours: unknown' : 'not ours (page, browser)';
        if (wanted.size) {
          const seen = new Set<string>();
          for (let n = leaf; n; n = n.parent === undefined ? undefined : nodes.get(n.parent))
            if (wanted.has(n.callFrame.functionName)) seen.add(n.callFrame.functionName);
          for (const f of seen) row[`incl ${f}`] = (row[`incl ${f}`] ?? 0) + dt / 1000;
        }
        if (leaf && part !== 'idle') {
          const cf = leaf.callFrame;
          const key = `${part} | ${cf.functionName || '(anonymous)'} ${sourceOf(cf.url, cf.lineNumber, dir) ?? cf.url ?? ''}`;
          self[tab] ??= new Map();
          self[tab].set(key, (self[tab].get(key) ?? 0) + dt / 1000);
        }
        row[part] = (row[part] ?? 0) + dt / 1000;
        if (ours) row['our samples'] = (row['our samples'] ?? 0) + dt / 1000;
      }
    }
  }
  // Where our marks fall (ms after il:start).
  for (const n of ['il:engine-loaded', 'il:extracted', 'il:analysed', SET]) {
    const m = mark(n);
    if (m) row[`at ${n.slice(3)}`] = (m.ts - t0) / 1000;
  }
  const hl = events.find((e) => e.name === 'il:highlighted' && e.cat?.includes('blink.user_timing')) as
    | (TraceEvent & { args?: { data?: { detail?: string } } })
    | undefined;
  try {
    const detail = JSON.parse(String(hl?.args?.data?.detail ?? 'null')) as { work?: number; drawn?: number } | null;
    if (detail?.work !== undefined) row['work (bench:page figure)'] = detail.work;
    if (detail?.drawn !== undefined) row['highlights drawn'] = detail.drawn;
  } catch {
    /* no detail */
  }
  return row;
}

const CATEGORIES = `toplevel,devtools.timeline,blink.user_timing,v8,disabled-by-default-v8.gc${
  values['no-profile'] ? '' : ',disabled-by-default-v8.cpu_profiler'
}`;

async function traced(page: Page, go: () => Promise<unknown>): Promise<TraceEvent[]> {
  return tracePage(page, CATEGORIES, go, async (p) => {
    await untilMarked(p, has('il:painted'));
    await p.waitForTimeout(100);
  });
}

const server = await serveFixtures();
server.extra.set('/trace-1mb.html', longArticle(1_000_000));
const url = `${server.origin}${long ? '/trace-1mb.html' : '/003_7373dea24638aad1.html'}`;
const exts = [];
for (const b of builds) exts.push(await launchWithExtension(b.dir));
const rows = builds.map(() => ({ reloaded: [] as Row[], newTab: [] as Row[] }));
try {
  const tabs: Page[] = [];
  for (const e of exts) {
    const p = await e.context.newPage();
    await p.goto(url);
    await untilMarked(p, has('il:painted'));
    tabs.push(p);
  }
  for (let i = 0; i <= loads; i++)
    for (let k = 0; k < builds.length; k++) {
      await new Promise((r) => setTimeout(r, 300));
      const reloaded = await traced(tabs[k], () => tabs[k].reload());
      await new Promise((r) => setTimeout(r, 300));
      const fresh = await exts[k].context.newPage();
      const newTab = await traced(fresh, () => fresh.goto(url));
      await fresh.close();
      if (i === 0) continue; // the first round warms the browser
      const a = measure(reloaded, builds[k].dir, `${builds[k].name} reloaded`);
      const b = measure(newTab, builds[k].dir, `${builds[k].name} new tab`);
      if (a) rows[k].reloaded.push(a);
      if (b) rows[k].newTab.push(b);
    }
} finally {
  for (const e of exts) await e.close();
  await server.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
};
const first = [
  'wall',
  'task CPU (trace)',
  'our script, navigation to end',
  '  of it before il:start (every-page scripts)',
  'CPU engine-loaded to highlighted',
  'work (bench:page figure)',
  'our samples',
  'GC',
];
const keys = [
  ...new Set([...first, ...rows.flatMap((r) => [...r.reloaded, ...r.newTab].flatMap((x) => Object.keys(x))).sort()]),
];
console.log(
  `${long ? '1 MB article, first screens' : 'Typical article (seed 003)'}, ${loads} loads per build and tab: il:start to ${END}, ms, median (min) (the profile samples wall time)`,
);
const cols = builds.flatMap((b) => [`${b.name} reloaded`, `${b.name} new tab`]);
console.log(`${''.padEnd(34)}${cols.map((c) => c.padStart(20)).join('')}`);
for (const k of keys)
  console.log(
    `${k.padEnd(34)}${rows
      .flatMap((r) => [r.reloaded, r.newTab])
      .map((rs) =>
        `${median(rs.map((x) => x[k] ?? 0)).toFixed(2)} (${Math.min(...rs.map((x) => x[k] ?? 0)).toFixed(1)})`.padStart(
          20,
        ),
      )
      .join('')}`,
  );
for (const [tab, m] of Object.entries(self).filter(() => Number(values.top) > 0)) {
  console.log(`\n${tab}: self time per load, top ${values.top} (part | function source file)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(`${(v / loads).toFixed(2).padStart(8)}  ${k}`);
}
