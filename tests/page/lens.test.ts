// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { HighlightName } from '../../lib/analysis/findings';
import { createHighlighter, type Highlighter } from '../../lib/page/highlighter';
import { PageLens, type ViewportWatcher } from '../../lib/page/lens';
import { mayBeInspectionArticle } from '../../lib/page/quick-check';
import { setMarking } from '../../lib/page/timing';
import { MIXED_BLOCKS_BODY, MIXED_BLOCKS_TITLE } from '../support/pages';

const pages = path.resolve(import.meta.dirname, '../fixtures/pages');
function load(file: string) {
  const html = fs.readFileSync(path.join(pages, file), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<\/?html[^>]*>/g, '');
  return document;
}

/** Runs the lens to its end with no pauses; the highlights drawn at each paint of a first part, in order. */
async function runRecordingPaints(lens: PageLens, hl: { drawn: Map<Range, unknown> }) {
  const paints: Range[][] = [];
  const report = await lens.runAsync(
    async () => {},
    1000,
    undefined,
    async () => {
      paints.push([...hl.drawn.keys()]);
    },
  );
  return { report, paints, atPaint: paints.at(-1) ?? [] };
}

describe('the page lens with <mark> fallback (happy-dom has no Highlight API)', () => {
  test('highlights every finding of a seed page and removes them cleanly', () => {
    const doc = load('003_7373dea24638aad1.html');
    const before = doc.body.innerHTML;
    const textBefore = doc.body.textContent;
    const lens = new PageLens(doc, createHighlighter(doc, { forceMarks: true }));
    const report = lens.run();
    expect(report.isInspectionArticle).toBe(true);
    const marks = [...doc.querySelectorAll('mark[data-il]')];
    const byName = (n: string) => marks.filter((m) => m.getAttribute('data-il') === n).map((m) => m.textContent);
    // A quoted grade whose word sits in an <em> is wrapped piece by piece: ‘ <em>good</em> ’.
    expect(byName('il-grade-outstanding').join('')).toBe('‘outstanding’'.repeat(3));
    expect(byName('il-grade-good').join('')).toBe('‘good’');
    expect(byName('il-grade-requires-improvement').join('')).toBe('‘requires improvement’');
    expect(new Set(byName('il-council'))).toEqual(new Set(['Essex council', 'Essex', 'Plymouth', 'Nottingham']));
    expect(report.counts['il-improvement']).toBe(3);
    expect(doc.body.textContent).toBe(textBefore);
    lens.clear();
    expect(doc.querySelectorAll('mark').length).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
  });

  test('a page that breaks performance.mark does not break the lens', () => {
    const doc = load('003_7373dea24638aad1.html');
    setMarking(true); // marks are made only when the benchmark asks for them
    const mark = vi.spyOn(performance, 'mark').mockImplementation(() => {
      throw new TypeError('not allowed');
    });
    try {
      const lens = new PageLens(doc, createHighlighter(doc, { forceMarks: true }));
      expect(lens.run().isInspectionArticle).toBe(true);
      expect(doc.querySelectorAll('mark[data-il]').length).toBeGreaterThan(5);
      expect(mark).toHaveBeenCalled();
    } finally {
      mark.mockRestore();
      setMarking(null);
    }
  });

  test('a non-article page gets nothing', () => {
    const doc = load('near-council-news.html');
    const lens = new PageLens(doc, createHighlighter(doc, { forceMarks: true }));
    expect(lens.run().isInspectionArticle).toBe(false);
    expect(doc.querySelectorAll('mark').length).toBe(0);
  });

  test('content added later is highlighted on the next run; removed content leaves nothing', () => {
    const doc = load('004_c2a22b1b94052d91.html');
    const lens = new PageLens(doc, createHighlighter(doc, { forceMarks: true }));
    const first = lens.run().counts['il-council'] ?? 0;
    const p = doc.createElement('p');
    p.textContent = 'Neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.';
    doc.querySelector('article')?.appendChild(p);
    const second = lens.run();
    expect(second.counts['il-council']).toBe(first + 1);
    // Only the new paragraph was analysed; every other block's results were reused.
    expect(lens.lastRun.analysed).toBe(1);
    expect(lens.lastRun.reused).toBeGreaterThan(5);
    expect(p.querySelector('mark[data-il="il-grade-good"]')?.textContent).toBe('‘good’');
    p.remove();
    const third = lens.run();
    expect(third.counts['il-council']).toBe(first);
  });

  test('text around a nested paragraph (several blocks of one element) is marked where it stands', () => {
    document.documentElement.innerHTML = `<head><title>${MIXED_BLOCKS_TITLE}</title></head><body>${MIXED_BLOCKS_BODY}</body>`;
    const doc = document;
    const text = doc.body.textContent;
    const lens = new PageLens(doc, createHighlighter(doc, { forceMarks: true }));
    expect(lens.run().isInspectionArticle).toBe(true);
    const marked = (name: string) =>
      [...doc.querySelectorAll(`mark[data-il="${name}"]`)].map((m) => m.textContent).join('|');
    expect(marked('il-grade-good')).toBe('‘good’');
    // The headline's grade, then the one in the text after the first nested paragraph.
    expect(marked('il-grade-outstanding')).toBe('outstanding|‘outstanding’');
    expect(marked('il-grade-inadequate')).toBe('‘inadequate’');
    expect(marked('il-council')).toContain('Kent County Council');
    expect(marked('il-council')).toContain('Medway Council');
    // Every finding is found again under its own marks.
    for (const e of lens.all()) {
      const mark = doc.querySelector(`mark[data-il="${e.finding.highlight}"]`);
      expect(mark).not.toBeNull();
      expect(e.range.toString()).toBe(e.finding.text);
    }
    expect(doc.body.textContent).toBe(text);
    lens.clear();
    expect(doc.querySelectorAll('mark').length).toBe(0);
  });

  test('findingsAt finds the grade under a point', () => {
    const doc = load('000_5b46b54a3be1f299.html');
    const lens = new PageLens(doc, createHighlighter(doc, { forceMarks: true }));
    lens.run();
    const mark = doc.querySelector('mark[data-il="il-grade-good"]') as HTMLElement;
    const hits = lens.findingsAt(mark.firstChild as Node, 1);
    expect(hits[0].finding).toMatchObject({ kind: 'grade', grade: 'good', councils: [{ name: 'Hackney' }] });
  });
});

