// @vitest-environment happy-dom
// The text↔DOM mapping, both ways: a span of the page's text to a DOM Range, and a DOM point or
// Range back to text offsets, across inline elements, collapsed white space and blocks.
import { describe, expect, test } from 'vitest';
import { pageText } from '../../lib/page/clip-anchoring';
import { extractArticle } from '../../lib/page/extract';
import { offsetOf, rangeOfSpan, spanOfRange, textMapOf } from '../../lib/page/text-map';

const PAGES: [string, string][] = [
  [
    'plain paragraphs',
    '<h1>Council rated good</h1><p>Ofsted inspectors rated Hackney good in 2019 after a full inspection.</p><p>The council said it was pleased with the result of the inspection.</p>',
  ],
  [
    'inline elements inside a sentence',
    '<h1>Council rated good</h1><p>Ofsted inspectors rated <a href="/h"><em>Hackney</em></a> ‘<strong>good</strong>’ in 2019 after a full inspection.</p><p>The council said it was pleased with the result of the inspection.</p>',
  ],
  [
    'white space collapsed inside and between nodes',
    '<h1>Council rated good</h1><p>Ofsted   inspectors\n   rated <span> Hackney </span>  good   in 2019 after a full inspection.</p><p>The council said it was pleased with the result of the inspection.</p>',
  ],
];

function load(body: string) {
  document.documentElement.innerHTML = `<head><title>Council rated good</title></head><body><article>${body}</article></body>`;
  return pageText(document, 'article');
}

describe('text → DOM → text', () => {
  describe.each(PAGES)('%s', (_name, body) => {
    test.each([
      ['a word', 'Hackney', 'Hackney'],
      ['words across inline elements', 'rated', '2019'],
      ['a whole sentence', 'The', 'inspection.'],
      ['a passage across two blocks', 'after', 'council'],
      ['from the title into the first paragraph', 'rated', 'inspectors'],
    ])('%s', (_what, from, to) => {
      const map = load(body);
      const start = map.text.indexOf(from, _what.includes('title') ? 0 : map.text.indexOf('Ofsted'));
      const end = map.text.indexOf(to, start + 1 - (from === to ? 1 : 0)) + to.length;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
      const range = rangeOfSpan(document, map, { start, end });
      expect(range).not.toBeNull();
      // The DOM range holds the same characters (the DOM keeps its own white space between blocks).
      const letters = (x: string) => x.replace(/\s/g, '');
      expect(letters(range!.toString())).toBe(letters(map.text.slice(start, end)));
      // And back: the range maps to the very span it came from.
      expect(spanOfRange(map, range!)).toEqual({ start, end });
    });
  });
});

describe('DOM → text', () => {
  test.each([
    ['inside a text node', () => [document.querySelector('em')!.firstChild!, 2], 'ckney'],
    ['at an element boundary (before <em>)', () => [document.querySelector('a')!, 0], 'Hackney'],
    ['at the start of a paragraph element', () => [document.querySelectorAll('p')[1], 0], 'The council'],
  ] as [string, () => [Node, number], string][])('%s', (_what, point, following) => {
    const map = load(PAGES[1][1]);
    const [node, offset] = point();
    const at = offsetOf(map, node, offset, 'start');
    expect(at).not.toBeNull();
    expect(map.text.slice(at!, at! + following.length)).toBe(following);
  });

  test('a selection trimmed of white space at its ends', () => {
    const map = load(PAGES[2][1]);
    const span = document.querySelector('span')!.firstChild as Text;
    const r = document.createRange();
    r.setStart(span, 0);
    r.setEnd(span, span.data.length);
    const s = spanOfRange(map, r);
    expect(map.text.slice(s!.start, s!.end)).toBe('Hackney');
  });

  test('a point outside the article text maps to nothing', () => {
    document.documentElement.innerHTML =
      '<head><title>x</title></head><body><nav>Menu</nav><article><p>Ofsted inspectors rated Hackney good in 2019 after a full inspection of its services.</p></article></body>';
    const map = pageText(document, 'article');
    expect(offsetOf(map, document.querySelector('nav')!.firstChild!, 1, 'start')).toBeNull();
  });
});

test('the map of an extraction is the page text a clip counts in', () => {
  load(PAGES[1][1]);
  expect(textMapOf(extractArticle(document)).text).toBe(pageText(document).text);
});
