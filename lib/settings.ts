// Reader settings: highlighting on or off, and which categories are shown. Stored in
// browser.storage.local under SETTINGS_KEY, remembered across pages; validated on every read.
// `settingsItem` is the one definition of the stored item (key, default, parse) and the one way to
// read, write and watch it: the content script (also from the early document_start read), the
// side panel and the options page all go through it. It is the namespace of lib/settings-item.ts
// (each of its parts a separate export there, so a bundle keeps only the parts it uses).

export * as settingsItem from './settings-item';
export { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings-item';
export { SETTINGS_KEY } from './storage-keys';
