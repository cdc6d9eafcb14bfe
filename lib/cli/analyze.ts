// The command-line analyser (contract: ../shared/contracts/ANALYSIS.md):
//   npm run --silent analyze -- [--json] [--no-extract] <file>...
// Reads .html/.htm pages (main content extracted as the content script does) or .txt files
// (first line the title, blank lines between paragraphs); `-` reads standard input.
import fs from 'node:fs';
import { type AnalysisResult, analyzeDocument, toResult } from '../analysis/analyze';
import { documentFromPlainText, type SourceDocument } from '../analysis/text';
import { extractArticle, toSourceDocument } from '../page/extract';
import { parseHtml } from './parse-html';

const MAX_INPUT = 64 * 1024 * 1024;

// Windows-1252's 0x80-0x9F (curly quotes, dashes, €…); Node's decoder treats the label as Latin-1.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Decodes Windows-1252, the usual legacy encoding of English web pages. */
export function decodeWindows1252(raw: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < raw.length; i += 8192) {
    const chunk = raw.subarray(i, i + 8192);
    parts.push(
      String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b))),
    );
  }
  return parts.join('');
}

/** Reads an input and turns it into a document, or throws an Error with a clear message. */
export function loadDocument(source: string, raw: Buffer, options: { extract: boolean }): SourceDocument {
  if (raw.length > MAX_INPUT) throw new Error(`input is ${raw.length} bytes; the limit is ${MAX_INPUT}`);
  if (raw.subarray(0, 8192).includes(0))
    throw new Error('input looks binary (it contains NUL bytes), not text or HTML');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    // Not UTF-8: read as Windows-1252, the usual legacy encoding of English web pages.
    text = decodeWindows1252(raw);
  }
  const isHtml = /\.html?$/i.test(source) || (source === '-' && /^\s*</.test(text));
  if (!isHtml) return documentFromPlainText(text);
  const doc = parseHtml(text);
  if (!doc?.documentElement) throw new Error('could not parse the HTML');
  return toSourceDocument(extractArticle(doc, { wholeBody: !options.extract }));
}

/** Analyses one input; never throws: failures become the result's `error`. */
export function analyzeInput(source: string, read: () => Buffer, options: { extract: boolean }): AnalysisResult {
  let raw: Buffer;
  try {
    raw = read();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a directory, not a file'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.message;
    return emptyResult(source, `cannot read ${source}: ${why}`);
  }
  try {
    const doc = loadDocument(source, raw, options);
    return toResult(source, analyzeDocument(doc), doc.title);
  } catch (e) {
    return emptyResult(source, `cannot analyse ${source}: ${(e as Error).message}`);
  }
}

function emptyResult(source: string, error: string): AnalysisResult {
  return {
    source,
    title: '',
    isInspectionArticle: false,
    confidence: 0,
    grades: [],
    councils: [],
    improvementAreas: [],
    outcomes: [],
    error,
  };
}

/** The short human-readable report. */
export function formatReport(r: AnalysisResult): string {
  const lines = [`== ${r.source}`];
  if (r.error) return [...lines, `error: ${r.error}`].join('\n');
  lines.push(`title: ${r.title}`);
  lines.push(`inspection article: ${r.isInspectionArticle ? 'yes' : 'no'} (confidence ${r.confidence.toFixed(2)})`);
  lines.push(`outcomes (${r.outcomes.length}):`);
  for (const o of r.outcomes)
    lines.push(
      `  ${o.council.name} [${o.council.code}]: ${o.grade}${o.current ? '' : ' (previous)'}${o.year ? ` ${o.year}` : ''}${o.area ? ` — ${o.area}` : ''}`,
    );
  lines.push(`grades (${r.grades.length}):`);
  for (const g of r.grades) {
    const about = (g.councils ?? (g.council ? [g.council] : [])).map((c) => c.name).join(', ');
    lines.push(`  ${g.text} → ${g.grade}${about ? ` (${about})` : ''}${g.current ? '' : ' (previous)'}`);
  }
  lines.push(`councils (${r.councils.length}): ${r.councils.map((c) => `${c.name} ×${c.mentions.length}`).join(', ')}`);
  lines.push(`improvement areas (${r.improvementAreas.length}):`);
  for (const i of r.improvementAreas) lines.push(`  [${i.topic ?? 'general'}] ${i.sentence}`);
  return lines.join('\n');
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const extract = !argv.includes('--no-extract');
  const files = argv.filter((a) => a === '-' || !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--no-extract');
  if (unknown.length || !files.length) {
    process.stderr.write(
      `${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}usage: npm run --silent analyze -- [--json] [--no-extract] <file>...\n`,
    );
    return 2;
  }
  const results = files.map((f) =>
    analyzeInput(f, () => (f === '-' ? fs.readFileSync(0) : fs.readFileSync(f)), { extract }),
  );
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${results.map(formatReport).join('\n\n')}\n`);
  for (const r of results) if (r.error) process.stderr.write(`${r.error}\n`);
  return results.some((r) => r.error) ? 1 : 0;
}

if (process.argv[1] && /analyze\.[cm]?[tj]s$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
