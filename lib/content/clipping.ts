// Clipping a selection: the floating Clip button after the reader selects text, Alt+Shift+C and
// the context menu (a `clipSelection` message from the background) save it as a clip. A clip of
// the analysed article keeps the findings it overlaps. Tab after a selection goes to the button.
import { h, render } from 'preact';
import { ClipButton } from '../../components/ClipButton';
import { findingsOf } from '../analysis/findings';
import { pageText } from '../page/clip-anchoring';
import { articleOf, buildClip, tooLongToClip, withOverlappedFindings } from '../page/clipper';
import { tabGoesToClipButton } from '../page/focus-return';
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
  /** The selection changed since the button was last offered (a drag, a double-click, the keyboard). */
  let selectionMoved = false;
  /** The boundary points of the selection the button was last offered for. */
  let offeredFor: [Node, number, Node, number] | null = null;
  /** Clip requests so far (a release over the button that is followed by one was a press of it). */
  let presses = 0;

  function renderButton() {
    // Nothing to show: taken away where it is, and the UI is not put back (or made) for it.
    if (!clipAt) {
      const mounts = ui.current();
      if (mounts) render(null, mounts.clip);
      return;
    }
    const { clip } = ui.ensure();
    render(h(ClipButton, { ...clipAt, status: clipStatus, onClip: byReader(() => clipSelection()) }), clip);
  }

  function hideButton() {
    clipAt = null;
    clipStatus = '';
    renderButton();
  }

  const selectedRange = () => ui.selectedRange();

  const buttonAt = (range: Range) => {
    const rects = range.getClientRects();
    return clipButtonPosition(rects[rects.length - 1] ?? range.getBoundingClientRect(), {
      width: win.innerWidth,
      height: win.innerHeight,
    });
  };

  async function clipSelection(): Promise<{ ok: boolean; error?: string }> {
    presses++;
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
    // A selection keeps the findings it overlaps (when its text is the analysed text).
    const analysed = runner.lens?.analysis;
    const plain = buildClip(url, page.text, span, page.model, 'selection');
    const clip =
      analysed && page.model === 'article' && analysed.prepared.text === page.text
        ? withOverlappedFindings(plain, findingsOf(analysed))
        : plain;
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
    // A new selection keeps its own button: the last save's "Saved" no longer hides it.
    if (range) clearTimeout(doneTimer);
    selectionMoved = false;
    offeredFor = range ? [range.startContainer, range.startOffset, range.endContainer, range.endOffset] : null;
    clipAt = range ? buttonAt(range) : null;
    clipStatus = '';
    renderButton();
  }

  /** Whether the reader's selection is still the one the button was offered for. */
  function sameSelection() {
    const r = selectedRange();
    const o = offeredFor;
    return (
      !!r &&
      !!o &&
      r.startContainer === o[0] &&
      r.startOffset === o[1] &&
      r.endContainer === o[2] &&
      r.endOffset === o[3]
    );
  }

  function onSelectionEnd(e: Event) {
    // A page script's made-up mouseup or keyup does not offer to clip what it selected.
    if (!e.isTrusted || gate.paused) return;
    // Released over our own UI: a press of the Clip button (which keeps the selection), unless a
    // new selection was made meanwhile: a drag that ends over the last selection's button offers
    // the button for the new selection (before, it was ignored and the old button hid itself).
    // Decided a moment later, once the browser has told of the selection's change and a press
    // has become a click (saving a clip may change the page under the selection: not a new one).
    if (!ui.isIn(e)) {
      win.setTimeout(offer);
      return;
    }
    const before = presses;
    win.setTimeout(() => {
      if (presses === before && (selectionMoved || !sameSelection())) offer();
    }, 30);
  }

  doc.addEventListener(
    'selectionchange',
    () => {
      selectionMoved = true;
    },
    { signal },
  );

  doc.addEventListener('mouseup', onSelectionEnd, { signal });
  doc.addEventListener('keyup', (e) => e.shiftKey && onSelectionEnd(e), { signal });
  // Tab after a selection: the Clip button is the next stop (it sits at the end of the document).
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || !tabGoesToClipButton(e, !!clipAt && !!selectedRange(), ui.hasFocus())) return;
      const button = ui.current()?.clip.querySelector('button');
      if (!button) return;
      e.preventDefault();
      button.focus();
    },
    { capture: true, signal },
  );
  runner.on('forget', hideButton, signal);
  onAbort(signal, () => clearTimeout(doneTimer));
  return { clipSelection, offer };
}
