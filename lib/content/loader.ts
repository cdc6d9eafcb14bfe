// The part of the content script every page runs: the settings gate and the quick check. The
// engine (analysis, council data, highlights and the in-page UI) is loaded only when the page
// may be an article, or the reader acts (selects text to clip, uses the shortcut or the context
// menu, switches the page on in the side panel), or this page has saved clips; until then a
// page that is not an article costs only this. Once loaded, the engine's features take over.
import { browser } from 'wxt/browser';
import type { KindOf } from '../messages';
import { removeHighlightStyles } from '../page/highlight-styles';
import { mayBeInspectionArticle } from '../page/quick-check';
import { clipsForThisPage } from './clip-query';
import { type ContentContext, onAbort } from './context';
import { importEngineFile } from './early-engine';
import type { Engine, EngineStart } from './engine';
import { EARLY_IMPORT_SLOT, type EarlyImport, ENGINE_SLOT, type EngineModule } from './engine-slot';
import { type PageChange, watchPageChange } from './page-change';
import { post } from './post';
import { whenSelectionEnds } from './selection-end';
import { trace } from './trace';

/**
 * Loads the engine's script (once): a dynamic import of the web-accessible module, or the one the
 * early content script began when the page looked like an article before document_idle.
 */
export async function importEngine(): Promise<EngineModule> {
  const slot = globalThis as Record<string, unknown>;
  const early = slot[EARLY_IMPORT_SLOT] as EarlyImport | undefined;
  if (early && !slot[ENGINE_SLOT]) await early.done;
  if (early) trace('il:engine-early', { by: early.by, startedAt: early.startedAt, loadedAt: early.loadedAt });
  if (!slot[ENGINE_SLOT]) await importEngineFile();
  return slot[ENGINE_SLOT] as EngineModule;
}

/** The background's requests the page answers (the engine checks them in full); every kind, so
 * the compiler names one added to the protocol and not listed here. */
const PAGE_REQUESTS: Record<KindOf<'backgroundToPage'>, true> = {
  setHighlighting: true,
  clipSelection: true,
  sendReport: true,
  showClip: true,
  showFinding: true,
  clipFinding: true,
};

export function startLoader(
  cx: ContentContext,
  worth: boolean,
  load: () => Promise<EngineModule> = importEngine,
): { engine(): Promise<Engine> | null } {
  const { doc, win, gate, signal } = cx;
  // The loader's own watching ends once the engine runs (it watches for itself).
  const waiting = new AbortController();
  // Until the engine's own features listen (it may be loading), the loader hears the reader's selections.
  const untilRunning = new AbortController();
  onAbort(signal, () => {
    waiting.abort();
    untilRunning.abort();
  });
  let engine: Promise<Engine> | null = null;

  function start(how: EngineStart): Promise<Engine> {
    if (!engine) {
      waiting.abort();
      trace('il:engine-load');
      engine = load().then((m) => {
        trace('il:engine-loaded');
        const e = m.startEngine(cx, how);
        untilRunning.abort();
        return e;
      });
      engine.catch(() => {});
    }
    return engine;
  }

  const checkAgain = () => {
    if (!engine && !gate.paused && gate.settings.enabled && mayBeInspectionArticle(doc)) start({ worth: true });
  };

  // The background's requests: the engine answers them (loaded first if need be).
  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (sender.id !== browser.runtime.id || typeof type !== 'string' || !Object.hasOwn(PAGE_REQUESTS, type))
      return false;
    // The report again, without loading the engine for it: a page it never ran on is not an article.
    if (type === 'sendReport' && !engine) {
      gate.ready
        .then(() => (engine ? engine.then((e) => e.answer(raw)) : reportNotArticle().then(() => ({ ok: true }))))
        .then(sendResponse, () => sendResponse(undefined));
      return true;
    }
    start({ worth: false })
      .then((e) => e.answer(raw))
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  onAbort(signal, () => browser.runtime.onMessage.removeListener(onMessage));

  // The reader selects text: the engine offers the Clip button (loaded for it if need be).
  whenSelectionEnds(doc, win, gate, untilRunning.signal, () => start({ worth: false }).then((en) => en.offerClip()));

  // Whether the page changed after this first check (the second look below needs it), and the
  // second look's start once the settings are read (set by the first change if none yet).
  let change: PageChange | null = null;
  let lookLater: (() => void) | null = null;
  if (worth) start({ worth: true });
  else {
    // Added early if the address or head looked like an article (entrypoints/early.ts); the body says not.
    removeHighlightStyles(doc);
    const w = waiting.signal;
    // Single-page navigation: the URL changes without a load; look again once it settled.
    let navTimer = 0;
    const onNavigate = () => {
      clearTimeout(navTimer);
      navTimer = win.setTimeout(checkAgain, 250);
    };
    win.addEventListener('popstate', onNavigate, { signal: w });
    // A page that navigates by script (history.pushState) changes its content: the Navigation API's
    // event is listened to from the page's first change on, and a navigation made before that
    // change is seen then by the address. A page that never changes never touches that API, whose
    // object costs every page a little (issue 15, stop 25).
    const startUrl = win.location.href;
    change = watchPageChange(doc, w, () => {
      const nav = (win as unknown as { navigation?: EventTarget }).navigation;
      nav?.addEventListener('navigatesuccess', onNavigate, { signal: w } as AddEventListenerOptions);
      if (win.location.href !== startUrl) onNavigate();
      lookLater?.();
    });
    gate.on('settings', checkAgain, w);
    gate.on(
      'resume',
      () => {
        checkAgain();
        if (!engine) refindHere();
      },
      w,
    );
    onAbort(w, () => clearTimeout(navTimer));
  }

  /** Clips saved on this page: asked for here, re-found by the engine (loaded only if there are any). */
  function refindHere() {
    if (!gate.hasClips || gate.paused) return;
    clipsForThisPage(doc, win.location.href).then((clips) => {
      if (clips.length && !signal.aborted && !gate.paused) start({ worth: false, clips });
    });
  }

  /** Not an article (or switched off): the badge and the panel are told so. */
  const reportNotArticle = () =>
    post('pageReport', {
      url: win.location.href,
      title: doc.title.slice(0, 500),
      isInspectionArticle: false,
      confidence: 0,
      counts: {},
      outcomes: [],
      highlighting: gate.highlighting(),
    });

  gate.ready.then(() => {
    if (signal.aborted || engine) return;
    reportNotArticle();
    refindHere();
    // A late-loading article body: look once more 1.5 s from now, after the page has settled, if
    // it changed by then. The timer is set only once it did: at once if it already has, else at
    // its first change (a change after those 1.5 s is not looked at, as before; a page that
    // never changes gets no timer at all).
    const due = Date.now() + 1500;
    lookLater = () => {
      lookLater = null;
      const wait = due - Date.now();
      if (wait <= 0 || waiting.signal.aborted) return;
      const late = win.setTimeout(checkAgain, wait);
      onAbort(waiting.signal, () => clearTimeout(late));
    };
    if (change?.changed() !== false) lookLater();
  });

  return { engine: () => engine };
}
