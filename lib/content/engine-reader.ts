// The engine's second part: what the reader needs only once they act on the page — the finding
// card (hover, Alt+Shift+N/P), the Clip button, re-finding this page's saved clips, and saving a
// finding from the side panel. Built as its own file (entrypoints/content-reader.ts), imported by
// the engine's first part (engine.ts) once its first run is done or at the reader's first use, so
// the first highlights do not wait for this code (Preact, the card, the clipper) to be compiled.
import type { LensEntry } from '../page/lens';
import { startFindingCard } from './card';
import { startClipping } from './clipping';
import type { ContentContext } from './context';
import type { EngineStart } from './engine';
import { startRefinding } from './refind';
import type { PageRunner } from './runner';
import { createPageUi } from './ui';

export interface Reader {
  /** The in-page UI's host element (null until first shown): the page runner ignores its changes. */
  uiHost(): HTMLElement | null;
  /** Handles an event the first part heard before this part ran (a pointer move, a key). */
  replay(e: Event): void;
  /** Offers the Clip button for the reader's selection. */
  offerClip(): void;
  /** The Clip shortcut or context menu: clips the selection. */
  clipSelection(): Promise<unknown>;
  /** Saves one finding as a clip (the card's "Save clip", the side panel's "Save as clip"). */
  saveFinding(entry: Pick<LensEntry, 'finding' | 'range'>): Promise<{ ok: boolean; error?: string }>;
}

export interface ReaderModule {
  startReader(cx: ContentContext, runner: PageRunner, start: EngineStart): Reader;
}

export function startReader(cx: ContentContext, runner: PageRunner, start: EngineStart): Reader {
  const ui = createPageUi(cx.doc, cx.signal);
  const card = startFindingCard(cx, runner, ui);
  const clipping = startClipping(cx, runner, ui);
  startRefinding(cx, runner)
    .refind(start.clips)
    .catch(() => {});
  return {
    uiHost: () => ui.host,
    replay: card.replay,
    offerClip: clipping.offer,
    clipSelection: clipping.clipSelection,
    saveFinding: card.saveFinding,
  };
}
