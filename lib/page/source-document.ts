// The analysis view of an extracted article: each block's text and its kind (heading, list item
// or text).
import type { BlockKind, SourceDocument } from '../analysis/text';
import type { ExtractedBlock, ExtractedDocument } from './extracted';

const ITEM_TAGS = new Set(['li', 'dd', 'dt']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Where a short line with no sentence punctuation reads as a heading. */
const PLAIN_TAGS = new Set(['p', 'div', 'section']);
const NO_SENTENCE_END = /^[^.!?]{1,79}$/;

/** Each block's kind, worked out once (a block keeps its element and text; a re-run passes it on). */
function kindOf(b: ExtractedBlock): BlockKind {
  let kind = b.kind;
  if (kind) return kind;
  const tag = b.element.localName.toLowerCase();
  kind = ITEM_TAGS.has(tag)
    ? 'item'
    : HEADING_TAGS.has(tag) || (b.text.length < 80 && PLAIN_TAGS.has(tag) && NO_SENTENCE_END.test(b.text))
      ? 'heading'
      : 'text';
  b.kind = kind;
  return kind;
}

/** A URL's host name (null for none, or one that cannot be read). */
function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, 'https://page.invalid/').hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** A council's site name after a page's title: "Ofsted judges our services good | swindon.gov.uk". */
const TITLE_SITE = /[|–—-]\s*((?:[a-z0-9-]+\.)+gov\.uk)\s*$/i;

/**
 * The gov.uk site a page is on, when it is on one (a council's own site names the council a
 * release is about where the release does not): the page's canonical address, its og:url, the
 * address it was loaded from, or the site name after its title (a saved page). Undefined otherwise.
 */
export function siteOf(doc: Document): string | undefined {
  const declared = [
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const url of declared) {
    const host = hostOf(url);
    if (host?.endsWith('.gov.uk')) return host;
  }
  const loc = doc.location;
  const here = loc && /^https?:$/.test(loc.protocol) ? loc.hostname.toLowerCase() : '';
  if (here.endsWith('.gov.uk')) return here;
  return TITLE_SITE.exec(doc.title || '')?.[1].toLowerCase();
}

/** The analysis view of an extracted article (`site`: see siteOf). */
export function toSourceDocument(extracted: ExtractedDocument, site?: string): SourceDocument {
  const n = extracted.blocks.length;
  const blocks = new Array<string>(n);
  const blockKinds = new Array<BlockKind>(n);
  for (let i = 0; i < n; i++) {
    const b = extracted.blocks[i];
    blocks[i] = b.text;
    blockKinds[i] = kindOf(b);
  }
  return site ? { title: extracted.title, blocks, blockKinds, site } : { title: extracted.title, blocks, blockKinds };
}
