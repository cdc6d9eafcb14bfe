// Reader settings: highlighting on or off, and which categories are shown. Stored in
// browser.storage.local under SETTINGS_KEY, remembered across pages; validated on every read.
// This module is the one definition of the stored item (key, default, parse) and the one way to
// read, write and watch it: the content script (also from the early document_start read), the
// side panel and the options page all go through `settingsItem`.
import { browser } from 'wxt/browser';
import type { HighlightName } from './analysis/findings';
import { CATEGORY_HIGHLIGHTS } from './data/highlight-names';
import { SETTINGS_KEY } from './storage-keys';

export { SETTINGS_KEY };

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

/** The stored settings item: where it lives, its default, and every read and write of it. */
export const settingsItem = {
  key: SETTINGS_KEY,
  fallback: DEFAULT_SETTINGS,
  parse: parseSettings,
  /** The settings in a `storage.local.get` result that asked for `key` (the early read's too). */
  fromRecord(record: Record<string, unknown> | undefined): Settings {
    return parseSettings(record?.[SETTINGS_KEY]);
  },
  /** The new settings in an `onChanged` report, or undefined when they are not among the changes. */
  fromChanges(changes: StorageChanges, area: string): Settings | undefined {
    const c = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    return c ? parseSettings(c.newValue) : undefined;
  },
  /** Reads and checks the stored settings (defaults for anything missing or malformed). */
  async get(): Promise<Settings> {
    return settingsItem.fromRecord((await browser.storage.local.get(SETTINGS_KEY)) as Record<string, unknown>);
  },
  /** Stores the settings (checked first: a malformed value is never written). */
  async set(next: Settings): Promise<void> {
    await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(next) });
  },
  /** Calls `onChange` with the new settings whenever they change in any context; returns the unwatch. */
  watch(onChange: (next: Settings) => void): () => void {
    const listener = (changes: StorageChanges, area: string) => {
      const next = settingsItem.fromChanges(changes, area);
      if (next) onChange(next);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
