import { importEngineFile, importStylesFile, startEarlyEngineLoad } from '../lib/content/early-engine';
import { markFreshDocument } from '../lib/content/fresh-document';
import { startEarlyRead } from '../lib/page/early-storage';
import { EARLY_KEYS } from '../lib/storage-keys';

// Starts reading the settings (and whether the reader has clips, paused this site, or a benchmark
// wants marks) as the page starts loading (see lib/page/early-storage.ts), and the engine's load on
// a page that looks like an article (lib/content/early-engine.ts).
// A plain script listed in the manifest's content scripts at document_start (wxt.config.ts), not a
// WXT content script: it needs no context to end (it leaves a read and an import behind, nothing
// that listens), and WXT's context cost every page about half a millisecond here (bench:nonarticle).
export default defineUnlistedScript(() => {
  startEarlyRead(EARLY_KEYS);
  // A page seen loading has no older copy of the content script to end (lib/content/fresh-document.ts).
  markFreshDocument(document);
  // On a page that looks like an article, the engine's script starts loading now (not at
  // document_idle), and so does the highlights' styles' small script, which adds them as soon as it
  // has run, long before the body is styled on a long page: added in the highlights' frame, they
  // cost a restyling of the whole page there (the 1 MB article's first screens 190 against 83 ms
  // after our start, bench-from-navigation). Elsewhere the engine adds them when it draws
  // (lib/page/highlight-styles.ts). The stylesheet is not in this file: it would be compiled on
  // every page.
  startEarlyEngineLoad(document, window, () => {
    importStylesFile().catch(() => {});
    return importEngineFile();
  });
});