/** A Highlight-API highlighter that records what is drawn (happy-dom has no CSS.highlights). */
function recordingHighlighter(): Highlighter & { drawn: Map<Range, HighlightName> } {
  const drawn = new Map<Range, HighlightName>();
  return {
    mode: 'highlight-api',
    drawn,
    add(name, range) {
      drawn.set(range, name);
      return range;
    },
    remove(_name, handle) {
      drawn.delete(handle as Range);
    },
    setVisible() {},
    clear() {
      drawn.clear();
    },
  };
}

/** A viewport the test moves: the blocks it calls near, reported like an IntersectionObserver. */
function fakeViewport() {
  const observed = new Set<Element>();
  let report: (el: Element, near: boolean) => void = () => {};
  let nearNow = new Set<Element>();
  return {
    observed,
    watcher: (onChange: (el: Element, near: boolean) => void): ViewportWatcher => {
      report = onChange;
      return {
        observe: (el) => observed.add(el),
        unobserve: (el) => observed.delete(el),
        disconnect: () => observed.clear(),
      };
    },
    nearViewport: (blocks: Element[]) => new Set(blocks.filter((b) => nearNow.has(b))),
    /** Placement as the lens reads it: near, or before or after the last near element. */
    view: (el: Element): -1 | 0 | 1 => {
      if (nearNow.has(el)) return 0;
      const last = [...nearNow].pop();
      return last && last.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !last.contains(el) ? 1 : -1;
    },
    /** Moves the viewport so that exactly `els` are near, reporting changes for observed blocks. */
    scrollTo(els: Element[]) {
      nearNow = new Set(els);
      for (const el of [...observed]) report(el, nearNow.has(el));
    },
    setInitial(els: Element[]) {
      nearNow = new Set(els);
    },
  };
}

