// Driving step-wise work (generators that yield between slices): to completion at once, or
// pausing whenever a run of steps has taken longer than a time budget.

/** A step may yield this to ask for the page to be painted before it goes on. */
export const PAINT = 'paint';
// biome-ignore lint/suspicious/noConfusingVoidType: a bare `yield;` is a step too
export type Step = void | typeof PAINT;

/** Runs the steps to the end in one go and returns their result. */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How a paused run went: its slices of uninterrupted work. */
export interface SliceStats {
  slices: number;
  /** The longest slice in milliseconds: the longest the main thread was held. */
  longest: number;
  /** All slices together, in milliseconds: the main-thread time the work took. */
  total: number;
}

/**
 * Runs the steps, awaiting `pause()` whenever they have run longer than `budgetMs` since the
 * last pause, and `paint()` when a step yields PAINT. `stats`, when given, records the slices.
 */
export async function runStepsWithPauses<T>(
  steps: Generator<Step, T>,
  pause: () => Promise<void>,
  budgetMs: number,
  stats?: SliceStats,
  paint: () => Promise<void> = pause,
): Promise<T> {
  let t0 = performance.now();
  const endSlice = () => {
    if (!stats) return;
    const d = performance.now() - t0;
    stats.slices++;
    stats.longest = Math.max(stats.longest, d);
    stats.total += d;
  };
  for (;;) {
    const r = steps.next();
    if (r.done) {
      endSlice();
      return r.value;
    }
    if (r.value === PAINT) {
      endSlice();
      await paint();
      t0 = performance.now();
    } else if (performance.now() - t0 > budgetMs) {
      endSlice();
      await pause();
      t0 = performance.now();
    }
  }
}
