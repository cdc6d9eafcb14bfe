// Walks the DOM below a container in document order, building text blocks that map back to text
// nodes (`BlockBuilder`; `PlainBlock`, a paragraph read whole): iterative, so that it can pause on
// a long page, and taking unchanged blocks and lists of children from an `ExtractionCache`.
import type { FurnitureRule } from '../analysis/furniture';
import { runSteps } from '../analysis/steps';
import type { BlockKind } from '../analysis/text';
import { COLLAPSIBLE, COLLAPSIBLE_TEST, isHtml, isWhite, plainText, WHITE_RUNS } from './block-text';
import { BLOCK_TAGS, ELEMENT, isSkipped, NEVER_TEXT, SKIP_TAGS, TEXT } from './element-rules';
import type { ExtractedBlock, Segment } from './extracted';
import { BLOCK, type ExtractionCache, type Kid, newKid, OTHER, WHITE } from './extraction-cache';

/**
 * A block read whole (`BlockBuilder.whole`): its segments, which map its text back to the page's
 * text nodes, are read from the page when first asked for (most blocks of a long article never
 * are: only those with a highlight drawn, or a selection in them), as the walk would have made them.
 */
class PlainBlock implements ExtractedBlock {
  kind?: BlockKind = undefined;
  furniture?: FurnitureRule | null = undefined;
  private read: Segment[] | null = null;
  constructor(
    public text: string,
    public element: Element,
  ) {}
  get segments(): Segment[] {
    this.read ??= segmentsOf(this.element, this.text);
    return this.read;
  }
  set segments(list: Segment[]) {
    this.read = list;
  }
}

/** The segments of the block `text` read from `el` as the walk reads it (none when the page no longer holds that text there). */
function segmentsOf(el: Element, text: string): Segment[] {
  const builder = new BlockBuilder();
  builder.start(el);
  walk(el, builder);
  builder.flush();
  const block = builder.blocks.find((b) => b.element === el && b.text === text);
  return block ? block.segments : [];
}

export class BlockBuilder {
  blocks: ExtractedBlock[] = [];
  /** Characters in the finished blocks. */
  chars = 0;
  private text = '';
  private segments: Segment[] = [];
  private element: Element | null = null;
  private lastSpace = true;

  start(el: Element) {
    this.flush();
    this.element = el;
  }

  /**
   * Adds a text node that is white space only: one space, or nothing after a space (what
   * `addText` makes of it, without its search for runs to collapse).
   */
  addWhite(node: Text, owner: Element, value: string) {
    if (!value) return;
    if (!this.element) this.element = owner;
    if (!this.lastSpace) this.piece(node, 0, ' ');
  }

  addText(node: Text, owner: Element, value = node.data) {
    if (!value) return;
    if (!this.element) this.element = owner;
    // Fast path: no white space to collapse (the usual case for text inside a paragraph).
    if (!COLLAPSIBLE_TEST.test(value) && !(this.lastSpace && value.charCodeAt(0) === 32)) {
      this.piece(node, 0, value);
      return;
    }
    // Runs of white space become one space, or none after a space. What is kept maps back to
    // the node as a few linear pieces, one segment each.
    COLLAPSIBLE.lastIndex = 0;
    let at = 0;
    for (let m = COLLAPSIBLE.exec(value); ; m = COLLAPSIBLE.exec(value)) {
      const end = m ? m.index : value.length;
      if (end > at) {
        const from = this.lastSpace && value.charCodeAt(at) === 32 ? at + 1 : at;
        if (end > from) this.piece(node, from, value.slice(from, end));
      }
      if (!m) break;
      if (!this.lastSpace) this.piece(node, m.index, ' ');
      at = m.index + m[0].length;
    }
  }

  /** Appends text taken from `node` at `nodeStart`, joining the last segment when contiguous. */
  private piece(node: Text, nodeStart: number, text: string) {
    const start = this.text.length;
    const last = this.segments[this.segments.length - 1];
    if (
      last &&
      last.node === node &&
      !last.offsets &&
      last.nodeStart + last.length === nodeStart &&
      last.start + last.length === start
    )
      last.length += text.length;
    else this.segments.push({ node, start, length: text.length, offsets: null, nodeStart });
    this.text += text;
    this.lastSpace = text.charCodeAt(text.length - 1) === 32;
  }

