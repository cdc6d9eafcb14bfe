import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { serveImport } from '../lib/import-port';
import {
  IMPORT_PORT,
  type Message,
  message,
  type PageReport,
  parseMessage,
  refusalReason,
  type SaveReply,
  type UpdateReply,
} from '../lib/messages';
import { openClipAt } from '../lib/open-clip';
import { clipBelongsTo, mayWriteArticle, mayWriteClip, pageQuery, toPageClip } from '../lib/ownership';
import { RateLimit } from '../lib/rate-limit';
import { CLIPPED_PAGES_KEY, HAS_CLIPS_KEY } from '../lib/storage-keys';
import {
  ClipStore,
  EditConflictError,
  InvalidRecordError,
  StorageFullError,
  UnreadableClipError,
} from '../lib/store/clip-store';
import { Collection } from '../lib/store/collection';
import { importRecords, readExportPage } from '../lib/store/import';
import { warmCollectionIfPanelOpen } from '../lib/store/warm-collection';
import { ARTICLE_ICON, badgeText, PLAIN_ICON, toolbarTitle } from '../lib/toolbar';

// The background owns extension state: per-tab page reports (the badge) and, later, the database.
export default defineBackground(() => {
  const reports = new Map<number, PageReport>();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  // Chrome: the toolbar button opens the side panel. Firefox uses its sidebar instead.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  /** Saves a tab may make in a minute: more than a reader clips (one a second), far fewer than a flood. */
  const saveLimit = new RateLimit<number>(60, 60_000);
  browser.tabs.onRemoved.addListener((tabId) => {
    reports.delete(tabId);
    saveLimit.forget(tabId);
  });
  const tooMany: SaveReply = {
    ok: false,
    error: 'Too many saves from this page in the last minute; nothing was saved. Wait a moment and try again.',
    retry: false,
  };
  /** The clips a page may see: of its own URL and its same-origin canonical only (lib/ownership.ts). */
  const clipsOfPage = async (senderUrl: string, asked: { url: string; canonicalUrl?: string }) => {
    const q = pageQuery(senderUrl, asked);
    if (!q) return [];
    return (await store.clipsForPage(q.url, q.canonicalUrl)).filter((c) => clipBelongsTo(senderUrl, c));
  };

  const store = new ClipStore();
  /** The Collection view's queries, with a search cache kept fresh on every write below. */
  // The panel's first query after a start is answered from the newest clips (`partial`) while the layout is read.
  const collection = new Collection(undefined, () => clipsChanged(), { firstWindow: true });
  // Started with a panel open: the Collection's first query will not wait for its layout.
  void warmCollectionIfPanelOpen(collection);
  /**
   * Tells content scripts only whether the reader has any clip (so a page asks for its clips only
   * then): which pages have clips stays here and in the database, where no content script can
   * read it. The list earlier versions kept in storage.local is removed.
   */
  const publishClippedPages = () =>
    store
      .clippedPages()
      .then((pages) => browser.storage.local.set({ [HAS_CLIPS_KEY]: pages.length > 0 }))
      .catch(() => {});
  browser.storage.local.remove(CLIPPED_PAGES_KEY).catch(() => {});
  publishClippedPages();
  const clipsChanged = () => {
    publishClippedPages();
    browser.runtime.sendMessage(message('clipsChanged', null)).catch(() => {});
  };
  // A full store and a refused record are permanent: retrying would fail the same way.
  const permanent = (e: unknown) => e instanceof StorageFullError || e instanceof InvalidRecordError;
  const failure = (e: unknown): SaveReply => ({
    ok: false,
    error: permanent(e) ? (e as Error).message : `Could not save: ${(e as Error)?.message ?? e}`,
    retry: !permanent(e),
  });
  /** A refused request: permanent, so the sender reports it at once instead of retrying. */
  const refused = (error: string) => ({ ok: false, error, retry: false }) as const;

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
    const text = badgeText(report);
    await toolbar.setBadgeText({ tabId, text });
    await toolbar.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
    await toolbar.setTitle({ tabId, title: toolbarTitle(report) });
    // The icon with a dot says the page is an inspection article, badge or not.
    await toolbar.setIcon({ tabId, path: report.isInspectionArticle ? ARTICLE_ICON : PLAIN_ICON });
  }

  async function handle(msg: Message, sender: Runtime.MessageSender): Promise<unknown> {
    switch (msg.type) {
      case 'ping':
        return { ok: true, version: browser.runtime.getManifest().version };
      case 'pageReport': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: true };
        // The URL is the browser's word for the sender's page, not what the page says it is.
        reports.set(tabId, { ...msg.data, url: sender.url ?? msg.data.url });
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
        if (sender.tab?.id !== undefined && !saveLimit.allow(sender.tab.id)) return tooMany;
        try {
          const r = await store.saveClip(msg.data.clip, msg.data.article);
          if (r.created) {
            collection.saved(r.clip, msg.data.article);
            clipsChanged();
          }
          return { ok: true, created: r.created, id: r.clip.id } satisfies SaveReply;
        } catch (e) {
          return failure(e);
        }
      case 'saveRecord':
        if (sender.tab?.id !== undefined && !saveLimit.allow(sender.tab.id)) return tooMany;
        try {
          const a = await store.saveRecord(msg.data.article);
          collection.invalidate();
          clipsChanged();
          return { ok: true, created: true, id: a.id } satisfies SaveReply;
        } catch (e) {
          return failure(e);
        }
      case 'clipsForPage':
        // Only what re-finding needs: ids, quotes and selectors (no notes, tags or colours).
        return (await clipsOfPage(sender.url ?? '', msg.data)).map(toPageClip);
      case 'setClipStates': {
        // Only the states of clips this page may see are applied.
        const senderUrl = sender.url ?? '';
        const mine = new Set(
          (await clipsOfPage(senderUrl, { url: senderUrl, canonicalUrl: msg.data.canonicalUrl })).map((c) => c.id),
        );
        const states = msg.data.states.filter((st) => mine.has(st.id));
        if (states.length) {
          await store.setOrphaned(states);
          collection.orphaned(states);
          clipsChanged();
        }
        return { ok: true };
      }
      case 'listClips': {
        const { after, pageSize, ...query } = msg.data;
        const page = await store.listPage(query, after ?? null, Math.min(pageSize ?? 50, 200));
        const articles = await store.getArticles(page.clips.map((c) => c.articleId));
        return { ...page, articles };
      }
      case 'updateClip': {
        try {
          const c = await store.updateClip(msg.data.id, msg.data);
          if (!c) return refused('That clip no longer exists.') satisfies UpdateReply;
          collection.changed(c);
          clipsChanged();
          return { ok: true, created: false, id: c.id, clip: c } satisfies UpdateReply;
        } catch (e) {
          if (e instanceof EditConflictError)
            return { ...refused(e.message), current: e.current } satisfies UpdateReply;
          if (e instanceof UnreadableClipError) return refused(e.message) satisfies UpdateReply;
          return refused(`Could not save the change: ${(e as Error)?.message ?? e}`) satisfies UpdateReply;
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
      case 'queryClips':
        return collection.query(msg.data);
      case 'deleteClips': {
        const clips = await collection.deleteClips(msg.data.ids);
        if (clips.length) clipsChanged();
        return { ok: true, clips };
      }
      case 'restoreClips': {
        const restored = await collection.restoreClips(msg.data.clips);
        if (restored.length) clipsChanged();
        return { ok: true, restored: restored.length };
      }
      case 'openClip': {
        const clip = await store.getClip(msg.data.clipId);
        if (!clip) return { ok: false, error: 'That clip no longer exists.' };
        const open = [...reports].find(([, r]) =>
          [clip.articleId, clip.url.split('#')[0]].includes(r.url.split('#')[0]),
        );
        return openClipAt(clip, open?.[0]);
      }
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
    'queryClips',
    'deleteClips',
    'restoreClips',
    'openClip',
  ]);

  // Imports come from our own extension pages over a Port (batches, then one transaction).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== IMPORT_PORT) return;
    if (port.sender?.id !== browser.runtime.id || !port.sender?.url?.startsWith(ownOrigin)) return port.disconnect();
    serveImport(port, importRecords, () => {
      collection.invalidate();
      clipsChanged();
    });
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (r: unknown) => void) => {
    // Only our own extension's pages and content scripts may talk to us.
    if (sender.id !== browser.runtime.id) return false;
    const fromExtensionPage = !!sender.url?.startsWith(ownOrigin);
    const msg = parseMessage(raw);
    if (!msg) {
      // A refused save is reported at once with its reason (never retried); anything else as before.
      const isSave =
        (raw as { type?: unknown })?.type === 'saveClip' || (raw as { type?: unknown })?.type === 'saveRecord';
      sendResponse(isSave ? refused(refusalReason(raw)) : { error: 'unknown or malformed message' });
      return false;
    }
    if (!(fromExtensionPage ? FROM_EXTENSION_PAGES : FROM_PAGES).has(msg.type)) {
      sendResponse(refused(`${msg.type} is not allowed from this sender`));
      return false;
    }
    // A page may only read and write its own clips (lib/ownership.ts).
    if (!fromExtensionPage && !ownsWhatItNames(msg, sender.url ?? '')) {
      // A save is refused for good (no retry), in words the reader understands.
      sendResponse(
        refused(
          msg.type === 'saveClip' || msg.type === 'saveRecord'
            ? 'Not saved: a page can only save clips of its own address (did it just change?).'
            : 'a page may only use its own clips',
        ),
      );
      return false;
    }
    handle(msg, sender).then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
    return true;
  });

  function ownsWhatItNames(msg: Message, senderUrl: string): boolean {
    switch (msg.type) {
      case 'clipsForPage':
        return pageQuery(senderUrl, msg.data) !== null;
      case 'saveClip':
        return mayWriteClip(senderUrl, msg.data.clip, msg.data.article);
      case 'saveRecord':
        return mayWriteArticle(senderUrl, msg.data.article);
      default:
        return true;
    }
  }
});
