// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/analyze';
import type { HighlightName } from '../../lib/analysis/findings';
import { inTextOrder, PageLens } from '../../lib/page/lens';
import { mulberry32 } from '../support/fuzz';
import { loadRepeatedSeed, recordingHighlighter } from '../support/lens-page';

// A page that changes (a live blog, infinite scroll, an edit): each re-run reads and analyses
// only what changed, must highlight exactly what a fresh lens highlights, and must leave the
// highlights of the blocks it did not touch as they are (not removed and drawn again).

/** What is highlighted: each range's text, highlight and place (its block's text). */
const picture = (drawn: Map<Range, HighlightName>) =>
  [...drawn]
    .map(
      ([r, name]) => `${name} ${r.toString()} @ ${r.startContainer.parentElement?.closest('p, h1, li')?.textContent}`,
    )
    .sort();

/** The same edits on every run of the test. */
const random = mulberry32;

const NEW = [
  'Update: neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.',
  'Inspectors said leaders must improve the quality of supervision for social workers.',
  'Readers can leave a comment below this story.',
];

/** Reports the page's changes to the lens as the page runner does (lib/content/runner.ts). */
function reporter(lens: PageLens) {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return () => {
    for (const r of observer.takeRecords())
      if (r.type === 'characterData') lens.markDirty(r.target);
      else lens.markChildren(r.target, r.addedNodes, r.removedNodes);
  };
}

describe('the lens re-run after random changes to the page', () => {
  test.each([
    ['paragraphs in the article', false],
    ['paragraphs in a <div> per part', true],
  ])('%s: each re-run highlights what a fresh lens does; untouched blocks keep their highlights', (_name, wrapped) => {
    const article = loadRepeatedSeed(4, wrapped);
    const count = () => article.querySelectorAll('p').length;
    const rec = recordingHighlighter();
    const lens = new PageLens(document, rec.hl, { trackChanges: true });
    const report = reporter(lens);
    expect(lens.run().isInspectionArticle).toBe(true);
    const rnd = random(15);
    for (let step = 0; step < 40; step++) {
      // The blocks a change may touch: the one changed and the one after it (a grade's table
      // row reads the line above it).
      const touched = new Set<Element>();
      const edits = 1 + Math.floor(rnd() * 3);
      for (let e = 0; e < edits; e++) {
        const paras = [...article.querySelectorAll('p')];
        const i = Math.floor(rnd() * paras.length);
        const r = rnd();
        if (r < 0.35) {
          const p = document.createElement('p');
          p.textContent = NEW[step % NEW.length];
          if (r < 0.15) (paras[paras.length - 1].parentElement as Element).append(p);
          else paras[i].before(p);
          touched.add(p).add(paras[i]);
        } else if (r < 0.6) {
          const text = paras[i].firstChild as Text;
          text.data = `${text.data} Leaders must now act.`;
          touched.add(paras[i]).add(paras[i + 1]);
        } else if (r < 0.8) {
          paras[i].remove();
          touched.add(paras[i]).add(paras[i + 1]);
        } else {
          // A paragraph moved elsewhere, with the white space before it.
          const j = Math.floor(rnd() * paras.length);
          const space = paras[i].previousSibling;
          paras[j].after(paras[i]);
          if (space?.nodeType === 3) paras[i].before(space);
          touched
            .add(paras[i])
            .add(paras[i + 1])
            .add(paras[j + 1]);
        }
      }
      report();
      const before = new Map([...rec.drawn.keys()].map((range) => [range, range.startContainer.parentElement]));
      const removedBefore = rec.removed();
      const again = lens.run();
      // Only what changed was read from the page and analysed again; the rest of the article's
      // children were taken from the last run's list.
      expect(lens.lastRun.reread, `step ${step}`).toBeLessThanOrEqual(edits);
      expect(lens.lastRun.analysed, `step ${step}`).toBeLessThanOrEqual(edits);
      expect(lens.lastRun.listed, `step ${step}`).toBeGreaterThan(count());
      const fresh = recordingHighlighter();
      const freshLens = new PageLens(document, fresh.hl);
      const freshReport = freshLens.run();
      expect(again.counts, `step ${step}`).toEqual(freshReport.counts);
      // The findings in text order (taken from the last run's up to the first change) are the
      // analysis's, as a whole merge gives them; every finding has its entry, in that order.
      const order = inTextOrder(again.analysis as Analysis);
      expect(lens.inOrder.length, `step ${step}`).toBe(order.length);
      expect(
        lens.inOrder.findIndex((f, i) => f !== order[i]),
        `step ${step}`,
      ).toBe(-1);
      const listed = (l: PageLens) => l.all().map((e) => `${e.finding.id} ${e.finding.text} @ ${e.block.textContent}`);
      expect(listed(lens), `step ${step}`).toEqual(listed(freshLens));
      expect(picture(rec.drawn), `step ${step}`).toEqual(picture(fresh.drawn));
      // A highlight outside the touched blocks is the same Range as before: not removed, not redrawn.
      let kept = 0;
      for (const [range, parent] of before) {
        const block = parent?.closest('p');
        if (!block?.isConnected || touched.has(block)) continue;
        expect(rec.drawn.has(range), `step ${step}: ${range.toString()}`).toBe(true);
        kept++;
      }
      expect(kept).toBeGreaterThan(20);
      expect(rec.removed() - removedBefore).toBeLessThanOrEqual(before.size - kept);
    }
  });

  test('a paragraph put before another with the same text: the highlights follow the elements', () => {
    const article = loadRepeatedSeed(3, false);
    const rec = recordingHighlighter();
    const lens = new PageLens(document, rec.hl, { trackChanges: true });
    const report = reporter(lens);
    lens.run();
    const paras = [...article.querySelectorAll('p')];
    // Each range's text, highlight and element (its place among the paragraphs: some texts repeat).
    const placed = (drawn: Map<Range, HighlightName>) => {
      const all = [...article.querySelectorAll('p')];
      return [...drawn]
        .map(
          ([r, name]) =>
            `${name} ${r.toString()} @ ${all.indexOf(r.startContainer.parentElement?.closest('p') as HTMLParagraphElement)}`,
        )
        .sort();
    };
    const target = paras.find((p) => /Southwark|Ofsted|council/i.test(p.textContent ?? '')) as Element;
    for (let step = 0; step < 3; step++) {
      // A copy of the paragraph (same text, a new element) before it, then the original removed.
      const copy = target.cloneNode(true) as Element;
      if (step === 1) target.before(copy);
      else if (step === 0) target.after(copy);
      else copy.remove();
      report();
      lens.run();
      const fresh = recordingHighlighter();
      new PageLens(document, fresh.hl).run();
      expect(placed(rec.drawn), `step ${step}`).toEqual(placed(fresh.drawn));
      expect([...rec.drawn.keys()].every((r) => r.startContainer.isConnected && !r.collapsed)).toBe(true);
    }
    target.remove();
    report();
    lens.run();
    const fresh = recordingHighlighter();
    new PageLens(document, fresh.hl).run();
    expect(placed(rec.drawn)).toEqual(placed(fresh.drawn));
    expect([...rec.drawn.keys()].every((r) => r.startContainer.isConnected && !r.collapsed)).toBe(true);
  });
});