  /**
   * Adds a block element's whole text, read at once (see `plainText`): the block `start(el)`,
   * `addText` of each of its text nodes and `flush` would make, with its segments read from the
   * page only when asked for. Returns it (null when the text is white space only).
   */
  whole(el: Element, value: string): ExtractedBlock | null {
    this.flush();
    // Runs of white space become one space; none at the start (lastSpace is true), none at the end.
    let text = value;
    if (COLLAPSIBLE_TEST.test(text) || text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) {
      text = text.replace(WHITE_RUNS, ' ');
      if (text.charCodeAt(0) === 32) text = text.slice(1);
      if (text.charCodeAt(text.length - 1) === 32) text = text.slice(0, -1);
    }
    if (!text || !/\S/.test(text)) return null;
    const block = new PlainBlock(text, el);
    this.blocks.push(block);
    this.chars += text.length;
    return block;
  }

  /** Takes a block read by an earlier run, unchanged since. */
  reuse(block: ExtractedBlock) {
    this.flush();
    this.blocks.push(block);
    this.chars += block.text.length;
  }

  /**
   * A `<br>`: a new line in the block's text, which the sentence splitter reads as one (a line
   * that ends a sentence, a heading, or a list item after "Areas for improvement:"). A space just
   * before it becomes the new line; the offsets stay those of the page's characters.
   */
  lineBreak() {
    if (!this.text) return;
    const last = this.text.charCodeAt(this.text.length - 1);
    if (last === 10) return;
    this.text = last === 32 ? `${this.text.slice(0, -1)}\n` : `${this.text}\n`;
    this.lastSpace = true;
  }

  flush() {
    if (!this.text) {
      // Nothing since the last block (between blocks taken whole, the usual case on a re-run):
      // no segments either, the same empty list stays.
      this.element = null;
      this.lastSpace = true;
      return;
    }
    let text = this.text;
    // Trim the trailing space or new line; leading spaces never enter (lastSpace starts true).
    const end = text.charCodeAt(text.length - 1);
    if (end === 32 || end === 10) text = text.slice(0, -1);
    if (this.element && /\S/.test(text)) {
      this.blocks.push({ text, element: this.element, segments: this.segments, kind: undefined, furniture: undefined });
      this.chars += text.length;
    }
    this.text = '';
    this.segments = [];
    this.element = null;
    this.lastSpace = true;
  }
}

/** When the walk also pauses early (see `walkSteps`), and what it has not read yet. */
export interface Early {
  at: number;
  perBlock: boolean;
  /**
   * Set by the walk: characters of text in the nodes it has not visited yet (the rest of the
   * container), counted from their `textContent` (white space uncollapsed, nothing skipped below
   * them but whole skipped elements: at least what the walk will read there), until `need`.
   */
  rest: ((need: number) => number) | null;
}

interface Frame {
  /** The next child to visit. */
  next: Node | null;
  /** The children to visit, when known without reading the page (`next` is then unused). */
  list: Kid[] | null;
  /** No listed child has changed since the last run (see `kidsClean`). */
  listClean: boolean;
  at: number;
  /** The children as visited, to keep for the next run (elements with blocks inside). */
  record: Kid[] | null;
  /** This frame's own entry in its parent's record. */
  kid: Kid | null;
  /** The block element text here belongs to. */
  owner: Element;
  block: boolean;
  /** The nearest block frame at or above this one. */
  enclosing: Frame | null;
  /** A block frame with a block inside it (its text is not one leaf block). */
  nested: boolean;
}

/**
 * Takes the next children of a frame whose listed children have not changed (`listClean`) as
 * the last run met them, white space and leaf blocks, at most `max`; stops at any other child
 * (read as usual). Returns how many it took.
 */