describe('the page lens on a long article: only highlights near the viewport are drawn', () => {
  test('blocks are drawn as they come near and undrawn as they leave; counts cover the whole page', () => {
    const doc = load('003_7373dea24638aad1.html');
    // The first two paragraphs that name a grade or a council are "on screen" at first.
    const paras = [...doc.querySelectorAll('article p')].filter((p) =>
      /Essex|outstanding|good/.test(p.textContent ?? ''),
    );
    const vp = fakeViewport();
    vp.setInitial(paras.slice(0, 2));
    const hl = recordingHighlighter();
    const lens = new PageLens(doc, hl, { windowAt: 5, watcher: vp.watcher, nearViewport: vp.nearViewport });
    const report = lens.run();
    const total = Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0);
    expect(lens.isWindowed).toBe(true);
    expect(total).toBeGreaterThan(10);
    // The first guess: only findings in the first two paragraphs are drawn.
    const drawnBlocks = () =>
      new Set([...hl.drawn.keys()].map((r) => (r.startContainer.parentElement as Element).closest('p')));
    expect(hl.drawn.size).toBeGreaterThan(0);
    expect(hl.drawn.size).toBeLessThan(total);
    for (const b of drawnBlocks()) expect(paras.slice(0, 2)).toContain(b);
    // Scrolling to the end: the first paragraphs' highlights go, the last ones' come.
    const withFindings = [...vp.observed];
    const last = withFindings.slice(-2);
    vp.scrollTo(last);
    for (const b of drawnBlocks()) expect(last).toContain(b);
    expect(hl.drawn.size).toBe(lens.drawn);
    expect(lens.drawn).toBeGreaterThan(0);
    // Everything near: every finding drawn, each once.
    vp.scrollTo(withFindings);
    expect(hl.drawn.size).toBe(total);
    expect(new Set([...hl.drawn.keys()].map((r) => r.toString())).size).toBeGreaterThan(5);
    // The hover lookup and keyboard order see the page's findings in document order.
    const all = lens.all();
    expect(all).toHaveLength(total);
    for (let i = 1; i < all.length; i++)
      expect(all[i - 1].range.compareBoundaryPoints(Range.START_TO_START, all[i].range)).toBeLessThanOrEqual(0);
    lens.clear();
    expect(hl.drawn.size).toBe(0);
    expect(vp.observed.size).toBe(0);
  });

  test('a re-run keeps the drawn set; removed blocks stop being watched', () => {
    const doc = load('003_7373dea24638aad1.html');
    const vp = fakeViewport();
    const hl = recordingHighlighter();
    const lens = new PageLens(doc, hl, { windowAt: 5, watcher: vp.watcher, nearViewport: vp.nearViewport });
    lens.run();
    const blocks = [...vp.observed];
    vp.scrollTo(blocks);
    const drawnBefore = hl.drawn.size;
    lens.run();
    expect(hl.drawn.size).toBe(drawnBefore);
    blocks[0].remove();
    lens.run();
    expect(vp.observed.has(blocks[0])).toBe(false);
    expect(hl.drawn.size).toBeLessThan(drawnBefore);
    expect([...hl.drawn.keys()].every((r) => r.startContainer.isConnected)).toBe(true);
  });

  test('the top of a long article is drawn and painted before the rest is analysed', async () => {
    const doc = load('003_7373dea24638aad1.html');
    const vp = fakeViewport();
    vp.setInitial([...doc.querySelectorAll('article *')]); // everything counts as near here
    const hl = recordingHighlighter();
    const lens = new PageLens(doc, hl, {
      watcher: vp.watcher,
      nearViewport: vp.nearViewport,
      // The top then ends after the grade of block 22: councils named earlier must still land in their own blocks.
      firstChars: 4000,
      view: null, // the top alone
    });
    const textOffset = (r: Range) => {
      const pre = doc.createRange();
      pre.setStart(doc.body, 0);
      pre.setEnd(r.startContainer, r.startOffset);
      return pre.toString().length;
    };
    const { report, atPaint } = await runRecordingPaints(lens, hl);
    const total = Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0);
    expect(atPaint.length).toBeGreaterThan(0);
    expect(atPaint.length).toBeLessThan(total);
    // What was painted first all lies before what came later.
    const firstEnd = Math.max(...atPaint.map(textOffset));
    const later = [...hl.drawn.keys()].filter((r) => !atPaint.includes(r));
    expect(later.length).toBeGreaterThan(0);
    expect(Math.min(...later.map(textOffset))).toBeGreaterThan(firstEnd - 200);
    // The early highlights were kept, not drawn twice: every finding is drawn exactly once.
    expect(hl.drawn.size).toBe(total);
    for (const r of atPaint) expect(hl.drawn.has(r)).toBe(true);
    // Each early highlight covered its finding's own words, of every kind.
    const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
    const byRange = new Map(lens.all().map((e) => [e.range, e.finding]));
    for (const r of atPaint) expect(squash(r.toString())).toBe(squash(byRange.get(r)?.text ?? ''));
    expect(new Set(atPaint.map((r) => byRange.get(r)?.kind))).toEqual(new Set(['grade', 'council']));
  });

  test('the first part is a few screens of a long article: articles under 30,000 characters are drawn in one go', async () => {
    /** Runs a lens with the default first part (no layout here: the top alone); what the paint saw and the total. */
    const run = async (repeats: number) => {
      const doc = load('003_7373dea24638aad1.html');
      const article = doc.querySelector('article') as Element;
      const paragraphs = [...article.querySelectorAll('p')];
      for (let i = 1; i < repeats; i++) for (const p of paragraphs) article.append(p.cloneNode(true));
      const vp = fakeViewport();
      vp.setInitial([...doc.querySelectorAll('article *')]);
      const hl = recordingHighlighter();
      const lens = new PageLens(doc, hl, { watcher: vp.watcher, nearViewport: vp.nearViewport, view: null });
      const { report, paints, atPaint } = await runRecordingPaints(lens, hl);
      const chars = (article.textContent ?? '').length;
      return {
        painted: paints.length,
        atPaint: atPaint.length,
        total: hl.drawn.size,
        chars,
        article: report.isInspectionArticle,
      };
    };
    // Seed 003 (about 4,700 characters) and its paragraphs four times over (a long read of some
    // 20,000): analysed and drawn whole, with no pause for a paint in between.
    for (const repeats of [1, 4]) {
      const one = await run(repeats);
      expect(one.article).toBe(true);
      expect(one.chars).toBeLessThan(30_000);
      expect(one.painted).toBe(0);
    }
    // Eight times over (some 37,000 characters): only the top few screens are painted first (a
    // fifth of the article, not the first 30,000 characters), the rest follows.
    const long = await run(8);
    expect(long.chars).toBeGreaterThan(30_000);
    expect(long.painted).toBe(1);
    expect(long.atPaint).toBeGreaterThan(0);
    expect(long.atPaint).toBeLessThan(long.total / 3);
  });

  test('at the top of a long article the first part is the reader’s screens: no more is analysed before the first paint', async () => {
    const doc = load('003_7373dea24638aad1.html');
    const article = doc.querySelector('article') as Element;
    const paragraphs = [...article.querySelectorAll('p')];
    for (let i = 1; i < 8; i++) for (const p of paragraphs) article.append(p.cloneNode(true));
    // The reader's screens (the viewport and the one below) hold the first paragraphs, some
    // 2,500 characters: those that name a grade or council are near.
    const all = [...article.querySelectorAll('p')];
    let chars = 0;
    const screens = all.filter((p) => {
      chars += (p.textContent ?? '').length;
      return chars - (p.textContent ?? '').length < 2500;
    });
    const vp = fakeViewport();
    vp.setInitial(screens);
    const hl = recordingHighlighter();
    const lens = new PageLens(doc, hl, { watcher: vp.watcher, nearViewport: vp.nearViewport, view: vp.view });
    let analysedFirst = 0;
    let drawnFirst: Range[] = [];
    const report = await lens.runAsync(
      async () => {},
      1000,
      undefined,
      async () => {
        analysedFirst = lens.analysis?.prepared.text.length ?? 0;
        drawnFirst = [...hl.drawn.keys()];
      },
    );
    expect(report.isInspectionArticle).toBe(true);
    const screensText = screens.reduce((n, p) => n + (p.textContent ?? '').length, 0);
    const title = (doc.querySelector('h1')?.textContent ?? '').length;
    // The first part's analysis read the screens (and the headline), not 8,000 characters.
    expect(analysedFirst).toBeGreaterThan(screensText * 0.9);
    expect(analysedFirst).toBeLessThan(screensText + title + 1000);
    // Every highlight on those screens was drawn at the first paint; the whole article adds none there.
    const onScreens = (r: Range) => screens.some((p) => p.contains(r.startContainer));
    expect(drawnFirst.length).toBeGreaterThan(0);
    expect(drawnFirst.every(onScreens)).toBe(true);
    expect([...hl.drawn.keys()].filter(onScreens).length).toBe(drawnFirst.length);
  });

  test('a long article reloaded scrolled down: the first part drawn is what the reader sees', async () => {
    const run = async (view: 'fake' | null) => {
      const doc = load('003_7373dea24638aad1.html');
      const vp = fakeViewport();
      // The reader is at the last two paragraphs that name a grade or a council, far below the top.
      const near = [...doc.querySelectorAll('article p')]
        .filter((p) => /Essex|Plymouth|Nottingham|outstanding|good/.test(p.textContent ?? ''))
        .slice(-2);
      vp.setInitial(near);
      const hl = recordingHighlighter();
      const lens = new PageLens(doc, hl, {
        watcher: vp.watcher,
        nearViewport: vp.nearViewport,
        firstChars: 1500,
        view: view ? vp.view : null,
      });
      const { report, paints, atPaint } = await runRecordingPaints(lens, hl);
      const painted = paints.length;
      const inNear = (r: Range) => near.some((p) => p.contains(r.startContainer));
      return { atPaint, painted, inNear, report, drawn: hl.drawn.size };
    };
    const scrolled = await run('fake');
    expect(scrolled.painted).toBe(1);
    expect(scrolled.atPaint.length).toBeGreaterThan(0);
    expect(scrolled.atPaint.every(scrolled.inNear)).toBe(true);
    // The whole article is still analysed and drawn in the end, each finding once.
    const total = Object.values(scrolled.report.counts).reduce((a, b) => a + (b ?? 0), 0);
    expect(scrolled.drawn).toBe(total);
    // With the top alone, the reader would have seen nothing until the whole article was done.
    const topOnly = await run(null);
    expect(topOnly.painted).toBe(1);
    expect(topOnly.atPaint.filter(topOnly.inNear)).toEqual([]);
    expect(topOnly.report.counts).toEqual(scrolled.report.counts);
  });

  test('a page that changes between slices of the work: no error, and the next run leaves nothing stale', async () => {
    const doc = load('003_7373dea24638aad1.html');
    const hl = recordingHighlighter();
    const lens = new PageLens(doc, hl, { windowAt: 100_000 });
    const paras = [...doc.querySelectorAll('article p')];
    let pauses = 0;
    // Every pause, the page removes a paragraph and rewrites another (a live blog, an editor).
    const report = await lens.runAsync(
      async () => {
        pauses++;
        paras[pauses]?.remove();
        const p = paras[paras.length - pauses];
        if (p) p.textContent = 'Rewritten while the lens was working: Essex was rated good.';
      },
      0, // pause after every step
    );
    expect(pauses).toBeGreaterThan(3);
    expect(report.isInspectionArticle).toBe(true);
    const again = lens.run();
    expect(again.isInspectionArticle).toBe(true);
    const ranges = [...hl.drawn.keys()];
    expect(ranges.length).toBe(Object.values(again.counts).reduce((a, b) => a + (b ?? 0), 0));
    expect(ranges.every((r) => r.startContainer.isConnected && !r.collapsed)).toBe(true);
  });

  test('with changes reported, a re-run reads again only the changed blocks and finds the same as a fresh lens', () => {
    const doc = load('004_c2a22b1b94052d91.html');
    const hl = recordingHighlighter();
    const lens = new PageLens(doc, hl, { trackChanges: true });
    lens.run();
    const p = doc.createElement('p');
    p.textContent = 'Neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.';
    const article = doc.querySelector('article') as Element;
    article.appendChild(p);
    lens.markDirty(article);
    const again = lens.run();
    expect(lens.lastRun.notReread).toBeGreaterThan(5);
    expect(lens.lastRun.reread).toBeGreaterThan(0);
    expect(lens.lastRun.reread).toBeLessThan(lens.lastRun.notReread);
    expect(lens.lastRun.analysed).toBe(1);
    const fresh = new PageLens(doc, recordingHighlighter()).run();
    expect(again.counts).toEqual(fresh.counts);
    expect([...hl.drawn.keys()].some((r) => r.toString() === '‘good’' && p.contains(r.startContainer))).toBe(true);
  });

  test('below the threshold everything is drawn at once', () => {
    const doc = load('003_7373dea24638aad1.html');
    const vp = fakeViewport();
    const hl = recordingHighlighter();
    const lens = new PageLens(doc, hl, { windowAt: 1000, watcher: vp.watcher, nearViewport: vp.nearViewport });
    const report = lens.run();
    expect(lens.isWindowed).toBe(false);
    expect(hl.drawn.size).toBe(Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0));
    expect(vp.observed.size).toBe(0);
  });
});

