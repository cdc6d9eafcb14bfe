// The content script's engine on a page that may be an article (or where the reader clips), in
// two parts. This first part runs the page runner (analysis, highlights, the report) and answers
// the background's requests; the second part (engine-reader.ts, its own file: the finding card,
// the Clip button, re-finding saved clips) is imported as this part starts, so that its file is
// fetched and compiled off the main thread while the first run works, and started once that run
// is done, or at once when the reader acts first. Until it runs, this part hears the reader's
// pointer moves, card keys and selections and hands them over: nothing the reader does is lost.
// Each feature is started with the context and cleans up through its signal.
import { browser } from 'wxt/browser';
import { parseMessage } from '../messages';
import type { PageClip } from '../ownership';
import { answerPanelRequest } from '../page/panel-requests';
import { nextTask } from '../page/timing';
import { type ContentContext, onAbort } from './context';
import type { Reader, ReaderModule } from './engine-reader';
import { READER_FILE, READER_SLOT } from './engine-slot';
import { startPageRunner } from './runner';
import { whenSelectionEnds } from './selection-end';
import { trace } from './trace';

export interface EngineStart {
  /** The quick check said the page may be an article. */
  worth: boolean;
  /** This page's saved clips, when already asked for. */
  clips?: PageClip[];
}

export interface Engine {
  /** Answers a request from the background (null: not one for the page). */
  answer(raw: unknown): Promise<unknown> | null;
  /** Offers the Clip button for the reader's selection. */
  offerClip(): void;
}

/** The engine's second part, run in this isolated world (it leaves its start function in READER_SLOT). */
export async function importReader(): Promise<ReaderModule> {
  const slot = globalThis as Record<string, unknown>;
  if (!slot[READER_SLOT])
    await import(/* @vite-ignore */ (browser.runtime.getURL as (path: string) => string)(READER_FILE));
  return slot[READER_SLOT] as ReaderModule;
}

export function startEngine(cx: ContentContext, start: EngineStart, loadReader = importReader): Engine {
  const { doc, win, gate, signal } = cx;
  // The second part's file is fetched and compiled (off the main thread) while the first run
  // ends and its highlights are painted, and started once that run is done, or at the reader's
  // first use. It is asked for once the run's frame is rendered, on a long article once its first
  // screens are painted: asking costs the main thread about a millisecond, which would delay that
  // frame, and its fetch and compile would compete with the first screens' analysis (issue 15, stop 26).
  let readerFile: Promise<ReaderModule> | null = null;
  const fetchReader = () => {
    if (!readerFile) {
      trace('il:reader-load');
      readerFile = loadReader();
      readerFile.catch(() => {});
    }
    return readerFile;
  };
  let running: Reader | null = null;
  // The in-page UI (the card's and the Clip button's host) is the second part's.
  const runner = startPageRunner(cx, { worth: start.worth, isOurs: (n) => !!running && n === running.uiHost() });
  // A long article's first screens are drawn before the rest is analysed: the file is asked for
  // once they are painted; on other pages with the second part's start, after the run's frame (below).
  runner.on('first-painted', fetchReader, signal);
  let reader: Promise<Reader> | null = null;
  // What the reader did before the second part ran: handed to it when it starts.
  const early = new AbortController();
  onAbort(signal, () => early.abort());
  let heard: Event[] = [];
  let offer = false;
  function withReader(): Promise<Reader> {
    if (!reader) {
      reader = fetchReader().then((m) => {
        if (signal.aborted) throw new Error('ended');
        const r = m.startReader(cx, runner, start);
        running = r;
        early.abort();
        trace('il:reader-loaded');
        for (const e of heard) r.replay(e);
        heard = [];
        if (offer) r.offerClip();
        return r;
      });
      reader.catch(() => {});
    }
    return reader;
  }

  // Until then: the last pointer move (the card shows the highlight under the pointer), the card's
  // keys (Alt+Shift+N / P), a selection's end (the Clip button).
  const hear = (e: Event) => {
    if (!e.isTrusted || gate.paused) return;
    if (e.type === 'mousemove') heard = heard.filter((h) => h.type !== 'mousemove');
    heard.push(e);
    withReader();
  };
  doc.addEventListener('mousemove', hear, { passive: true, signal: early.signal });
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.altKey || !e.shiftKey || (e.code !== 'KeyN' && e.code !== 'KeyP')) return;
      // The card will take this key (as its own listener would have): the page does not.
      if (e.isTrusted && !gate.paused && runner.lens?.all().some((en) => gate.visible(en.finding.highlight)))
        e.preventDefault();
      hear(e);
    },
    { capture: true, signal: early.signal },
  );
  whenSelectionEnds(doc, win, gate, early.signal, () => offerClip());

  function offerClip() {
    if (reader) reader.then((r) => r.offerClip());
    else {
      offer = true;
      withReader();
    }
  }

  // The second part comes once the first run is done (highlights set, the report sent) and its
  // frame rendered, or at once when the engine was loaded for the reader (a selection, a request,
  // saved clips). Asking for its file costs the main thread about a millisecond, which in the
  // run's task would come before the highlights' frame (issue 15, stop 26).
  const afterFrame = () =>
    win.requestAnimationFrame(() => {
      nextTask().then(() => {
        if (!signal.aborted) withReader();
      });
    });
  if (start.worth && !start.clips) runner.on('ran', afterFrame, early.signal);
  else withReader();
  // Resumed on this site: its saved clips are shown again (the second part re-finds them).
  gate.on('resume', () => gate.hasClips && withReader(), early.signal);

  function answer(raw: unknown): Promise<unknown> | null {
    const msg = parseMessage(raw, 'backgroundToPage');
    if (msg?.type === 'showClip') return runner.shower.show(msg.data.clipId);
    if (msg?.type === 'clipSelection') return withReader().then((r) => r.clipSelection());
    if (msg?.type === 'sendReport') return runner.reportAgain().then(() => ({ ok: true }));
    // The side panel's "This page" view: show a finding, or save it as a clip.
    const panelAnswer = answerPanelRequest(msg, {
      entries: () => runner.lens?.all() ?? [],
      saveFinding: (entry) => withReader().then((r) => r.saveFinding(entry)),
      doc,
    });
    if (panelAnswer) return panelAnswer.then((r) => (r.ok ? { ok: true } : { ok: false, error: r.error }));
    if (msg?.type !== 'setHighlighting') return null;
    gate.setPageEnabled(msg.data.enabled);
    return Promise.resolve({ ok: true });
  }
  return { answer, offerClip };
}
