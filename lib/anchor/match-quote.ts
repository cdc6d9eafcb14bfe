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
  const contextAt = (at: number, end: number) =>
    (contextScore(text.slice(Math.max(0, at - prefix.length), at), prefix, true) +
      contextScore(text.slice(end, end + suffix.length), suffix, false)) /
    2;
  let best: QuoteMatch | null = null;
  let bestContext = 0;
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0 && count < 1000; at = text.indexOf(exact, at + 1), count++) {
    const ctx = contextAt(at, at + exact.length);
    const near = hint < 0 ? 0.5 : 1 - Math.min(Math.abs(at - hint) / Math.max(text.length, 1), 1);
    const score = 0.6 + 0.3 * ctx + 0.1 * near;
    if (!best || score > best.score) {
      best = { start: at, end: at + exact.length, score, how: 'exact' };
      bestContext = ctx;
    }
  }
  // An exact occurrence in another context (a passage printed twice, a caption repeated) while
  // the clipped one was edited where it stands: the edited one wins when its context is the
  // saved one's and the other's is not.
  if (best && (bestContext >= 0.7 || hint < 0)) return best;

  const nt = normalisedPage(text);
  const nq = normaliseWithMap(exact).text;
  const hintN = hint < 0 ? -1 : normalisedOffset(nt.map, hint);
  if (best) {
    const near = nq.length >= 8 && nq.length <= FUZZY_WHOLE ? fuzzyNear(nt.text, nq, hintN) : null;
    if (near && near.distance > 0) {
      const m = toMatch(text, nt, near, exact, nq.length);
      if (contextAt(m.start, m.end) - bestContext >= 0.3) return m;
    }
    return best;
  }

  // Same words, different punctuation, quotation marks, dashes or spacing.
  if (nq.length >= 3) {
    const at = nt.text.indexOf(nq);
    if (at >= 0) {
      const start = nt.map[at];
      const end = nt.map[at + nq.length - 1] + 1;
      return {
        start: extendToOpeners(text, start, exact),
        end: extendToClosers(text, end, exact),
        score: 0.55,
        how: 'normalised',
      };
    }
  }

  // Small edits: look near where pieces of the quote still occur, allow ~15% of it to differ.
  // A long quote is found by its head and its tail (each a short piece matched the same way) and
  // kept when the span between them is about as long as the quote: the cost stays linear in the
  // page's length whatever the quote's length (aligning a whole long quote is quadratic in it).
  // Of equally close matches, the one nearest where the quote was.
  if (nq.length < 8) return null;
  let fuzzy: Fuzzy | null = null;
  if (nq.length <= FUZZY_WHOLE) fuzzy = fuzzyFind(nt.text, nq, hintN);
  else {
    // The head where it fits best, then the tail a quote's length after it; else (the head's
    // words also open another passage) the tail first, then the head a quote's length before it.
    const limit = Math.max(2, Math.floor(nq.length * 0.15));
    const headPart = nq.slice(0, FUZZY_PART);
    const tailPart = nq.slice(-FUZZY_PART);
    const joined = (head: Fuzzy | null, tail: Fuzzy | null): Fuzzy | null => {
      if (!head || !tail || tail.end <= head.start) return null;
      const gap = Math.abs(tail.end - head.start - nq.length);
      return gap <= limit
        ? { distance: Math.min(nq.length, head.distance + tail.distance + gap), start: head.start, end: tail.end }
        : null;
    };
    const head = fuzzyFind(nt.text, headPart, hintN);
    fuzzy =
      head &&
      joined(
        head,
        fuzzyIn(nt.text, tailPart, head.start + nq.length - FUZZY_PART - limit, head.start + nq.length + limit),
      );
    if (!fuzzy) {
      const tail = fuzzyFind(nt.text, tailPart, hintN < 0 ? -1 : hintN + nq.length - FUZZY_PART);
      fuzzy =
        tail &&
        joined(
          fuzzyIn(nt.text, headPart, tail.end - nq.length - limit, tail.end - nq.length + FUZZY_PART + limit),
          tail,
        );
    }
  }
  return fuzzy ? toMatch(text, nt, fuzzy, exact, nq.length) : null;
}

/** fuzzyFind in [from, to) of `text` only. */
function fuzzyIn(text: string, nq: string, from: number, to: number): Fuzzy | null {
  const f = Math.max(0, from);
  const found = fuzzyFind(text.slice(f, Math.max(f, to)), nq);
  return found && { distance: found.distance, start: found.start + f, end: found.end + f };
}

/** A fuzzy match in normalised text as a match in `text`, with the quote's own opening and closing marks. */
function toMatch(
  text: string,
  nt: { map: Int32Array },
  fuzzy: Fuzzy,
  exact: string,
  normalisedLength: number,
): QuoteMatch {
  return {
    start: extendToOpeners(text, nt.map[fuzzy.start], exact),
    end: extendToClosers(text, nt.map[fuzzy.end - 1] + 1, exact),
    score: 0.5 * (1 - fuzzy.distance / normalisedLength),
    how: 'fuzzy',
  };
}

/** The offset in normalised text of the first character kept at or after `offset` of the original. */
function normalisedOffset(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The best approximate occurrence of a short quote within a few of its lengths of `near`
 * (normalised), the quote's exact occurrences there left out (masked, so offsets hold).
 */
function fuzzyNear(text: string, nq: string, near: number): Fuzzy | null {
  const from = Math.max(0, near - 2 * nq.length);
  let window = text.slice(from, near + 3 * nq.length);
  const mask = '\u0000'.repeat(nq.length);
  for (let at = window.indexOf(nq); at >= 0; at = window.indexOf(nq, at + nq.length))
    window = window.slice(0, at) + mask + window.slice(at + nq.length);
  const found = fuzzyFind(window, nq, near - from);
  return found && { distance: found.distance, start: found.start + from, end: found.end + from };
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
      if (r.distance > limit || (fuzzy && r.distance > fuzzy.distance)) continue;
      // Walk back from the end to find where the best match starts.
      const start = findStart(nq, text, endN, limit);
      const closer = near >= 0 && fuzzy && Math.abs(start - near) < Math.abs(fuzzy.start - near);
      if (!fuzzy || r.distance < fuzzy.distance || closer) fuzzy = { distance: r.distance, start, end: endN };
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

/** What normalising drops at a quote's start (opening quotation marks, brackets), and at its end. */
const OPENER = /[‘“'"([«„]/;
const OPENERS = /^[‘“'"([«„]*/;
const CLOSER = /[\s’'"”‘“.,;:!?)\]…]/;
const CLOSERS = /[\s’'"”‘“.,;:!?)\]…]*$/;

/** Takes in as many opening quotation marks or brackets before `start` as the saved quote began with. */
function extendToOpeners(text: string, start: number, exact: string): number {
  const leading = OPENERS.exec(exact)?.[0].length ?? 0;
  let s = start;
  while (s > 0 && start - s < leading && OPENER.test(text[s - 1])) s--;
  return s;
}

/**
 * Takes back as many closing quotation marks, stops, ellipses and spaces between them as the saved
 * quote ended with (normalising drops them; real quotes end "… dangers …" or with a stray “).
 */
function extendToClosers(text: string, end: number, exact: string): number {
  const trailing = CLOSERS.exec(exact)?.[0].length ?? 0;
  let e = end;
  while (e < text.length && e - end < trailing && CLOSER.test(text[e])) e++;
  while (e > end && /\s/.test(text[e - 1])) e--;
  return e;
}
