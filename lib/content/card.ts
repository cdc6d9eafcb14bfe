// The finding card: hover a highlight (or step with Alt+Shift+N / Alt+Shift+P) to see what it
// is, save it as a clip, or save the article's inspection record.
import { h, render } from 'preact';
import { FindingCard } from '../../components/FindingCard';
import { describeFinding } from '../analysis/describe';
import type { ClipFinding } from '../clips';
import { articleOf, buildClip } from '../page/clipper';
import { cardPosition, caretAt, pointInBoxes } from '../page/geometry';
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
}

/** The finding's fields a clip keeps. */
export function clipFindingOf(f: LensEntry['finding']): ClipFinding {
  return {
    kind: f.kind,
    councils: f.councils.map((c) => ({ code: c.code, name: c.name })),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.current !== undefined ? { current: f.current } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.area ? { area: f.area } : {}),
    ...(f.topic ? { topic: f.topic } : {}),
  };
}

export function startFindingCard(cx: ContentContext, runner: PageRunner, ui: PageUi): FindingCardFeature {
  const { doc, win, gate, signal } = cx;
  let shown: LensEntry | null = null;
  let status = '';
  let frame = 0;
  let hideTimer = 0;
  let cursor = -1;

  function renderCard() {
    const analysis = runner.lens?.analysis;
    if (!shown || !analysis) {
      const mounts = ui.current();
      if (mounts) render(null, mounts.card);
      return;
    }
    const mounts = ui.ensure();
    const entry = shown;
    const rect = entry.range.getBoundingClientRect();
    render(
      h(FindingCard, {
        description: describeFinding(entry.finding, analysis.outcomes),
        category: entry.finding.highlight,
        status,
        onSaveClip: byReader(() => saveFindingClip(entry)),
        ...(analysis.outcomes.length && entry.finding.kind !== 'improvement'
          ? { onSaveRecord: byReader(() => saveRecord()) }
          : {}),
        onClose: byReader(hide),
      }),
      mounts.card,
    );
    const card = mounts.card.firstElementChild as HTMLElement | null;
    if (card) {
      const at = cardPosition(rect, card.offsetHeight, { width: win.innerWidth, height: win.innerHeight });
      card.style.top = `${at.top}px`;
      card.style.left = `${at.left}px`;
    }
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

  function setStatus(text: string) {
    status = text;
    renderCard();
  }

  async function saveFindingClip(entry: LensEntry) {
    const analysis = runner.lens?.analysis;
    if (!analysis) return;
    const f = entry.finding;
    const url = win.location.href;
    const clip = buildClip(url, analysis.prepared.text, f, 'article', f.kind, clipFindingOf(f));
    const r = await saveFromPage('saveClip', { clip, article: articleOf(doc, url, analysis.outcomes) }, setStatus);
    if (r.ok) runner.showClip(clip.id, entry.range.cloneRange());
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
    const all = lens.all().filter((en) => gate.visible(en.finding.highlight) && en.finding.kind !== 'improvement');
    if (!all.length) return;
    e.preventDefault();
    cursor = (cursor + (e.code === 'KeyN' ? 1 : -1) + all.length) % all.length;
    const entry = all[cursor];
    (entry.range.startContainer.parentElement ?? doc.body).scrollIntoView({ block: 'center' });
    shown = null;
    show(entry);
    (ui.ensure().card.firstElementChild as HTMLElement | null)?.focus();
  }

  doc.addEventListener('mousemove', onPointerMove, { passive: true, signal });
  doc.addEventListener('keydown', onKey, { capture: true, signal });
  win.addEventListener('scroll', () => shown && renderCard(), { passive: true, signal });
  runner.on('navigated', hide, signal);
  runner.on('forget', hide, signal);
  gate.on('page', () => gate.pageEnabled || hide(), signal);
  onAbort(signal, () => {
    win.cancelAnimationFrame(frame);
    clearTimeout(hideTimer);
  });

  return {
    get shown() {
      return shown;
    },
    show,
    hide,
  };
}
