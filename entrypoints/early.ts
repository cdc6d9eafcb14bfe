import { importEngineFile, startEarlyEngineLoad } from '../lib/content/early-engine';
import { markFreshDocument } from '../lib/content/fresh-document';
import { startEarlyRead } from '../lib/page/early-storage';
import { addEarlyHighlightStyles } from '../lib/page/highlight-styles';
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
  // document_idle), and the highlights' `::highlight()` rules are added at once (1.3 KB, carried
  // here): before the page's body is styled, so the page's first styling includes them. Added
  // later, by a file of their own or by the engine as it draws, they cost a restyling of the whole
  // page in the highlights' frame (the 1 MB article's first screens 94 against 52 ms after our
  // start in Chromium 156, bench-from-navigation; issue 15, stop 32). Elsewhere the engine adds
  // them when it draws (lib/page/highlight-styles.ts).
  startEarlyEngineLoad(document, window, () => {
    addEarlyHighlightStyles(document);
    return importEngineFile();
  });
});
