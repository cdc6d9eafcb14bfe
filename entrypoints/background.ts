import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { sameArticle } from '../lib/clips';
import { serveImport } from '../lib/import-port';
import {
  broadcast,
  IMPORT_PORT,
  type MessageOf,
  type PageReport,
  parseMessage,
  type Reply,
  refusalFor,
  type SaveReply,
  sendToTab,
  type UpdateReply,
} from '../lib/messages';
import { focusOrOpen, openClipAt } from '../lib/open-clip';
import { clipBelongsTo, pageOwnsWhatItNames, pageQuery, toPageClip } from '../lib/ownership';
import { RateLimit } from '../lib/rate-limit';
import { reportOrAsk } from '../lib/reports';
import { CLIPPED_PAGES_KEY, HAS_CLIPS_KEY } from '../lib/storage-keys';
import {
  ClipStore,
  EditConflictError,
  InvalidRecordError,
  StorageFullError,
  UnreadableClipError,
} from '../lib/store/clip-store';
import { Collection } from '../lib/store/collection';
import { listCouncils } from '../lib/store/councils';
import { importRecords, readExportPage } from '../lib/store/import';
import { warmCollectionIfPanelOpen } from '../lib/store/warm-collection';
import { openPanelFromToolbar, showPageState } from '../lib/toolbar';
import { welcomeOnInstall } from '../lib/welcome';

// The background owns extension state: per-tab page reports (the badge) and the database.
export default defineBackground(() => {
  const reports = new Map<number, PageReport>();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  openPanelFromToolbar();

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
  /** The Collection's queries (search cache kept fresh by every write below; the first reply after a start: newest clips, `partial`). */
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
    broadcast('clipsChanged', null);
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

  /** Messages the background answers: from content scripts and from our extension pages. */
  type Incoming = MessageOf<'pageToBackground' | 'panelToBackground'>;

  async function handle(msg: Incoming, sender: Runtime.MessageSender): Promise<Reply<Incoming['type']>> {
    switch (msg.type) {
      case 'ping':
        return { ok: true, version: browser.runtime.getManifest().version } satisfies Reply<'ping'>;
      case 'pageReport': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: true } satisfies Reply<'pageReport'>;
        // The URL is the browser's word for the sender's page, not what the page says it is.
        reports.set(tabId, { ...msg.data, url: sender.url ?? msg.data.url });
        await showPageState(tabId, msg.data).catch(() => {});
        broadcast('reportUpdated', { tabId });
        return { ok: true } satisfies Reply<'pageReport'>;
      }
      case 'getPageReport': // none kept (restarted since the page reported): the page is asked again
        return reportOrAsk(msg.data.tabId, reports, (id) => sendToTab(id, 'sendReport', null));
      case 'setPageHighlighting':
        try {
          return await sendToTab(msg.data.tabId, 'setHighlighting', { enabled: msg.data.enabled });
        } catch {
          return {
            ok: false,
            error: 'Inspection Lens is not running on this page.',
          } satisfies Reply<'setPageHighlighting'>;
        }
      case 'saveClip':
        if (sender.tab?.id !== undefined && !saveLimit.allow(sender.tab.id)) return tooMany;
        try {
          const r = await store.saveClip(msg.data.clip, msg.data.article);
          if (r.created || r.changed) {
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
          collection.articleSaved(a);
          clipsChanged();
          return { ok: true, created: true, id: a.id } satisfies SaveReply;
        } catch (e) {
          return failure(e);
        }
      case 'clipsForPage':
        // Only what re-finding needs: ids, quotes and selectors (no notes, tags or colours).
        return (await clipsOfPage(sender.url ?? '', msg.data)).map(toPageClip) satisfies Reply<'clipsForPage'>;
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
        return { ok: true } satisfies Reply<'setClipStates'>;
      }
      case 'listClips': {
        const { after, pageSize, ...query } = msg.data;
        const page = await store.listPage(query, after ?? null, Math.min(pageSize ?? 50, 200));
        const articles = await store.getArticles(page.clips.map((c) => c.articleId));
        return { ...page, articles } satisfies Reply<'listClips'>;
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
        const open = [...reports].find(([, r]) => sameArticle(r.url, msg.data.url));
        await focusOrOpen(open?.[0], msg.data.url);
        return { ok: true } satisfies Reply<'openArticle'>;
      }
      case 'showFindingInTab':
      case 'clipFindingInTab': {
        // Relayed to the tab's content script, which scrolls to (or clips) the finding itself.
        const ask = msg.type === 'showFindingInTab' ? 'showFinding' : 'clipFinding';
        return sendToTab(msg.data.tabId, ask, { findingId: msg.data.findingId }).catch(() => ({
          ok: false,
          error: 'Inspection Lens is not running on this page.',
        })) satisfies Promise<Reply<'showFindingInTab'>>;
      }
      case 'getArticleRecord':
        return ((await store.getArticle(msg.data.articleId)) ?? null) satisfies Reply<'getArticleRecord'>;
      case 'listCouncils':
        return listCouncils() satisfies Promise<Reply<'listCouncils'>>;
      case 'exportPage':
        return readExportPage(msg.data.cursor, msg.data.limit, msg.data.filter) satisfies Promise<Reply<'exportPage'>>;
      case 'queryClips':
        return collection.query(msg.data) satisfies Promise<Reply<'queryClips'>>;
      case 'deleteClips': {
        const clips = await collection.deleteClips(msg.data.ids);
        if (clips.length) clipsChanged();
        return { ok: true, clips } satisfies Reply<'deleteClips'>;
      }
      case 'restoreClips': {
        const restored = await collection.restoreClips(msg.data.clips);
        if (restored.length) clipsChanged();
        return { ok: true, restored: restored.length } satisfies Reply<'restoreClips'>;
      }
      case 'openClip': {
        const clip = await store.getClip(msg.data.clipId);
        if (!clip) return { ok: false, error: 'That clip no longer exists.' } satisfies Reply<'openClip'>;
        const open = [...reports].find(([, r]) => sameArticle(r.url, clip.articleId) || sameArticle(r.url, clip.url));
        return openClipAt(clip, open?.[0]) satisfies Promise<Reply<'openClip'>>;
      }
    }
  }

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
    // Which part of the protocol the sender may use is the boundary's check: a content script
    // (a web page) sends page messages only, our extension pages panel messages only.
    const from = sender.url?.startsWith(ownOrigin) ? 'panelToBackground' : 'pageToBackground';
    const msg = parseMessage(raw, from);
    if (!msg) {
      // A refused save is reported at once with its reason (never retried).
      sendResponse(refusalFor(raw, from));
      return false;
    }
    // A page may only read and write its own clips (lib/ownership.ts).
    if (from === 'pageToBackground' && !pageOwnsWhatItNames(msg, sender.url ?? '')) {
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
});
