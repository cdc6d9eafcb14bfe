// The white-space rules of block text (which runs collapse to one space) and the reading of a
// block element's text in one call when only text and inline elements lie below it.
import { BLOCK_TAGS, isSkipped } from './element-rules';

/** White space that does not stand as it is: a run of two or more, or any but a plain space. */
export const COLLAPSIBLE = /[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]/g;
export const COLLAPSIBLE_TEST = /[\t\n\r\f\u00a0]| {2}/;
/** Every run of the white space `COLLAPSIBLE` collapses, a single plain space included. */
export const WHITE_RUNS = /[ \t\n\r\f\u00a0]+/g;

/**
 * The text of a block element with only text and inline elements below it (the usual paragraph),
 * read in one call instead of node by node; null when the walk must read it: an element below it
 * is a block, a line break or one the walk skips (`isSkipped`: a whole-body read skips fewer, so
 * this is the same text there too). The walk would read every text node below it in order, each
 * as `addText` does: the same as the whole text collapsed at once (`BlockBuilder.whole`). Only in
 * an HTML document: in an XML one, CDATA sections count in `textContent` and not in the walk.
 */
export function plainText(el: Element): string | null {
  for (let c = el.firstElementChild; c; ) {
    const tag = c.localName;
    if (BLOCK_TAGS.has(tag) || isSkipped(c, tag)) return null;
    const down = c.firstElementChild;
    if (down) {
      c = down;
      continue;
    }
    // The next element after c in document order, below el.
    let up: Element | null = c;
    while (up !== el && up && !up.nextElementSibling) up = up.parentElement;
    c = up && up !== el ? up.nextElementSibling : null;
  }
  return el.textContent;
}

/** True for a document parsed as HTML (a document with no content type, linkedom's in the CLI, is one). */
export function isHtml(doc: Document): boolean {
  const type = (doc as { contentType?: string }).contentType;
  return type === undefined || type === 'text/html';
}

/** True when a text is white space only (or empty): the characters `COLLAPSIBLE` collapses. */
export function isWhite(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12 && c !== 160) return false;
  }
  return true;
}
