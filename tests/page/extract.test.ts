import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import { type ExtractedBlock, extractArticle } from '../../lib/page/extract';

const pages = path.resolve(import.meta.dirname, '../fixtures/pages');
const load = (name: string) => parseHtml(fs.readFileSync(path.join(pages, name), 'utf8'));

/** Rebuilds a block's text from its DOM segments: it must equal the block text exactly. */
function fromSegments(b: ExtractedBlock): string {
  let out = '';
  for (const s of b.segments) {
    while (out.length < s.start) out += ' ';
    for (let i = 0; i < s.length; i++) {
      const off = s.offsets ? s.offsets[i] : s.nodeStart + i;
      const c = s.node.data[off];
      out += /\s/.test(c) ? ' ' : c;
    }
  }
  return out;
}

describe('main-content extraction', () => {
  test.each(fs.readdirSync(pages).filter((f) => f.endsWith('.html')))('%s: the article, not the clutter', (file) => {
    const x = extractArticle(load(file));
    const all = x.blocks.map((b) => b.text).join('\n');
    expect(['ARTICLE', 'MAIN']).toContain(x.root.tagName);
    expect(x.title.length).toBeGreaterThan(3);
    expect(x.titleBlock?.element.tagName).toBe('H1');
    expect(all).not.toMatch(
      /Related stories|Sign up to our newsletter|Example Street|Privacy|Jobs|Read more|Most read|Reader comment|cookies|HU5 1UN/,
    );
    for (const b of x.blocks) expect(fromSegments(b)).toBe(b.text);
  });

  test('white space is collapsed and inline markup joins into one block', () => {
    const doc = parseHtml(
      '<html><body><article><h1>Head  line</h1><p>  Lambeth was\n   rated <em>‘inadequate’</em> by <a href="#">Ofsted</a>, inspectors said, and this paragraph is long enough.</p></article></body></html>',
    );
    const x = extractArticle(doc);
    expect(x.title).toBe('Head line');
    expect(x.blocks.map((b) => b.text)).toEqual([
      'Lambeth was rated ‘inadequate’ by Ofsted, inspectors said, and this paragraph is long enough.',
    ]);
    expect(fromSegments(x.blocks[0])).toBe(x.blocks[0].text);
    // Five text nodes; the first, with white space collapsed inside it, maps as linear pieces.
    expect(new Set(x.blocks[0].segments.map((s) => s.node)).size).toBe(5);
    const first = x.blocks[0].segments.filter((s) => s.node === x.blocks[0].segments[0].node);
    expect(first.map((s) => s.node.data.slice(s.nodeStart, s.nodeStart + s.length))).toEqual([
      'Lambeth was\n',
      'rated ',
    ]);
    expect(first.every((s) => s.offsets === null)).toBe(true);
  });

  test('white space at node edges: a space after a space is dropped, non-breaking spaces become spaces', () => {
    const doc = parseHtml(
      '<html><body><article><p>Ofsted said <b> Hackney </b> \u00a0 was <i>\n\tgood</i>\u00a0and more words to make it long enough.</p></article></body></html>',
    );
    const b = extractArticle(doc).blocks[0];
    expect(b.text).toBe('Ofsted said Hackney was good and more words to make it long enough.');
    expect(fromSegments(b)).toBe(b.text);
  });

  test('a headline outside the article body still gives the title, without the site name', () => {
    const body =
      '<body><header class="masthead"><h1>Site News</h1></header><div class="top"><h1>Lambeth exits inadequate</h1></div><article><p>Ofsted has rated Lambeth’s children’s services as requiring improvement, inspectors said in a report.</p></article></body>';
    expect(
      extractArticle(parseHtml(`<html><head><title>Lambeth exits inadequate | CYP Now</title></head>${body}</html>`))
        .title,
    ).toBe('Lambeth exits inadequate');
    const noH1 =
      '<body><article><p>Ofsted has rated Lambeth’s children’s services as requiring improvement, inspectors said.</p></article></body>';
    expect(
      extractArticle(parseHtml(`<html><head><title>Lambeth exits inadequate | CYP Now</title></head>${noH1}</html>`))
        .title,
    ).toBe('Lambeth exits inadequate');
  });

  test('hidden, script and aria-hidden content is not text', () => {
    const doc = parseHtml(
      '<html><body><main><p>Visible paragraph about Hackney children’s services and Ofsted, long enough to count.</p><p hidden>Hidden Essex</p><script>var Kent = 1</script><p aria-hidden="true">Aria Surrey</p></main></body></html>',
    );
    const text = extractArticle(doc)
      .blocks.map((b) => b.text)
      .join(' ');
    expect(text).toContain('Hackney');
    expect(text).not.toMatch(/Essex|Kent|Surrey/);
  });
});
