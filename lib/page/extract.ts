// Main-content extraction: finds the article body of a page (not navigation, related stories,
// comments or footers) and turns it into text blocks that remember where every character came
// from, so findings can be mapped back to DOM Ranges. Works on any standards DOM: the live page
// in the content script, or a parsed document in Node (the command-line analyser).
// This module holds the entry points (`extractArticle`, `extractArticleSteps`: the first part
// shown early, the choice of container, the headline and furniture set apart; `rebuildBlock`);
// the parts they run live beside it: main-content.ts (the container), walk.ts (DOM to blocks),
// block-text.ts (white space), element-rules.ts (which elements are read), extraction-cache.ts
// (what a re-run reuses), furniture-flags.ts, source-document.ts, extracted.ts (the shapes).
import { runSteps } from '../analysis/steps';
import { continuesOnNextLine } from '../analysis/text';
import { insideSkipped } from './element-rules';
import type { ExtractedBlock, ExtractedDocument } from './extracted';
import type { ExtractionCache } from './extraction-cache';
import { type FurnitureMemo, withoutFurniture } from './furniture-flags';
import { findMainContent, guessContainer } from './main-content';
import { BlockBuilder, type Early, walk, walkSteps } from './walk';

export type { ExtractedBlock, ExtractedDocument, Segment } from './extracted';
export { ExtractionCache } from './extraction-cache';
export { type FurnitureMemo, furnitureFlagsOf } from './furniture-flags';
export { findMainContent, guessContainer } from './main-content';
export { siteOf, toSourceDocument } from './source-document';

/**
 * Where a block lies against the part of the page the reader sees first (the viewport and a
 * screen either side): before it (-1), in it (0) or after it (1).
 */
export type Placement = (el: Element) => -1 | 0 | 1;

/**
 * Extraction as steps: it yields every `nodesPerStep` DOM nodes so long pages can pause. With
 * `firstChars`, on a page longer than that it also yields, once, a first part of the article to
 * be shown early: its first `firstChars` characters (in whole blocks), and with `view`, the
 * blocks the reader sees as well (a page reloaded scrolled down), yielded at the first block
 * after them. A reader at the top gets the top alone, at the same moment as without `view`.
 */
export function* extractArticleSteps(
  doc: Document,
  options: {
    wholeBody?: boolean;
    firstChars?: number;
    /**
     * With `firstChars`: a first part only on a page with at least this many characters (default
     * `firstChars`): on a page not much longer than the first part, it would be most of the page,
     * analysed twice and drawn a frame later. Judged once the walk has read `firstChars`, from
     * the text of what it has not read yet (`textContent` lengths, white space uncollapsed),
     * not by reading on: on a long page the first part is yielded at once.
     */
    longChars?: number;
    cache?: ExtractionCache;
    view?: Placement;
  } = {},
  nodesPerStep = Number.MAX_SAFE_INTEGER,
  // biome-ignore lint/suspicious/noConfusingVoidType: a bare `yield;` is a pause, a value the first part of the page
): Generator<void | ExtractedDocument, ExtractedDocument> {
  const body = doc.body ?? doc.documentElement;
  const choose = () =>
    options.cache ? options.cache.mainContent(doc, () => findMainContent(doc)) : findMainContent(doc);
  const kept = options.wholeBody ? null : (options.cache?.keptContainer(doc) ?? null);
  // With a first part and no container kept from the last run, the walk starts from a container
  // guessed from the first paragraphs, and `findMainContent` (which samples the whole page) makes
  // the choice once the first part is out: the same container, the walk goes on; another one,
  // the page is read again from it. Either way the whole article is what the choice gives.
  let guess = !options.wholeBody && !kept && options.firstChars ? guessContainer(doc) : null;
  let root = options.wholeBody ? body : (kept ?? guess ?? choose());
  yield;
  let firstChars = options.firstChars ?? 0;
  const longChars = options.longChars ?? 0;
  const memo: FurnitureMemo = options.cache?.furniture ?? { last: null };
  options.cache?.begin();
  for (;;) {
    const builder = new BlockBuilder();
    builder.start(root);
    let first = firstChars;
    const view = first ? options.view : undefined;
    const early: Early = { at: first, perBlock: !!view, rest: null };
    let judged = false;
    /** Blocks in the top part, once it is complete; blocks placed so far; blocks in view after the top. */
    let top = -1;
    let placed = 0;
    const inView: ExtractedBlock[] = [];
    let restart = false;
    /** After a guess: makes the choice; true when it is another container (read again from it). */
    const wrong = () => {
      if (!guess) return false;
      guess = null;
      const chosen = choose();
      if (chosen === root) return false;
      root = chosen;
      restart = true;
      return true;
    };
    for (const _ of walkSteps(root, builder, !!options.wholeBody, nodesPerStep, early, options.cache)) {
      if (!first || builder.chars < first) {
        yield;
        continue;
      }
      if (!judged) {
        judged = true;
        const need = longChars - builder.chars;
        if (need > 0 && (early.rest as (need: number) => number)(need) < need) {
          // Not a long page: read whole, no first part.
          first = 0;
          early.at = 0;
          if (wrong()) break;
          yield;
          continue;
        }
      }
      if (!view) {
        first = 0;
        yield assemble(
          doc,
          root,
          builder.blocks.slice(0, blocksFor(builder.blocks, firstChars)),
          !options.wholeBody,
          memo,
        );
        if (wrong()) {
          firstChars = 0; // the first part is out: the page is read again whole
          break;
        }
        continue;
      }
      if (top < 0) top = placed = blocksFor(builder.blocks, firstChars);
      let after = false;
      for (; placed < builder.blocks.length && !after; placed++) {
        const where = view(builder.blocks[placed].element);
        if (where === 0) inView.push(builder.blocks[placed]);
        after = where > 0;
      }
      if (!after) {
        yield;
        continue;
      }
      first = 0;
      early.at = 0;
      yield assemble(doc, root, [...builder.blocks.slice(0, top), ...inView], !options.wholeBody, memo);
      if (wrong()) {
        firstChars = 0;
        break;
      }
    }
    // A page read to its end on a guess (shorter than the first part): the choice is made now.
    if (restart || wrong()) {
      options.cache?.restart();
      yield;
      continue;
    }
    builder.flush();
    options.cache?.end();
    return assemble(doc, root, builder.blocks, !options.wholeBody, memo);
  }
}

