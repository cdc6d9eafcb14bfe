import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportedTabId } from '../../entrypoints/sidepanel/report-tab';

// Which tab the side panel's "This page" describes. WXT's fake browser keeps one window; its
// `getCurrent` answers the active tab, so each case says what the panel's own tab is.
describe('the tab the side panel reports on', () => {
  const ext = () => browser.runtime.getURL('/sidepanel.html');
  let ownTab: { id?: number } | undefined;

  beforeEach(() => {
    fakeBrowser.reset();
    ownTab = undefined;
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockImplementation(async () => ownTab as never);
  });

  /** Opens tabs in the window in order (the last one active); `url: undefined` is a hidden address. */
  async function open(...urls: (string | undefined)[]) {
    const win = await fakeBrowser.windows.create({ focused: true });
    const made = [];
    for (const [i, url] of urls.entries())
      made.push(await fakeBrowser.tabs.create({ url, windowId: win?.id, active: i === urls.length - 1 }));
    return made;
  }

  it('in a side panel (no tab of its own): the active tab, even when its address is hidden', async () => {
    const [, page] = await open('https://news.example/a', undefined);
    expect(await reportedTabId()).toBe(page.id);
  });

  it('opened as a tab: the page before it, with addresses shown', async () => {
    const [, page, panel] = await open('https://news.example/a', 'https://news.example/b', ext());
    ownTab = panel;
    expect(await reportedTabId()).toBe(page.id);
  });

  it('opened as a tab where the browser hides every address (Chromium 150): not itself', async () => {
    const [, page, panel] = await open(undefined, undefined, undefined);
    ownTab = panel;
    expect(await reportedTabId()).toBe(page.id);
    expect(await reportedTabId()).not.toBe(panel.id);
  });

  it('another page of the extension active (the welcome page): the last web page', async () => {
    const [, page] = await open(
      'https://news.example/a',
      'https://news.example/b',
      browser.runtime.getURL('/welcome.html'),
    );
    expect(await reportedTabId()).toBe(page.id);
  });

  it('no web page to report on: none', async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
    expect(await reportedTabId()).toBeNull();
  });
});
