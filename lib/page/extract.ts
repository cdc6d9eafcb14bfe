// Main-content extraction: finds the article body of a page (not navigation, related stories,
// comments or footers) and turns it into text blocks that remember where every character came
// from, so findings can be mapped back to DOM Ranges. Works on any standards DOM: the live page
// in the content script, or a parsed document in Node (the command-line analyser).
import { type FurnitureRule, furnitureFlags, furnitureRule } from '../analysis/furniture';
import { runSteps } from '../analysis/steps';
import type { BlockKind, SourceDocument } from '../analysis/text';

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
}

export interface ExtractedDocument {
  title: string;
  /** The headline's block when the headline is part of the extracted content. */
  titleBlock: ExtractedBlock | null;
  blocks: ExtractedBlock[];
  root: Element;
}

const ELEMENT = 1;
const TEXT = 3;

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'head',
  'meta',
  'link',
  'video',
  'audio',
  'map',
  'dialog',
]);
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'figcaption',
  'dd',
  'dt',
  'td',
  'th',
  'pre',
  'caption',
  'div',
  'section',
  'article',
  'main',
  'header',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'tbody',
  'thead',
  'figure',
  'address',
  'hr',
  'br',
]);
const JUNK =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommended|more-stories|newsletter|signup|sign-up|subscribe|promo|advert|adverts?|ads?|advertisement|sponsor\w*|cookie\w*|consent|comments?|footer|sidebar|widget|popular|trending|tags?|author-bio|byline|masthead|site-header|skip-link|visually-hidden|sr-only|print-only|read-more|readmore|more-from|also-read|inline-related|recirc|outbrain|taboola|paywall|subscription)(?:[-_\s]|$)/i;
const CONTAINER = 'article, [itemprop="articleBody"], main, [role="main"]';

/** Never text, whatever the mode. */
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head']);

/** Tag sets hold local names (lower case for HTML), read without allocating a new string. */
function isSkipped(el: Element, tag = el.localName): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return false; // most inline elements: nothing more to read
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return cls.length > 1 && JUNK.test(cls) && !/article|story-body|post-body|entry-content/i.test(cls);
}

/** True when an element or one of its ancestors (below `stop`) is navigation, footer, sidebar… */
function insideSkipped(el: Element, stop: Element | null, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let result = false;
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    const known = memo.get(e);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(e);
    if (isSkipped(e)) {
      result = true;
      break;
    }
  }
  for (const e of path) memo.set(e, result);
  return result;
}

/** At most this many paragraphs are scored: on a very long page an even sample decides. */
const MAX_SCORED = 400;

/**
 * Picks the element that holds the article body. `exactLengths` reads every candidate's text
 * length, as the choice did before it was bounded (tests compare the two).
 */
