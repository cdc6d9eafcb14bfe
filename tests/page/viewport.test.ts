// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { blocksNear, SCROLL_IDLE_MS, scrollWatcher } from '../../lib/page/viewport';

/**
 * A page of `n` blocks 100 px tall stacked from the top, laid out by hand (happy-dom has no
 * layout): the viewport is 500 px tall and scrolled to `page.scrollY`.
 */
function stackedPage(n: number) {
  document.body.innerHTML = '';
  const page = { scrollY: 0, reads: 0 };
  Object.defineProperty(window, 'innerHeight', { value: 500, configurable: true });
  const blocks = Array.from({ length: n }, (_, i) => {
    const p = document.createElement('p');
    p.textContent = `Block ${i}`;
    p.getBoundingClientRect = () => {
      page.reads++;
      const top = i * 100 - page.scrollY;
      return { top, bottom: top + 100, height: 100, width: 600, left: 0, right: 600, x: 0, y: top } as DOMRect;
    };
    document.body.append(p);
    return p;
  });
  return { page, blocks };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const index = (els: Iterable<Element>) =>
  [...els].map((el) => Number(el.textContent?.split(' ')[1])).sort((a, b) => a - b);

describe('blocks near the viewport', () => {
  test('a screen either side of the viewport, found with a few reads on a long page', () => {
    const { page, blocks } = stackedPage(10_000);
    page.scrollY = 500_000; // block 5000 at the top of the viewport: blocks from -500 to 1000 px
    expect(index(blocksNear(blocks, 500))).toEqual(Array.from({ length: 17 }, (_, i) => 4994 + i));
    expect(page.reads).toBeLessThan(40);
  });
});

describe('the scroll watcher', () => {
  test('reports every observed block once, then what comes near and goes away as the reader scrolls', async () => {
    const { page, blocks } = stackedPage(100);
    const near = new Set<Element>();
    const reports: [number, boolean][] = [];
    const watcher = scrollWatcher(document)((el, isNear) => {
      reports.push([index([el])[0], isNear]);
      if (isNear) near.add(el);
      else near.delete(el);
    });
    expect(watcher).not.toBeNull();
    for (const b of blocks) watcher?.observe(b);
    await frame();
    // Blocks 0 to 10 are within a screen of a viewport at the top (0 to 1000 px).
    expect(index(near)).toEqual([...Array(11).keys()]);
    expect(reports).toHaveLength(100); // each block once, near or not
    reports.length = 0;
    page.scrollY = 3000;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    expect(index(near)).toEqual(Array.from({ length: 17 }, (_, i) => 24 + i));
    // Only the changes were reported: 11 went away, 17 came.
    expect(reports.filter(([, n]) => !n)).toHaveLength(11);
    expect(reports.filter(([, n]) => n)).toHaveLength(17);
    // An inner scroller's scroll counts too (captured at the document).
    page.scrollY = 6000;
    blocks[3].dispatchEvent(new Event('scroll'));
    await frame();
    expect(index(near)).toContain(60);
    expect(index(near)).not.toContain(30);
    // Unobserved blocks are no longer reported; after disconnect nothing is.
    watcher?.unobserve(blocks[90]);
    reports.length = 0;
    page.scrollY = 8500;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    expect(reports.some(([i]) => i === 90)).toBe(false);
    expect(reports.some(([i, n]) => i === 89 && n)).toBe(true);
    watcher?.disconnect();
    reports.length = 0;
    page.scrollY = 0;
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await frame();
    await frame();
    expect(reports).toEqual([]);
  });

  test('blocks observed out of order are put in page order before the search', async () => {
    const { page, blocks } = stackedPage(50);
    const near = new Set<Element>();
    const watcher = scrollWatcher(document)((el, isNear) => (isNear ? near.add(el) : near.delete(el)));
    for (const b of [...blocks].reverse()) watcher?.observe(b);
    page.scrollY = 2000;
    await frame();
    expect(index(near)).toEqual(Array.from({ length: 17 }, (_, i) => 14 + i));
    watcher?.disconnect();
  });

  test('given the blocks in document order, a check reads a few dozen positions, not every block', async () => {
    const { page, blocks } = stackedPage(10_000);
    const near = new Set<Element>();
    const watcher = scrollWatcher(document)((el, isNear) => (isNear ? near.add(el) : near.delete(el)));
    for (const b of blocks) watcher?.observe(b);
    watcher?.reorder?.(blocks);
    page.reads = 0;
    page.scrollY = 400_000;
    await frame();
    expect(index(near)).toEqual(Array.from({ length: 17 }, (_, i) => 3994 + i));
    expect(page.reads).toBeLessThan(60);
    // Without the order, every block's position is read once to sort them.
    const other = scrollWatcher(document)(() => {});
    for (const b of blocks) other?.observe(b);
    page.reads = 0;
    await frame();
    expect(page.reads).toBeGreaterThanOrEqual(10_000);
    watcher?.disconnect();
    other?.disconnect();
  });

  test('the page growing keeps the document order the lens gave: a check reads a few dozen positions, not every block', async () => {
    const { page, blocks } = stackedPage(10_000);
    // happy-dom lays nothing out: a ResizeObserver the test drives stands for the page's height changing.
    const observers: ((entries: { contentRect: { height: number } }[]) => void)[] = [];
    const win = window as unknown as { ResizeObserver: unknown };
    const before = win.ResizeObserver;
    win.ResizeObserver = class {
      constructor(cb: (entries: { contentRect: { height: number } }[]) => void) {
        observers.push(cb);
      }
      observe() {}
      disconnect() {}
    };
    const grow = (height: number) => {
      for (const cb of observers) cb([{ contentRect: { height } }]);
    };
    try {
      const near = new Set<Element>();
      const watcher = scrollWatcher(document)((el, isNear) => (isNear ? near.add(el) : near.delete(el)));
      for (const b of blocks) watcher?.observe(b);
      watcher?.reorder?.(blocks);
      grow(1_000_000); // its first report: the height when observed
      await frame();
      page.reads = 0;
      page.scrollY = 400_000;
      grow(1_000_100); // a paragraph appended
      await frame();
      expect(index(near)).toEqual(Array.from({ length: 17 }, (_, i) => 3994 + i));
      expect(page.reads).toBeLessThan(60);
      watcher?.disconnect();
      // Blocks put in order by their positions (no order given) are sorted again when the page grows.
      const other = scrollWatcher(document)(() => {});
      for (const b of blocks) other?.observe(b);
      grow(1_000_100);
      await frame();
      page.reads = 0;
      grow(1_000_200);
      await frame();
      expect(page.reads).toBeGreaterThanOrEqual(10_000);
      other?.disconnect();
    } finally {
      win.ResizeObserver = before;
    }
  });

  test('a resize of the window brings the check again', async () => {
    const { page, blocks } = stackedPage(40);
    const near = new Set<Element>();
    const watcher = scrollWatcher(document)((el, isNear) => (isNear ? near.add(el) : near.delete(el)));
    for (const b of blocks) watcher?.observe(b);
    await frame();
    expect(near.has(blocks[12])).toBe(false);
    Object.defineProperty(window, 'innerHeight', { value: 700, configurable: true });
    window.dispatchEvent(new Event('resize'));
    await frame();
    expect(near.has(blocks[12])).toBe(true); // within 2 × 700 px now
    expect(page.scrollY).toBe(0);
    watcher?.disconnect();
  });
});

describe('the scroll watcher drawing ahead while the reader scrolls', () => {
  test('a scroll widens the near set only when the screens around the viewport leave it, and narrows it once the scroll is over', async () => {
    const { page, blocks } = stackedPage(400);
    const near = new Set<Element>();
    let reports = 0;
    const watcher = scrollWatcher(document, { ahead: 4 })((el, isNear) => {
      reports++;
      if (isNear) near.add(el);
      else near.delete(el);
    });
    for (const b of blocks) watcher?.observe(b);
    watcher?.reorder?.(blocks);
    await frame();
    // At rest: a screen either side, as without `ahead`.
    expect(index(near)).toEqual([...Array(11).keys()]);
    // Scrolling a screen (500 px): blocks 5 to 15 must be near; the set widens 4 screens further
    // (2000 px either side of the usual band: blocks up to 3500 px, i.e. 0 to 35).
    page.scrollY = 500;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    expect(index(near)).toEqual([...Array(36).keys()]);
    // Another screen down: still covered, nothing reported.
    reports = 0;
    page.scrollY = 1000;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    expect(reports).toBe(0);
    expect(index(near)).toEqual([...Array(36).keys()]);
    // Far down: every block within a screen of the viewport is near, whatever came before.
    page.scrollY = 20_000;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    for (let i = 195; i <= 210; i++) expect(near.has(blocks[i])).toBe(true);
    expect(near.has(blocks[0])).toBe(false);
    // Once the scroll is over, back to a screen either side.
    await new Promise((r) => setTimeout(r, SCROLL_IDLE_MS + 50));
    await frame();
    expect(index(near)).toEqual(Array.from({ length: 17 }, (_, i) => 194 + i));
    watcher?.disconnect();
  });
});
