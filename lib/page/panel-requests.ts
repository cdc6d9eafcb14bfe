// The side panel's "This page" view asks the page, through the background, for two things: to
// scroll to one of its findings and flash it, and to save one as a clip. The content script
// answers here (entrypoints/content/index.ts only passes the messages and its lens on).

import type { Analysis } from '../analysis/analyze';
import type { Finding } from '../analysis/findings';
import { MAX_REPORTED_FINDINGS, type ReportedFinding, SHOWN_SENTENCE, SHOWN_TEXT, shownCut } from '../reports';
import { ensureHighlightStyles } from './highlight-styles';
import { inTextOrder } from './lens';

/** A request from the panel, as the content script's boundary (lib/messages.ts) checked it. */
type PanelRequest = { type: string; data: unknown };

/**
 * The page's findings as the panel lists them: in page order, bounded in number, and their text
 * and sentence cut to what the panel shows (saving one as a clip asks the page, which has it whole).
 * `inOrder`: the analysis's findings already in text order (the lens's), so they are not put in
 * order again (thousands on a long page, at every re-run).
 */
export function reportedFindings(analysis: Analysis | null | undefined, inOrder?: Finding[]): ReportedFinding[] {
  if (!analysis?.detection.isInspectionArticle) return [];
  return (inOrder ?? inTextOrder(analysis)).slice(0, MAX_REPORTED_FINDINGS).map((f) => ({
    id: f.id,
    kind: f.kind,
    text: shownCut(f.text, SHOWN_TEXT),
    sentence: shownCut(f.sentence, SHOWN_SENTENCE),
    start: f.start,
    councils: f.councils.slice(0, 50).map((c) => ({ code: c.code, name: c.name })),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.current !== undefined ? { current: f.current } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.area ? { area: f.area } : {}),
    ...(f.topic ? { topic: f.topic } : {}),
  }));
}

/** The name of the short-lived highlight that shows where the page scrolled to. */
export const FLASH_NAME = 'il-flash';
const FLASH_MS = 2000;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Scrolls the range's text to the middle of the view and flashes it (a highlight of its own for
 * two seconds, where the Highlight API exists; the page's DOM is not changed).
 */
export function scrollToAndFlash(doc: Document, range: Range): void {
  const el =
    range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  (el ?? doc.body).scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  const w = doc.defaultView as
    | (Window & { CSS?: { highlights?: Map<string, unknown> }; Highlight?: new (...r: Range[]) => unknown })
    | null;
  if (!w?.CSS?.highlights || typeof w.Highlight !== 'function') return;
  ensureHighlightStyles(doc);
  w.CSS.highlights.set(FLASH_NAME, new w.Highlight(range.cloneRange()));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => w.CSS?.highlights?.delete(FLASH_NAME), FLASH_MS);
}

/** What answering the panel needs from the content script. */
export interface PanelRequestContext {
  /** The page's findings with their live Ranges (the lens's entries). */
  entries(): { finding: Finding; range: Range }[];
  /** Saves one finding as a clip (the card's "Save clip"). */
  saveFinding(entry: { finding: Finding; range: Range }): Promise<{ ok: boolean; error?: string }>;
  doc: Document;
}

/** Answers `showFinding` and `clipFinding`; null for any other message (not ours to answer). */
export function answerPanelRequest(
  msg: PanelRequest | null,
  ctx: PanelRequestContext,
): Promise<{ ok: boolean; error?: string }> | null {
  if (msg?.type !== 'showFinding' && msg?.type !== 'clipFinding') return null;
  const findingId = (msg.data as { findingId: string }).findingId;
  const entry = ctx.entries().find((e) => e.finding.id === findingId);
  if (!entry)
    return Promise.resolve({ ok: false, error: 'This finding is no longer on the page (it may have changed).' });
  if (msg.type === 'clipFinding') return ctx.saveFinding(entry);
  scrollToAndFlash(ctx.doc, entry.range);
  return Promise.resolve({ ok: true });
}
