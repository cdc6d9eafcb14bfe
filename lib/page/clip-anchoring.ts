// Clips on the page: turns a DOM selection (or a highlighted finding) into selectors over the
// article text, and re-finds saved clips as DOM Ranges when the page is visited again.

import type { Span } from '../analysis/text';
import { matchQuote } from '../anchor/match-quote';
import type { Clip } from '../clips';
import { type ExtractedBlock, type ExtractedDocument, extractArticle } from './extract';
import { analysisBlocks, rangeForSpan } from './ranges';

/** A text model of the page: the exact text the selectors count in, and where each block sits. */
export interface PageText {
  model: Clip['textModel'];
  extracted: ExtractedDocument;
  blocks: (ExtractedBlock | null)[];
  spans: Span[];
  text: string;
}

/** The article text (title and blocks joined by blank lines, as the analysis sees it). */
export function pageText(doc: Document, model: Clip['textModel'] = 'article'): PageText {
  const extracted = extractArticle(doc, { wholeBody: model === 'body' });
  const blocks = analysisBlocks(extracted);
  const parts = [extracted.title, ...extracted.blocks.map((b) => b.text)];
  const spans: Span[] = [];
  let text = '';
  parts.forEach((p, i) => {
    if (i) text += '\n\n';
    spans.push({ start: text.length, end: text.length + p.length });
    text += p;
  });
  return { model, extracted, blocks, spans, text };
}

/** The text offset of a DOM point, or null when the point is not in the model's text. */
export function offsetOf(page: PageText, node: Node, offset: number, edge: 'start' | 'end'): number | null {
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
  for (let b = 0; b < page.blocks.length && found === null; b++) {
    const block = page.blocks[b];
    if (!block) continue;
    for (const seg of block.segments) {
      if (seg.node !== n) {
        if (found !== null) break;
        continue;
      }
      const at = (i: number) => (seg.offsets ? seg.offsets[i] : seg.nodeStart + i);
      let i = 0;
      while (i < seg.length && at(i) < o) i++;
      found = page.spans[b].start + seg.start + i;
      if (i < seg.length) break;
    }
  }
  return found;
}

/** Selectors-ready offsets of a DOM range in the page text, trimmed of white space. */
export function spanOfRange(page: PageText, range: Range): Span | null {
  const start = offsetOf(page, range.startContainer, range.startOffset, 'start');
  const end = offsetOf(page, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  let s = start;
  let e = end;
  while (s < e && /\s/.test(page.text[s])) s++;
  while (e > s && /\s/.test(page.text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}

export interface AnchorResult<C extends Pick<Clip, 'textModel' | 'selectors'> = Clip> {
  clip: C;
  range: Range | null;
}

/** Re-finds clips in the page: a Range for each found clip, null for an orphan. */
export function anchorClips<C extends Pick<Clip, 'textModel' | 'selectors'>>(
  doc: Document,
  clips: C[],
): AnchorResult<C>[] {
  const models = new Map<Clip['textModel'], PageText>();
  return clips.map((clip) => {
    let page = models.get(clip.textModel);
    if (!page) {
      page = pageText(doc, clip.textModel);
      models.set(clip.textModel, page);
    }
    const m = matchQuote(page.text, clip.selectors[0], clip.selectors[1]);
    if (!m) return { clip, range: null };
    return { clip, range: rangeForSpan(doc, page.blocks, page.spans, { start: m.start, end: m.end }) };
  });
}
