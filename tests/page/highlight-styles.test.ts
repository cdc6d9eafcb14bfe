import fs from 'node:fs';
import path from 'node:path';
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, test } from 'vitest';
import { ensureMarkStyles } from '../../lib/page/highlight-marks';
import {
  addEarlyHighlightStyles,
  ensureHighlightStyles,
  hasHighlightStyles,
  highlightRules,
  removeHighlightStyles,
} from '../../lib/page/highlight-styles';
import { createHighlighter } from '../../lib/page/highlighter';

/** The stylesheets the extension ships (Vite inlines them in the build; the unit tests read the files). */
const read = (file: string) => fs.readFileSync(path.join(import.meta.dirname, '../../lib/page', file), 'utf8');
const CSS = read('highlight-styles.css');
const MARKS = read('highlight-marks.css');
const nextTask = () => new Promise((r) => setTimeout(r, 0));

const windows: HappyWindow[] = [];
/** A page of its own for each test (the module remembers what it added per document). */
function freshDocument(): Document {
  const win = new HappyWindow({ url: 'https://news.example/article' });
  windows.push(win);
  return win.document as unknown as Document;
}

afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

describe("the highlights' styles", () => {
  test('a highlighter drawing marks adds nothing until it draws, then the marks’ sheet alone, and no element', () => {
    const document = freshDocument();
    const h = createHighlighter(document, { forceMarks: true });
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(hasHighlightStyles(document, 'marks')).toBe(false);
    const p = document.createElement('p');
    p.textContent = 'Essex was rated outstanding.';
    document.body.append(p);
    const range = document.createRange();
    range.setStart(p.firstChild as Text, 0);
    range.setEnd(p.firstChild as Text, 5);
    h.add('il-council', range);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(document.querySelectorAll('style')).toHaveLength(0);
    expect(hasHighlightStyles(document, 'marks')).toBe(true);
    // No `::highlight()` rules where none can be drawn.
    expect(hasHighlightStyles(document)).toBe(false);
    const selectors = [...document.adoptedStyleSheets[0].cssRules].map((r) => (r as CSSStyleRule).selectorText);
    expect(selectors.every((s) => s.startsWith('mark['))).toBe(true);
  });

  test('the two sheets hold every category’s rule: one for the Highlight API, one for the <mark> fallback', () => {
    // The files: each category in both, each rule in its own sheet.
    for (const name of ['il-grade-outstanding', 'il-grade-inadequate', 'il-council', 'il-improvement', 'il-clip']) {
      expect(CSS).toContain(`::highlight(${name}) {`);
      expect(MARKS).toContain(`mark[data-il="${name}"] {`);
    }
    expect(CSS).not.toContain('mark[');
    expect(MARKS).not.toContain('::highlight(');
    // On the page: two sheets, the marks' one made of their rules (happy-dom drops `::highlight()` rules).
    const doc = freshDocument();
    ensureHighlightStyles(doc, CSS);
    ensureMarkStyles(doc, MARKS);
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    expect(hasHighlightStyles(doc)).toBe(true);
    expect(hasHighlightStyles(doc, 'marks')).toBe(true);
    const marks = [...doc.adoptedStyleSheets[1].cssRules].map((r) => (r as CSSStyleRule).selectorText);
    expect(marks).toContain('mark[data-il="il-council"]');
  });

  test('for Chromium every rule matches the root element alone; for Firefox the rules are as written', () => {
    const names = [...CSS.matchAll(/::highlight\(([a-z-]+)\)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(9);
    // As written, and as a minified build carries it (rules run together, no comments).
    const minified = CSS.replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s*([{};:,])\s*/g, '$1')
      .trim();
    for (const css of [CSS, minified]) {
      const chromium = highlightRules(css, false);
      expect([...chromium.matchAll(/:root::highlight\(([a-z-]+)\)/g)].map((m) => m[1])).toEqual(names);
      expect(chromium.replaceAll(':root::highlight(', '')).not.toContain('::highlight(');
      // Only the selectors change: the declarations are the same.
      expect(chromium.replaceAll(':root::highlight(', '::highlight(')).toBe(css);
      expect(highlightRules(css, true)).toBe(css);
    }
  });

  test('called again and again, the sheet is added once; the page’s own sheets are kept', async () => {
    const doc = freshDocument();
    const theirs = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    theirs.replaceSync('p { color: red; }');
    doc.adoptedStyleSheets = [theirs];
    for (let i = 0; i < 5; i++) ensureHighlightStyles(doc, CSS);
    await nextTask();
    ensureHighlightStyles(doc, CSS);
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    expect(doc.adoptedStyleSheets[0]).toBe(theirs);
  });

  test('taken away by the page, it is added again at the next draw (in a later task)', async () => {
    const doc = freshDocument();
    ensureHighlightStyles(doc, CSS);
    doc.adoptedStyleSheets = [];
    expect(hasHighlightStyles(doc)).toBe(false);
    await nextTask();
    ensureHighlightStyles(doc, CSS);
    expect(hasHighlightStyles(doc)).toBe(true);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
  });

  test('where a sheet cannot be adopted, a <style> element instead, put back if removed', async () => {
    const doc = freshDocument();
    // A browser that refuses the constructed sheet from here.
    Object.defineProperty(doc, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new DOMException('not allowed', 'NotAllowedError');
      },
    });
    ensureHighlightStyles(doc, CSS);
    const styles = () => [...doc.querySelectorAll('style')];
    expect(styles()).toHaveLength(1);
    expect(styles()[0].textContent).toBe(CSS);
    expect(hasHighlightStyles(doc)).toBe(true);
    styles()[0].remove();
    expect(hasHighlightStyles(doc)).toBe(false);
    await nextTask();
    ensureHighlightStyles(doc, CSS);
    expect(styles()).toHaveLength(1);
    ensureHighlightStyles(doc, CSS);
    await nextTask();
    ensureHighlightStyles(doc, CSS);
    expect(styles()).toHaveLength(1);
  });

  test('a document it cannot style at all does not stop the drawing', () => {
    const doc = { defaultView: null, head: null, documentElement: null } as unknown as Document;
    expect(() => ensureHighlightStyles(doc, CSS)).not.toThrow();
    expect(hasHighlightStyles(doc)).toBe(false);
  });

  test('taken off a page that drew nothing, only ours goes; drawing later adds it again', async () => {
    const doc = freshDocument();
    const theirs = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    theirs.replaceSync('p { color: red; }');
    doc.adoptedStyleSheets = [theirs];
    ensureHighlightStyles(doc, CSS);
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    removeHighlightStyles(doc);
    expect(doc.adoptedStyleSheets).toEqual([theirs]);
    expect(hasHighlightStyles(doc)).toBe(false);
    removeHighlightStyles(doc); // twice, or on a page never styled: nothing happens
    expect(doc.adoptedStyleSheets).toEqual([theirs]);
    ensureHighlightStyles(doc, CSS); // the same task: added again at once
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    expect(hasHighlightStyles(doc)).toBe(true);
  });

  test('the early script adds them, unless the page was already turned down before its file ran; drawing still does', () => {
    const article = freshDocument();
    addEarlyHighlightStyles(article, CSS);
    expect(hasHighlightStyles(article)).toBe(true);

    // A page the content script has already turned down (its quick check said "not an article"
    // and took the styles off): a later early install adds nothing.
    const walks = freshDocument();
    removeHighlightStyles(walks);
    addEarlyHighlightStyles(walks, CSS);
    expect(walks.adoptedStyleSheets).toHaveLength(0);
    expect(hasHighlightStyles(walks)).toBe(false);
    // The reader clips there later: drawing adds them.
    ensureHighlightStyles(walks, CSS);
    expect(hasHighlightStyles(walks)).toBe(true);
  });

  test('taken off, both sheets go', () => {
    const doc = freshDocument();
    ensureHighlightStyles(doc, CSS);
    ensureMarkStyles(doc, MARKS);
    removeHighlightStyles(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    expect(hasHighlightStyles(doc)).toBe(false);
    expect(hasHighlightStyles(doc, 'marks')).toBe(false);
  });

  test('the <style> element of the fallback is taken off too', () => {
    const doc = freshDocument();
    Object.defineProperty(doc, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new DOMException('not allowed', 'NotAllowedError');
      },
    });
    ensureHighlightStyles(doc, CSS);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    removeHighlightStyles(doc);
    expect(doc.querySelectorAll('style')).toHaveLength(0);
    expect(hasHighlightStyles(doc)).toBe(false);
  });
});