export function findMainContent(doc: Document, exactLengths = false): Element {
  const body = doc.body ?? doc.documentElement;
  const scores = new Map<Element, number>();
  /** Characters of the sampled paragraphs that are an element's children: at most its text. */
  const childText = new Map<Element, number>();
  const memo = new Map<Element, boolean>();
  const paragraphs = body.querySelectorAll('p, pre, blockquote, li');
  const step = Math.max(1, Math.ceil(paragraphs.length / MAX_SCORED));
  for (let i = 0; i < paragraphs.length; i += step) {
    const p = paragraphs[i];
    const text = p.textContent ?? '';
    const len = text.length;
    const parent = p.parentElement;
    if (parent) childText.set(parent, (childText.get(parent) ?? 0) + len);
    if (len < 40 || (p.tagName === 'LI' && len < 80)) continue;
    if (insideSkipped(p, body, memo)) continue;
    const commas = text.split(/[,،]/).length - 1;
    const score = 1 + Math.min(commas, 6) + Math.min(len / 100, 3);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  // Link density (costly on a long page) only for the few best-scoring candidates, and text
  // lengths read once per element: on a 1 MB article each textContent is a 1 MB string.
  const lengths = new Map<Element, number>();
  const textLength = (el: Element) => {
    let n = lengths.get(el);
    if (n === undefined) {
      n = el.textContent?.length ?? 0;
      lengths.set(el, n);
    }
    return n;
  };
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 4);
  let best: Element | null = null;
  let bestScore = 0;
  for (let i = 0; i < ranked.length; i++) {
    const [el, s] = ranked[i];
    if (s <= bestScore) continue; // link density only lowers a score
    const links = linkText(el);
    // The text length's lower bound (the sampled child paragraphs) bounds the density from
    // above: when even that score beats the best so far and every candidate after, the exact
    // length (a long page's whole text as one string) would not change the choice.
    const floor = links ? s * (1 - Math.min(links / (childText.get(el) || 1), 1)) : s;
    if (!exactLengths && floor > bestScore && floor >= (ranked[i + 1]?.[1] ?? 0)) {
      best = el;
      bestScore = floor;
      continue;
    }
    const adjusted = s * (1 - Math.min(links / (textLength(el) || 1), 1));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  if (!best) return body.querySelector(CONTAINER) ?? body;
  const container = best.closest(CONTAINER);
  if (!container || container === best || container === body) return best;
  return textLength(container) < 3 * textLength(best) + 2000 ? container : best;
}

/** Characters of link text under an element; estimated from an even sample of its links when it has many. */
function linkText(el: Element): number {
  const links = el.getElementsByTagName('a');
  const n = links.length;
  const step = Math.max(1, Math.floor(n / 200));
  let sum = 0;
  for (let i = 0; i < n; i += step) sum += links[i].textContent?.length ?? 0;
  return step === 1 ? sum : (sum * n) / Math.ceil(n / step);
}

/** White space that does not stand as it is: a run of two or more, or any but a plain space. */
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]/g;
const COLLAPSIBLE_TEST = /[\t\n\r\f\u00a0]| {2}/;

class BlockBuilder {
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

  /** Takes a block read by an earlier run, unchanged since. */
  reuse(block: ExtractedBlock) {
    this.flush();
    this.blocks.push(block);
    this.chars += block.text.length;
  }

  lineBreak() {
    if (!this.lastSpace) {
      this.text += ' ';
      this.lastSpace = true;
    }
  }

  flush() {
    let text = this.text;
    // Trim the trailing space; leading spaces never enter (lastSpace starts true).
    if (text.endsWith(' ')) text = text.slice(0, -1);
    if (this.element && /\S/.test(text)) {
      this.blocks.push({ text, element: this.element, segments: this.segments });
      this.chars += text.length;
    }
    this.text = '';
    this.segments = [];
    this.element = null;
    this.lastSpace = true;
  }
}

/** One child of an element as the last walk met it: a leaf block, white space, or anything else. */
interface Kid {
  node: Node;
  kind: KidKind;
  /** The leaf block it was read as (BLOCK). */
  block?: ExtractedBlock;
  /** Its text (WHITE). */
  data?: string;
}
const OTHER = 0;
const BLOCK = 1;
const WHITE = 2;
type KidKind = typeof OTHER | typeof BLOCK | typeof WHITE;

/** Children added to and removed from an element, as a MutationObserver reported them. */
interface KidChanges {
  added: Node[];
  removed: Set<Node>;
}

const ONLY_WHITE = /^[ \t\n\r\f\u00a0]*$/;

/**
 * What a re-run may reuse from earlier extractions: leaf blocks (block elements with no block
 * inside) by element, unless a change was reported at or below them since they were read; and
 * the list of children of each element with blocks inside, so that a re-run steps through the
 * children it knows without reading them from the page again (on a long article, thousands of
 * paragraphs and the white space between them), when every change to that list was reported
 * with what it added and removed (`markChildren`).
 */
