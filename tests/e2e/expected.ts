// What the analysis core finds in a fixture page, run in Node: the numbers a browser must show.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { countByHighlight, type Finding, findingsOf } from '../../lib/analysis/findings';
import { parseHtml } from '../../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../../lib/page/extract';
import { pagesDir } from './harness';

/** The findings a browser must show in a page: the headline's only when it is part of the page. */
export function expectedFindings(file: string, html = fs.readFileSync(path.join(pagesDir, file), 'utf8')): Finding[] {
  const extracted = extractArticle(parseHtml(html));
  const analysis = analyzeDocument(toSourceDocument(extracted));
  if (!analysis.detection.isInspectionArticle) return [];
  const titleEnd = analysis.prepared.blocks[0].end;
  return findingsOf(analysis).filter((f) => extracted.titleBlock || f.start > titleEnd);
}

/** Findings per highlight name in a page. */
export function expectedCounts(file: string, html?: string): Record<string, number> {
  return countByHighlight(expectedFindings(file, html)) as Record<string, number>;
}

/**
 * The words each highlight covers, as "highlight: text" lines sorted (white space collapsed):
 * what the ranges drawn in a browser must read.
 */
export function highlightLines(findings: Finding[]): string[] {
  return findings.map((f) => `${f.highlight}: ${f.text.replace(/\s+/g, ' ').trim()}`).sort();
}

/** The same lines read from a page's registered highlights (an expression for the page's main world). */
export const DRAWN_LINES = `[...CSS.highlights.entries()].flatMap(([name, h]) => [...h].map((r) => name + ': ' + r.toString().replace(/\\s+/g, ' ').trim())).sort()`;

export const seedPages = fs.readdirSync(pagesDir).filter((f) => /^\d{3}_.*\.html$/.test(f));
export const nearMissPages = fs.readdirSync(pagesDir).filter((f) => f.startsWith('near-'));
