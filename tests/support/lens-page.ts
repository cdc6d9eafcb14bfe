// A long page for the lens's unit tests (happy-dom): seed 003's article with its paragraphs
// repeated, and a Highlight-API highlighter that records what is drawn (happy-dom has no
// CSS.highlights).
import fs from 'node:fs';
import path from 'node:path';
import type { HighlightName } from '../../lib/analysis/findings';
import type { Highlighter } from '../../lib/page/highlighter';

const pages = path.resolve(import.meta.dirname, '../fixtures/pages');

/** Seed 003's article with its paragraphs repeated (each copy numbered), as a longer page. */
export function loadRepeatedSeed(copies: number, wrapped = false): Element {
  const html = fs.readFileSync(path.join(pages, '003_7373dea24638aad1.html'), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<\/?html[^>]*>/g, '');
  const article = document.querySelector('article') as Element;
  const paras = [...article.querySelectorAll('p')];
  for (let i = 2; i <= copies; i++) {
    // Wrapped: each copy in a <div> of its own (blocks with blocks inside), after a line of text.
    const into = wrapped ? article.appendChild(document.createElement('div')) : article;
    if (wrapped) into.append(`Part ${i}\n`);
    for (const p of paras) {
      const copy = p.cloneNode(true) as Element;
      copy.append(` (note ${i})`);
      into.append(copy, '\n');
    }
  }
  return article;
}

/** A highlighter that records each range drawn and counts the removals. */
export function recordingHighlighter() {
  const drawn = new Map<Range, HighlightName>();
  let removed = 0;
  const hl: Highlighter = {
    mode: 'highlight-api',
    add(name, range) {
      drawn.set(range, name);
      return range;
    },
    remove(_name, handle) {
      drawn.delete(handle as Range);
      removed++;
    },
    setVisible() {},
    clear() {
      drawn.clear();
    },
  };
  return { hl, drawn, removed: () => removed };
}
