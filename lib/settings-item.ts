// The stored settings item (see lib/settings.ts, which exports it as `settingsItem`): its key,
// default and parse, and every read, write and watch of it, as separate exports of one module, so
// that a bundle keeps only the ones it uses (the content script on every page reads and watches;
// it does not carry the side panel's get, set and watch: issue 15, stop 25).
import { browser } from 'wxt/browser';
import type { HighlightName } from './analysis/findings';
import { CATEGORY_HIGHLIGHTS } from './data/highlight-names';
import { SETTINGS_KEY } from './storage-keys';

export interface Settings {
  /** Highlight on every page (the reader can still switch a single page off). */
  enabled: boolean;
  categories: Record<HighlightName, boolean>;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  categories: Object.fromEntries(CATEGORY_HIGHLIGHTS.map((n) => [n, true])) as Record<HighlightName, boolean>,
};

/** Reads stored settings, falling back to defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  // Own fields only: nothing is read through an object's prototype.
  const own = (o: unknown, k: string): unknown =>
    typeof o === 'object' && o !== null && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;
  const stored = own(raw, 'categories');
  const categories = { ...DEFAULT_SETTINGS.categories };
  for (const n of CATEGORY_HIGHLIGHTS) {
    const v = own(stored, n);
    if (typeof v === 'boolean') categories[n] = v;
  }
  const enabled = own(raw, 'enabled');
  return { enabled: typeof enabled === 'boolean' ? enabled : true, categories };
}

/** A storage change as `storage.onChanged` reports it. */
type StorageChanges = Record<string, { newValue?: unknown } | undefined>;

/** Where the item lives in storage.local. */
export const key = SETTINGS_KEY;
/** The settings until (or unless) stored ones are read. */
export const fallback = DEFAULT_SETTINGS;
export const parse = parseSettings;

/** The settings in a `storage.local.get` result that asked for `key` (the early read's too). */
export function fromRecord(record: Record<string, unknown> | undefined): Settings {
  return parseSettings(record?.[SETTINGS_KEY]);
}

/** The new settings in an `onChanged` report, or undefined when they are not among the changes. */
export function fromChanges(changes: StorageChanges, area: string): Settings | undefined {
  const c = area === 'local' ? changes[SETTINGS_KEY] : undefined;
  return c ? parseSettings(c.newValue) : undefined;
}

/** Reads and checks the stored settings (defaults for anything missing or malformed). */
export async function get(): Promise<Settings> {
  return fromRecord((await browser.storage.local.get(SETTINGS_KEY)) as Record<string, unknown>);
}

/** Stores the settings (checked first: a malformed value is never written). */
export async function set(next: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(next) });
}

/** Calls `onChange` with the new settings whenever they change in any context; returns the unwatch. */
export function watch(onChange: (next: Settings) => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    const next = fromChanges(changes, area);
    if (next) onChange(next);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