export class ExtractionCache {
  private blocks = new WeakMap<Element, ExtractedBlock>();
  /** Nothing kept yet (a first run): look-ups are skipped, each a weak-map probe per block. */
  private empty = true;
  private dirty = new WeakSet<Node>();
  /** Changes reported while a run was under way: they count for the next run too. */
  private dirtyDuringRun: WeakSet<Node> | null = null;
  /** Children of each element as the run numbered `run` walked them. */
  private kids = new WeakMap<Element, { run: number; list: Kid[] }>();
  /** Child changes reported since the last run began, and those reported during it. */
  private changes = new Map<Node, KidChanges>();
  private changesBefore = new Map<Node, KidChanges>();
  /** Elements whose children changed in a way not reported in full: read from the page again. */
  private unknown = new WeakSet<Node>();
  private unknownDuringRun: WeakSet<Node> | null = null;
  private run = 0;
  /** Leaf blocks the last run reused. */
  reused = 0;
  /** Leaf blocks the last run read from the page (new, or changed since they were kept). */
  fresh = 0;
  /** Children the last run took from its list instead of reading them from the page. */
  listed = 0;

  /** Records that a node changed (its text, or its children): it and its ancestors are re-read. */
  markDirty(node: Node) {
    if (node.nodeType === ELEMENT) {
      this.unknown.add(node);
      this.unknownDuringRun?.add(node);
    }
    this.dirtyUp(node);
  }

  /** Records that an element's children changed: these were added and these removed. */
  markChildren(node: Node, added: ArrayLike<Node>, removed: ArrayLike<Node>) {
    let c = this.changes.get(node);
    if (!c) {
      c = { added: [], removed: new Set() };
      this.changes.set(node, c);
    }
    for (let i = 0; i < removed.length; i++) c.removed.add(removed[i]);
    for (let i = 0; i < added.length; i++) {
      c.added.push(added[i]);
      c.removed.delete(added[i]);
    }
    this.dirtyUp(node);
  }

  private dirtyUp(node: Node) {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (this.dirty.has(n) && (!this.dirtyDuringRun || this.dirtyDuringRun.has(n))) break;
      this.dirty.add(n);
      this.dirtyDuringRun?.add(n);
    }
  }

  /** Starts a run: changes reported from now on are kept for the next run as well. */
  begin() {
    this.reused = 0;
    this.fresh = 0;
    this.listed = 0;
    this.run++;
    this.dirtyDuringRun = new WeakSet();
    this.unknownDuringRun = new WeakSet();
    this.changesBefore = this.changes;
    this.changes = new Map();
  }

  end() {
    this.dirty = this.dirtyDuringRun ?? new WeakSet();
    this.dirtyDuringRun = null;
    this.unknown = this.unknownDuringRun ?? new WeakSet();
    this.unknownDuringRun = null;
    this.changesBefore = new Map();
  }

  take(el: Element): ExtractedBlock | undefined {
    if (this.empty || this.dirty.has(el)) return undefined;
    const b = this.blocks.get(el);
    if (b) this.reused++;
    return b;
  }

  keep(block: ExtractedBlock) {
    this.fresh++;
    this.empty = false;
    this.blocks.set(block.element, block);
  }

  /** True when a node has not changed since it was last read (nor anything below it). */
  clean(n: Node): boolean {
    return !this.dirty.has(n);
  }

  /**
   * The children of `el` in order, from the list the last run made and the changes reported
   * since; null when that is not known for sure (then they are read from the page).
   */
  kidsOf(el: Element): Kid[] | null {
    const known = this.kids.get(el);
    if (!known || known.run !== this.run - 1 || this.unknown.has(el)) return null;
    let list = known.list;
    for (const c of [this.changesBefore.get(el), this.changes.get(el)]) {
      if (!c) continue;
      const moved = new Set(c.added);
      list = list.filter((k) => !c.removed.has(k.node) && !moved.has(k.node));
      for (const node of c.added) {
        if (node.parentNode !== el || list.some((k) => k.node === node)) continue;
        // After the nearest sibling before it that is in the list (new ones are placed in order).
        let at = 0;
        for (let p = node.previousSibling; p; p = p.previousSibling) {
          const i = lastIndexOf(list, p);
          if (i >= 0) {
            at = i + 1;
            break;
          }
        }
        list.splice(at, 0, { node, kind: OTHER });
      }
    }
    // A last check that the list is the page's: its length and both ends.
    if (
      el.childNodes.length !== list.length ||
      (list.length && (el.firstChild !== list[0].node || el.lastChild !== list[list.length - 1].node))
    )
      return null;
    return list;
  }

  /** Keeps the children of `el` as this run walked them. */
  keepKids(el: Element, list: Kid[]) {
    this.kids.set(el, { run: this.run, list });
  }
}

