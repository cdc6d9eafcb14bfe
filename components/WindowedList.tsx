import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

export interface WindowedListProps {
  /** Items in the list (all of them; only the visible ones, plus a margin, are rendered). */
  count: number;
  /** Each item's height in pixels (fixed per item: the parent's CSS gives items these heights). */
  heightOf(index: number): number;
  /**
   * Renders items `start` to `end` (exclusive), in order, each an element with `data-index`;
   * `tabbable` is the one item that takes Tab focus (tabIndex 0; the others -1).
   */
  renderRange(start: number, end: number, tabbable: number): ComponentChildren;
  /** Told which items are rendered, so the parent can fetch them. */
  onRange?(start: number, end: number): void;
  /** Items rendered beyond each edge of the visible part. */
  margin?: number;
  /** The height used before the list is laid out (and in tests, where nothing is). */
  fallbackHeight?: number;
  /** A change of this value scrolls back to the top (a new search or filter). */
  resetKey?: unknown;
  class?: string;
}

/** The first index whose item ends below `y`. */
function indexAt(offsets: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, count - 1));
}

/**
 * A windowed list: a scrolling box as tall as every item, holding only the items in view plus a
 * margin. Arrow keys, Page Up/Down, Home and End move focus from item to item (scrolling as they
 * go), while focus is on an item itself: keys typed into a field inside an item are left alone.
 */
export function WindowedList({
  count,
  heightOf,
  renderRange,
  onRange,
  margin = 6,
  fallbackHeight = 600,
  resetKey,
  class: className,
}: WindowedListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);
  const [focusIndex, setFocusIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  const offsets = useMemo(() => {
    const o = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) o[i + 1] = o[i] + heightOf(i);
    return o;
  }, [count, heightOf]);
  const total = offsets[count];

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || fallbackHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallbackHeight]);

  // A new search or filter starts at the top.
  const firstReset = useRef(true);
  useLayoutEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
    setFocusIndex(0);
  }, [resetKey]);

  const visibleFirst = count ? indexAt(offsets, count, scrollTop) : 0;
  const visibleLast = count ? indexAt(offsets, count, scrollTop + height - 1) : -1;
  const start = Math.max(0, visibleFirst - margin);
  const end = Math.min(count, visibleLast + 1 + margin);
  const focus = Math.min(focusIndex, Math.max(0, count - 1));
  const tabbable = focus >= start && focus < end ? focus : start;

  useEffect(() => {
    onRange?.(start, end);
  }, [start, end, onRange]);

  // Focus moved by the keyboard lands on the item once it is rendered.
  useEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const moveTo = (i: number) => {
    const el = box.current;
    if (!el || !count) return;
    const target = Math.max(0, Math.min(count - 1, i));
    const top = offsets[target];
    const bottom = offsets[target + 1];
    let next = el.scrollTop;
    if (top < next) next = top;
    else if (bottom > next + height) next = bottom - height;
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      setScrollTop(next);
    }
    setFocusIndex(target);
    // Rendered already: focus it now; else once it is rendered.
    const now = el.querySelector<HTMLElement>(`[data-index="${target}"]`);
    if (now) now.focus({ preventScroll: true });
    else pendingFocus.current = target;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const item = e.target as HTMLElement;
    if (!item.hasAttribute?.('data-index')) return;
    const i = Number(item.getAttribute('data-index'));
    const page = Math.max(1, Math.floor(height / (total / Math.max(1, count))) - 1);
    const to: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      PageDown: i + page,
      PageUp: i - page,
      Home: 0,
      End: count - 1,
    };
    if (!(e.key in to)) return;
    e.preventDefault();
    moveTo(to[e.key]);
  };

  const onFocusIn = (e: FocusEvent) => {
    const item = (e.target as HTMLElement).closest?.('[data-index]');
    if (item) setFocusIndex(Number(item.getAttribute('data-index')));
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys move focus between the items inside; the box itself is not a control
    <div
      ref={box}
      class={`windowed-list${className ? ` ${className}` : ''}`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      <div style={{ height: `${total}px`, position: 'relative' }}>
        <div style={{ position: 'absolute', top: `${offsets[start]}px`, left: 0, right: 0 }}>
          {count ? renderRange(start, end, tabbable) : null}
        </div>
      </div>
    </div>
  );
}
