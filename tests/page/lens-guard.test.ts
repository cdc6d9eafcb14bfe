// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import type { HighlightName } from '../../lib/analysis/findings';
import { PageLens } from '../../lib/page/lens';
import { loadRepeatedSeed, recordingHighlighter } from '../support/lens-page';

// A re-run takes the start of the last complete run's findings and entries as they are (see
// inTextOrderAfter and `settled` in lens.ts). After a run that drew only a long article's first
// part and was then abandoned (the page changed before the whole was read), there is no such
// run: the next run must check every entry, or a highlight of text that is gone stays drawn.

/** What is highlighted: each range's text, highlight and place (its paragraph's text, and whether it is in the page). */
const picture = (drawn: Map<Range, HighlightName>) =>
  [...drawn]
    .map(([r, name]) => {
      const at = r.startContainer;
      const block = at.parentElement?.closest('p, h1, li');
      return `${name} ${r.toString()} @ ${at.isConnected ? block?.textContent : '(removed)'}`;
    })
    .sort();

// No viewport watcher (happy-dom has no layout): every highlight is drawn; the first part is the top.
const options = { firstChars: 2_000, view: null, watcher: () => null };

test('a long article whose first part was drawn, then changed before the whole was read: the re-run highlights what a fresh lens does', async () => {
  const article = loadRepeatedSeed(12);
  const rec = recordingHighlighter();
  const lens = new PageLens(document, rec.hl, options);
  // The page changes as the first part is painted: the run is abandoned there (as the page
  // runner's is when its pause throws), with only the top drawn.
  const abandoned = new Error('page changed');
  await expect(
    lens.runAsync(
      () => Promise.resolve(),
      1_000,
      undefined,
      () => Promise.reject(abandoned),
    ),
  ).rejects.toBe(abandoned);
  const early = picture(rec.drawn);
  expect(early.length).toBeGreaterThan(0);
  // Every paragraph with a highlight in the first part is removed from the page.
  const gone = new Set<Element>();
  for (const r of rec.drawn.keys()) {
    const p = r.startContainer.parentElement?.closest('p');
    if (p) gone.add(p);
  }
  expect(gone.size).toBeGreaterThan(0);
  for (const p of gone) p.remove();
  expect(article.querySelectorAll('p').length).toBeGreaterThan(20);

  const report = lens.run();
  const fresh = recordingHighlighter();
  const freshLens = new PageLens(document, fresh.hl, options);
  const freshReport = freshLens.run();
  expect(report.isInspectionArticle).toBe(true);
  expect(picture(rec.drawn)).toEqual(picture(fresh.drawn));
  expect(picture(rec.drawn).some((s) => s.endsWith('(removed)'))).toBe(false);
  expect(report.counts).toEqual(freshReport.counts);
  const listed = (l: PageLens) => l.all().map((e) => `${e.finding.id} ${e.finding.text} @ ${e.block.textContent}`);
  expect(listed(lens)).toEqual(listed(freshLens));
});

test('a re-run abandoned while it placed the findings, then the page changed back: the next run lists and counts what a fresh lens does', async () => {
  const article = loadRepeatedSeed(12);
  const rec = recordingHighlighter();
  const lens = new PageLens(document, rec.hl, options);
  expect(lens.run().isInspectionArticle).toBe(true);
  const settled = lens.analysis;
  // A paragraph with new findings at the top: the re-run places them among its first findings.
  const added = document.createElement('p');
  added.textContent = 'Update: neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.';
  (article.querySelector('p') as Element).before(added);
  // Abandoned at its first pause once it has analysed the page (that is, while placing findings).
  const abandoned = new Error('page changed');
  await expect(
    lens.runAsync(() => (lens.analysis !== settled ? Promise.reject(abandoned) : Promise.resolve()), 0),
  ).rejects.toBe(abandoned);
  expect(lens.all().some((e) => e.block === added)).toBe(true);
  added.remove();

  const report = lens.run();
  const fresh = recordingHighlighter();
  const freshLens = new PageLens(document, fresh.hl, options);
  const freshReport = freshLens.run();
  const listed = (l: PageLens) => l.all().map((e) => `${e.finding.id} ${e.finding.text} @ ${e.block.textContent}`);
  expect(listed(lens)).toEqual(listed(freshLens));
  expect(report.counts).toEqual(freshReport.counts);
  expect(picture(rec.drawn)).toEqual(picture(fresh.drawn));
});
