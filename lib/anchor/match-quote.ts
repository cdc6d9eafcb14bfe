// Re-finds a saved quote in today's text of a page. Pure string matching, no DOM: the position
// when the text there is unchanged; else every exact occurrence, ranked by its context and
// nearness to the old position; else the quote with punctuation, quotes, dashes and spacing
// normalised; else an approximate match that tolerates small edits (a fixed typo, an inserted
// or dropped word). Returns null when nothing close enough is there.
import type { TextPositionSelector, TextQuoteSelector } from '../clips';

export interface QuoteMatch {
  start: number;
  end: number;
  /** 1 for the exact text at the saved position; lower for looser matches. */
  score: number;
  how: 'position' | 'exact' | 'normalised' | 'fuzzy';
}

const CONTEXT = 32;

/** Builds the selectors for [start, end) of `text`. */
export function describeQuote(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** Similarity (0..1) of two short strings: shared characters from the near end. */
function contextScore(a: string, b: string, fromEnd: boolean): number {
  if (!a || !b) return 0.5;
  const n = Math.min(a.length, b.length);
  let same = 0;
  for (let i = 0; i < n; i++) {
    const x = fromEnd ? a[a.length - 1 - i] : a[i];
    const y = fromEnd ? b[b.length - 1 - i] : b[i];
    if (x === y) same++;
  }
  return same / Math.max(a.length, b.length);
}

/** What an ASCII character becomes when normalised: kept (lower-cased), a space, a dash, or dropped. */
const ASCII_KIND = new Uint8Array(128); // 0 keep, 1 space, 2 drop, 3 dash
for (const c of [9, 10, 11, 12, 13, 32]) ASCII_KIND[c] = 1;
for (const c of '\'`".,;:!?()[]') ASCII_KIND[c.charCodeAt(0)] = 2;
ASCII_KIND[45] = 3;

/**
 * Normalised text with a map from each normalised character back to its original offset.
 * ASCII (nearly all of a page) is read through a table; other characters through the regexes.
 */
function normaliseWithMap(s: string): { text: string; map: Int32Array } {
  const codes = new Uint16Array(s.length);
  const map = new Int32Array(s.length);
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    let code = s.charCodeAt(i);
    let kind: number;
    if (code < 128) {
      kind = ASCII_KIND[code];
      if (kind === 0 && code >= 65 && code <= 90) code += 32;
    } else {
      const c = s[i].toLowerCase();
      if (/[\s\u00a0]/.test(c)) kind = 1;
      else if (/[‘’'`´"“”„«»]/.test(c)) kind = 2;
      else if (/[-‐‑–—―−]/.test(c)) kind = 3;
      else if (/[.,;:!?()[\]…]/.test(c)) kind = 2;
      else {
        kind = 0;
        // One UTF-16 unit lower-cased is one unit, except for a few letters (İ): keep those as they are.
        code = c.length === 1 ? c.charCodeAt(0) : code;
      }
    }
    if (kind === 2) continue;
    if (kind === 1) {
      if (space) continue;
      code = 32;
      space = true;
    } else if (kind === 3) code = 45;
    else space = false;
    codes[n] = code;
    map[n++] = i;
  }
  while (n && codes[n - 1] === 32) n--;
  let text = '';
  for (let i = 0; i < n; i += 8192) text += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return { text, map: map.slice(0, n) };
}

/** The page text normalised once for all the clips re-found in it (one entry: the last page). */
let lastPage: { text: string; normalised: { text: string; map: Int32Array } } | null = null;
function normalisedPage(text: string) {
  if (lastPage?.text !== text) lastPage = { text, normalised: normaliseWithMap(text) };
  return lastPage.normalised;
}

/** Levenshtein distance of `pattern` to the best-matching substring of `text` (and where it ends). */
function bestSubstringDistance(pattern: string, text: string, limit: number): { distance: number; end: number } {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = { distance: m, end: 0 };
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0; // the match may start anywhere in text
    let rowMin = 0;
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[i - 1] + cost, prev[i] + 1, cur[i - 1] + 1);
      cur[i] = v;
      if (i === 1 || v < rowMin) rowMin = v;
    }
    if (cur[m] < best.distance) best = { distance: cur[m], end: j };
    [prev, cur] = [cur, prev];
    if (rowMin > limit && best.distance <= limit) break;
  }
  return best;
}

