// What every content-script feature is started with: the page, the settings gate and the signal
// that ends it (the content script's context invalidated, or a test done). A feature adds its
// listeners with `{ signal }` and undoes everything else it did when the signal aborts.
import type { SettingsGate } from './gate';

export interface ContentContext {
  doc: Document;
  win: Window;
  gate: SettingsGate;
  signal: AbortSignal;
}

/** Runs `f` once when the signal aborts (at once if it already has). */
export function onAbort(signal: AbortSignal, f: () => void): void {
  if (signal.aborted) f();
  else signal.addEventListener('abort', f, { once: true });
}
