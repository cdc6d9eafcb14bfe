import '../support/node20-polyfills';
import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian's Chromium with the built extension, pages from 127.0.0.1.
export default defineConfig({
  test: {
    globals: true,
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One file at a time: two at a time took the browser tests alone from 405 to 367 s on a quiet
    // machine, but beside the unit suite (npm test) both cores are full either way, and a
    // rehearsal with two took 678 s (docs/performance-log.md, "CI time, stop 36").
    fileParallelism: false,
    // A browser test that fails is tried once more: on these shared machines one timing-bound
    // browser test in ~150 failed a CI run with nothing wrong in the code (stop 30's submission).
    // npm test names every test that passed only on its second try above its closing line, with
    // its first error, so a flaky test is seen, not hidden; a test that fails twice fails the run.
    retry: 1,
    // Pages are analysed asynchronously; on a loaded CI machine that can take more than a second.
    expect: { poll: { timeout: 8000, interval: 50 } },
  },
});