/** Finds the quote in `text`; `position` is the saved position selector when there is one. */
export function matchQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): QuoteMatch | null {
  const { exact, prefix, suffix } = quote;
  if (!exact) return null;
  if (position && text.slice(position.start, position.end) === exact)
    return { start: position.start, end: position.end, score: 1, how: 'position' };

  // Every exact occurrence, ranked by context and by nearness to where it was.
  const hint = position?.start ?? -1;
  let best: QuoteMatch | null = null;
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0 && count < 1000; at = text.indexOf(exact, at + 1), count++) {
    const ctx =
      (contextScore(text.slice(Math.max(0, at - prefix.length), at), prefix, true) +
        contextScore(text.slice(at + exact.length, at + exact.length + suffix.length), suffix, false)) /
      2;
    const near = hint < 0 ? 0.5 : 1 - Math.min(Math.abs(at - hint) / Math.max(text.length, 1), 1);
    const score = 0.6 + 0.3 * ctx + 0.1 * near;
    if (!best || score > best.score) best = { start: at, end: at + exact.length, score, how: 'exact' };
  }
  if (best) return best;

  // Same words, different punctuation, quotation marks, dashes or spacing.
  const nt = normalisedPage(text);
  const nq = normaliseWithMap(exact).text;
  if (nq.length >= 3) {
    const at = nt.text.indexOf(nq);
    if (at >= 0) {
      const start = nt.map[at];
      const end = nt.map[at + nq.length - 1] + 1;
      return { start, end: extendToClosers(text, end, exact), score: 0.55, how: 'normalised' };
    }
  }

  // Small edits: look near where pieces of the quote still occur, allow ~15% of it to differ.
  // A long quote is found by its head and its tail (each a short piece matched the same way) and
  // kept when the span between them is about as long as the quote: the cost stays linear in the
  // page's length whatever the quote's length (aligning a whole long quote is quadratic in it).
  if (nq.length < 8) return null;
  let fuzzy: Fuzzy | null = null;
  if (nq.length <= FUZZY_WHOLE) fuzzy = fuzzyFind(nt.text, nq);
  else {
    const head = fuzzyFind(nt.text, nq.slice(0, FUZZY_PART));
    const tail = head && fuzzyFind(nt.text, nq.slice(-FUZZY_PART), head.start + nq.length - FUZZY_PART);
    if (head && tail && tail.end > head.start) {
      const gap = Math.abs(tail.end - head.start - nq.length);
      if (gap <= Math.max(2, Math.floor(nq.length * 0.15)))
        fuzzy = {
          distance: Math.min(nq.length, head.distance + tail.distance + gap),
          start: head.start,
          end: tail.end,
        };
    }
  }
  if (!fuzzy) return null;
  return {
    start: nt.map[fuzzy.start],
    end: extendToClosers(text, nt.map[fuzzy.end - 1] + 1, exact),
    score: 0.5 * (1 - fuzzy.distance / nq.length),
    how: 'fuzzy',
  };
}

/** Quotes up to this many normalised characters are aligned whole; longer ones by head and tail. */
const FUZZY_WHOLE = 128;
const FUZZY_PART = 64;

interface Fuzzy {
  distance: number;
  start: number;
  end: number;
}

/**
 * The best approximate occurrence of the (short) pattern `nq` in normalised `text`, within ~15%
 * edits, near where its pieces still occur exactly; on a tie, the one nearest `near`.
 */
function fuzzyFind(text: string, nq: string, near = -1): Fuzzy | null {
  const limit = Math.max(2, Math.floor(nq.length * 0.15));
  const pieceLen = Math.min(16, Math.floor(nq.length / 4));
  const tried = new Set<number>();
  let fuzzy: Fuzzy | null = null;
  for (let k = 0; k < 4; k++) {
    const offset = Math.floor(((nq.length - pieceLen) * k) / 3);
    const piece = nq.slice(offset, offset + pieceLen);
    for (let at = text.indexOf(piece), seen = 0; at >= 0 && seen < 50; at = text.indexOf(piece, at + 1), seen++) {
      const from = Math.max(0, at - offset - limit);
      const key = Math.floor(from / 8);
      if (tried.has(key)) continue;
      tried.add(key);
      const window = text.slice(from, from + nq.length + 2 * limit);
      const r = bestSubstringDistance(nq, window, limit);
      const endN = from + r.end;
      const closer = near >= 0 && fuzzy && Math.abs(endN - nq.length - near) < Math.abs(fuzzy.start - near);
      if (r.distance <= limit && (!fuzzy || r.distance < fuzzy.distance || (r.distance === fuzzy.distance && closer))) {
        // Walk back from the end to find where the best match starts.
        fuzzy = { distance: r.distance, start: findStart(nq, text, endN, limit), end: endN };
      }
    }
  }
  return fuzzy;
}

/** The start of the best alignment of `pattern` ending at `end` in `text`. */
function findStart(pattern: string, text: string, end: number, limit: number): number {
  let bestStart = Math.max(0, end - pattern.length);
  let bestD = Number.MAX_SAFE_INTEGER;
  for (let s = Math.max(0, end - pattern.length - limit); s <= Math.min(end, end - pattern.length + limit); s++) {
    const d = editDistance(pattern, text.slice(s, end), limit);
    if (d < bestD) {
      bestD = d;
      bestStart = s;
    }
  }
  return bestStart;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    prev = cur;
  }
  return prev[b.length];
}

/** Takes back as many closing quotation marks or stops as the saved quote ended with. */
function extendToClosers(text: string, end: number, exact: string): number {
  const trailing = /[’'"”.,;:!?)\]]*$/.exec(exact)?.[0].length ?? 0;
  let e = end;
  while (e < text.length && e - end < trailing && /[’'"”.,;:!?)\]]/.test(text[e])) e++;
  return e;
}
