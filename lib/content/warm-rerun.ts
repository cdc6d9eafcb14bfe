// A long article's first re-run, done once while the page is idle, before the page changes.
//
// The first time a long page changes after load (a live blog's update, infinite scroll), the
// re-run used to pay for two things left over from the first run: V8 starting and finishing a
// major garbage collection of the first run's garbage (the heap is over its limit when the first
// run ends, and the re-run's first allocations notice it), and the re-run's own code paths (the
// blocks, sentences and findings taken from the last run) running for the first time, before V8
// compiles them. On the 1 MB article that was about half of the first re-run's time. A re-run of
// the unchanged page, made when the browser says it is idle, pays both there: it finds nothing
// changed (every block, sentence and finding is the last run's), draws nothing and reports
// nothing, and the reader's first change then costs what later ones do.
import { onAbort } from './context';

/** Text from which an article gets the idle re-run: a long article (lens.ts's LONG_CHARS). */
export const WARM_CHARS = 30_000;

/**
 * Runs `f` once when the window is next idle (at most `timeoutMs` later), unless `signal`
 * aborts first. Browsers without requestIdleCallback get a timer.
 */
export function whenIdle(win: Window, f: () => void, signal: AbortSignal, timeoutMs = 200): void {
  if (signal.aborted) return;
  const w = win as Window & {
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(f, { timeout: timeoutMs });
    onAbort(signal, () => w.cancelIdleCallback?.(id));
    return;
  }
  const t = win.setTimeout(f, 50);
  onAbort(signal, () => win.clearTimeout(t));
}
