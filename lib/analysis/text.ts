// The text model every analysis step shares: a document (title + blocks) flattened into one
// string with block and sentence offsets, and a sentence splitter made for news text.
import { runSteps } from './steps';

/** A document as the analysis sees it: a title and its blocks (paragraphs, headings, list items). */
export interface SourceDocument {
  title: string;
  blocks: string[];
  /** What each block is, when the source knows (HTML does): list item, heading or running text. */
  blockKinds?: BlockKind[];
  /** The host name of the site the page is on ("news.leeds.gov.uk"): a council's own site names its council where the page does not. */
  site?: string;
}

export type BlockKind = 'item' | 'heading' | 'text';

const HEADING_LIKE = /^[^.!?]{1,80}$/;

/**
 * A list item's marker at a line's start: a dash or bullet, "1." or "1)", "(i)" or "(a)". The one
 * source of the list-marker patterns here and in improvements.ts.
 */
export const LIST_MARKER_SOURCE = String.raw`(?:[-–—•*▪·◦‣]|\d{1,2}[.)]|\((?:[ivx]{1,4}|[a-h])\))`;
const OPENS_WITH_MARKER = new RegExp(`^\\s*${LIST_MARKER_SOURCE}\\s+`);

/** The kind of a block: given by the source, else read from the text (list markers, short lines). */
export function blockKindOf(doc: SourceDocument, i: number): BlockKind {
  const given = doc.blockKinds?.[i];
  if (given) return given;
  const b = doc.blocks[i] ?? '';
  if (OPENS_WITH_MARKER.test(b)) return 'item';
  return HEADING_LIKE.test(b.trim()) ? 'heading' : 'text';
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the block the sentence is in; block 0 is the title. */
  block: number;
  text: string;
}

export interface PreparedText {
  /** Title and blocks joined with blank lines; every offset in a finding points into this. */
  text: string;
  blocks: Span[];
  sentences: Sentence[];
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr cllr prof st mt no nos vs v e.g i.e eg ie al approx dept fig govt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec jr sr rev hon lt col sgt insp supt ' +
    'pp vol tel cf'
  ).split(' '),
);

const LIST_MARKER = new RegExp(`^${LIST_MARKER_SOURCE}\\s+`);

/** A line that ends a sentence, a heading's colon or a quotation. */
const FINISHED_LINE = /[.!?:;"”’)]$/;
/** A line ending in a word no sentence ends with: the sentence goes on in the next line. */
const OPEN_LINE_END =
  /\b(?:of|the|and|or|but|to|a|an|as|in|into|for|with|by|on|at|from|that|which|who|whose|its|their|his|her|be|been|being|had|has|have|is|are|was|were|judged|rated|graded|found)$/i;

/**
 * Whether a hard-wrapped line (a PDF's or a minute's copy, one line to a paragraph) goes on in
 * the next: it is long enough to be wrapped prose, is not finished, and the next line starts in
 * lower case or it ends in a word no sentence ends with ("…had been judged as" / "Requires
 * Improvement to be Good."). A list item never continues a line.
 */
export function continuesOnNextLine(line: string, next: string): boolean {
  return (
    line.length >= 30 &&
    !FINISHED_LINE.test(line) &&
    !LIST_MARKER.test(next) &&
    (/^[a-z]/.test(next) || OPEN_LINE_END.test(line))
  );
}

/** Splits one block into sentence spans (offsets relative to the block). */
export function splitSentences(block: string): Span[] {
  const spans: Span[] = [];
  const stops = new StopFinder(block);
  if (block.indexOf('\n') < 0) {
    splitUnit(block, 0, block.length, spans, stops); // one line (most blocks from a page)
    return spans;
  }
  // Lines inside a block: a new line starts a new sentence when the previous line is finished
  // (ends in punctuation), short (a heading, caption or dateline), or the next line is a list item.
  const lines: Span[] = [];
  for (let lineStart = 0; lineStart <= block.length; ) {
    let nl = block.indexOf('\n', lineStart);
    if (nl < 0) nl = block.length;
    lines.push({ start: lineStart, end: nl });
    lineStart = nl + 1;
  }
  const units: Span[] = [];
  let prevLine = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineText = block.slice(line.start, line.end).trim();
    const prev = units[units.length - 1];
    const joins =
      prev &&
      prevLine &&
      lineText &&
      !LIST_MARKER.test(lineText) &&
      !FINISHED_LINE.test(prevLine) &&
      (prevLine.length > 80 || continuesOnNextLine(prevLine, lineText));
    if (joins) prev.end = line.end;
    else units.push({ ...line });
    prevLine = lineText;
  }
  for (let i = 0; i < units.length; i++) splitUnit(block, units[i].start, units[i].end, spans, stops);
  return spans;
}

