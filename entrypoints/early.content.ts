import { startEarlyEngineLoad } from '../lib/content/early-engine';
import { startEarlyRead } from '../lib/page/early-storage';
import { EARLY_KEYS } from '../lib/storage-keys';

// Starts reading the settings (and whether the reader has clips, paused this site, or a benchmark
// wants marks) as the page starts loading (see lib/page/early-storage.ts), and the engine's load on
// a page that looks like an article (lib/content/early-engine.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // No window.postMessage to the page at start (WXT's coming default): a page's own message
  // listeners would run for it on every page.
  noScriptStartedPostMessage: true,
  main() {
    startEarlyRead(EARLY_KEYS);
    // On a page that looks like an article, the engine's script starts loading now (not at document_idle).
    startEarlyEngineLoad(document, window);
  },
});
