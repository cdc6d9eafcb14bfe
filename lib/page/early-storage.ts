// Reading the reader's stored settings early. A storage read from a content script takes 15 to
// 90 ms at page load in Chromium (measured: `il:settings` in `npm run bench:page`), more than the
// whole analysis of a typical article; highlights must not be shown before the settings are
// known (a category the reader switched off would flash). So a tiny content script starts the
// read at document_start and leaves it in the isolated world that the main content script
// (document_idle) shares; the main script takes it from there.

/** What the early read leaves behind: the read, and whether those keys changed since it began. */
export interface EarlyRead {
  keys: string[];
  read: Promise<Record<string, unknown>>;
  changedSince: boolean;
}

const SLOT = '__inspectionLensEarlyRead';

interface StorageApi {
  storage: {
    local: { get(keys: string[]): Promise<Record<string, unknown>> };
    onChanged: { addListener(f: (changes: Record<string, unknown>, area: string) => void): void };
  };
}

/** The extension API without the polyfill (the early script must stay small): promises in both browsers. */
function api(): StorageApi | null {
  const g = globalThis as { browser?: StorageApi; chrome?: StorageApi };
  return g.browser?.storage ? g.browser : g.chrome?.storage ? g.chrome : null;
}

/** Starts reading `keys` from storage.local (at document_start). */
export function startEarlyRead(keys: string[]): void {
  const ext = api();
  if (!ext) return;
  const early: EarlyRead = { keys, read: ext.storage.local.get(keys), changedSince: false };
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && keys.some((k) => k in changes)) early.changedSince = true;
  });
  (globalThis as Record<string, unknown>)[SLOT] = early;
}

/**
 * The early read of `keys` if there is one and nothing changed since it began (else null: read
 * afresh). Taken once: a second call gets null.
 */
export function takeEarlyRead(keys: string[]): Promise<Record<string, unknown>> | null {
  const g = globalThis as Record<string, unknown>;
  const early = g[SLOT] as EarlyRead | undefined;
  delete g[SLOT];
  if (!early || early.changedSince || keys.some((k) => !early.keys.includes(k))) return null;
  return early.read.then((r) => (early.changedSince ? Promise.reject(new Error('changed')) : r));
}
