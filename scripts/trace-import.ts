// `npx tsx scripts/trace-import.ts [--loads N] [<build dir>]`: where the lazy engine's import
// spends its time on the typical article (seed 003, served in one piece), from a Chromium trace
// of each load. Prints, relative to the content script's start (`il:load`), the medians of:
// - the engine's request (started by the early script when the page's head names an inspection),
// - the same request sent on to the extension's own address (Chrome's per-session URL of a
//   web-accessible resource is resolved by the browser),
// - its response, the background parse and compilation (`v8.parseOnBackground`: with V8's
//   whole-file compile hint it compiles every function), the module's compilation on the main
//   thread, the engine loaded (`il:engine-loaded`), highlights set (`il:highlighted`),
// - the page's own first paint.
// It explains the "highlights in the page's first paint" budget (docs/performance.md); the
// budgets' figures come from `npm run bench:page`.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  extensionDir,
  has,
  launchWithExtension,
  root,
  serveFixtures,
  type TraceEvent,
  traceLoad,
  untilMarked,
} from '../tests/e2e/harness';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { loads: { type: 'string', default: '9' } },
});
const loads = Number(values.loads);
const dir = positionals[0] ?? extensionDir;
if (!positionals[0] && process.env.IL_REUSE_BUILD !== '1')
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });

const server = await serveFixtures();
const ext = await launchWithExtension(dir);
const rows: Record<string, number[]> = {};
const put = (k: string, v: number | undefined) => {
  if (v === undefined || !Number.isFinite(v)) return;
  rows[k] ??= [];
  rows[k].push(v);
};
try {
  for (let i = 0; i <= loads; i++) {
    const events = await traceLoad(
      ext.context,
      `${server.origin}/003_7373dea24638aad1.html`,
      'devtools.timeline,blink.user_timing,v8,loading',
      async (page) => {
        await untilMarked(page, has('il:painted'));
        await page.waitForTimeout(200);
      },
    );
    if (i === 0) continue; // the first load warms the browser
    const mark = (n: string) => events.find((e) => e.name === n && e.cat?.includes('blink.user_timing'))?.ts;
    const t0 = mark('il:load');
    if (t0 === undefined) continue;
    const rel = (ts: number | undefined) => (ts === undefined ? undefined : (ts - t0) / 1000);
    const engine = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.url ?? '').endsWith('/content-engine.js');
    const sends = events.filter((e) => e.name === 'ResourceSendRequest' && engine(e));
    const parse = events.find((e) => e.name === 'v8.parseOnBackground' && engine(e));
    put('engine requested', rel(sends[0]?.ts));
    put('sent on to the extension', rel(sends[1]?.ts));
    const response = events.find((e) => e.name === 'MojoURLLoaderClient::OnReceiveResponse' && engine(e))?.ts;
    put('response', rel(response));
    put('background parse and compile, start', rel(parse?.ts));
    put('background parse and compile, end', rel(parse && parse.ts + (parse.dur ?? 0)));
    put('background parse and compile, duration', parse?.dur === undefined ? undefined : parse.dur / 1000);
    // CPU time of that thread (steadier than wall time on a shared machine).
    put('background parse and compile, CPU', parse?.tdur === undefined ? undefined : parse.tdur / 1000);
    put('from response to highlights set', (mark('il:highlighted') ?? NaN) / 1000 - (response ?? NaN) / 1000);
    put('module compiled (main thread)', rel(events.find((e) => e.name === 'v8.compileModule' && engine(e))?.ts));
    put('engine loaded', rel(mark('il:engine-loaded')));
    put('highlights set', rel(mark('il:highlighted')));
    put("the page's first paint", rel(events.find((e) => e.name === 'firstPaint')?.ts));
  }
} finally {
  await ext.close();
  await server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Typical article, ${loads} loads: times from the content script's start (ms), median (min to max)`);
for (const [k, xs] of Object.entries(rows))
  console.log(
    `  ${k.padEnd(40)} ${median(xs).toFixed(1).padStart(7)}  (${Math.min(...xs).toFixed(1)} to ${Math.max(...xs).toFixed(1)}, n=${xs.length})`,
  );
