// Which blocks of a long article are near the viewport (on screen or within a screen of it),
// kept up to date as the reader scrolls.
//
// An IntersectionObserver would do it, but its cost grows with the number of targets: on a 1 MB
// article, observing two thousand blocks took some 10 ms, and every frame of a scroll computed
// all their intersections again. Blocks of an article are stacked one below the other, so a
// binary search on their positions finds the near ones with a few dozen rectangle reads, once
// per frame in which the page scrolled, resized or changed height.

/** Tells the lens which blocks are near the viewport, and when that changes. */
export interface ViewportWatcher {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
  /** The observed blocks in document order, when the caller knows it (else they are sorted by position). */
  reorder?(blocks: Element[]): void;
}
export type WatcherFactory = (onChange: (el: Element, near: boolean) => void) => ViewportWatcher | null;

/**
 * Returns the blocks within a screen of the viewport (and `ahead` more screens either side),
 * given them in the order they stand on the page.
 */
export function blocksNear(blocks: Element[], viewportHeight: number, ahead = 0): Element[] {
  const h = viewportHeight || 800;
  const top = -h * (1 + ahead);
  const bottom = h * (2 + ahead);
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const out: Element[] = [];
  for (let i = lo; i < blocks.length; i++) {
    const r = blocks[i].getBoundingClientRect();
    if (r.top > bottom && r.height > 0) break;
    if (r.bottom >= top && r.top <= bottom && (r.height > 0 || r.width > 0)) out.push(blocks[i]);
  }
  return out;
}

/**
 * Puts elements in the order they are stacked on the page (by their tops; one read each).
 * Not compareDocumentPosition: between siblings it walks the children in between, and the
 * blocks of a long article are thousands of siblings.
 */
function pageOrder(list: Element[]): Element[] {
  const placed = list.map((el) => ({ el, top: el.getBoundingClientRect().top }));
  let sorted = true;
  for (let i = 1; i < placed.length && sorted; i++) sorted = placed[i - 1].top <= placed[i].top;
  if (!sorted) placed.sort((a, b) => a.top - b.top);
  return placed.map((p) => p.el);
}

/** How long after the last scroll event a scroll counts as over (see `ahead`). */
export const SCROLL_IDLE_MS = 150;

/**
 * A viewport watcher driven by scrolling: after blocks are observed, and in the frame after any
 * scroll (the window or an inner scroller), resize or change of the document's height, it
 * reports the blocks that came near or went away. A block is reported once when first observed,
 * near or not, as an IntersectionObserver would.
 *
 * `ahead` (screens): while the reader scrolls, the near set is widened by that many screens
 * either side whenever the blocks within a screen of the viewport are no longer all in it, and
 * left alone otherwise; `SCROLL_IDLE_MS` after the scroll it is narrowed to a screen either side
 * again. Every change to what a page highlights costs a repaint of the whole page in Chromium
 * (on a 1 MB article some milliseconds a frame), so a scroll changes it every few screens
 * instead of every frame. 0 (the default): exactly the blocks within a screen, every frame.
 */
export function scrollWatcher(doc: Document, options: { ahead?: number } = {}): WatcherFactory {
  const ahead = options.ahead ?? 0;
  return (onChange) => {
    const win = doc.defaultView;
    if (!win || typeof win.requestAnimationFrame !== 'function') return null;
    const observed = new Set<Element>();
    let ordered: Element[] | null = null;
    /** `ordered` is the document order the lens gave (`reorder`), not a sort by positions read. */
    let documentOrder = false;
    let near = new Set<Element>();
    /** Observed since the last check: reported either way. */
    let fresh = new Set<Element>();
    let scheduled = false;
    let live = true;
    /** A scroll is under way (with `ahead`): the timer that ends it. */
    let scrolling: number | null = null;

    const nearNow = (blocks: Element[]): Set<Element> => {
      const exact = blocksNear(blocks, win.innerHeight);
      if (!scrolling) return new Set(exact);
      // Still covered: the same set (every block within a screen is in it already).
      if (exact.every((el) => near.has(el))) return near;
      return new Set(blocksNear(blocks, win.innerHeight, ahead));
    };

    const check = () => {
      scheduled = false;
      if (!live) return;
      if (!ordered) {
        ordered = pageOrder([...observed]);
        documentOrder = false;
      }
      const now = nearNow(ordered);
      const before = near;
      const unreported = fresh;
      near = now;
      fresh = new Set();
      // The same set (a scroll within the blocks drawn ahead): nothing came or went.
      const same = now === before;
      if (!same) for (const el of before) if (!now.has(el) && observed.has(el)) onChange(el, false);
      for (const el of unreported) if (!now.has(el) && !before.has(el) && observed.has(el)) onChange(el, false);
      if (!same) for (const el of now) if (!before.has(el)) onChange(el, true);
    };
    const schedule = () => {
      if (scheduled || !live) return;
      scheduled = true;
      win.requestAnimationFrame(check);
    };
    const endScroll = () => {
      scrolling = null;
      schedule();
    };
    const onScroll = () => {
      if (ahead > 0) {
        if (scrolling !== null) win.clearTimeout(scrolling);
        scrolling = win.setTimeout(endScroll, SCROLL_IDLE_MS);
      }
      schedule();
    };
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    win.addEventListener('resize', schedule, { passive: true });
    const RO = (win as unknown as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    // The page's height changed (content loaded or removed): blocks may have moved past each other
    // if their order came from their positions; the document order the lens gave still holds
    // (content added or removed moves the blocks below it together), so it is kept: sorting again
    // reads every block's position, some milliseconds on a 1 MB article, at each change of the page.
    // Its first report is the height when observed, not a change: acting on it would ask for a
    // frame in the middle of a long run (and on a 1 MB page wait ~15 ms for the compositor).
    let height = -1;
    const resize = RO
      ? new RO((entries) => {
          const h = entries[entries.length - 1]?.contentRect.height ?? -1;
          const first = height < 0;
          if (h === height) return;
          height = h;
          if (first) return;
          if (!documentOrder) ordered = null;
          schedule();
        })
      : null;
    resize?.observe(doc.documentElement);

    return {
      observe(el) {
        if (observed.has(el)) return;
        observed.add(el);
        fresh.add(el);
        ordered = null;
        documentOrder = false;
        schedule();
      },
      unobserve(el) {
        if (!observed.delete(el)) return;
        fresh.delete(el);
        near.delete(el);
        ordered = null;
      },
      reorder(blocks) {
        ordered = blocks.filter((el) => observed.has(el));
        documentOrder = ordered.length === observed.size;
        if (!documentOrder) ordered = null;
        schedule();
      },
      disconnect() {
        live = false;
        if (scrolling !== null) win.clearTimeout(scrolling);
        scrolling = null;
        doc.removeEventListener('scroll', onScroll, { capture: true });
        win.removeEventListener('resize', schedule);
        resize?.disconnect();
        observed.clear();
        fresh.clear();
        near.clear();
        ordered = null;
      },
    };
  };
}
