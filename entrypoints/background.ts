import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { type Message, message, type PageReport, parseMessage } from '../lib/messages';

// The background owns extension state: per-tab page reports (the badge) and, later, the database.
export default defineBackground(() => {
  const reports = new Map<number, PageReport>();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  // Chrome: the toolbar button opens the side panel. Firefox uses its sidebar instead.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));

  async function setBadge(tabId: number, report: PageReport) {
    const total = Object.entries(report.counts)
      .filter(([k]) => k !== 'il-clip')
      .reduce((a, [, n]) => a + n, 0);
    const text = report.isInspectionArticle && report.highlighting && total ? String(Math.min(total, 999)) : '';
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
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
      default:
        return { error: `${msg.type} is not handled by the background` };
    }
  }

  /** Requests a content script (a web page) may make; everything else is for extension pages. */
  const FROM_PAGES = new Set<Message['type']>(['ping', 'pageReport']);
  const FROM_EXTENSION_PAGES = new Set<Message['type']>(['ping', 'getPageReport', 'setPageHighlighting']);

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
    handle(msg, sender).then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
    return true;
  });
});
