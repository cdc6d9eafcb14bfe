import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { articleIdFor, CLIPPED_PAGES_KEY } from '../lib/clips';
import { serveImport } from '../lib/import-port';
import { IMPORT_PORT, type Message, message, type PageReport, parseMessage, type SaveReply } from '../lib/messages';
import { ClipStore, StorageFullError } from '../lib/store/clip-store';
import { importRecords, readExportPage } from '../lib/store/import';

// The background owns extension state: per-tab page reports (the badge) and, later, the database.
export default defineBackground(() => {
  const reports = new Map<number, PageReport>();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  // Chrome: the toolbar button opens the side panel. Firefox uses its sidebar instead.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));

  const store = new ClipStore();
  /** Keeps the list of clipped pages that content scripts read instead of asking us on every page. */
  const publishClippedPages = () =>
    store
      .clippedPages()
      .then((pages) => browser.storage.local.set({ [CLIPPED_PAGES_KEY]: pages }))
      .catch(() => {});
  publishClippedPages();
  const clipsChanged = () => {
    publishClippedPages();
    browser.runtime.sendMessage(message('clipsChanged', null)).catch(() => {});
  };
  const failure = (e: unknown): SaveReply => ({
    ok: false,
    error: e instanceof StorageFullError ? e.message : `Could not save: ${(e as Error)?.message ?? e}`,
    retry: !(e instanceof StorageFullError),
  });

  // Ways to clip besides the in-page button: the context menu and the keyboard shortcut.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'il-save-selection', title: 'Save to Inspection Lens', contexts: ['selection'] });
  });
  const clipIn = (tabId: number, frameId?: number) =>
    browser.tabs.sendMessage(tabId, message('clipSelection', null), frameId ? { frameId } : undefined).catch(() => {});
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'il-save-selection' && tab?.id !== undefined) clipIn(tab.id, info.frameId);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'clip-selection') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) clipIn(tab.id);
  });

  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  async function setBadge(tabId: number, report: PageReport) {
    const total = Object.entries(report.counts)
      .filter(([k]) => k !== 'il-clip')
      .reduce((a, [, n]) => a + n, 0);
    const text =
      report.isInspectionArticle && report.highlighting && total ? (total > 999 ? '999+' : String(total)) : '';
    await toolbar.setBadgeText({ tabId, text });
    await toolbar.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
  }

  async function handle(msg: Message, sender: Runtime.MessageSender): Promise<unknown> {
    switch (msg.type) {
      case 'ping':
        return { ok: true, version: browser.runtime.getManifest().version };
      case 'pageReport': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: true };
        reports.set(tabId, msg.data);
        await setBadge(tabId, msg.data).catch(() => {});
        browser.runtime.sendMessage(message('reportUpdated', { tabId })).catch(() => {});
        return { ok: true };
      }
      case 'getPageReport':
        return reports.get(msg.data.tabId) ?? null;
      case 'setPageHighlighting':
        try {
          await browser.tabs.sendMessage(msg.data.tabId, message('setHighlighting', { enabled: msg.data.enabled }));
          return { ok: true };
        } catch {
          return { ok: false, error: 'Inspection Lens is not running on this page.' };
        }
      case 'saveClip':
        try {
          const r = await store.saveClip(msg.data.clip, msg.data.article);
          if (r.created) clipsChanged();
          return { ok: true, created: r.created, id: r.clip.id } satisfies SaveReply;
        } catch (e) {
          return failure(e);
        }
      case 'saveRecord':
        try {
          const a = await store.saveRecord(msg.data.article);
          clipsChanged();
          return { ok: true, created: true, id: a.id } satisfies SaveReply;
        } catch (e) {
          return failure(e);
        }
      case 'clipsForPage':
        return store.clipsForPage(msg.data.url, msg.data.canonicalUrl);
      case 'setClipStates':
        await store.setOrphaned(msg.data.states);
        clipsChanged();
        return { ok: true };
      case 'listClips': {
        const [clips, articles] = await Promise.all([store.listClips(msg.data), store.listArticles()]);
        return { clips, articles };
      }
      case 'updateClip': {
        try {
          const c = await store.updateClip(msg.data.id, msg.data);
          if (!c) return { ok: false, error: 'That clip no longer exists.', retry: false } satisfies SaveReply;
          clipsChanged();
          return { ok: true, created: false, id: c.id } satisfies SaveReply;
        } catch (e) {
          return failure(e);
        }
      }
      case 'openArticle': {
        // Focus a tab already showing the article (known from its content script), else open one.
        const open = [...reports].find(([, r]) => r.url.split('#')[0] === msg.data.url.split('#')[0]);
        if (open) await browser.tabs.update(open[0], { active: true });
        else await browser.tabs.create({ url: msg.data.url });
        return { ok: true };
      }
      case 'exportPage':
        return readExportPage(msg.data.cursor, msg.data.limit, msg.data.filter);
      default:
        return { error: `${msg.type} is not handled by the background` };
    }
  }

  /** Requests a content script (a web page) may make; everything else is for extension pages. */
  const FROM_PAGES = new Set<Message['type']>([
    'ping',
    'pageReport',
    'saveClip',
    'saveRecord',
    'clipsForPage',
    'setClipStates',
  ]);
  const FROM_EXTENSION_PAGES = new Set<Message['type']>([
    'ping',
    'getPageReport',
    'setPageHighlighting',
    'listClips',
    'updateClip',
    'openArticle',
    'exportPage',
  ]);

  // Imports come from our own extension pages over a Port (batches, then one transaction).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== IMPORT_PORT) return;
    if (port.sender?.id !== browser.runtime.id || !port.sender?.url?.startsWith(ownOrigin)) return port.disconnect();
    serveImport(port, importRecords, clipsChanged);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (r: unknown) => void) => {
    // Only our own extension's pages and content scripts may talk to us.
    if (sender.id !== browser.runtime.id) return false;
    const fromExtensionPage = !!sender.url?.startsWith(ownOrigin);
    const msg = parseMessage(raw);
    if (!msg) {
      sendResponse({ error: 'unknown or malformed message' });
      return false;
    }
    if (!(fromExtensionPage ? FROM_EXTENSION_PAGES : FROM_PAGES).has(msg.type)) {
      sendResponse({ error: `${msg.type} is not allowed from this sender` });
      return false;
    }
    // A page may only read and write its own clips: its URL must be the one it names.
    if (!fromExtensionPage && !namesOwnPage(msg, sender.url ?? '')) {
      sendResponse({ error: 'a page may only use its own clips' });
      return false;
    }
    handle(msg, sender).then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
    return true;
  });

  function namesOwnPage(msg: Message, senderUrl: string): boolean {
    const own = articleIdFor(senderUrl);
    switch (msg.type) {
      case 'clipsForPage':
        return articleIdFor(msg.data.url) === own;
      case 'saveClip':
        return msg.data.clip.articleId === own && msg.data.article.id === own;
      case 'saveRecord':
        return msg.data.article.id === own;
      default:
        return true;
    }
  }
});
