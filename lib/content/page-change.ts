// Whether the page changed since the quick check said "not an article": the loader's second look
// (a late-loading article body) runs the quick check again only if it did. The watch is one
// MutationObserver over the whole document (child lists and text) that stops at its first
// record: a page that changes costs one callback, a page that does not costs none, and neither
// pays for a second quick check it does not need (bench:nonarticle). The first change is also
// told (`onChange`), so that the second look's timer is set only on a page that changed: a page
// that does not change has no callback into the extension after its first check.
import { onAbort } from './context';

export interface PageChange {
  /** Whether a node was added or removed, or a text changed, anywhere in the page since the start. */
  changed(): boolean;
  /** Stops watching (also when the signal aborts). */
  stop(): void;
}

export function watchPageChange(doc: Document, signal: AbortSignal, onChange?: () => void): PageChange {
  const root = doc.documentElement;
  if (!root || signal.aborted) return { changed: () => true, stop() {} };
  let changed = false;
  const observer = new MutationObserver(() => {
    changed = true;
    observer.disconnect();
    onChange?.();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const stop = () => observer.disconnect();
  onAbort(signal, stop);
  return { changed: () => changed, stop };
}
