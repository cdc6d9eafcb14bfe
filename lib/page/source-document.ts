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

/** The analysis view of an extracted article. */
export function toSourceDocument(extracted: ExtractedDocument): SourceDocument {
  const n = extracted.blocks.length;
  const blocks = new Array<string>(n);
  const blockKinds = new Array<BlockKind>(n);
  for (let i = 0; i < n; i++) {
    const b = extracted.blocks[i];
    blocks[i] = b.text;
    blockKinds[i] = kindOf(b);
  }
  return { title: extracted.title, blocks, blockKinds };
}
