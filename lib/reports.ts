// What the side panel is told about pages and councils: a page's findings as reported, and a
// council's grade history. Plain shapes shared by the page runner, the store and the protocol.

/** The most findings a page report carries (a round-up page has more; the first ones are listed). */
export const MAX_REPORTED_FINDINGS = 300;
/**
 * The most of a finding's sentence and text the side panel shows ("This page"), and so the most
 * the report carries. A page's "sentence" can run to thousands of characters (a list or a table
 * with no full stop); in Chromium, sending 300 findings with sentences of 2,000 characters took
 * 20-40 ms in the page's task, with sentences of 220 characters 1-3 ms.
 */
export const SHOWN_SENTENCE = 220;
export const SHOWN_TEXT = 80;
/** `s` cut to at most `n` characters, an ellipsis marking the cut (as the panel shows it). */
export const shownCut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A finding as reported to the side panel: what it is, its sentence and where it starts. */
export interface ReportedFinding {
  /** The finding's id in this analysis (the panel asks the page to scroll to it or clip it by this id). */
  id: string;
  kind: 'grade' | 'council' | 'improvement';
  text: string;
  sentence: string;
  start: number;
  grade?: string;
  councils: { code: string; name: string }[];
  current?: boolean;
  year?: number;
  area?: string;
  topic?: string;
}

/** A point of a council's grade history: one outcome, from one article read. */
export interface CouncilPoint {
  grade: string;
  current: boolean;
  year?: number;
  area?: string;
  articleId: string;
  url: string;
  title: string;
  published?: string;
  /** Where it comes from: the article's saved record (or outcomes saved with a clip), or a clip's finding. */
  source: 'record' | 'clip';
  /** Other articles reporting the same inspection (same grade and year), oldest first. */
  alsoIn?: { articleId: string; url: string; title: string }[];
}

/** One council the reader has clips or saved outcomes for, with its grade history (oldest first). */
export interface CouncilRow {
  code: string;
  name: string;
  /** Its Ofsted provider URN, when known. */
  urn?: string;
  clips: number;
  points: CouncilPoint[];
}

/**
 * The background keeps each tab's page report in memory only: after it restarts (Chrome stops an
 * idle service worker; an update reloads it) it has none, although the page is still open, and
 * pages send a report only when it changed (lib/content/report-sender.ts). Asked for a tab's
 * report it does not have, the background asks the page to send it again and answers with it.
 *
 * The tab's report: the one kept, or, when there is none, the one the page sends when asked
 * (`ask` resolves once the page's report has been received and kept); null when the page does
 * not answer (no content script there, or not ours).
 */
export async function reportOrAsk<R>(
  tabId: number,
  reports: ReadonlyMap<number, R>,
  ask: (tabId: number) => Promise<unknown>,
): Promise<R | null> {
  const kept = reports.get(tabId);
  if (kept) return kept;
  await ask(tabId).catch(() => {});
  return reports.get(tabId) ?? null;
}