/**
 * White space as `\s` reads it, by character code (the splitter tests single characters: a
 * regular expression per character cost more than the rest of the split).
 */
export function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 &&
        (c === 0xa0 ||
          c === 0x1680 ||
          (c >= 0x2000 && c <= 0x200a) ||
          c === 0x2028 ||
          c === 0x2029 ||
          c === 0x202f ||
          c === 0x205f ||
          c === 0x3000 ||
          c === 0xfeff);
}

/** A-Z, a-z or a full stop. */
const isLetterOrDot = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;

/** Sentence punctuation: . ! ? … */
const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
/** Closing quotes and brackets: " ' ” ’ ) ] » */
const isCloser = (c: number) =>
  c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0xbb;
/** Opening quotes and brackets: " ' “ ‘ ( [ « */
const isOpener = (c: number) =>
  c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 0xab;

/** End of the run of sentence punctuation starting at `dot`. */
function punctuationRunEnd(block: string, dot: number, end: number): number {
  let j = dot + 1;
  while (j < end && isStop(block.charCodeAt(j))) j++;
  return j;
}

/** Given the punctuation run [dot, runEnd), returns where the sentence ends, or -1 if it does not. */
function boundaryAfter(block: string, dot: number, runEnd: number, end: number): number {
  let j = runEnd;
  while (j < end && isCloser(block.charCodeAt(j))) j++;
  if (j >= end) return j;
  if (!isSpace(block.charCodeAt(j))) return -1;
  let k = j;
  while (k < end && isSpace(block.charCodeAt(k))) k++;
  if (k >= end) return j;
  let n = block.charCodeAt(k);
  if (isOpener(n) && k + 1 < end) n = block.charCodeAt(k + 1);
  // A capital (A-Z, À-Þ) or a digit starts the next sentence.
  if (!((n >= 65 && n <= 90) || (n >= 48 && n <= 57) || (n >= 0xc0 && n <= 0xde))) return -1;
  if (block[dot] === '.' && runEnd === dot + 1) {
    // The word before the full stop: an abbreviation or an initial does not end a sentence.
    let w = dot;
    while (w > 0 && dot - w < 16 && isLetterOrDot(block.charCodeAt(w - 1))) w--;
    const word = block.slice(w, dot).toLowerCase();
    if (ABBREVIATIONS.has(word) || (word.endsWith('.') && ABBREVIATIONS.has(word.slice(0, -1)))) return -1;
    // An initial: one capital letter.
    const initial = block.charCodeAt(dot - 1);
    if (dot - w === 1 && initial >= 65 && initial <= 90) return -1;
  }
  return j;
}

/**
 * The stop characters (. ! ? …) of one block, found natively (indexOf) as its split moves forward:
 * where each next is at or after the point reached (-2 not looked for yet, -1 none left). The
 * split only moves forward in a block, so a position found stays the next until the split passes it.
 */
class StopFinder {
  private dot = -2;
  private bang = -2;
  private question = -2;
  private ellipsis = -2;
  constructor(private readonly block: string) {}

  /** The first stop character at or after `from` (-1: none). */
  next(from: number): number {
    const block = this.block;
    if (this.dot !== -1 && this.dot < from) this.dot = block.indexOf('.', from);
    if (this.bang !== -1 && this.bang < from) this.bang = block.indexOf('!', from);
    if (this.question !== -1 && this.question < from) this.question = block.indexOf('?', from);
    if (this.ellipsis !== -1 && this.ellipsis < from) this.ellipsis = block.indexOf('…', from);
    let i = this.dot;
    if (this.bang >= 0 && (i < 0 || this.bang < i)) i = this.bang;
    if (this.question >= 0 && (i < 0 || this.question < i)) i = this.question;
    if (this.ellipsis >= 0 && (i < 0 || this.ellipsis < i)) i = this.ellipsis;
    return i;
  }
}

