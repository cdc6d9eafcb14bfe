import './tests/support/node20-polyfills';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: the analysis core, the page layer (happy-dom), the store (fake-indexeddb).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['fake-indexeddb/auto'],
    // A guard against hangs, not a speed check: beside the browser tests (npm test) the heaviest
    // tests take 14 s (the growth checks in tests/analysis/robustness.test.ts), 4.7 s alone.
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one worker on these two-core machines,
    // where two took the suite from 183 s to 144 s (docs/performance-log.md, CI time).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
