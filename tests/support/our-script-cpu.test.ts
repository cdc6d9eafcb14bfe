// The count behind bench:page's and trace-typical.ts's "our script over the whole load": which
// trace events are our extension's script, on a synthetic trace of one page load.
import { expect, test } from 'vitest';
import { ourScriptCpu, type TraceEvent } from '../e2e/harness';

const EXT = 'chrome-extension://abcdefghijklmnop';
/** A complete event on the page's main thread (pid 1, tid 1): start and wall in ms, CPU in ms. */
const ev = (name: string, ts: number, dur: number, tdur: number, args?: TraceEvent['args'] & object): TraceEvent => ({
  name,
  ph: 'X',
  pid: 1,
  tid: 1,
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: tdur * 1000,
  ...(args ? { args } : {}),
});
const world = (worldName: string) => ({ worldName }) as unknown as TraceEvent['args'];

const start = 40_000; // il:start, µs
const end = 90_000; // il:painted, µs

const trace: TraceEvent[] = [
  // The parser's task (not ours), holding our early script's MutationObserver callback.
  ev('ParseHTML', 0, 30, 25),
  ev('v8.callFunction', 10, 3, 2, world('Inspection Lens')),
  // The early script (document_start), with its compile inside: counted once.
  ev('EvaluateScript', 1, 4, 3, { data: { url: `${EXT}/early.js` } }),
  ev('v8.compile', 1.5, 1, 0.5, { data: { url: `${EXT}/early.js` } }),
  // The content script's evaluation, which marks il:start inside it.
  ev('EvaluateScript', 39, 5, 4, { data: { url: `${EXT}/content.js` } }),
  // The harness's own evaluate (no URL, no world) and Playwright's utility world: not ours.
  ev('EvaluateScript', 50, 2, 2),
  ev('v8.callFunction', 53, 1, 1, world('__playwright_utility_world__')),
  // A microtask checkpoint with no URL of its own, running our code: ours.
  ev('BlinkScheduler_PerformMicrotaskCheckpoint', 60, 10, 9),
  ev('FunctionCall', 60.5, 9, 8.5, { data: { url: `${EXT}/content-engine.js` } }),
  // A microtask checkpoint running nothing of ours.
  ev('RunMicrotasks', 75, 2, 2),
  // After the end: not counted.
  ev('v8.callFunction', 95, 3, 3, world('Inspection Lens')),
];

test('counts only our script, each event once, split at il:start', () => {
  const { before, after } = ourScriptCpu(trace, start, end);
  // Before: the observer's callback (2; not the parser's 25), the early script (3, its compile inside
  // it), the content script's evaluation (4: it began before il:start).
  expect(before).toBeCloseTo(9, 6);
  // After: the microtask checkpoint that ran our engine (9), not the harness, Playwright or the rest.
  expect(after).toBeCloseTo(9, 6);
});

test('a task holding nothing of ours counts nothing', () => {
  const none = trace.filter((e) => !JSON.stringify(e.args ?? {}).match(/chrome-extension|Inspection Lens/));
  expect(ourScriptCpu(none, start, end)).toEqual({ before: 0, after: 0 });
});