/** How many of the first blocks it takes to reach `chars` characters (all of them if they do not). */
function blocksFor(blocks: readonly ExtractedBlock[], chars: number): number {
  let n = 0;
  for (let i = 0; i < blocks.length; i++) {
    n += blocks[i].text.length;
    if (n >= chars) return i + 1;
  }
  return blocks.length;
}

/**
 * The extracted document from its blocks: the headline (an h1 among the first blocks) set apart,
 * and the site furniture inside the article container ("Read more:" links, share bars,
 * newsletter and cookie lines) left out.
 */
function assemble(
  doc: Document,
  root: Element,
  blocks: ExtractedBlock[],
  teasers: boolean,
  memo?: FurnitureMemo,
): ExtractedDocument {
  blocks = linesJoined(rowsJoined(blocks));
  const h1Index = blocks.findIndex((b) => b.element.tagName.toUpperCase() === 'H1');
  const titleBlock = h1Index >= 0 && h1Index < 8 ? blocks[h1Index] : null;
  if (titleBlock) blocks.splice(h1Index, 1);
  const title = titleBlock?.text ?? headlineOutside(doc);
  return { title, titleBlock, blocks: withoutFurniture(blocks, teasers, memo), root };
}

/** The headline when it is not inside the extracted content: metadata, the page's h1, or its title. */
function headlineOutside(doc: Document): string {
  const meta = doc
    .querySelector('meta[property="og:title"], meta[name="twitter:title"]')
    ?.getAttribute('content')
    ?.trim();
  if (meta) return meta;
  const h1 = [...doc.querySelectorAll('h1')].find(
    (h) => !insideSkipped(h, doc.body, new Map()) && (h.textContent ?? '').trim(),
  );
  if (h1) return (h1.textContent ?? '').replace(/\s+/g, ' ').trim();
  // "Headline | Site name" or "Headline - Site name": drop the site part.
  return (doc.title || '').replace(/\s+[|–—-]\s+[^|–—-]{2,60}$/, '').trim();
}

/** Extracts the article: its title and its text blocks with their DOM mapping. */
export function extractArticle(
  doc: Document,
  options: { wholeBody?: boolean; cache?: ExtractionCache } = {},
): ExtractedDocument {
  return runSteps(extractArticleSteps(doc, options));
}

/**
 * Re-reads a block from the DOM as it is now (after `<mark>` wrappers split its text nodes).
 * An element can hold several blocks (text before and after a nested paragraph): the one read
 * as `text` is returned. Null if the element no longer holds that text.
 */
export function rebuildBlock(el: Element, text: string): ExtractedBlock | null {
  const builder = new BlockBuilder();
  builder.start(el);
  walk(el, builder);
  builder.flush();
  // A paragraph whose hard-wrapped lines were joined (see linesJoined): the next paragraphs too.
  let chars = builder.chars;
  for (let next = el.nextElementSibling; el.localName === 'p' && next && chars < text.length; ) {
    builder.start(next);
    walk(next, builder);
    builder.flush();
    chars = builder.chars + builder.blocks.length;
    next = next.nextElementSibling;
  }
  return linesJoined(rowsJoined(builder.blocks)).find((b) => b.element === el && b.text === text) ?? null;
}

