// What the background tells others after the clips change: content scripts learn only whether
// the reader has any clip (so a page asks for its clips only then: which pages have clips stays
// here and in the database, where no content script can read it); open panels that clips changed.
import { browser } from 'wxt/browser';
import { broadcast } from '../messages';
import { CLIPPED_PAGES_KEY, HAS_CLIPS_KEY } from '../storage-keys';
import type { ClipStore } from '../store/clip-store';

/** Publishes whether any clip exists now, and returns the call to make after every write. */
export function startClipSignals(store: Pick<ClipStore, 'clippedPages'>, tell = broadcast): () => void {
  const publishClippedPages = () =>
    store
      .clippedPages()
      .then((pages) => browser.storage.local.set({ [HAS_CLIPS_KEY]: pages.length > 0 }))
      .catch(() => {});
  // The list of clipped pages earlier versions kept in storage.local is removed.
  browser.storage.local.remove(CLIPPED_PAGES_KEY).catch(() => {});
  publishClippedPages();
  return () => {
    publishClippedPages();
    tell('clipsChanged', null);
  };
}
