// Clipping a selection: the floating Clip button after the reader selects text, Alt+Shift+C and
// the context menu (a `clipSelection` message from the background) save it as a clip.
import { h, render } from 'preact';
import { ClipButton } from '../../components/ClipButton';
import { pageText } from '../page/clip-anchoring';
import { articleOf, buildClip, tooLongToClip } from '../page/clipper';
import { clipButtonPosition } from '../page/geometry';
import { spanOfRange, type TextMap } from '../page/text-map';
import { type ContentContext, onAbort } from './context';
import type { PageRunner } from './runner';
import { saveFromPage } from './save';
import { byReader, type PageUi } from './ui';

export interface ClippingFeature {
  /** Saves the reader's selection as a clip (the Clip button, the shortcut, the context menu). */
  clipSelection(): Promise<{ ok: boolean; error?: string }>;
  /** Offers the Clip button for the current selection (after a selection the reader made). */
  offer(): void;
}

/** How long the button stays after a clip was saved. */
export const SAVED_BUTTON_MS = 1500;

export function startClipping(cx: ContentContext, runner: PageRunner, ui: PageUi): ClippingFeature {
  const { doc, win, gate, signal } = cx;
  let clipStatus = '';
  let clipAt: { top: number; left: number } | null = null;
  let doneTimer = 0;

  function renderButton() {
    if (!clipAt && !ui.host) return;
    const { clip } = ui.ensure();
    render(
      clipAt ? h(ClipButton, { ...clipAt, status: clipStatus, onClip: byReader(() => clipSelection()) }) : null,
      clip,
    );
  }

  function hideButton() {
    clipAt = null;
    clipStatus = '';
    renderButton();
  }

  function selectedRange(): Range | null {
    const sel = doc.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    if (ui.contains(r.commonAncestorContainer)) return null;
    return r.toString().trim() ? r : null;
  }

  const buttonAt = (range: Range) => {
    const rects = range.getClientRects();
    return clipButtonPosition(rects[rects.length - 1] ?? range.getBoundingClientRect(), {
      width: win.innerWidth,
      height: win.innerHeight,
    });
  };

  async function clipSelection(): Promise<{ ok: boolean; error?: string }> {
    if (gate.paused) return { ok: false, error: 'Inspection Lens is paused on this site.' };
    const range = selectedRange();
    const onStatus = (s: string) => {
      clipStatus = s;
      renderButton();
    };
    if (!range) {
      onStatus('Select some text on the page to clip.');
      return { ok: false, error: 'no selection' };
    }
    // The article as the page runner read it when still current; else read now.
    let page: TextMap = runner.textMap('article') ?? pageText(doc, 'article');
    let span = spanOfRange(page, range);
    if (!span) {
      page = pageText(doc, 'body');
      span = spanOfRange(page, range);
    }
    if (!span) {
      onStatus('This text cannot be clipped (it is not part of the page’s text).');
      return { ok: false, error: 'not in page text' };
    }
    const tooLong = tooLongToClip(span);
    if (tooLong) {
      onStatus(tooLong);
      return { ok: false, error: tooLong };
    }
    clipAt ??= buttonAt(range);
    const url = win.location.href;
    const clip = buildClip(url, page.text, span, page.model, 'selection');
    const r = await saveFromPage(
      'saveClip',
      { clip, article: articleOf(doc, url, runner.lens?.analysis?.outcomes ?? []) },
      onStatus,
    );
    if (r.ok) {
      runner.showClip(clip.id, range.cloneRange());
      clearTimeout(doneTimer);
      doneTimer = win.setTimeout(hideButton, SAVED_BUTTON_MS);
    }
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  }

  function offer() {
    const range = selectedRange();
    clipAt = range ? buttonAt(range) : null;
    clipStatus = '';
    renderButton();
  }

  function onSelectionEnd(e: Event) {
    // A page script's made-up mouseup or keyup does not offer to clip what it selected.
    if (!e.isTrusted || gate.paused || ui.isIn(e)) return;
    win.setTimeout(offer);
  }

  doc.addEventListener('mouseup', onSelectionEnd, { signal });
  doc.addEventListener('keyup', (e) => e.shiftKey && onSelectionEnd(e), { signal });
  runner.on('forget', hideButton, signal);
  onAbort(signal, () => clearTimeout(doneTimer));
  return { clipSelection, offer };
}