/** What stands between a paragraph's hard-wrapped lines joined into one block (no page character: a wrapped line's end is a space). */
const LINE_GAP = ' ';

/**
 * A copy of a PDF or a minute's text laid out a line to a paragraph ("…had been judged as" /
 * "Requires Improvement to be Good.") as one block, a space between its lines, where a line
 * goes on in the next one (continuesOnNextLine): the analysis reads the sentence whole, as it
 * does a wrapped paragraph. The lines' characters keep their places in the page; the gaps have none.
 */
function linesJoined(blocks: ExtractedBlock[]): ExtractedBlock[] {
  return runsJoined(
    blocks,
    LINE_GAP,
    (i) => {
      let j = i + 1;
      while (
        j < blocks.length &&
        mayGoOn(blocks[j - 1].text) &&
        blocks[j - 1].element.localName === 'p' &&
        blocks[j].element.localName === 'p' &&
        blocks[j].element === blocks[j - 1].element.nextElementSibling &&
        continuesOnNextLine(lastLine(blocks[j - 1].text), blocks[j].text)
      )
        j++;
      return j;
    },
    (run) => ({ element: run[0].element, lines: run.map((b) => b.element) }),
  );
}

/**
 * Each run of blocks `runEnd` finds (from block i, the index after its last block) as one block,
 * `gap` between their texts (no page character); its element (and lines) from `shape`. The
 * blocks' characters keep their places in the page. The list itself when no run has two blocks.
 */
function runsJoined(
  blocks: ExtractedBlock[],
  gap: string,
  runEnd: (i: number) => number,
  shape: (run: ExtractedBlock[]) => Pick<ExtractedBlock, 'element' | 'lines'>,
): ExtractedBlock[] {
  let out: ExtractedBlock[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const j = runEnd(i);
    if (j - i < 2) {
      out?.push(blocks[i]);
      continue;
    }
    out ??= blocks.slice(0, i);
    let text = '';
    const segments: ExtractedBlock['segments'] = [];
    for (let k = i; k < j; k++) {
      if (k > i) text += gap;
      const at = text.length;
      for (const seg of blocks[k].segments) segments.push({ ...seg, start: seg.start + at });
      text += blocks[k].text;
    }
    out.push({ text, segments, kind: undefined, furniture: undefined, ...shape(blocks.slice(i, j)) });
    i = j - 1;
  }
  return out ?? blocks;
}

/**
 * Told by character codes before anything else (most paragraphs end a sentence): whether a
 * block's text may go on in the next, as continuesOnNextLine reads it (long, unfinished).
 */
function mayGoOn(text: string): boolean {
  if (text.length < 30) return false;
  let e = text.length - 1;
  while (e > 0 && text.charCodeAt(e) <= 32) e--;
  const c = text.charCodeAt(e);
  // . ! ? : ; " ” ’ ) end a line (continuesOnNextLine's FINISHED_LINE).
  return !(
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 58 ||
    c === 59 ||
    c === 34 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 41
  );
}

/** A block's last line (its text after its last new line). */
function lastLine(text: string): string {
  const nl = text.lastIndexOf('\n');
  return (nl < 0 ? text : text.slice(nl + 1)).trim();
}

/** The longest cell text joined into a row (a judgement table's cells are a few words). */
const CELL_MAX = 200;

/** What stands between a table row's cells in its block's text (no page character: as a `<br>`'s new line). */
const CELL_GAP = ' | ';

/**
 * A table row's cells as one block, " | " between them ("Overall effectiveness | Good"), as
 * judgement tables are written out in text: the row's words stay together (a council and its
 * grade, a label and its grade) instead of a block to each cell. The cells' characters keep their
 * places in the page; the gaps have none.
 */
function rowsJoined(blocks: ExtractedBlock[]): ExtractedBlock[] {
  return runsJoined(
    blocks,
    CELL_GAP,
    (i) => {
      // Short cells only: a page laid out in a table (an old site's article in one cell) stays as it is.
      const row = blocks[i].text.length <= CELL_MAX ? rowOf(blocks[i].element) : null;
      let j = i + 1;
      if (row) while (j < blocks.length && blocks[j].text.length <= CELL_MAX && rowOf(blocks[j].element) === row) j++;
      return j;
    },
    (run) => ({ element: rowOf(run[0].element) as Element }),
  );
}

/** The table row a block's element is a cell of (or lies in a cell of, a few levels down), or null. */
function rowOf(el: Element): Element | null {
  let e: Element | null = el;
  for (let depth = 0; e && depth < 2; depth++, e = e.parentElement) {
    const tag = e.localName;
    if (tag === 'td' || tag === 'th') {
      const row = e.parentElement;
      return row && row.localName === 'tr' ? row : null;
    }
    if (tag === 'tr' || tag === 'table') return null;
  }
  return null;
}
