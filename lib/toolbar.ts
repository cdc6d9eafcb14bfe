import { browser } from 'wxt/browser';
import type { PageReport } from './messages';

// What the toolbar button shows for a tab: the badge's number, its tooltip and which icon set.

/** The toolbar icons (public/icon, drawn by scripts/make-icons.ts); the article set has a dot. */
export const PLAIN_ICON = { 16: 'icon/16.png', 32: 'icon/32.png' };
export const ARTICLE_ICON = { 16: 'icon/article-16.png', 32: 'icon/article-32.png' };

/** Findings highlighted on the page (grades, councils, improvement areas), clips not counted. */
export function findingCount(report: PageReport): number {
  return Object.entries(report.counts)
    .filter(([k]) => k !== 'il-clip')
    .reduce((a, [, n]) => a + n, 0);
}

/** The badge's text: the findings on an inspection article with highlighting on, else nothing. */
export function badgeText(report: PageReport): string {
  const total = findingCount(report);
  return report.isInspectionArticle && report.highlighting && total ? (total > 999 ? '999+' : String(total)) : '';
}

/** The toolbar button's tooltip: says what the badge's number counts. */
export function toolbarTitle(report: PageReport): string {
  if (!report.isInspectionArticle) return 'Inspection Lens';
  if (!report.highlighting) return 'Inspection Lens: an inspection article (highlighting is off on this page)';
  const total = findingCount(report);
  if (!total) return 'Inspection Lens: an inspection article, no findings highlighted';
  return `Inspection Lens: ${total} finding${total === 1 ? '' : 's'} on this page (grades, councils, improvement areas)`;
}

/** Shows a tab's page state on the toolbar button: badge, its colour, the tooltip and the icon set. */
export async function showPageState(tabId: number, report: PageReport): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await toolbar.setBadgeText({ tabId, text: badgeText(report) });
  await toolbar.setBadgeBackgroundColor({ tabId, color: '#3b3b98' });
  await toolbar.setTitle({ tabId, title: toolbarTitle(report) });
  // The icon with a dot says the page is an inspection article, badge or not.
  await toolbar.setIcon({ tabId, path: report.isInspectionArticle ? ARTICLE_ICON : PLAIN_ICON });
}

/** Chrome: the toolbar button opens the side panel. Firefox uses its sidebar instead (nothing to set). */
export function openPanelFromToolbar(): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
}
