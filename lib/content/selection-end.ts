// The reader ends a selection (the mouse, or the keyboard with Shift): until the engine's clipping
// feature listens for itself, the loader (the engine not loaded yet) and the engine's first part
// (its second part, with the Clip button, not run yet) hear it and offer the Clip button.
import type { SettingsGate } from './gate';

/** Calls `f` after each trusted selection end that leaves text selected, until `signal` aborts. */
export function whenSelectionEnds(
  doc: Document,
  win: Window,
  gate: Pick<SettingsGate, 'paused'>,
  signal: AbortSignal,
  f: () => void,
): void {
  const end = (e: Event) => {
    if (!e.isTrusted || gate.paused || (e.type === 'keyup' && !(e as KeyboardEvent).shiftKey)) return;
    win.setTimeout(() => {
      const sel = doc.getSelection();
      if (sel && !sel.isCollapsed && sel.toString().trim()) f();
    });
  };
  doc.addEventListener('mouseup', end, { signal });
  doc.addEventListener('keyup', end, { signal });
}
