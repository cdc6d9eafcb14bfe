// Maps offsets in the analysed text back to DOM Ranges, across links, emphasis, quotes and any
// other inline elements, using the segments recorded by main-content extraction.
import type { Span } from '../analysis/text';
import type { ExtractedBlock, ExtractedDocument, Segment } from './extract';

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
