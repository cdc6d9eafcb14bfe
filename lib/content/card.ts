// The finding card: hover a highlight (or step with Alt+Shift+N / Alt+Shift+P) to see what it
// is, follow its Ofsted links, save it as a clip, or save the article's inspection record. The
// card sits beside its highlight, never over the reader's selection; closing it (Esc, ×) puts
// focus back where the reader was, and Tab out of it goes on from the highlight.
import { h, render } from 'preact';
import { FindingCard } from '../../components/FindingCard';
import { describeFinding } from '../analysis/describe';
import { ofstedLinksOf } from '../data/ofsted';
import { placeCard } from '../page/card-place';
import { articleOf, buildFindingClip, type SaveOutcome } from '../page/clipper';
import { focusAtRange, focusedElement, returnFocus } from '../page/focus-return';
import { caretAt, pointInBoxes } from '../page/geometry';
import type { LensEntry } from '../page/lens';
import { type ContentContext, onAbort } from './context';
import type { PageRunner } from './runner';
import { saveFromPage } from './save';
import { byReader, type PageUi } from './ui';

export interface FindingCardFeature {
  /** The entry whose card is shown, if any. */
  readonly shown: LensEntry | null;
  show(entry: LensEntry): void;
  hide(): void;
  /** Saves a finding as a clip (its whole sentence, the finding attached): the card's button, the side panel. */
  saveFinding(entry: Pick<LensEntry, 'finding' | 'range'>): Promise<SaveOutcome>;
  /** A pointer move or key heard before the card ran (engine.ts), handled as if heard now. */
  replay(e: Event): void;
}

