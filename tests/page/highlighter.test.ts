// @vitest-environment happy-dom
// The <mark> fallback (browsers without the Highlight API) changes the page's DOM, so removing
// it must give the page back exactly what it had: the same text node objects, with the same
// text, split where the page split them. Frameworks keep references to their text nodes (React
// updates "Hackney was rated " and "good" as two nodes): merging them would break the page.
import { describe, expect, test } from 'vitest';
import { createHighlighter } from '../../lib/page/highlighter';

function paragraph(...texts: string[]): { p: HTMLParagraphElement; nodes: Text[] } {
  document.body.innerHTML = '';
  const p = document.createElement('p');
  const nodes = texts.map((t) => document.createTextNode(t));
  for (const n of nodes) p.appendChild(n);
  document.body.appendChild(p);
  return { p, nodes };
}

function rangeOf(node: Text, start: number, end: number, endNode: Text = node): Range {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(endNode, end);
  return r;
}

/** The paragraph's child nodes as they are, for comparing identity and text. */
const children = (p: Element) => [...p.childNodes];

describe('the <mark> fallback gives the page back its own text nodes', () => {
  test('a word inside a text node: marked, then unmarked into the same node object', () => {
    const { p, nodes } = paragraph('Ofsted rated Hackney good in 2019.');
    const h = createHighlighter(document, { forceMarks: true });
    const handle = h.add('il-council', rangeOf(nodes[0], 13, 20));
    expect(p.querySelector('mark[data-il="il-council"]')?.textContent).toBe('Hackney');
    h.remove('il-council', handle);
    expect(children(p)).toEqual(nodes);
    expect(nodes[0].data).toBe('Ofsted rated Hackney good in 2019.');
  });

  test("the page's adjacent text nodes stay apart (no normalize of the page's own nodes)", () => {
    const { p, nodes } = paragraph('Ofsted rated ', 'Hackney', ' ‘good’ in 2019.');
    const h = createHighlighter(document, { forceMarks: true });
    h.add('il-council', rangeOf(nodes[1], 0, 7));
    h.add('il-grade-good', rangeOf(nodes[2], 1, 7));
    expect(p.querySelectorAll('mark').length).toBe(2);
    h.clear();
    expect(children(p)).toEqual(nodes);
    expect(nodes.map((n) => n.data)).toEqual(['Ofsted rated ', 'Hackney', ' ‘good’ in 2019.']);
  });

  test('two marks in one node and a mark across nodes, removed in any order', () => {
    const { p, nodes } = paragraph('Essex was rated good and Kent ', 'inadequate overall.');
    const h = createHighlighter(document, { forceMarks: true });
    const essexRange = rangeOf(nodes[0], 0, 5);
    const essex = h.add('il-council', essexRange) as HTMLElement[];
    // Each range is made just before it is drawn, on the text nodes of that moment (as the lens does).
    const good = h.add('il-grade-good', rangeOf(p.querySelector('mark')?.nextSibling as Text, 11, 15));
    const kent = p.querySelector('mark[data-il="il-grade-good"]')?.nextSibling as Text;
    const acrossRange = rangeOf(kent, 5, 10, nodes[1]);
    const across = h.add('il-improvement', acrossRange);
    expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Essex', 'good', 'Kent ', 'inadequate']);
    h.remove('il-grade-good', good);
    // What is still drawn keeps its range on its words (the hover card finds them by it).
    expect(essex.length && essexRange.toString()).toBe('Essex');
    expect(p.querySelector('mark[data-il="il-council"]')?.textContent).toBe('Essex');
    expect(acrossRange.toString()).toBe('Kent inadequate');
    h.remove('il-improvement', across);
    h.remove('il-council', essex);
    expect(children(p)).toEqual(nodes);
    expect(nodes.map((n) => n.data)).toEqual(['Essex was rated good and Kent ', 'inadequate overall.']);
  });

  test('overlapping categories (a grade inside an improvement sentence) nest and unwind', () => {
    const { p, nodes } = paragraph('Leaders must improve plans that are not good enough.');
    const h = createHighlighter(document, { forceMarks: true });
    const sentence = h.add('il-improvement', rangeOf(nodes[0], 0, 52));
    const grade = h.add('il-grade-good', rangeOf(nodes[0], 40, 44));
    expect(p.querySelector('mark[data-il="il-improvement"] mark[data-il="il-grade-good"]')?.textContent).toBe('good');
    h.remove('il-improvement', sentence);
    h.remove('il-grade-good', grade);
    expect(children(p)).toEqual(nodes);
    expect(nodes[0].data).toBe('Leaders must improve plans that are not good enough.');
  });

  test('text the page changed meanwhile is kept as the page left it', () => {
    const { p, nodes } = paragraph('Bury was judged good by Ofsted.');
    const h = createHighlighter(document, { forceMarks: true });
    h.add('il-grade-good', rangeOf(nodes[0], 16, 20));
    // The page appends a node of its own after ours.
    const own = document.createTextNode(' Updated.');
    p.appendChild(own);
    h.clear();
    expect(p.textContent).toBe('Bury was judged good by Ofsted. Updated.');
    expect(own.isConnected).toBe(true);
    expect(nodes[0].isConnected).toBe(true);
    expect(p.querySelectorAll('mark').length).toBe(0);
  });
});

describe('the Highlight API highlighter', () => {
  /** A registry that counts its writes (each one makes Chromium repaint the page's highlights). */
  function withRegistry() {
    const map = new Map<string, unknown>();
    let writes = 0;
    const registry = {
      set(k: string, v: unknown) {
        writes++;
        return map.set(k, v);
      },
      delete(k: string) {
        writes++;
        return map.delete(k);
      },
      get: (k: string) => map.get(k),
    };
    class H extends Set<Range> {
      priority = 0;
    }
    const win = { CSS: { highlights: registry }, Highlight: H };
    const doc = { defaultView: win } as unknown as Document;
    return { h: createHighlighter(doc), map, writes: () => writes };
  }

  test('showing a category already shown does not register it again; shown after hiding, or after the page removed it, it is', () => {
    const { h, map, writes } = withRegistry();
    h.add('il-council', document.createRange());
    expect(h.mode).toBe('highlight-api');
    const registered = map.get('il-council');
    expect(registered).toBeDefined();
    const before = writes();
    h.setVisible('il-council', true);
    h.setVisible('il-council', true);
    expect(writes()).toBe(before);
    h.setVisible('il-council', false);
    expect(map.has('il-council')).toBe(false);
    h.setVisible('il-council', true);
    expect(map.get('il-council')).toBe(registered);
    // A page script can change the shared registry: the next run's showing puts ours back.
    map.delete('il-council');
    h.setVisible('il-council', true);
    expect(map.get('il-council')).toBe(registered);
  });
});
