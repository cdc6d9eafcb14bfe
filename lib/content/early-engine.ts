// Starting the engine's load before document_idle, from the early content script (document_start),
// on evidence that the page may be an article: the URL's path at once, then the title as soon as
// it is parsed, then the description metadata once the <head> is whole (the quick check's own
// signs, lib/page/quick-check.ts). The import fetches and runs the engine's script while the page
// is still loading, so that the content script at document_idle finds it ready, or under way
// (lib/content/loader.ts). Nothing else is done here: the engine is started only by the content
// script, after the settings are read. The body's text is not looked at: watching the parser add
// every node cost about 2.5 ms of script on a page that is not an article (bench:nonarticle), and
// the idle quick check reads it anyway. So the watching is one MutationObserver without subtree,
// on <html> and <head> (a few records a page), stopped once the body has begun or the page is
// parsed (seen at its next record: no DOMContentLoaded listener to add and remove on every page).
import { browser } from 'wxt/browser';
import { headMayBeInspectionArticle } from '../page/quick-check';
import { EARLY_IMPORT_SLOT, type EarlyImport, ENGINE_FILE } from './engine-slot';

/** The engine's script, run in this isolated world (it leaves its start function in ENGINE_SLOT). */
export const importEngineFile = (): Promise<unknown> =>
  import(/* @vite-ignore */ (browser.runtime.getURL as (path: string) => string)(ENGINE_FILE));

export function startEarlyEngineLoad(doc: Document, win: Window, load = importEngineFile): void {
  const g = globalThis as Record<string, unknown>;
  let observer: MutationObserver | null = null;
  let started = false;
  const stop = () => {
    observer?.disconnect();
    observer = null;
  };
  const begin = (by: EarlyImport['by']) => {
    if (started) return;
    started = true;
    stop();
    const early: EarlyImport = { by, startedAt: performance.now(), done: Promise.resolve() };
    early.done = load().then(
      () => {
        early.loadedAt = performance.now();
      },
      () => {},
    );
    g[EARLY_IMPORT_SLOT] = early;
  };

  const path = win.location.pathname;
  if (headMayBeInspectionArticle(doc, path)) {
    begin(doc.title ? 'head' : 'path');
    return;
  }
  if (doc.readyState !== 'loading') return; // injected late (an extension update): the content script decides

  let titleRead = false;
  const watched = new Set<Node>();
  const watch = (n: Node | null) => {
    if (n && observer && !watched.has(n)) {
      watched.add(n);
      observer.observe(n, { childList: true });
    }
  };
  const look = () => {
    if (doc.body || doc.readyState !== 'loading') {
      // The head is whole once the body has begun (or the page is parsed): its last look.
      if (headMayBeInspectionArticle(doc, path)) begin('head');
      else stop();
      return;
    }
    watch(doc.documentElement);
    watch(doc.head);
    if (!titleRead && doc.title) {
      titleRead = true;
      if (headMayBeInspectionArticle(doc, path)) begin('head');
    }
  };
  observer = new MutationObserver(look);
  // The document itself only until its <html> exists (at document_start it usually does).
  if (!doc.documentElement) watch(doc);
  look();
}