export function startFindingCard(cx: ContentContext, runner: PageRunner, ui: PageUi): FindingCardFeature {
  const { doc, win, gate, signal } = cx;
  let shown: LensEntry | null = null;
  let status = '';
  let frame = 0;
  let hideTimer = 0;
  let cursor = -1;
  /** Where focus was before the keyboard opened the card (null: on the page itself). */
  let focusBefore: HTMLElement | null = null;

  function renderCard() {
    const analysis = runner.lens?.analysis;
    if (!shown || !analysis) {
      const mounts = ui.current();
      if (mounts) render(null, mounts.card);
      return;
    }
    const mounts = ui.ensure();
    const entry = shown;
    render(
      h(FindingCard, {
        description: describeFinding(entry.finding, analysis.outcomes),
        category: entry.finding.highlight,
        status,
        onSaveClip: byReader(() => saveFindingClip(entry)),
        ...(analysis.outcomes.length && entry.finding.kind !== 'improvement'
          ? { onSaveRecord: byReader(() => saveRecord()) }
          : {}),
        onClose: byReader(close),
        links: ofstedLinksOf(entry.finding.councils),
        onLayout: position,
        onTabOut: (e: KeyboardEvent) => {
          if (!e.isTrusted) return;
          e.preventDefault();
          hide();
          focusAtRange(entry.range);
        },
      }),
      mounts.card,
    );
    position();
  }

  /** Places the card beside its highlight (again when it grows, as when its key opens). */
  function position() {
    const card = ui.current()?.card.firstElementChild as HTMLElement | null;
    if (!card || !shown) return;
    // Beside the highlight, never over the text the reader is selecting.
    const sel = ui.selectedRange();
    const p = placeCard(
      shown.range.getBoundingClientRect(),
      { width: card.offsetWidth, height: card.offsetHeight },
      { width: win.innerWidth, height: win.innerHeight },
      sel ? [...sel.getClientRects()] : [],
    );
    card.style.top = `${Math.round(p.top)}px`;
    card.style.left = `${Math.round(p.left)}px`;
  }

  function show(entry: LensEntry) {
    if (shown?.key === entry.key) return;
    shown = entry;
    status = '';
    renderCard();
  }

  function hide() {
    shown = null;
    renderCard();
  }

  /** Closes the card (Esc, ×); focus goes back where the reader was, not to the top of the page. */
  function close() {
    const range = shown?.range ?? null;
    const hadFocus = ui.hasFocus();
    hide();
    if (hadFocus) returnFocus(focusBefore, range);
    focusBefore = null;
  }

  function setStatus(text: string) {
    status = text;
    renderCard();
  }

  async function saveFindingClip(entry: Pick<LensEntry, 'finding' | 'range'>): Promise<SaveOutcome> {
    const analysis = runner.lens?.analysis;
    if (!analysis) return { ok: false, error: 'This page has not been read yet.', retry: false };
    const url = win.location.href;
    // The clip keeps the finding's whole sentence, with the finding attached.
    const clip = buildFindingClip(url, analysis.prepared.text, analysis.prepared.sentences, entry.finding);
    const r = await saveFromPage('saveClip', { clip, article: articleOf(doc, url, analysis.outcomes) }, setStatus);
    if (r.ok) runner.showClip(clip.id, entry.range.cloneRange());
    return r;
  }

  async function saveRecord() {
    const outcomes = runner.lens?.analysis?.outcomes ?? [];
    await saveFromPage('saveRecord', { article: articleOf(doc, win.location.href, outcomes) }, setStatus);
  }

  function onPointerMove(e: MouseEvent) {
    if (!e.isTrusted || gate.paused || !runner.lens || frame) return;
    if (ui.isIn(e)) {
      clearTimeout(hideTimer);
      return;
    }
    const { clientX: x, clientY: y } = e;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const caret = caretAt(doc, x, y);
      const hit =
        caret &&
        runner.lens
          ?.findingsAt(caret.node, caret.offset, gate.visible)
          .find((en) => pointInBoxes(en.range.getClientRects(), x, y));
      if (hit) {
        clearTimeout(hideTimer);
        show(hit);
      } else if (shown) {
        clearTimeout(hideTimer);
        hideTimer = win.setTimeout(hide, 300);
      }
    });
  }

  // Keyboard: Alt+Shift+N / Alt+Shift+P step through highlights, showing and focusing the card.
  function onKey(e: KeyboardEvent) {
    const lens = runner.lens;
    if (!e.isTrusted || gate.paused || !lens || !e.altKey || !e.shiftKey || (e.code !== 'KeyN' && e.code !== 'KeyP'))
      return;
    // Every category the reader shows, improvement areas included.
    const all = lens.all().filter((en) => gate.visible(en.finding.highlight));
    if (!all.length) return;
    e.preventDefault();
    cursor = (cursor + (e.code === 'KeyN' ? 1 : -1) + all.length) % all.length;
    const entry = all[cursor];
    (entry.range.startContainer.parentElement ?? doc.body).scrollIntoView({ block: 'center' });
    if (!ui.hasFocus()) focusBefore = focusedElement(doc);
    shown = null;
    show(entry);
    (ui.ensure().card.firstElementChild as HTMLElement | null)?.focus();
  }

  doc.addEventListener('mousemove', onPointerMove, { passive: true, signal });
  doc.addEventListener('keydown', onKey, { capture: true, signal });
  // A scroll moves the card with its highlight: placed again once a frame (nothing else of it
  // changes). A card the page took out stays out: it comes back when the reader next opens one.
  let scrollFrame = 0;
  win.addEventListener(
    'scroll',
    () => {
      if (!shown || scrollFrame) return;
      scrollFrame = win.requestAnimationFrame(() => {
        scrollFrame = 0;
        if (!shown) return;
        if (ui.host?.isConnected) position();
        else shown = null;
      });
    },
    { passive: true, signal },
  );
  runner.on('navigated', hide, signal);
  runner.on('forget', hide, signal);
  gate.on('page', () => gate.pageEnabled || hide(), signal);
  onAbort(signal, () => {
    win.cancelAnimationFrame(frame);
    win.cancelAnimationFrame(scrollFrame);
    clearTimeout(hideTimer);
  });

  return {
    get shown() {
      return shown;
    },
    show,
    hide,
    saveFinding: saveFindingClip,
    replay(e) {
      if (e.type === 'mousemove') onPointerMove(e as MouseEvent);
      else if (e.type === 'keydown') onKey(e as KeyboardEvent);
    },
  };
}
