// Driving step-wise work (generators that yield between slices): to completion at once, or
// pausing whenever a run of steps has taken longer than a time budget.

/** Runs the steps to the end in one go and returns their result. */
export function runSteps<T>(steps: Generator<void, T>): T {
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
}

/**
 * Runs the steps, awaiting `pause()` whenever they have run longer than `budgetMs` since the
 * last pause. `stats`, when given, records the slices.
 */
export async function runStepsWithPauses<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
  budgetMs: number,
  stats?: SliceStats,
): Promise<T> {
  let t0 = performance.now();
  const endSlice = () => {
    if (!stats) return;
    stats.slices++;
    stats.longest = Math.max(stats.longest, performance.now() - t0);
  };
  for (;;) {
    const r = steps.next();
    if (r.done) {
      endSlice();
      return r.value;
    }
    if (performance.now() - t0 > budgetMs) {
      endSlice();
      await pause();
      t0 = performance.now();
    }
  }
}
