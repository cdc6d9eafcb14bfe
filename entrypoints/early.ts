import { importEngineFile, startEarlyEngineLoad } from '../lib/content/early-engine';
import { markFreshDocument } from '../lib/content/fresh-document';
import { startEarlyRead } from '../lib/page/early-storage';
import { ensureHighlightStyles } from '../lib/page/highlight-styles';
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
  // document_idle), and the highlights' styles are added: the page's own first styling of its body
  // includes them (added later, on a long page, they cost a restyling of the whole page in the
  // highlights' frame). Elsewhere the engine adds them when it draws (lib/page/highlight-styles.ts).
  startEarlyEngineLoad(document, window, () => {
    ensureHighlightStyles(document);
    return importEngineFile();
  });
});
