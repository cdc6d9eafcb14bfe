// What the background keeps per tab, in memory only: the page's last report (the toolbar badge,
// the panel's "This page") and its recent saves. Both are dropped when the tab closes.
import type { PageReport } from '../messages';
import { RateLimit } from '../rate-limit';

/** Saves a tab may make in a minute: more than a reader clips (one a second), far fewer than a flood. */
export const SAVES_PER_MINUTE = 60;

export interface Tabs {
  readonly reports: Map<number, PageReport>;
  readonly saveLimit: RateLimit<number>;
}

export const newTabs = (): Tabs => ({ reports: new Map(), saveLimit: new RateLimit(SAVES_PER_MINUTE, 60_000) });

/** A closed tab: its report and its count of saves go. */
export function forgetTab(tabs: Tabs, tabId: number): void {
  tabs.reports.delete(tabId);
  tabs.saveLimit.forget(tabId);
}
