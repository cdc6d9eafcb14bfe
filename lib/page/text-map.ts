// The one mapping between the page's text (as extraction reads it: the title and blocks joined by
// blank lines, the text the analysis sees and clips count in) and the DOM, both ways: a text
// span → a DOM Range (highlights, re-found clips), and a DOM point or Range → a text offset
// (saving a selection). It rests on the segments extraction records: each says which text node
// (and which of its characters, when white space was collapsed) a piece of a block's text is.
import type { Span } from '../analysis/text';
import type { Clip } from '../clips';
import type { ExtractedBlock, ExtractedDocument, Segment } from './extract';

/** A text model of the page: the exact text offsets count in, and where each block sits in it. */
export interface TextMap {
  model: Clip['textModel'];
  /** The extracted blocks in text order (block 0 is the title: null when not in the page). */
  blocks: (ExtractedBlock | null)[];
  /** Each block's span in `text`. */
  spans: Span[];
  text: string;
}

/** The text map of an extraction: its title and blocks joined by blank lines. */
export function textMapOf(extracted: ExtractedDocument, model: Clip['textModel'] = 'article'): TextMap {
  const blocks = analysisBlocks(extracted);
  const parts = [extracted.title, ...extracted.blocks.map((b) => b.text)];
  const spans: Span[] = [];
  let text = '';
  parts.forEach((p, i) => {
    if (i) text += '\n\n';
    spans.push({ start: text.length, end: text.length + p.length });
    text += p;
  });
  return { model, blocks, spans, text };
}

/** The extracted blocks in analysis order: block 0 is the title (null when not in the page). */
export function analysisBlocks(doc: ExtractedDocument): (ExtractedBlock | null)[] {
  return [doc.titleBlock, ...doc.blocks];
}

function nodeOffset(seg: Segment, i: number): number {
  return seg.offsets ? seg.offsets[i] : seg.nodeStart + i;
}

/** Finds the segment holding block offset `at` (or the nearest one after it). */
function segmentAt(segments: Segment[], at: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start + segments[mid].length <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A Range over [start, end) of one block's text, or null if the block has no DOM text there. */
export function rangeInBlock(doc: Document, block: ExtractedBlock, start: number, end: number): Range | null {
  const segs = block.segments;
  if (!segs.length || end <= start) return null;
  const a = segs[segmentAt(segs, start)];
  const b = segs[segmentAt(segs, end - 1)];
  if (!a || !b || start >= a.start + a.length + 1) return null;
  const range = doc.createRange();
  const aIndex = Math.max(0, Math.min(start - a.start, a.length - 1));
  const bIndex = Math.max(0, Math.min(end - 1 - b.start, b.length - 1));
  range.setStart(a.node, nodeOffset(a, aIndex));
  range.setEnd(b.node, nodeOffset(b, bIndex) + 1);
  return range;
}

function blockIndexAt(blockSpans: Span[], offset: number): number {
  let lo = 0;
  let hi = blockSpans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blockSpans[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Maps a span of the analysed text (title and blocks joined by blank lines) to a Range; a span
 * across several blocks runs from its start in the first to its end in the last.
 * `blockSpans` are the analysis's block offsets (PreparedText.blocks).
 */
export function rangeForSpan(
  doc: Document,
  extracted: (ExtractedBlock | null)[],
  blockSpans: Span[],
  span: Span,
): Range | null {
  const a = blockIndexAt(blockSpans, span.start);
  const b = blockIndexAt(blockSpans, Math.max(span.start, span.end - 1));
  const first = extracted[a];
  const last = extracted[b];
  if (!first || !last) return null;
  const startRange = rangeInBlock(
    doc,
    first,
    span.start - blockSpans[a].start,
    Math.min(span.end, blockSpans[a].end) - blockSpans[a].start,
  );
  if (!startRange) return null;
  if (a === b) return startRange;
  const endRange = rangeInBlock(doc, last, 0, span.end - blockSpans[b].start);
  if (endRange) startRange.setEnd(endRange.endContainer, endRange.endOffset);
  return startRange;
}

/** The DOM Range of a span of the map's text (null where the text is not in the page). */
export function rangeOfSpan(doc: Document, map: TextMap, span: Span): Range | null {
  return rangeForSpan(doc, map.blocks, map.spans, span);
}

/** The text offset of a DOM point, or null when the point is not in the map's text. */
export function offsetOf(map: TextMap, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  // Element boundary: step to the text node at that edge.
  let n: Node | null = node;
  let o = offset;
  if (n.nodeType !== 3) {
    const child: Node | null = n.childNodes[Math.min(o, n.childNodes.length - 1)] ?? null;
    if (!child) return null;
    const walker = n.ownerDocument?.createTreeWalker(child, 4);
    const first = child.nodeType === 3 ? child : walker?.nextNode();
    if (!first) return null;
    n = first;
    o = edge === 'start' || o < n.parentNode!.childNodes.length ? 0 : (first as Text).data.length;
  }
  // A text node may map to several segments (white space collapsed between them): the first
  // whose node offsets reach o, else the end of its last one.
  let found: number | null = null;
  for (let b = 0; b < map.blocks.length && found === null; b++) {
    const block = map.blocks[b];
    // A block's text nodes lie below its element: a block that does not hold the node is passed
    // over without its segments (a paragraph read whole reads them from the page when asked).
    // A block of hard-wrapped lines holds the nodes of each of its paragraphs.
    if (!block || !(block.lines ? block.lines.some((e) => e.contains(n)) : block.element.contains(n))) continue;
    for (const seg of block.segments) {
      if (seg.node !== n) {
        if (found !== null) break;
        continue;
      }
      let i = 0;
      while (i < seg.length && nodeOffset(seg, i) < o) i++;
      found = map.spans[b].start + seg.start + i;
      if (i < seg.length) break;
    }
  }
  return found;
}

/** The span of a DOM Range in the map's text, trimmed of white space (null when not in it). */
export function spanOfRange(map: TextMap, range: Range): Span | null {
  const start = offsetOf(map, range.startContainer, range.startOffset, 'start');
  const end = offsetOf(map, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  let s = start;
  let e = end;
  while (s < e && /\s/.test(map.text[s])) s++;
  while (e > s && /\s/.test(map.text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}
