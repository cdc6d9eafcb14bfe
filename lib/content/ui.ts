// The in-page UI shared by the finding card and the Clip button: one shadow root (made when
// first needed), a mount for the card and one for the button; removed when the signal aborts.
import { CLIP_BUTTON_CSS } from '../../components/ClipButton';
import { FINDING_CARD_CSS } from '../../components/FindingCard';
import { createUiHost, type UiHost } from '../page/ui-host';
import { onAbort } from './context';

export interface PageUi {
  /** The host element, null until the UI was first needed. */
  readonly host: HTMLElement | null;
  /** The mounts if the UI was made (never re-attached or made here). */
  current(): { card: HTMLElement; clip: HTMLElement } | null;
  /** Makes the UI (once) and puts it back if the page took it out. */
  ensure(): { card: HTMLElement; clip: HTMLElement };
  /** Whether an event went through our UI (its composed path crosses the host). */
  isIn(e: Event): boolean;
  /** Whether a node is inside our UI. */
  contains(n: Node): boolean;
  /** Whether focus is inside our UI (the card or the Clip button). */
  hasFocus(): boolean;
  /** The reader's selection on the page (not in our UI, not blank), or null. */
  selectedRange(): Range | null;
}

export function createPageUi(doc: Document, signal: AbortSignal): PageUi {
  let ui: UiHost | null = null;
  let clipMount: HTMLElement | null = null;
  onAbort(signal, () => ui?.remove());
  return {
    get host() {
      return ui?.host ?? null;
    },
    current: () => (ui ? { card: ui.mount, clip: clipMount as HTMLElement } : null),
    ensure() {
      if (!ui) {
        ui = createUiHost(doc, FINDING_CARD_CSS + CLIP_BUTTON_CSS);
        clipMount = doc.createElement('div');
        ui.root.append(clipMount);
      }
      ui.attach(); // the page may have taken it out
      return { card: ui.mount, clip: clipMount as HTMLElement };
    },
    isIn: (e) => !!ui && e.composedPath().includes(ui.host),
    contains: (n) => !!ui && (n === ui.host || ui.host.contains(n)),
    hasFocus: () => !!ui && ui.host.matches(':focus-within'),
    selectedRange() {
      const sel = doc.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
      const r = sel.getRangeAt(0);
      if (ui && (r.commonAncestorContainer === ui.host || ui.host.contains(r.commonAncestorContainer))) return null;
      return r.toString().trim() ? r : null;
    },
  };
}

/**
 * Only the reader acts: a handler for the in-page UI that runs for real input (mouse,
 * keyboard, touch) and ignores events a page script made (`click()`, `dispatchEvent`): the
 * UI's shadow root is open to the page's scripts, its buttons are not theirs to press.
 */
export const byReader =
  (act: () => void) =>
  (e: Event): void => {
    if (e.isTrusted) act();
  };
