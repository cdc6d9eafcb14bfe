// The extension API for the content scripts that run on every page (the early read and the quick
// check), without webextension-polyfill (about 3 KB gzipped, parsed on every page): Firefox has
// the promise-based `browser`, Chromium's MV3 `chrome` returns promises for everything these
// scripts and the engine they import call (storage.local.get, runtime.sendMessage, runtime.getURL),
// and the one message listener (lib/content/loader.ts) answers with sendResponse. wxt.config.ts
// points `wxt/browser` here for those builds only; the background and pages keep the polyfill.
import type { browser as Browser } from 'wxt/browser';

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
export const browser: typeof Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as typeof Browser;
export default browser;
