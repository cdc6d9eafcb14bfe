// Reader settings: highlighting on or off, and which categories are shown. Stored in
// browser.storage.local under SETTINGS_KEY, remembered across pages; validated on every read.
import { HIGHLIGHT_NAMES, type HighlightName } from './analysis/findings';
import { GRADE_STYLES, MARK_STYLES } from './data/grades';

export { SETTINGS_KEY } from './storage-keys';

export interface Settings {
  /** Highlight on every page (the reader can still switch a single page off). */
  enabled: boolean;
  categories: Record<HighlightName, boolean>;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  categories: Object.fromEntries(HIGHLIGHT_NAMES.map((n) => [n, true])) as Record<HighlightName, boolean>,
};

/** Human labels for the categories, in display order. */
export const CATEGORY_LABELS: [HighlightName, string][] = [
  ...GRADE_STYLES.map((g): [HighlightName, string] => [g.highlight, g.label]),
  ...MARK_STYLES.map((m): [HighlightName, string] => [m.highlight, m.label]),
];

/** Reads stored settings, falling back to defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Settings>;
  const categories = { ...DEFAULT_SETTINGS.categories };
  if (r.categories && typeof r.categories === 'object')
    for (const n of HIGHLIGHT_NAMES) if (typeof r.categories[n] === 'boolean') categories[n] = r.categories[n];
  return { enabled: typeof r.enabled === 'boolean' ? r.enabled : true, categories };
}
