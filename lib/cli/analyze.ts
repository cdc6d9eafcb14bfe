// The command-line analyser (contract: docs/analysis.md):
//   npm run --silent analyze -- [--json] [--explain] [--no-extract] <file>...
// Reads .html/.htm pages (main content extracted as the content script does) or .txt files
// (first line the title, blank lines between paragraphs); `-` reads standard input.
import { type Analysis, type AnalysisResult, analyzeDocument, toResult } from '../analysis/analyze';
import { groupMentions } from '../analysis/councils';
import { furnitureFlags } from '../analysis/furniture';
import { documentFromPlainText, type SourceDocument } from '../analysis/text';
import { extractArticle, siteOf, toSourceDocument } from '../page/extract';
import { type Decoded, decodeBytes } from './decode';
import { parseHtml } from './parse-html';
import { MAX_INPUT, readInputBounded } from './read-input';

export { decodeWindows1252 } from './decode';

export interface InputOptions {
  extract: boolean;
  /** Hears warnings about an input that is still analysed (e.g. absurd nesting flattened). */
  warn?: (message: string) => void;
}

/**
 * A plain-text page without its site furniture ("See more stories from across Kent here", share
 * and newsletter lines, cookie notices), as the HTML path leaves it out: text copied from a web
 * page carries it too. `teasers`: also the short headlines listed under a bare "Related stories"
 * heading (as in an extracted article; `--no-extract` keeps them, as for a whole HTML body).
 */
function withoutFurniture(doc: SourceDocument, teasers: boolean): SourceDocument {
  const flags = furnitureFlags(doc.blocks, teasers);
  return flags.includes(true) ? { ...doc, blocks: doc.blocks.filter((_, i) => !flags[i]) } : doc;
}

/** Reads an input's bytes into a document (and says how they were decoded), or throws a clear Error. */
export function loadInput(
  source: string,
  raw: Uint8Array,
  options: InputOptions,
): { doc: SourceDocument; decoded: Decoded } {
  if (raw.length > MAX_INPUT) throw new Error(`input is ${raw.length} bytes; the limit is ${MAX_INPUT}`);
  const named = /\.html?$/i.test(source);
  // Standard input is HTML when it starts with "<" (checked on the bytes first, for <meta charset>).
  const sniffHtml = source === '-' && /^\s*</.test(Buffer.from(raw.subarray(0, 1024)).toString('latin1'));
  const decoded = decodeBytes(raw, named || sniffHtml);
  const isHtml = named || (source === '-' && /^\s*</.test(decoded.text));
  if (!isHtml) return { doc: withoutFurniture(documentFromPlainText(decoded.text), options.extract), decoded };
  const doc = parseHtml(decoded.text, options.warn);
  if (!doc?.documentElement) throw new Error('could not parse the HTML');
  return { doc: toSourceDocument(extractArticle(doc, { wholeBody: !options.extract }), siteOf(doc)), decoded };
}

/** Reads an input and turns it into a document, or throws an Error with a clear message. */
export function loadDocument(source: string, raw: Uint8Array, options: InputOptions): SourceDocument {
  return loadInput(source, raw, options).doc;
}

/** One input's result, with the analysis behind it (absent on error) for --explain. */
export interface Detailed {
  result: AnalysisResult;
  analysis?: Analysis;
  decoded?: Decoded;
}

function readError(source: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT'
      ? 'no such file'
      : err.code === 'EISDIR'
        ? 'is a directory, not a file'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.message;
  return `cannot read ${source === '-' ? 'standard input' : source}: ${why}`;
}

/** Analyses one input and keeps the analysis; never throws: failures become the result's `error`. */
export function analyzeInputDetailed(source: string, read: () => Uint8Array, options: InputOptions): Detailed {
  let raw: Uint8Array;
  try {
    raw = read();
  } catch (e) {
    return { result: emptyResult(source, readError(source, e)) };
  }
  try {
    const { doc, decoded } = loadInput(source, raw, options);
    const analysis = analyzeDocument(doc);
    return { result: toResult(source, analysis, doc.title), analysis, decoded };
  } catch (e) {
    return { result: emptyResult(source, `cannot analyse ${source}: ${(e as Error).message}`) };
  }
}