function lastIndexOf(list: Kid[], node: Node): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].node === node) return i;
  return -1;
}

interface Frame {
  /** The next child to visit. */
  next: Node | null;
  /** The children to visit, when known without reading the page (`next` is then unused). */
  list: Kid[] | null;
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
 * Walks the DOM below `root` in document order, feeding text to the builder: block elements
 * start new blocks, inline ones join the current block. Iterative, so it can pause (yield)
 * every `nodesPerStep` nodes on a very long page. With a cache, unchanged leaf blocks are taken
 * as they were, without reading their text again.
 */
function* walkSteps(
  root: Element,
  builder: BlockBuilder,
  wholeBody: boolean,
  nodesPerStep: number,
  /**
   * Also yield when the finished blocks first reach `at` characters; with `perBlock`, again
   * after every block finished from then on, until the caller sets `at` to 0.
   */
  early: { at: number; perBlock: boolean } = { at: 0, perBlock: false },
  cache?: ExtractionCache,
): Generator<void, void> {
  // The root's children are listed from the start; a block's only once a block is found inside
  // it (most blocks are leaves: nothing to list).
  const frame0 = (el: Element, owner: Element, block: boolean, enclosing: Frame | null, kid: Kid | null): Frame => {
    const list = cache && (block || el === root) ? cache.kidsOf(el) : null;
    return {
      next: list ? null : el.firstChild,
      list,
      at: 0,
      record: cache && (list || el === root) ? [] : null,
      kid,
      owner,
      block,
      enclosing,
      nested: false,
    };
  };
  const stack: Frame[] = [frame0(root, root, false, null, null)];
  let visited = 0;
  let blocksSeen = -1;
  while (stack.length) {
    const frame = stack[stack.length - 1];
    let child: Node | null;
    let listed: Kid | null = null;
    if (frame.list) {
      listed = frame.at < frame.list.length ? frame.list[frame.at++] : null;
      child = listed?.node ?? null;
    } else child = frame.next;
    if (!child) {
      stack.pop();
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
    if (++visited % nodesPerStep === 0) yield;
    else if (early.at && builder.chars >= early.at && builder.blocks.length !== blocksSeen) {
      blocksSeen = builder.blocks.length;
      if (!early.perBlock) early.at = 0;
      yield;
    }
    // A child the last run met and that has not changed since: taken as it was, the page not read.
    if (listed && cache && listed.kind !== OTHER) {
      if (listed.kind === WHITE && cache.clean(child)) {
        builder.addText(child as Text, frame.owner, listed.data);
        frame.record?.push(listed);
        cache.listed++;
        continue;
      }
      const kept = listed.kind === BLOCK ? cache.take(child as Element) : undefined;
      if (kept) {
        if (frame.enclosing) frame.enclosing.nested = true;
        builder.reuse(kept);
        frame.record?.push(listed);
        cache.listed++;
        continue;
      }
    }
    let kid: Kid | null = frame.record ? { node: child, kind: OTHER } : null;
    if (kid) frame.record?.push(kid);
    if (child.nodeType === TEXT) {
      const data = (child as Text).data;
      builder.addText(child as Text, frame.owner, data);
      if (kid && ONLY_WHITE.test(data)) {
        kid.kind = WHITE;
        kid.data = data;
      }
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
        for (let n = frame.owner.firstChild; n && n !== child; n = n.nextSibling)
          frame.record.push({ node: n, kind: OTHER });
        kid = { node: child, kind: OTHER };
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
      builder.start(el);
      const f = frame0(el, el, true, null, kid);
      f.enclosing = f;
      stack.push(f);
    } else
      stack.push({
        next: el.firstChild,
        list: null,
        at: 0,
        record: null,
        kid: null,
        owner: frame.owner,
        block: false,
        enclosing: frame.enclosing,
        nested: false,
      });
  }
}

function walk(root: Element, builder: BlockBuilder, wholeBody = false) {
  runSteps(walkSteps(root, builder, wholeBody, Number.MAX_SAFE_INTEGER));
}

/**
 * Where a block lies against the part of the page the reader sees first (the viewport and a
 * screen either side): before it (-1), in it (0) or after it (1).
 */
export type Placement = (el: Element) => -1 | 0 | 1;

/**
 * Extraction as steps: it yields every `nodesPerStep` DOM nodes so long pages can pause. With
 * `firstChars`, on a page longer than that it also yields, once, a first part of the article to
 * be shown early: its first `firstChars` characters (in whole blocks), and with `view`, the
 * blocks the reader sees as well (a page reloaded scrolled down), yielded at the first block
 * after them. A reader at the top gets the top alone, at the same moment as without `view`.
 */
export function* extractArticleSteps(
  doc: Document,
  options: { wholeBody?: boolean; firstChars?: number; cache?: ExtractionCache; view?: Placement } = {},
  nodesPerStep = Number.MAX_SAFE_INTEGER,
  // biome-ignore lint/suspicious/noConfusingVoidType: a bare `yield;` is a pause, a value the first part of the page
): Generator<void | ExtractedDocument, ExtractedDocument> {
  const body = doc.body ?? doc.documentElement;
  const root = options.wholeBody ? body : findMainContent(doc);
  yield;
  const builder = new BlockBuilder();
  builder.start(root);
  let first = options.firstChars ?? 0;
  const view = first ? options.view : undefined;
  const early = { at: first, perBlock: !!view };
  /** Blocks in the top part, once it is complete; blocks placed so far; blocks in view after the top. */
  let top = -1;
  let placed = 0;
  const inView: ExtractedBlock[] = [];
  options.cache?.begin();
  for (const _ of walkSteps(root, builder, !!options.wholeBody, nodesPerStep, early, options.cache)) {
    if (!first || builder.chars < first) {
      yield;
      continue;
    }
    if (!view) {
      first = 0;
      yield assemble(doc, root, builder.blocks.slice(), !options.wholeBody);
      continue;
    }
    if (top < 0) top = placed = builder.blocks.length;
    let after = false;
    for (; placed < builder.blocks.length && !after; placed++) {
      const where = view(builder.blocks[placed].element);
      if (where === 0) inView.push(builder.blocks[placed]);
      after = where > 0;
    }
    if (!after) {
      yield;
      continue;
    }
    first = 0;
    early.at = 0;
    yield assemble(doc, root, [...builder.blocks.slice(0, top), ...inView], !options.wholeBody);
  }
  builder.flush();
  options.cache?.end();
  return assemble(doc, root, builder.blocks, !options.wholeBody);
}

/**
 * The extracted document from its blocks: the headline (an h1 among the first blocks) set apart,
 * and the site furniture inside the article container ("Read more:" links, share bars,
 * newsletter and cookie lines) left out.
 */
function assemble(doc: Document, root: Element, blocks: ExtractedBlock[], teasers: boolean): ExtractedDocument {
  const h1Index = blocks.findIndex((b) => b.element.tagName.toUpperCase() === 'H1');
  const titleBlock = h1Index >= 0 && h1Index < 8 ? blocks[h1Index] : null;
  if (titleBlock) blocks.splice(h1Index, 1);
  const title = titleBlock?.text ?? headlineOutside(doc);
  return { title, titleBlock, blocks: withoutFurniture(blocks, teasers), root };
}

/** The furniture rule each extracted block matched (null: story text), kept while the block lives. */
const FURNITURE_OF = new WeakMap<ExtractedBlock, FurnitureRule | null>();

/**
 * The blocks that are story text (the same array when there is no furniture, the usual case).
 * `teasers`: also the lists under a related-stories heading (in the article, not the whole body).
 */
function withoutFurniture(blocks: ExtractedBlock[], teasers: boolean): ExtractedBlock[] {
  let out: ExtractedBlock[] | null = null;
  // Each block's rule is worked out once: a long page is assembled again after every slice.
  const ruleOf = (i: number) => {
    const known = FURNITURE_OF.get(blocks[i]);
    if (known !== undefined) return known;
    const rule = furnitureRule(blocks[i].text);
    FURNITURE_OF.set(blocks[i], rule);
    return rule;
  };
  const flags = furnitureFlags(
    blocks.map((b) => b.text),
    teasers,
    ruleOf,
  );
  for (let i = 0; i < blocks.length; i++) {
    const furniture = flags[i];
    if (furniture && !out) out = blocks.slice(0, i);
    else if (!furniture && out) out.push(blocks[i]);
  }
  return out ?? blocks;
}

/** The headline when it is not inside the extracted content: metadata, the page's h1, or its title. */
function headlineOutside(doc: Document): string {
  const meta = doc
    .querySelector('meta[property="og:title"], meta[name="twitter:title"]')
    ?.getAttribute('content')
    ?.trim();
  if (meta) return meta;
  const h1 = [...doc.querySelectorAll('h1')].find(
    (h) => !insideSkipped(h, doc.body, new Map()) && (h.textContent ?? '').trim(),
  );
  if (h1) return (h1.textContent ?? '').replace(/\s+/g, ' ').trim();
  // "Headline | Site name" or "Headline - Site name": drop the site part.
  return (doc.title || '').replace(/\s+[|–—-]\s+[^|–—-]{2,60}$/, '').trim();
}

/** Extracts the article: its title and its text blocks with their DOM mapping. */
export function extractArticle(
  doc: Document,
  options: { wholeBody?: boolean; cache?: ExtractionCache } = {},
): ExtractedDocument {
  return runSteps(extractArticleSteps(doc, options));
}

const ITEM_TAGS = new Set(['li', 'dd', 'dt']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Where a short line with no sentence punctuation reads as a heading. */
const PLAIN_TAGS = new Set(['p', 'div', 'section']);
const NO_SENTENCE_END = /^[^.!?]{1,79}$/;

/** Each block's kind, worked out once (a block keeps its element and text; a re-run passes it on). */
const KIND_OF = new WeakMap<ExtractedBlock, BlockKind>();

function kindOf(b: ExtractedBlock): BlockKind {
  let kind = KIND_OF.get(b);
  if (kind) return kind;
  const tag = b.element.localName.toLowerCase();
  kind = ITEM_TAGS.has(tag)
    ? 'item'
    : HEADING_TAGS.has(tag) || (b.text.length < 80 && PLAIN_TAGS.has(tag) && NO_SENTENCE_END.test(b.text))
      ? 'heading'
      : 'text';
  KIND_OF.set(b, kind);
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

/**
 * Re-reads a block from the DOM as it is now (after `<mark>` wrappers split its text nodes).
 * An element can hold several blocks (text before and after a nested paragraph): the one read
 * as `text` is returned. Null if the element no longer holds that text.
 */
export function rebuildBlock(el: Element, text: string): ExtractedBlock | null {
  const builder = new BlockBuilder();
  builder.start(el);
  walk(el, builder);
  builder.flush();
  return builder.blocks.find((b) => b.element === el && b.text === text) ?? null;
}
