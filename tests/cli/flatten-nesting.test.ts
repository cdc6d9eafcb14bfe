// The depth cap applied before linkedom parses a page: the parser must never see nesting past
// the cap, the page's text must survive, and a page within the cap must pass untouched.
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { flattenDeepNesting, MAX_DEPTH } from '../../lib/cli/flatten-nesting';
import { parseHtml } from '../../lib/cli/parse-html';

const root = path.resolve(import.meta.dirname, '../..');
const RAW = /^(?:script|style|title|textarea|xmp)$/;

/** What the parser linkedom uses builds: its deepest element (void ones count one deeper than what
 * holds them), and the text outside raw-text elements. */
function parsed(html: string) {
  let depth = 0;
  let deepest = 0;
  let raw = 0;
  const text: string[] = [];
  const p = new Parser(
    {
      onopentag(name) {
        depth++;
        deepest = Math.max(deepest, depth);
        if (RAW.test(name)) raw++;
      },
      onclosetag(name) {
        depth--;
        if (RAW.test(name)) raw--;
      },
      ontext(t) {
        if (!raw) text.push(t);
      },
    },
    { decodeEntities: true },
  );
  p.write(html);
  p.end();
  return { deepest, words: text.join(' ').split(/\s+/).filter(Boolean).join(' ') };
}

const pages = fs
  .readdirSync(path.join(root, 'tests/fixtures/pages'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => [f, fs.readFileSync(path.join(root, 'tests/fixtures/pages', f), 'utf8')] as const);

describe('flattenDeepNesting', () => {
  test('a real page within the cap is passed on as the very same string', () => {
    for (const [, html] of pages) {
      const r = flattenDeepNesting(html);
      expect(r.dropped).toBe(0);
      expect(r.html).toBe(html);
      expect(r.deepest).toBeLessThan(MAX_DEPTH);
    }
  });

  test.each([2, 4, 6])('real pages capped at depth %i: the parser never nests deeper, every word is kept', (cap) => {
    let flattened = 0;
    for (const [, html] of pages) {
      const before = parsed(html);
      const r = flattenDeepNesting(html, cap);
      const after = parsed(r.html);
      expect(after.deepest).toBeLessThanOrEqual(cap + 1); // + a void element (<img>, <br>) at the cap;
      expect(after.words.replace(/ /g, '')).toBe(before.words.replace(/ /g, ''));
      if (r.dropped) flattened++;
    }
    expect(flattened).toBeGreaterThan(0); // the cap did bite
  });

  test.each([
    ['divs', '<div>'.repeat(2000), '</div>'.repeat(2000)],
    ['unclosed spans', '<span>'.repeat(2000), ''],
    ['SVG groups', `<svg>${'<g>'.repeat(2000)}`, `${'</g>'.repeat(2000)}</svg>`],
    ['nested SVGs, self-closed', `<svg>${'<svg/>'.repeat(2000)}`, '</svg>'],
  ])('%s past the cap: the parser nests no deeper than the cap', (_label, open, close) => {
    const html = `<body>${open}<p>Ofsted rated Hackney 'good'.</p>${close}<p>After.</p></body>`;
    const r = flattenDeepNesting(html, 64);
    expect(r.dropped).toBeGreaterThan(0);
    expect(parsed(r.html).deepest).toBeLessThanOrEqual(65);
    expect(parsed(r.html).words).toBe("Ofsted rated Hackney 'good'. After.");
  });

  test('a script past the cap goes whole: markup-like text inside it is never read as tags', () => {
    const html = `${'<div>'.repeat(20)}<script>${'<div>'.repeat(1000)}</script><p>kept</p>${'</div>'.repeat(20)}`;
    const r = flattenDeepNesting(html, 10);
    expect(r.html).not.toContain('<script');
    expect(parsed(r.html).deepest).toBeLessThanOrEqual(11);
    expect(parsed(r.html).words).toBe('kept');
  });

  test('an end tag of a dropped element does not close a kept element of the same name', () => {
    const html = `${'<div>'.repeat(5)}<p>a</p>${'</div>'.repeat(5)}<p>b</p>`;
    const r = flattenDeepNesting(`<div id="outer">${html}<span>inside outer</span></div><em>after</em>`, 3);
    const doc = parseHtml(r.html);
    expect(doc.querySelector('#outer')?.textContent?.replace(/\s+/g, '')).toBe('abinsideouter');
    expect(doc.querySelector('#outer span')?.textContent).toBe('inside outer');
    expect(doc.querySelector('#outer em')).toBeNull();
  });
});
