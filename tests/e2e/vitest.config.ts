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
    fileParallelism: false,
    // Pages are analysed asynchronously; on a loaded CI machine that can take more than a second.
    expect: { poll: { timeout: 8000, interval: 50 } },
  },
});
