// What answering a message needs, as one object: the entry point passes the real store, the
// Collection and the browser's effects; tests pass the store on fake-indexeddb and fakes.
import { browser } from 'wxt/browser';
import { broadcast, sendToTab } from '../messages';
import { focusOrOpen, openClipAt } from '../open-clip';
import type { ClipStore } from '../store/clip-store';
import type { Collection } from '../store/collection';
import { listCouncils } from '../store/councils';
import { readExportPage } from '../store/import';
import { showPageState } from '../toolbar';
import type { Tabs } from './tabs';

/** The browser's side of answering (messages to tabs and panels, the toolbar, tabs opened or focused) and the reads by database name. */
export interface Effects {
  version: () => string;
  sendToTab: typeof sendToTab;
  broadcast: typeof broadcast;
  showPageState: typeof showPageState;
  focusOrOpen: typeof focusOrOpen;
  openClipAt: typeof openClipAt;
  listCouncils: () => ReturnType<typeof listCouncils>;
  readExportPage: typeof readExportPage;
}

export interface Deps extends Effects {
  store: ClipStore;
  /** The Collection's queries (search cache kept fresh by every write). */
  collection: Collection;
  tabs: Tabs;
  /** After every write: pages learn whether any clip exists, panels that clips changed. */
  clipsChanged: () => void;
}

/** The real effects, through the browser's APIs. */
export const browserEffects: Effects = {
  version: () => browser.runtime.getManifest().version,
  sendToTab,
  broadcast,
  showPageState,
  focusOrOpen,
  openClipAt,
  listCouncils: () => listCouncils(),
  readExportPage,
};
