import './tests/support/node20-polyfills';
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
    testTimeout: 20_000,
  },
});
