// When the background starts (the browser starting, or the service worker woken again after it
// was stopped for being idle) while a side panel is open, the Collection's layout is read soon
// after, so the panel's next Collection query does not wait for it. With no panel open nothing is read: the
// background is woken often (every page report), and the layout costs hundreds of ms at 10,000 clips.
import type { Collection } from './collection';

interface Context {
  documentUrl?: string;
}
type GetContexts = (filter: object) => Promise<Context[]>;

/** Whether one of this extension's pages showing the side panel (sidepanel.html) is open. */
export async function panelOpen(): Promise<boolean> {
  const runtime = (globalThis as { chrome?: { runtime?: { getContexts?: GetContexts } } }).chrome?.runtime;
  if (!runtime?.getContexts) return false;
  const contexts = await runtime.getContexts({});
  return contexts.some((c) => /\/sidepanel\.html(?:[?#]|$)/.test(c.documentUrl ?? ''));
}

/**
 * How long after the background starts the layout is read: the messages that woke it (a page's
 * report, "This page"'s clips) are answered first. Read at once, it delayed a one-record read
 * after a restart from ~30 ms to ~220 ms in `npm run bench:collection`.
 */
export const WARM_AFTER_MS = 300;

/** Reads the Collection's layout, `delay` ms from now, if a panel is open; never throws. */
export async function warmCollectionIfPanelOpen(
  collection: Pick<Collection, 'warm'>,
  delay = WARM_AFTER_MS,
): Promise<boolean> {
  try {
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (!(await panelOpen())) return false;
    await collection.warm();
    return true;
  } catch {
    return false;
  }
}
