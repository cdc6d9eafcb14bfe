// Timing: marks for `npm run bench` and `npm run profile:page` (a mark must never break the
// work it times: a page can replace `performance`, a browser can refuse a mark's detail), and
// giving the main thread back between slices of work.
export function markTime(name: string, detail?: unknown): void {
  try {
    if (detail === undefined) performance.mark(name);
    else performance.mark(name, { detail });
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
