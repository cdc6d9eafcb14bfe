// What the content script finds in a page loaded in Chromium, against what the analyser finds in
// the same HTML in Node (the command-line analyser: what `npm run eval` scores). A reader sees the
// first; the scorer reads the second. Used by tests/e2e/corpus.e2e.ts and `npm run eval:browser`.
import type { Page } from 'playwright-core';
import { countByHighlight } from '../../lib/analysis/findings';
import { analyzeInput } from '../../lib/cli/analyze';
import type { PageReport } from '../../lib/messages';
import { DRAWN_LINES, expectedFindings, highlightLines } from './expected';
import { type ExtensionBrowser, type FixtureServer, paintedOrTurnedDown, untilMarked } from './harness';

export { corpusPages, corpusPagesDir } from '../support/corpus';

type Outcome = { council: { code: string }; grade: string; current: boolean; year?: number; area?: string };
const outcomeKey = (o: Outcome) => [o.council.code, o.grade, o.current, o.year ?? '', o.area ?? ''].join('|');

/** Findings per highlight as one line: "council 4, grade-good 1, improvement 11". */
export const countsLine = (c: Record<string, number>): string =>
  Object.entries(c)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k.replace(/^il-/, '')} ${n}`)
    .join(', ');

/**
 * The background's report of the tab showing `url`, asked from the panel page (no "tabs"
 * permission: every tab is asked). An expression, so Firefox's harness can evaluate it too.
 */
export const REPORT_OF = (url: string): string => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  for (const t of await api.tabs.query({})) {
    const r = await api.runtime.sendMessage({ type: 'getPageReport', data: { tabId: t.id } });
    if (r && r.url === ${JSON.stringify(url)}) return r;
  }
  return null;
})()`;

/** The background's report of the tab showing `url`, asked from the panel page (no "tabs" permission). */
export const reportOf = (panel: Page, url: string): Promise<PageReport | null> =>
  panel.evaluate(REPORT_OF(url)) as Promise<PageReport | null>;

export interface Parity {
  /** The page's report in Chromium (null: none came). */
  report: PageReport | null;
  /** Where Chromium and Node differ, in words (empty: the same). */
  differences: string[];
  /**
   * Where the words the page's highlights cover differ from the findings' words in Node ("only
   * in the browser: …", "only in Node: …"; empty: the same). Every highlight of such a page is
   * drawn: only from WINDOW_AT (1,000) findings on are those far from the viewport left undrawn.
   */
  wordDifferences: string[];
  /** Errors thrown in the page while it was open. */
  pageErrors: string[];
}

/** What the analyser finds in Node in a page's HTML, as a report would carry it. */
export interface NodeView {
  isInspectionArticle: boolean;
  counts: Record<string, number>;
  /** "highlight: words" of each finding, sorted (highlightLines). */
  lines: string[];
  outcomes: Outcome[];
}

export function nodeView(file: string, html: string): NodeView {
  const node = analyzeInput(file, () => Buffer.from(html), { extract: true });
  const findings = expectedFindings(file, html);
  return {
    isInspectionArticle: node.isInspectionArticle,
    counts: countByHighlight(findings) as Record<string, number>,
    lines: highlightLines(findings),
    outcomes: node.isInspectionArticle ? node.outcomes : [],
  };
}

/** Where a page's report (from a browser) and the analyser in Node differ, in words (empty: the same). */
export function differencesFrom(report: PageReport | null, node: NodeView): string[] {
  if (!report) return ['no report from the page'];
  const differences: string[] = [];
  if (report.isInspectionArticle !== node.isInspectionArticle)
    differences.push(`article: browser ${report.isInspectionArticle}, Node ${node.isInspectionArticle}`);
  const b = countsLine(report.counts);
  const n = countsLine(node.counts);
  if (b !== n) differences.push(`findings: browser {${b}}, Node {${n}}`);
  const inBrowser = report.outcomes.map(outcomeKey).sort();
  const inNode = node.outcomes.map(outcomeKey).sort();
  const onlyNode = inNode.filter((k) => !inBrowser.includes(k));
  const onlyBrowser = inBrowser.filter((k) => !inNode.includes(k));
  if (onlyNode.length) differences.push(`outcomes only in Node: ${onlyNode.join('; ')}`);
  if (onlyBrowser.length) differences.push(`outcomes only in the browser: ${onlyBrowser.join('; ')}`);
  return differences;
}

/**
 * Loads `html` (served as `/corpus/<file>`) in `tab` (a tab the caller keeps for page after page,
 * as a reader moves from article to article) or else a new tab of `ext`, waits for the content
 * script to paint or turn the page down and for its report, and compares the report with the
 * analyser run in Node on the same HTML: article or not, findings per highlight, outcomes.
 */
export async function compareWithNode(
  ext: ExtensionBrowser,
  server: FixtureServer,
  panel: Page,
  file: string,
  html: string,
  tab?: Page,
): Promise<Parity> {
  server.extra.set(`/corpus/${file}`, html);
  const node = nodeView(file, html);
  const page = tab ?? (await ext.context.newPage());
  const pageErrors: string[] = [];
  const onError = (e: Error) => pageErrors.push(e.message);
  page.on('pageerror', onError);
  let report: PageReport | null = null;
  let drawn: string[] = [];
  try {
    await page.goto(`${server.origin}/corpus/${file}`);
    await untilMarked(page, paintedOrTurnedDown, 20_000);
    // The report follows the run (a page whose body changes late is looked at again after 1.5 s;
    // these saved pages have no script and do not change).
    for (let i = 0; i < 250 && !report; i++) {
      report = await reportOf(panel, page.url());
      if (!report) await new Promise((r) => setTimeout(r, 20));
    }
    drawn = (await page.evaluate(DRAWN_LINES)) as string[];
  } finally {
    page.off('pageerror', onError);
    if (!tab) await page.close();
    server.extra.delete(`/corpus/${file}`);
  }
  const wanted = node.lines;
  const wordDifferences = [
    ...without(drawn, wanted).map((t) => `only in the browser: ${t}`),
    ...without(wanted, drawn).map((t) => `only in Node: ${t}`),
  ];
  return { report, differences: differencesFrom(report, node), wordDifferences, pageErrors };
}

/** The lines of `a` not matched one for one in `b` (both sorted lists may repeat a line). */
function without(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const t of b) left.set(t, (left.get(t) ?? 0) + 1);
  return a.filter((t) => {
    const n = left.get(t) ?? 0;
    if (n) left.set(t, n - 1);
    return !n;
  });
}