/** Analyses one input; never throws: failures become the result's `error`. */
export function analyzeInput(source: string, read: () => Uint8Array, options: InputOptions): AnalysisResult {
  return analyzeInputDetailed(source, read, options).result;
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

// Terminal controls: C0 (ESC, BEL, backspace…), DEL, C1 (0x9B is a one-byte CSI) and the
// bidirectional overrides that can make a line read differently from what it holds.
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text from a page made safe for a terminal: control characters stripped, line breaks as spaces. */
export function printable(s: string): string {
  return s.replace(/[\t\n]/g, ' ').replace(UNPRINTABLE, '');
}

/** For --explain: why each finding was made, aligned with the result's arrays. */
export interface Explanation {
  encoding: string;
  detection: string[];
  grades: (string | undefined)[];
  councils: { code: string; mentions: { text: string; why?: string }[] }[];
  improvements: (string | undefined)[];
}

/** The reasons behind an analysis, in the order of the result it gave (see toResult). */
export function explain(analysis: Analysis, decoded?: Decoded): Explanation {
  return {
    encoding: decoded ? `${decoded.encoding} (${decoded.how})` : 'unknown',
    detection: analysis.detection.reasons,
    grades: analysis.grades.map((g) => g.why),
    councils: groupMentions(analysis.councils).map((g) => ({
      code: g.council.code,
      mentions: g.mentions.map((m) => ({ text: m.text, why: m.why })),
    })),
    improvements: analysis.improvements.map((i) => i.why),
  };
}

const NO_REASON = '(no reason recorded)';
const why = (reason: string | undefined, indent: string) => `${indent}why: ${printable(reason || NO_REASON)}`;

/** The short human-readable report; with an explanation, each finding says what made it. */
export function formatReport(r: AnalysisResult, ex?: Explanation): string {
  const p = printable;
  const lines = [`== ${p(r.source)}`];
  if (r.error) return [...lines, `error: ${p(r.error)}`].join('\n');
  lines.push(`title: ${p(r.title)}`);
  if (ex) lines.push(`read as: ${p(ex.encoding)}`);
  lines.push(`inspection article: ${r.isInspectionArticle ? 'yes' : 'no'} (confidence ${r.confidence.toFixed(2)})`);
  if (ex) lines.push(why(ex.detection.join('; '), '  '));
  lines.push(`outcomes (${r.outcomes.length}):`);
  for (const o of r.outcomes)
    lines.push(
      p(
        `  ${o.council.name} [${o.council.code}]: ${o.grade}${o.current ? '' : ' (previous)'}${o.year ? ` ${o.year}` : ''}${o.area ? ` — ${o.area}` : ''}`,
      ),
    );
  lines.push(`grades (${r.grades.length}):`);
  r.grades.forEach((g, i) => {
    const about = (g.councils ?? (g.council ? [g.council] : [])).map((c) => c.name).join(', ');
    lines.push(p(`  ${g.text} → ${g.grade}${about ? ` (${about})` : ''}${g.current ? '' : ' (previous)'}`));
    if (ex) {
      lines.push(`      in: ${p(g.sentence)}`);
      lines.push(why(ex.grades[i], '      '));
    }
  });
  lines.push(
    p(`councils (${r.councils.length}): ${r.councils.map((c) => `${c.name} ×${c.mentions.length}`).join(', ')}`),
  );
  if (ex)
    r.councils.forEach((c, i) => {
      lines.push(p(`  ${c.name} [${c.code}]`));
      const mentions = ex.councils[i]?.code === c.code ? ex.councils[i].mentions : [];
      c.mentions.forEach((m, j) => {
        lines.push(`    "${p(m.text)}" in: ${p(m.sentence)}`);
        lines.push(why(mentions[j]?.why, '      '));
      });
    });
  lines.push(`improvement areas (${r.improvementAreas.length}):`);
  r.improvementAreas.forEach((a, i) => {
    lines.push(p(`  [${a.topic ?? 'general'}] ${a.sentence}`));
    if (ex) lines.push(why(ex.improvements[i], '      '));
  });
  return lines.join('\n');
}

const USAGE = 'usage: npm run --silent analyze -- [--json] [--explain] [--no-extract] <file>...\n';
const OPTIONS = new Set(['--json', '--explain', '--no-extract']);

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const explaining = argv.includes('--explain') && !json;
  const extract = !argv.includes('--no-extract');
  const files = argv.filter((a) => a === '-' || !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && !OPTIONS.has(a));
  if (unknown.length || !files.length) {
    process.stderr.write(`${unknown.length ? `unknown option ${printable(unknown.join(' '))}\n` : ''}${USAGE}`);
    return 2;
  }
  const results: AnalysisResult[] = [];
  const reports: string[] = [];
  for (const f of files) {
    // Read first (bounded, streaming), then analyse; the input is let go before the next one.
    let raw: Buffer | undefined;
    let failure: unknown;
    try {
      raw = await readInputBounded(f);
    } catch (e) {
      failure = e;
    }
    const warn = (message: string) => process.stderr.write(`warning: ${printable(f)}: ${message}\n`);
    const d = analyzeInputDetailed(
      f,
      () => {
        if (!raw) throw failure;
        return raw;
      },
      { extract, warn },
    );
    results.push(d.result);
    if (!json)
      reports.push(formatReport(d.result, explaining && d.analysis ? explain(d.analysis, d.decoded) : undefined));
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${reports.join('\n\n')}\n`);
  for (const r of results) if (r.error) process.stderr.write(`${printable(r.error)}\n`);
  return results.some((r) => r.error) ? 1 : 0;
}

if (process.argv[1] && /analyze\.[cm]?[tj]s$/.test(process.argv[1]))
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${printable(String((e as Error)?.stack ?? e))}\n`);
      process.exitCode = 2;
    },
  );
