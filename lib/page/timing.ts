// Timing: marks for `npm run bench` and `npm run profile:page` (a mark must never break the
// work it times: a page can replace `performance`, a browser can refuse a mark's detail), and
// giving the main thread back between slices of work.
//
// Marks are made only when the benchmark asks for them (BENCH_MARKS_KEY in the extension's
// storage, which only the extension and the test harness, through the service worker, can
// write): on a reader's ordinary page they would tell any site that the extension is installed.
// Until the stored flag is read, marks wait in a queue with their time; then they are made with
// that time (`startTime`), or dropped.

interface QueuedMark {
  name: string;
  startTime: number;
  detail?: unknown;
}

/** null until the flag is known. */
let marking: boolean | null = null;
let queued: QueuedMark[] = [];

function put(name: string, detail?: unknown, startTime?: number): void {
  try {
    if (detail === undefined && startTime === undefined) performance.mark(name);
    else
      performance.mark(name, {
        ...(detail === undefined ? {} : { detail }),
        ...(startTime === undefined ? {} : { startTime }),
      });
  } catch {
    /* timing is optional */
  }
}

/**
 * Whether marks are wanted (the stored flag, once read): makes or drops the queued ones. Null
 * starts over with the flag unknown (each content script starts so; the unit tests reset with it).
 */
export function setMarking(on: boolean | null): void {
  marking = on;
  const waiting = queued;
  queued = [];
  if (on) for (const m of waiting) put(m.name, m.detail, m.startTime);
}

export function markTime(name: string, detail?: unknown): void {
  if (marking === false) return;
  if (marking === true) {
    put(name, detail);
    return;
  }
  try {
    if (queued.length < 500) queued.push({ name, startTime: performance.now(), detail });
  } catch {
    /* timing is optional */
  }
}

/**
 * Resolves in a new task: a message to ourselves, like setTimeout(0) but without the 4 ms clamp
 * that nested timers get (Firefox). Called from a requestAnimationFrame callback, it resolves
 * once that frame has been rendered.
 */
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** Gives the main thread back to the page for a moment: scheduler.yield where there is one (Chromium), else a new task. */
export function yieldToPage(): Promise<void> {
  const sch = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sch?.yield === 'function') return sch.yield().then(undefined, () => undefined);
  return nextTask();
}
