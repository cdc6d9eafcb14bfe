import { browser } from 'wxt/browser';

/**
 * The tab the panel reports on: the active tab of its window. Opened as a tab (tests, or by hand),
 * the panel reports on the page the reader was on before, the last tab of the window that is not
 * one of the extension's pages. The panel's own tab is told by id (`getCurrent` has none in a side
 * panel or sidebar) as well as by address: some Chromium versions (150 here) hide a tab's address
 * from an extension without the "tabs" permission.
 */
export async function reportedTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab) return null;
  const ours = browser.runtime.getURL('/');
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const isOurs = (t: { id?: number; url?: string }) =>
    (own?.id !== undefined && t.id === own.id) || !!t.url?.startsWith(ours);
  if (!isOurs(tab)) return tab.id ?? null;
  const others = await browser.tabs.query({ currentWindow: true });
  return others.filter((t) => !isOurs(t)).pop()?.id ?? null;
}
