// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createHighlighter } from '../../lib/page/highlighter';
import { PageLens } from '../../lib/page/lens';
import { mayBeInspectionArticle } from '../../lib/page/quick-check';

const pages = path.resolve(import.meta.dirname, '../fixtures/pages');
function load(file: string) {
  const html = fs.readFileSync(path.join(pages, file), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<\/?html[^>]*>/g, '');
  return document;
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
    expect(p.querySelector('mark[data-il="il-grade-good"]')?.textContent).toBe('‘good’');
    p.remove();
    const third = lens.run();
    expect(third.counts['il-council']).toBe(first);
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

describe('quick check', () => {
  test('an inspection article passes', () => {
    expect(mayBeInspectionArticle(load('000_5b46b54a3be1f299.html'))).toBe(true);
  });
  test('a page with no sign of Ofsted or inspection stops here', () => {
    document.documentElement.innerHTML =
      '<head><title>Outstanding second half sees Plymouth beat Bristol</title></head><body><p>Plymouth produced an outstanding display.</p></body>';
    expect(mayBeInspectionArticle(document)).toBe(false);
  });
});
