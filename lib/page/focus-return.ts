// Keyboard focus around the in-page UI: where focus goes back to when the card closes, and the
// Clip button as the next Tab stop after a selection. The card and the Clip button live in a
// shadow root at the end of the document, so without this the browser would send focus to the
// top of the page (closing) or past every remaining link (Tab after a selection).

const FOCUS_MARK = 'data-il-focus';

/** The focused element of `doc`, or null when focus is on the page itself (body, html). */
export function focusedElement(doc: Document): HTMLElement | null {
  const a = doc.activeElement as HTMLElement | null;
  return a && a !== doc.body && a !== doc.documentElement ? a : null;
}

/**
 * Focuses the element that holds `range`'s start, so that focus sits at the highlight and the
 * next Tab goes to what follows it on the page. An element that cannot take focus gets
 * `tabindex="-1"` for as long as it has focus (taken away again on blur). The page is not scrolled.
 */
export function focusAtRange(range: Range): HTMLElement | null {
  const start = range.startContainer;
  const el = (start.nodeType === 1 ? start : start.parentElement) as HTMLElement | null;
  return el && lendFocus(el) ? el : null;
}

/**
 * Focuses `el` without scrolling; an element that cannot take focus gets `tabindex="-1"` for as
 * long as it has focus. Returns whether it has focus.
 */
export function lendFocus(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
    el.setAttribute(FOCUS_MARK, '');
    el.addEventListener(
      'blur',
      () => {
        if (!el.hasAttribute(FOCUS_MARK)) return;
        el.removeAttribute('tabindex');
        el.removeAttribute(FOCUS_MARK);
      },
      { once: true },
    );
  }
  el.focus({ preventScroll: true });
  return el.ownerDocument.activeElement === el;
}

/**
 * Where focus goes when the card closes: back to the element that had it before the card took
 * it, if there was one and it is still on the page; else to the highlight the card explained.
 */
export function returnFocus(before: HTMLElement | null, range: Range | null): void {
  if (before && lendFocus(before)) return;
  if (range) focusAtRange(range);
}

/**
 * Whether a Tab key press should go to the Clip button: a plain Tab (no Shift, Ctrl, Alt or
 * Meta), pressed while the button is shown for a selection and focus is not already in our UI.
 */
export function tabGoesToClipButton(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>,
  clipShown: boolean,
  focusInUi: boolean,
): boolean {
  return e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && clipShown && !focusInUi;
}
