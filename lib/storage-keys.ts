// The keys of what the extension keeps in browser.storage.local, in one small module: the early
// content script (document_start, on every page) imports them without the rest of lib/.

/** The reader's settings (lib/settings.ts). */
export const SETTINGS_KEY = 'il-settings';
/** URLs of the pages that have clips (lib/clips.ts): a page without any does not ask the background. */
export const CLIPPED_PAGES_KEY = 'il-clipped-pages';