describe('quick check', () => {
  test('an inspection article passes', () => {
    expect(mayBeInspectionArticle(load('000_5b46b54a3be1f299.html'))).toBe(true);
  });
  test('a sign in the metadata is enough (description, og:title, keywords)', () => {
    for (const meta of [
      '<meta name="description" content="Inspectors rated the council inadequate">',
      '<meta property="og:title" content="Ofsted: Hackney improves">',
      '<meta name="keywords" content="children, ofsted, council">',
    ]) {
      document.documentElement.innerHTML = `<head><title>News</title>${meta}</head><body><p>Story text.</p></body>`;
      expect(mayBeInspectionArticle(document)).toBe(true);
    }
    document.documentElement.innerHTML =
      '<head><title>News</title><meta name="author" content="Ofsted Reporter"></head><body><p>Story text.</p></body>';
    expect(mayBeInspectionArticle(document)).toBe(false);
  });

  test('the text sample skips scripts and styles: their words are not the page text', () => {
    document.documentElement.innerHTML = `<head><title>News</title></head><body><script>var tags = ["ofsted"];</script><style>.ofsted { color: red }</style><p>${'Weather and sport. '.repeat(20)}</p></body>`;
    expect(mayBeInspectionArticle(document)).toBe(false);
    document.documentElement.innerHTML = `<head><title>News</title></head><body><script>${'x'.repeat(9000)}</script><p>Ofsted has published its report.</p></body>`;
    expect(mayBeInspectionArticle(document)).toBe(true);
  });

  test("a headline-only stub about a council's children's services passes without naming Ofsted", () => {
    document.documentElement.innerHTML =
      "<head><title>Derby children's social care judged outstanding</title></head><body><p>Subscribe to read more.</p></body>";
    expect(mayBeInspectionArticle(document)).toBe(true);
  });

  test('a page with no sign of Ofsted or inspection stops here', () => {
    document.documentElement.innerHTML =
      '<head><title>Outstanding second half sees Plymouth beat Bristol</title></head><body><p>Plymouth produced an outstanding display.</p></body>';
    expect(mayBeInspectionArticle(document)).toBe(false);
  });
});
