// What the analysis core finds in a fixture page, run in Node: the numbers a browser must show.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { countByHighlight, findingsOf } from '../../lib/analysis/findings';
import { parseHtml } from '../../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../../lib/page/extract';
import { pagesDir } from './harness';

/** Findings per highlight name in a page (the headline only when it is part of the page). */
export function expectedCounts(
  file: string,
  html = fs.readFileSync(path.join(pagesDir, file), 'utf8'),
): Record<string, number> {
  const doc = parseHtml(html);
  const extracted = extractArticle(doc);
  const analysis = analyzeDocument(toSourceDocument(extracted));
  if (!analysis.detection.isInspectionArticle) return {};
  const titleEnd = analysis.prepared.blocks[0].end;
  const inPage = findingsOf(analysis).filter((f) => extracted.titleBlock || f.start > titleEnd);
  return countByHighlight(inPage) as Record<string, number>;
}

/**
 * The words each highlight should cover in a page, as "highlight: text" lines sorted (white space
 * collapsed), as the core finds them in Node: what the ranges drawn in a browser must read.
 */
export function expectedTexts(file: string, html = fs.readFileSync(path.join(pagesDir, file), 'utf8')): string[] {
  const doc = parseHtml(html);
  const extracted = extractArticle(doc);
  const analysis = analyzeDocument(toSourceDocument(extracted));
  if (!analysis.detection.isInspectionArticle) return [];
  const titleEnd = analysis.prepared.blocks[0].end;
  return findingsOf(analysis)
    .filter((f) => extracted.titleBlock || f.start > titleEnd)
    .map((f) => `${f.highlight}: ${f.text.replace(/\s+/g, ' ').trim()}`)
    .sort();
}

/** The same lines read from a page's registered highlights (an expression for the page's main world). */
export const DRAWN_TEXTS = `[...CSS.highlights.entries()].flatMap(([name, h]) => [...h].map((r) => name + ': ' + r.toString().replace(/\\s+/g, ' ').trim())).sort()`;

export const seedPages = fs.readdirSync(pagesDir).filter((f) => /^\d{3}_.*\.html$/.test(f));
export const nearMissPages = fs.readdirSync(pagesDir).filter((f) => f.startsWith('near-'));