function takeListedRun(frame: Frame, builder: BlockBuilder, cache: ExtractionCache, max: number): number {
  const list = frame.list as Kid[];
  const record = frame.record;
  const from = frame.at;
  const end = Math.min(list.length, from + max);
  let at = from;
  for (; at < end; at++) {
    const kid = list[at];
    if (kid.kind === WHITE) builder.addWhite(kid.node as Text, frame.owner, kid.data as string);
    else if (kid.kind === BLOCK && kid.block) {
      if (frame.enclosing) frame.enclosing.nested = true;
      builder.reuse(kid.block);
      cache.reused++;
    } else break;
    record?.push(kid);
  }
  frame.at = at;
  cache.listed += at - from;
  return at - from;
}

/**
 * Walks the DOM below `root` in document order, feeding text to the builder: block elements
 * start new blocks, inline ones join the current block. Iterative, so it can pause (yield)
 * every `nodesPerStep` nodes on a very long page. With a cache, unchanged leaf blocks are taken
 * as they were, without reading their text again.
 */
export function* walkSteps(
  root: Element,
  builder: BlockBuilder,
  wholeBody: boolean,
  nodesPerStep: number,
  /**
   * Also yield when the finished blocks first reach `at` characters; with `perBlock`, again
   * after every block finished from then on, until the caller sets `at` to 0.
   */
  early: Early = { at: 0, perBlock: false, rest: null },
  cache?: ExtractionCache,
): Generator<void, void> {
  // One frame object per depth, used again by every element at that depth (a long page has
  // thousands of elements, a few levels deep): nothing refers to a frame once it is left.
  const frames: Frame[] = [];
  let depth = 0;
  const html = isHtml(root.ownerDocument);
  /** The child about to be visited when the walk last paused. */
  let pending: Node | null = null;
  early.rest = (need: number) => {
    let n = 0;
    const count = (c: Node) => {
      const type = c.nodeType;
      if (type === TEXT) n += (c as Text).data.length;
      else if (type === ELEMENT && !SKIP_TAGS.has((c as Element).localName)) n += c.textContent?.length ?? 0;
    };
    for (let c = pending; c && n < need; c = c.nextSibling) count(c);
    // Below the top frame, each frame's next child is the sibling after the element open above it.
    for (let d = depth - 2; d >= 0 && n < need; d--) {
      const f = frames[d];
      if (f.list) for (let i = f.at; i < f.list.length && n < need; i++) count(f.list[i].node);
      else for (let c = f.next; c && n < need; c = c.nextSibling) count(c);
    }
    return n;
  };
  const push = (
    next: Node | null,
    list: Kid[] | null,
    listClean: boolean,
    record: Kid[] | null,
    kid: Kid | null,
    owner: Element,
    block: boolean,
    enclosing: Frame | null,
  ): Frame => {
    let f = frames[depth];
    if (!f) {
      f = {
        next: null,
        list: null,
        listClean: false,
        at: 0,
        record: null,
        kid: null,
        owner,
        block: false,
        enclosing: null,
        nested: false,
      };
      frames[depth] = f;
    }
    depth++;
    f.next = next;
    f.list = list;
    f.listClean = listClean;
    f.at = 0;
    f.record = record;
    f.kid = kid;
    f.owner = owner;
    f.block = block;
    f.enclosing = enclosing;
    f.nested = false;
    return f;
  };
  // The root's children are listed from the start; a block's only once a block is found inside
  // it (most blocks are leaves: nothing to list).
  const pushElement = (el: Element, block: boolean, kid: Kid | null): Frame => {
    const list = cache && (block || el === root) ? cache.kidsOf(el) : null;
    const f = push(
      list ? null : el.firstChild,
      list,
      !!list && (cache as ExtractionCache).kidsClean(el),
      cache && (list || el === root) ? [] : null,
      kid,
      el,
      block,
      null,
    );
    if (block) f.enclosing = f;
    return f;
  };
  pushElement(root, false, null);
  let visited = 0;
  let blocksSeen = -1;
  while (depth) {
    const frame = frames[depth - 1];
    let child: Node | null;
    let listed: Kid | null = null;
    if (frame.listClean && !early.at) {
      // Listed children unchanged since the last run, taken in one go up to the step's end.
      const took = takeListedRun(frame, builder, cache as ExtractionCache, nodesPerStep - 1 - (visited % nodesPerStep));
      if (took) {
        visited += took;
        continue;
      }
    }
    if (frame.list) {
      listed = frame.at < frame.list.length ? frame.list[frame.at++] : null;
      child = listed?.node ?? null;
    } else child = frame.next;
    if (!child) {
      depth--;
      let leaf = false;
      if (frame.block) {
        const before = builder.blocks.length;
        builder.flush();
        const made = builder.blocks[before];
        if (cache && !frame.nested && made?.element === frame.owner) {
          cache.keep(made);
          leaf = true;
          if (frame.kid) {
            frame.kid.kind = BLOCK;
            frame.kid.block = made;
          }
        }
      }
      // The children of an element with blocks inside, for the next run to step through.
      if (cache && frame.record && !leaf && (frame.nested || frame.owner === root))
        cache.keepKids(frame.block ? frame.owner : root, frame.record);
      continue;
    }
    if (!frame.list) frame.next = child.nextSibling;
    if (++visited % nodesPerStep === 0) {
      pending = child;
      yield;
    } else if (early.at && builder.chars >= early.at && builder.blocks.length !== blocksSeen) {
      blocksSeen = builder.blocks.length;
      if (!early.perBlock) early.at = 0;
      pending = child;
      yield;
    }
    // A child the last run met and that has not changed since: taken as it was, the page not read.
    if (listed && cache && listed.kind !== OTHER) {
      const clean = frame.listClean || cache.clean(child);
      if (listed.kind === WHITE && clean) {
        builder.addWhite(child as Text, frame.owner, listed.data as string);
        frame.record?.push(listed);
        cache.listed++;
        continue;
      }
      const kept = listed.kind === BLOCK ? cache.takeListed(listed, clean) : undefined;
      if (kept) {
        if (frame.enclosing) frame.enclosing.nested = true;
        builder.reuse(kept);
        frame.record?.push(listed);
        cache.listed++;
        continue;
      }
    }
    let kid: Kid | null = frame.record ? newKid(child) : null;
    if (kid) frame.record?.push(kid);
    if (child.nodeType === TEXT) {
      const data = (child as Text).data;
      if (isWhite(data)) {
        builder.addWhite(child as Text, frame.owner, data);
        if (kid) {
          kid.kind = WHITE;
          kid.data = data;
        }
      } else builder.addText(child as Text, frame.owner, data);
      continue;
    }
    if (child.nodeType !== ELEMENT) continue;
    const el = child as Element;
    const tag = el.localName;
    if (wholeBody ? NEVER_TEXT.has(tag) : isSkipped(el, tag)) continue;
    if (tag === 'br') {
      builder.lineBreak();
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      if (frame.enclosing) frame.enclosing.nested = true;
      if (cache && frame.block && !frame.record && !frame.list) {
        // The first block inside this one: its children are listed from here on, those before
        // as "other" (read from the page next time).
        frame.record = [];
        for (let n = frame.owner.firstChild; n && n !== child; n = n.nextSibling) frame.record.push(newKid(n));
        kid = newKid(child);
        frame.record.push(kid);
      }
      const kept = cache?.take(el);
      if (kept) {
        builder.reuse(kept);
        if (kid) {
          kid.kind = BLOCK;
          kid.block = kept;
        }
        continue;
      }
      const plain = html ? plainText(el) : null;
      if (plain !== null) {
        // Read whole: the leaf block the walk below would make, kept as it would keep it.
        const made = builder.whole(el, plain);
        if (made && cache) {
          cache.keep(made);
          if (kid) {
            kid.kind = BLOCK;
            kid.block = made;
          }
        }
        continue;
      }
      builder.start(el);
      pushElement(el, true, kid);
    } else push(el.firstChild, null, false, null, null, frame.owner, false, frame.enclosing);
  }
}

export function walk(root: Element, builder: BlockBuilder, wholeBody = false) {
  runSteps(walkSteps(root, builder, wholeBody, Number.MAX_SAFE_INTEGER));
}
