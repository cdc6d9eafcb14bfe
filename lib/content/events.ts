// A small event registry for the features (plain functions, no DOM EventTarget: in Firefox a
// content script's EventTarget and Event come from the page's window through Xray wrappers, and
// events dispatched on them did not reach the content script's listeners).

export interface Events<T extends string> {
  /** Calls `f` on each `type` until `signal` aborts. */
  on(type: T, f: () => void, signal: AbortSignal): void;
  emit(type: T): void;
}

export function createEvents<T extends string>(): Events<T> {
  const listeners = new Map<T, Set<() => void>>();
  return {
    on(type, f, signal) {
      if (signal.aborted) return;
      const set = listeners.get(type) ?? new Set<() => void>();
      listeners.set(type, set);
      const own = () => f();
      set.add(own);
      signal.addEventListener('abort', () => set.delete(own), { once: true });
    },
    emit(type) {
      for (const f of [...(listeners.get(type) ?? [])]) f();
    },
  };
}
