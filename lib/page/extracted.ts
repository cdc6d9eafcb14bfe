// The shapes extraction produces: the article's text blocks, each remembering the DOM text node
// every character came from (its segments), so findings map back to DOM Ranges.
import type { FurnitureRule } from '../analysis/furniture';
import type { BlockKind } from '../analysis/text';

/** A run of block text that comes from one DOM text node. */
export interface Segment {
  node: Text;
  /** Offset of this run in the block's text. */
  start: number;
  /** Length of this run in the block's text. */
  length: number;
  /** Node offset of each character of the run when white space was collapsed; else linear. */
  offsets: Int32Array | null;
  /** Node offset of the run's first character when `offsets` is null. */
  nodeStart: number;
}

export interface ExtractedBlock {
  text: string;
  element: Element;
  segments: Segment[];
  /**
   * Worked out once for a block, which a re-run passes on while it is unchanged (kept on the
   * block: a property is read faster than a weak map): its kind (see `toSourceDocument`) and
   * the furniture rule it matches (null: story text).
   */
  kind?: BlockKind;
  furniture?: FurnitureRule | null;
  /** A block of hard-wrapped lines joined (see extract.ts linesJoined): the paragraphs it reads, `element` the first. */
  lines?: Element[];
}

export interface ExtractedDocument {
  title: string;
  /** The headline's block when the headline is part of the extracted content. */
  titleBlock: ExtractedBlock | null;
  blocks: ExtractedBlock[];
  root: Element;
}
