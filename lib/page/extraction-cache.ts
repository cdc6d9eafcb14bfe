// What a re-run of extraction reuses from the last one, kept up to date by the changes a
// MutationObserver reports: unchanged leaf blocks by element, and each element's list of children
// as the walk met them (`Kid`), so that the walk steps through them without reading the page.
import { ELEMENT } from './element-rules';
import type { ExtractedBlock } from './extracted';
import type { FurnitureMemo } from './furniture-flags';

/** One child of an element as the last walk met it: a leaf block, white space, or anything else. */
export interface Kid {
  node: Node;
  kind: KidKind;
  /** The leaf block it was read as (BLOCK). */
  block?: ExtractedBlock;
  /** Its text (WHITE). */
  data?: string;
}
export const OTHER = 0;
export const BLOCK = 1;
export const WHITE = 2;
type KidKind = typeof OTHER | typeof BLOCK | typeof WHITE;

/** A child not known to be anything yet (all entries made with every field: one object shape). */
export function newKid(node: Node): Kid {
  return { node, kind: OTHER, block: undefined, data: undefined };
}

/** Children added to and removed from an element, as a MutationObserver reported them. */
interface KidChanges {
  added: Node[];
  removed: Set<Node>;
  /**
   * An added node may already be in the last run's list: it was added while a run was under
   * way (the walk may have met it), or it had been reported removed (moved, or added again).
   */
  mayBeListed: boolean;
}

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
  /** Nodes with a change reported below one of their children (kept as `dirty` is, over runs). */
  private dirtyKids = new WeakSet<Node>();
  private dirtyKidsDuringRun: WeakSet<Node> | null = null;
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
  /** The article container the last run chose; a change was reported outside it since. */
  private root: Element | null = null;
  private rootUrl = '';
  private outside = false;
  /** The furniture of the last run's blocks (see furnitureFlagsOf). */
  readonly furniture: FurnitureMemo = { last: null };
  /** Some element's children were kept (none on a first run: no look-up needed). */
  private kidsKept = false;
  /** Leaf blocks the last run reused. */
  reused = 0;
  /** Leaf blocks the last run read from the page (new, or changed since they were kept). */
  fresh = 0;
  /** Children the last run took from its list instead of reading them from the page. */
  listed = 0;

  /**
   * The article container: the one the last run chose while every change reported since lies
   * inside it and the page's address is the same (a paragraph added to a live article does not
   * make the choice again: on a long page that reads thousands of paragraphs; a single-page
   * navigation does), else `choose()`.
   */
  mainContent(doc: Document, choose: () => Element): Element {
    const last = this.keptContainer(doc);
    if (last) return last;
    this.root = choose();
    this.rootUrl = doc.URL;
    this.outside = false;
    return this.root;
  }

  /** The container the last run chose, when `mainContent` would keep it (else null). */
  keptContainer(doc: Document): Element | null {
    const last = this.root;
    return last && !this.outside && last.isConnected && last.ownerDocument === doc && doc.URL === this.rootUrl
      ? last
      : null;
  }

  /**
   * The run reads the page again from another container (its guess was not the choice): what
   * it kept so far is dropped, so that the new walk reads every block and list from the page.
   */
  restart() {
    this.blocks = new WeakMap();
    this.empty = true;
    this.kids = new WeakMap();
    this.kidsKept = false;
    this.reused = 0;
    this.fresh = 0;
    this.listed = 0;
  }

  private changedAt(node: Node) {
    if (this.root && !this.outside && !this.root.contains(node)) this.outside = true;
  }

  /** Records that a node changed (its text, or its children): it and its ancestors are re-read. */
  markDirty(node: Node) {
    this.changedAt(node);
    if (node.nodeType === ELEMENT) {
      this.unknown.add(node);
      this.unknownDuringRun?.add(node);
    }
    this.dirtyUp(node);
  }

  /** Records that an element's children changed: these were added and these removed. */
  markChildren(node: Node, added: ArrayLike<Node>, removed: ArrayLike<Node>) {
    this.changedAt(node);
    let c = this.changes.get(node);
    if (!c) {
      c = { added: [], removed: new Set(), mayBeListed: false };
      this.changes.set(node, c);
    }
    for (let i = 0; i < removed.length; i++) c.removed.add(removed[i]);
    if (added.length && this.dirtyDuringRun) c.mayBeListed = true;
    for (let i = 0; i < added.length; i++) {
      c.added.push(added[i]);
      if (c.removed.delete(added[i])) c.mayBeListed = true;
    }
    this.dirtyUp(node);
  }

  private dirtyUp(node: Node) {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (n !== node) {
        // An ancestor: a change lies below one of its children.
        this.dirtyKids.add(n);
        this.dirtyKidsDuringRun?.add(n);
      }
      if (this.dirty.has(n) && (!this.dirtyDuringRun || this.dirtyDuringRun.has(n))) break;
      this.dirty.add(n);
      this.dirtyDuringRun?.add(n);
    }
  }

  /**
   * True when no child of `el` (nor anything below them) was reported changed: changes were
   * reported to its own list of children at most. Its listed children need no check one by one.
   */
  kidsClean(el: Node): boolean {
    return !this.dirtyKids.has(el);
  }

  /** Starts a run: changes reported from now on are kept for the next run as well. */
  begin() {
    this.reused = 0;
    this.fresh = 0;
    this.listed = 0;
    this.run++;
    this.dirtyDuringRun = new WeakSet();
    this.dirtyKidsDuringRun = new WeakSet();
    this.unknownDuringRun = new WeakSet();
    this.changesBefore = this.changes;
    this.changes = new Map();
  }

  end() {
    this.dirty = this.dirtyDuringRun ?? new WeakSet();
    this.dirtyDuringRun = null;
    this.dirtyKids = this.dirtyKidsDuringRun ?? new WeakSet();
    this.dirtyKidsDuringRun = null;
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

  /**
   * The block a listed child was read as, when it has not changed since: the same as `take` of
   * its element (a child's entry is given its block whenever the block is kept), without the look-up.
   */
  takeListed(kid: Kid, clean = !this.dirty.has(kid.node)): ExtractedBlock | undefined {
    if (!clean) return undefined;
    if (kid.block) this.reused++;
    return kid.block;
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
    if (!this.kidsKept) return null;
    const known = this.kids.get(el);
    if (!known || known.run !== this.run - 1 || this.unknown.has(el)) return null;
    let list = known.list;
    const before = this.changesBefore.get(el);
    const now = this.changes.get(el);
    const only = before && now ? null : (before ?? now);
    if (only && !only.removed.size && !only.mayBeListed) {
      // Only nodes new to this element added (a paragraph appended, the usual change): the list
      // needs no search for them, only their places.
      list = list.slice();
      for (const node of only.added) if (node.parentNode === el) insertKid(list, node);
    } else
      for (const c of [before, now]) {
        if (!c) continue;
        const moved = new Set(c.added);
        list = list.filter((k) => !c.removed.has(k.node) && !moved.has(k.node));
        for (const node of c.added) {
          if (node.parentNode !== el || list.some((k) => k.node === node)) continue;
          insertKid(list, node);
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
    this.kidsKept = true;
    this.kids.set(el, { run: this.run, list });
  }
}

/** Puts a node new to the list after the nearest sibling before it that is in the list (new ones are placed in order). */
function insertKid(list: Kid[], node: Node) {
  let at = 0;
  for (let p = node.previousSibling; p; p = p.previousSibling) {
    const i = lastIndexOf(list, p);
    if (i >= 0) {
      at = i + 1;
      break;
    }
  }
  list.splice(at, 0, newKid(node));
}

function lastIndexOf(list: Kid[], node: Node): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].node === node) return i;
  return -1;
}
