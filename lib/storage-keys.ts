// The keys of what the extension keeps in browser.storage.local, in one small module: the early
// content script (document_start, on every page) imports them without the rest of lib/.
// Content scripts can read storage.local: nothing here names a page the reader clipped.

/** The reader's settings (lib/settings.ts). */
export const SETTINGS_KEY = 'il-settings';
/** Whether the reader has any clip at all: a page asks the background for its clips only then. */
export const HAS_CLIPS_KEY = 'il-has-clips';
/** Sites (host names) where the reader paused the extension: its content script does nothing there. */
export const PAUSED_SITES_KEY = 'il-paused-sites';
/** Set only by the benchmarks and browser tests: make performance marks (lib/page/timing.ts). */
export const BENCH_MARKS_KEY = 'il-bench-marks';
/**
 * Before 0.2: the URLs of the pages that had clips, readable by every site's content script.
 * Removed by the background at start; kept here only for that.
 */
export const CLIPPED_PAGES_KEY = 'il-clipped-pages';

/** What the early content script starts reading at document_start, and the main one takes over. */
export const EARLY_KEYS = [SETTINGS_KEY, HAS_CLIPS_KEY, PAUSED_SITES_KEY, BENCH_MARKS_KEY];
