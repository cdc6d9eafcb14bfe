// Driving step-wise work (generators that yield between slices): to completion at once, or
// pausing whenever a run of steps has taken longer than a time budget.

/** Runs the steps to the end in one go and returns their result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, awaiting `pause()` whenever they have run longer than `budgetMs` since the last pause. */
export async function runStepsWithPauses<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
  budgetMs: number,
): Promise<T> {
  let t0 = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - t0 > budgetMs) {
      await pause();
      t0 = performance.now();
    }
  }
}
