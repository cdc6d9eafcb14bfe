// Table-driven tests of the pure pieces extraction is made of (split out of lib/page/extract.ts):
// how white space in a page's text becomes block text, which elements are skipped as page
// furniture, and which kind (heading, list item, text) each block is given for the analysis.
import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import { isWhite, plainText } from '../../lib/page/block-text';
import { insideSkipped, isSkipped } from '../../lib/page/element-rules';
import type { ExtractedBlock } from '../../lib/page/extracted';
import { toSourceDocument } from '../../lib/page/source-document';
import { BlockBuilder } from '../../lib/page/walk';

const doc = () => parseHtml('<html><body><main></main></body></html>');

/** The block text a paragraph holding one text node `value` is read as, node by node (null: no block). */
function readNodeByNode(value: string): { text: string; block: ExtractedBlock } | null {
  const d = doc();
  const p = d.createElement('p');
  const node = d.createTextNode(value);
  p.append(node);
  d.querySelector('main')?.append(p);
  const builder = new BlockBuilder();
  builder.start(p);
  builder.addText(node, p);
  builder.flush();
  const block = builder.blocks[0];
  return block ? { text: block.text, block } : null;
}

/** The block text the same paragraph is read as in one call (`BlockBuilder.whole`). */
function readWhole(value: string): string | null {
  const d = doc();
  const p = d.createElement('p');
  p.textContent = value;
  return new BlockBuilder().whole(p, value)?.text ?? null;
}

describe('white space in block text', () => {
  test.each([
    ['plain text stays as it is', 'Kent was rated good', 'Kent was rated good'],
    ['runs of spaces become one', 'Kent   was  rated good', 'Kent was rated good'],
    ['line breaks and tabs become a space', 'Kent\nwas\trated\r\ngood', 'Kent was rated good'],
    ['a form feed is white space', 'Kent\fwas', 'Kent was'],
    ['a no-break space becomes a plain space', 'Kent\u00a0County Council', 'Kent County Council'],
    ['leading and trailing white space is dropped', '  \n Kent was good \t ', 'Kent was good'],
    ['an em space is text, not collapsed', 'Kent\u2003was', 'Kent\u2003was'],
    ['white space only: no block', ' \n\t\u00a0 ', null],
    ['nothing: no block', '', null],
  ])('%s', (_, value, expected) => {
    expect(readNodeByNode(value)?.text ?? null).toBe(expected);
    // Read whole (the usual paragraph), the text is the same as read node by node.
    expect(readWhole(value)).toBe(expected);
  });

  test.each(['Kent   was  rated good', ' Kent\nwas\t\trated\r\ngood ', 'a\u00a0\u00a0b c'])(
    'every character of %j maps back to the same character of the page',
    (value) => {
      const read = readNodeByNode(value);
      if (!read) throw new Error('no block');
      const { text, block } = read;
      // The page character behind each character of the block text (a segment may run on past
      // the text's end: the trailing space the text drops).
      const behind = new Array<string | undefined>(text.length);
      for (const s of block.segments)
        for (let i = 0; i < s.length && s.start + i < text.length; i++)
          behind[s.start + i] = s.node.data[s.offsets ? s.offsets[i] : s.nodeStart + i];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === ' ') expect(behind[i]).toMatch(/^[ \t\n\r\f\u00a0]$/);
        else expect(behind[i]).toBe(text[i]);
      }
    },
  );

  test.each([
    ['', true],
    [' ', true],
    [' \n\t\r\f\u00a0', true],
    ['\u2003', false],
    ['\v', false],
    [' a ', false],
    ['.', false],
  ])('isWhite(%j) is %s', (value, expected) => {
    expect(isWhite(value)).toBe(expected);
  });

  test.each([
    ['<p>Kent was <b>good</b>, <a href="#">inspectors</a> said.</p>', 'Kent was good, inspectors said.'],
    ['<p>Kent<br>Essex</p>', null],
    ['<p>Kent <span><em>was</em></span> good</p>', 'Kent was good'],
    ['<li>Kent <div>Essex</div></li>', null],
    ['<p>Kent <button>Share</button> good</p>', null],
  ])('plainText of %s: %j (null: read node by node)', (html, expected) => {
    const el = parseHtml(`<html><body>${html}</body></html>`).body.firstElementChild as Element;
    expect(plainText(el)).toBe(expected);
  });
});

describe('elements skipped as page furniture', () => {
  const first = (html: string) => parseHtml(`<html><body>${html}</body></html>`).body.firstElementChild as Element;
  test.each([
    ['<p>Story</p>', false],
    ['<nav>Home</nav>', true],
    ['<aside>Most read</aside>', true],
    ['<footer>Contact</footer>', true],
    ['<p hidden>Story</p>', true],
    ['<p aria-hidden="true">Story</p>', true],
    ['<p aria-hidden="false">Story</p>', false],
    ['<div role="navigation">Home</div>', true],
    ['<div role="complementary">Related</div>', true],
    ['<div role="main">Story</div>', false],
    ['<div class="share-buttons">Share</div>', true],
    ['<div id="cookie-banner">Cookies</div>', true],
    ['<span class="tag">Ofsted</span>', true],
    ['<div class="article-share">Share</div>', false],
    ['<div class="story-body related">Story</div>', false],
    ['<div class="stage">Story</div>', false],
    ['<div class="hashtags">#ofsted</div>', false],
  ])('%s: skipped %s', (html, expected) => {
    expect(isSkipped(first(html))).toBe(expected);
  });

  test.each([
    ['<main><p id="x">Story</p></main>', false],
    ['<main><nav><ul><li><p id="x">Home</p></li></ul></nav></main>', true],
    ['<div class="sidebar"><div><p id="x">Most read</p></div></div>', true],
    ['<article class="comments"><p id="x">Comment</p></article>', true],
    ['<div class="post-body comments"><p id="x">Story</p></div>', false],
  ])('a paragraph in %s: inside a skipped element %s', (html, expected) => {
    const d = parseHtml(`<html><body>${html}</body></html>`);
    expect(insideSkipped(d.getElementById('x') as Element, d.body, new Map())).toBe(expected);
  });
});

describe('block kinds for the analysis', () => {
  test.each([
    ['li', 'Kent was rated good.', 'item'],
    ['dt', 'Overall effectiveness', 'item'],
    ['dd', 'Good', 'item'],
    ['h2', 'What inspectors found. In full.', 'heading'],
    ['h6', 'Kent', 'heading'],
    ['p', 'What needs to improve', 'heading'],
    ['div', 'Background', 'heading'],
    ['section', 'Findings', 'heading'],
    ['p', 'Kent was rated good.', 'text'],
    ['p', 'Was Kent rated good?', 'text'],
    ['p', `${'Kent children’s services '.repeat(4)}`, 'text'],
    ['blockquote', 'Much improved', 'text'],
    ['td', 'Good', 'text'],
  ])('<%s> "%s": %s', (tag, text, kind) => {
    const element = doc().createElement(tag);
    const block: ExtractedBlock = { text, element, segments: [] };
    const source = toSourceDocument({ title: 'Kent', titleBlock: null, blocks: [block], root: element });
    expect(source.blocks).toEqual([text]);
    expect(source.blockKinds).toEqual([kind]);
  });
});
