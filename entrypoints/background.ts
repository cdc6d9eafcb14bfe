import { browser } from 'wxt/browser';
import { fromOurPages } from '../lib/background/boundary';
import { startClipSignals } from '../lib/background/clip-signals';
import { browserEffects } from '../lib/background/deps';
import { messageListener } from '../lib/background/listener';
import { forgetTab, newTabs } from '../lib/background/tabs';
import { serveImport } from '../lib/import-port';
import { IMPORT_PORT, sendToTab } from '../lib/messages';
import { ClipStore } from '../lib/store/clip-store';
import { Collection } from '../lib/store/collection';
import { importRecords } from '../lib/store/import';
import { warmCollectionIfPanelOpen } from '../lib/store/warm-collection';
import { openPanelFromToolbar } from '../lib/toolbar';
import { welcomeOnInstall } from '../lib/welcome';

// The background owns extension state: per-tab page reports (the badge) and the database. It is
// wiring only: what it answers, and to whom, is lib/background/.
export default defineBackground(() => {
  // Our id, and the address our pages start with (chrome-extension://<id>/, moz-extension://<uuid>/).
  const own = { id: browser.runtime.id, pages: browser.runtime.getURL('/') };
  openPanelFromToolbar();

  const tabs = newTabs();
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabs, tabId));

  const store = new ClipStore();
  /** The Collection's queries (search cache kept fresh by every write; the first reply after a start: newest clips, `partial`). */
  const collection = new Collection(undefined, () => clipsChanged(), { firstWindow: true });
  // Started with a panel open: the Collection's first query will not wait for its layout.
  void warmCollectionIfPanelOpen(collection);
  const clipsChanged = startClipSignals(store);

  // Ways to clip besides the in-page button: the context menu and the keyboard shortcut.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'il-save-selection', title: 'Save to Inspection Lens', contexts: ['selection'] });
  });
  // First run: the welcome page, once, on install (not on update or browser restart).
  browser.runtime.onInstalled.addListener((details) => {
    welcomeOnInstall(details, {
      get: (key) => browser.storage.local.get(key),
      set: (items) => browser.storage.local.set(items),
      open: (path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/welcome.html') }),
    }).catch(() => {});
  });
  const clipIn = (tabId: number, frameId?: number) =>
    sendToTab(tabId, 'clipSelection', null, frameId ? { frameId } : undefined).catch(() => {});
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'il-save-selection' && tab?.id !== undefined) clipIn(tab.id, info.frameId);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'clip-selection') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) clipIn(tab.id);
  });

  // Imports come from our own extension pages over a Port (batches, then one transaction).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== IMPORT_PORT) return;
    if (!fromOurPages(port.sender, own)) return port.disconnect();
    serveImport(port, importRecords, () => {
      collection.invalidate();
      clipsChanged();
    });
  });

  // Every message: the boundary (sender, direction, shape, ownership), then its direction's answer.
  browser.runtime.onMessage.addListener(
    messageListener(own, { ...browserEffects, store, collection, tabs, clipsChanged }),
  );
});
