import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { type Message, type PageReport, parseMessage } from '../lib/messages';

// The background owns extension state: per-tab page reports (badge) and, later, the database.
export default defineBackground(() => {
  const reports = new Map<number, PageReport>();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  // Chrome: the toolbar button opens the side panel. Firefox uses its sidebar instead.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));

  async function handle(msg: Message, sender: Runtime.MessageSender): Promise<unknown> {
    switch (msg.type) {
      case 'ping':
        return { ok: true, version: browser.runtime.getManifest().version };
      case 'pageReport': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: true };
        reports.set(tabId, msg.data);
        const total = Object.entries(msg.data.counts)
          .filter(([k]) => k !== 'il-clip')
          .reduce((a, [, n]) => a + n, 0);
        await browser.action.setBadgeText({ tabId, text: msg.data.isInspectionArticle && total ? String(total) : '' });
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
        return { ok: true };
      }
      case 'getPageReport':
        return reports.get(msg.data.tabId) ?? null;
    }
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (r: unknown) => void) => {
    // Only our own extension's pages and content scripts may talk to us.
    if (sender.id !== browser.runtime.id) return false;
    if (sender.url && !sender.tab && !sender.url.startsWith(ownOrigin)) return false;
    const msg = parseMessage(raw);
    if (!msg) {
      sendResponse({ error: 'unknown or malformed message' });
      return false;
    }
    handle(msg, sender).then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
    return true;
  });
});
