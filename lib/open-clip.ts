// Opening a clip at its passage (background side): focus the tab already showing the clip's
// article or open one, wait for its content script, then ask it to show the clip
// (lib/page/show-clip.ts scrolls to the passage and flashes it).
import { browser } from 'wxt/browser';
import { articleIdFor, type Clip } from './clips';
import { type Reply, sendToTab } from './messages';

/** How long a page may take to load and answer before the reader is told it did not. */
const ANSWER_WITHIN_MS = 20_000;
const RETRY_MS = 200;

/** Switches to `tabId` (and its window), or opens `url` in a new tab; the tab's id. */
export async function focusOrOpen(tabId: number | undefined, url: string): Promise<number | undefined> {
  if (tabId === undefined) return (await browser.tabs.create({ url })).id;
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
  return tabId;
}

/**
 * Shows `clip` in `tabId` (focused), or in a new tab on its article when `tabId` is undefined.
 * Resolves with the page's answer: ok once the passage is in view, or why not.
 */
export async function openClipAt(clip: Clip, tabId: number | undefined): Promise<Reply<'openClip'>> {
  const id = await focusOrOpen(tabId, articleIdFor(clip.url));
  if (id === undefined) return { ok: false, error: 'The article could not be opened.' };
  const until = Date.now() + ANSWER_WITHIN_MS;
  while (Date.now() < until) {
    // Until the page's content script listens, sending fails (or answers nothing): try again shortly.
    const r = await sendToTab(id, 'showClip', { clipId: clip.id }).catch(() => null);
    if (r) return r;
    await new Promise((res) => setTimeout(res, RETRY_MS));
  }
  return { ok: false, error: 'The article did not answer in time; the clip could not be shown.' };
}
