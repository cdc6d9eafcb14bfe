// Finding the article body on a page: `findMainContent` scores paragraphs to choose the element
// that holds the story; `guessContainer` guesses it from the first long paragraph (for a first
// part shown early).
import { CONTAINER, insideSkipped, linkText } from './element-rules';

/** At most this many paragraphs are scored: on a very long page an even sample decides. */
const MAX_SCORED = 400;

/**
 * Picks the element that holds the article body. `exactLengths` reads every candidate's text
 * length, as the choice did before it was bounded (tests compare the two).
 */
export function findMainContent(doc: Document, exactLengths = false): Element {
  const body = doc.body ?? doc.documentElement;
  const scores = new Map<Element, number>();
  /** Characters of the sampled paragraphs that are an element's children: at most its text. */
  const childText = new Map<Element, number>();
  const memo = new Map<Element, boolean>();
  const paragraphs = body.querySelectorAll('p, pre, blockquote, li');
  const step = Math.max(1, Math.ceil(paragraphs.length / MAX_SCORED));
  for (let i = 0; i < paragraphs.length; i += step) {
    const p = paragraphs[i];
    const text = p.textContent ?? '';
    const len = text.length;
    const parent = p.parentElement;
    if (parent) childText.set(parent, (childText.get(parent) ?? 0) + len);
    if (len < 40 || (p.tagName === 'LI' && len < 80)) continue;
    if (insideSkipped(p, body, memo)) continue;
    const commas = commasIn(text);
    const score = 1 + Math.min(commas, 6) + Math.min(len / 100, 3);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  // Link density (costly on a long page) only for the few best-scoring candidates, and text
  // lengths read once per element: on a 1 MB article each textContent is a 1 MB string.
  const lengths = new Map<Element, number>();
  const textLength = (el: Element) => {
    let n = lengths.get(el);
    if (n === undefined) {
      n = el.textContent?.length ?? 0;
      lengths.set(el, n);
    }
    return n;
  };
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 4);
  let best: Element | null = null;
  let bestScore = 0;
  for (let i = 0; i < ranked.length; i++) {
    const [el, s] = ranked[i];
    if (s <= bestScore) continue; // link density only lowers a score
    const links = linkText(el);
    // The text length's lower bound (the sampled child paragraphs) bounds the density from
    // above: when even that score beats the best so far and every candidate after, the exact
    // length (a long page's whole text as one string) would not change the choice.
    const floor = links ? s * (1 - Math.min(links / (childText.get(el) || 1), 1)) : s;
    if (!exactLengths && floor > bestScore && floor >= (ranked[i + 1]?.[1] ?? 0)) {
      best = el;
      bestScore = floor;
      continue;
    }
    const adjusted = s * (1 - Math.min(links / (textLength(el) || 1), 1));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  if (!best) return body.querySelector(CONTAINER) ?? body;
  // An article in several boxes side by side (a council page's accordions, sections each with a
  // few paragraphs): each box is scored apart, and the best alone is one box. Boxes scoring near it
  // and close to it in the tree, mostly text, are taken with it: their nearest common ancestor.
  const bestRaw = scores.get(best) ?? 0;
  for (let i = 0; i < ranked.length; i++) {
    const [el, s] = ranked[i];
    if (el === best || s < bestRaw * 0.4 || best.contains(el) || el.contains(best)) continue;
    if (linkText(el) * 3 > textLength(el)) continue;
    // Not across stories: a second <article> appended below (infinite scroll) is another story.
    const story = best.closest('article');
    if (story && el.closest('article') !== story) continue;
    const shared = commonAncestor(best, el, 3);
    if (shared && shared !== body && shared !== doc.documentElement) best = shared;
  }
  const container = best.closest(CONTAINER);
  const chosen =
    !container || container === best || container === body
      ? best
      : textLength(container) < 3 * textLength(best) + 2000
        ? container
        : best;
  // The story's own <article> around its body (an articleBody div) holds its headline and
  // standfirst too, the lead a reader reads first: taken when it adds little else.
  const story = chosen.localName === 'article' ? null : chosen.parentElement?.closest('article');
  if (story && story !== body && textLength(story) < textLength(chosen) + 1500) return story;
  return chosen;
}

/** The nearest element holding both `a` and `b`, at most `up` levels above each (null when further). */
function commonAncestor(a: Element, b: Element, up: number): Element | null {
  const above: Element[] = [];
  for (let e: Element | null = a.parentElement, n = 0; e && n < up; e = e.parentElement, n++) above.push(e);
  if (above.length === 0) return null;
  for (let e: Element | null = b.parentElement, n = 0; e && n < up; e = e.parentElement, n++)
    if (above.includes(e)) return e;
  return null;
}

/** A paragraph this long is taken as the story's when the container is guessed (`guessContainer`). */
const GUESS_CHARS = 120;

/**
 * The article container guessed from the first long paragraph (not in navigation, a footer…):
 * the article element around it, or its parent. Read from the first paragraphs only, where
 * `findMainContent` samples the whole page; the same choice on every corpus, seed and fixture
 * page that has such a paragraph (142 of 145). Null when there is none.
 */
export function guessContainer(doc: Document): Element | null {
  const body = doc.body ?? doc.documentElement;
  const paragraphs = body.getElementsByTagName('p'); // live: read only as far as needed
  const memo = new Map<Element, boolean>();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if ((p.textContent?.length ?? 0) < GUESS_CHARS || insideSkipped(p, body, memo)) continue;
    const parent = p.parentElement;
    if (!parent || parent === body) return null;
    const container = parent.closest(CONTAINER);
    return container && container !== body ? container : parent;
  }
  return null;
}

/** How many commas (Latin or Arabic) a text holds (counted without splitting it into an array of pieces). */
function commasIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) n++;
  for (let i = text.indexOf('\u060c'); i >= 0; i = text.indexOf('\u060c', i + 1)) n++;
  return n;
}
