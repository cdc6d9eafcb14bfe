// Whether an older copy of the content script can be on this page. One can only after the
// extension was updated while the page was open (Firefox then injects the new copy into the loaded
// page); on a page the early script (document_start) saw start loading, none has run, so the
// content script's start need not tell one to end (lib/content/script-context.ts): the event it
// dispatches for that cost about 0.3 ms on every page (issue 15, stop 25). The early script and the
// content script share the isolated world's global, where the mark is left.
const SLOT = '__inspectionLensFreshDocument';

/** From the early script: marks the document fresh if it is still loading (no content script has run in it). */
export function markFreshDocument(doc: Document): void {
  if (doc.readyState === 'loading') (globalThis as Record<string, unknown>)[SLOT] = true;
}

/** Whether the early script marked this document fresh; the mark is taken (a later call gets false). */
export function takeFreshDocument(): boolean {
  const g = globalThis as Record<string, unknown>;
  const fresh = g[SLOT] === true;
  if (fresh) delete g[SLOT];
  return fresh;
}