function splitUnit(block: string, start: number, end: number, out: Span[], stops: StopFinder) {
  let s = start;
  // Each full stop, ! ? or …, found by indexOf (no match object per stop, no loop of ours per character).
  for (let from = start; ; ) {
    const i = stops.next(from);
    if (i < 0 || i >= end) break;
    const runEnd = punctuationRunEnd(block, i, end);
    const b = boundaryAfter(block, i, runEnd, end);
    if (b < 0) {
      from = runEnd;
      continue;
    }
    pushTrimmed(block, s, b, out);
    s = b;
    from = b;
  }
  pushTrimmed(block, s, end, out);
}

/** True for the characters a LIST_MARKER can start with (a dash, bullet, star, digit or bracket). */
function mayStartListMarker(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 40 ||
    c === 45 ||
    c === 42 ||
    c === 0xb7 ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2022 ||
    c === 0x2023 ||
    c === 0x25aa ||
    c === 0x25e6
  );
}

function pushTrimmed(block: string, start: number, end: number, out: Span[]) {
  while (start < end && isSpace(block.charCodeAt(start))) start++;
  while (end > start && isSpace(block.charCodeAt(end - 1))) end--;
  if (mayStartListMarker(block.charCodeAt(start))) {
    const marker = LIST_MARKER.exec(block.slice(start, Math.min(end, start + 8)));
    if (marker) start += marker[0].length;
  }
  if (end > start) out.push({ start, end });
}

/** Flattens a document and splits it into sentences. */
export function prepareText(doc: SourceDocument): PreparedText {
  return runSteps(prepareTextSteps(doc, Number.MAX_SAFE_INTEGER));
}

/** `prepareText` as steps: yields every `blocksPerStep` blocks so a long page can pause. */
export function* prepareTextSteps(
  doc: SourceDocument,
  blocksPerStep: number,
  split: (block: string) => Span[] = splitSentences,
  /**
   * An earlier preparation whose first `blocks` blocks (the title counting as one) are this
   * document's, with `sentences` sentences in them: they are taken as they are.
   */
  reuse?: { from: PreparedText; blocks: number; sentences: number },
): Generator<void, PreparedText> {
  const kept = reuse ? reuse.blocks : 0;
  const out: PreparedText = {
    text: reuse && kept ? reuse.from.text.slice(0, reuse.from.blocks[kept - 1].end) : '',
    blocks: reuse ? reuse.from.blocks.slice(0, kept) : [],
    sentences: reuse ? reuse.from.sentences.slice(0, reuse.sentences) : [],
  };
  const count = doc.blocks.length + 1;
  // The loop is in a plain function, run a step's blocks at a time: a generator's own loop is
  // not optimised by V8 while it runs (no on-stack replacement), a plain function's is.
  for (let index = kept; index < count; ) {
    if (index > 0 && index % blocksPerStep === 0) yield;
    const to = Math.min(count, (Math.floor(index / blocksPerStep) + 1) * blocksPerStep);
    prepareBlocks(doc, index, to, split, out);
    index = to;
  }
  return out;
}

/** Appends blocks `from`..`to`-1 (0 is the title) and their sentences to `out`. */
function prepareBlocks(
  doc: SourceDocument,
  from: number,
  to: number,
  split: (block: string) => Span[],
  out: PreparedText,
) {
  let text = out.text;
  const { blocks, sentences } = out;
  for (let index = from; index < to; index++) {
    const raw = index === 0 ? doc.title : doc.blocks[index - 1];
    // The block's own string when it has no carriage return: a cache keyed by it hashes it once.
    const part = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
    if (index > 0) text += '\n\n';
    const offset = text.length;
    text += part;
    blocks.push({ start: offset, end: text.length });
    const spans = split(part);
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k];
      sentences.push({ start: offset + s.start, end: offset + s.end, block: index, text: part.slice(s.start, s.end) });
    }
  }
  out.text = text;
}

/** Reads the analyser's plain-text format: first line the title, blank lines between paragraphs. */
export function documentFromPlainText(raw: string): SourceDocument {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const nl = text.indexOf('\n');
  const title = (nl < 0 ? text : text.slice(0, nl)).trim();
  const rest = nl < 0 ? '' : text.slice(nl + 1);
  const blocks = rest
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return { title, blocks };
}

/** Index of the sentence containing `offset` (binary search), or -1. */
export function sentenceIndexAt(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else if (sentences[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
