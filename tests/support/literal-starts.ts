// The literal beginnings of what a regular expression matches, read from its source: the furniture
// rules' `starts` (lib/analysis/furniture.ts) are checked against them (tests/analysis/furniture-gates.test.ts).

/**
 * The literal beginnings of what an expression matches (lower case): every match starts with one
 * of them (ASCII letters in either case, as `i` reads them without `u`); null when that cannot be
 * told from the source. Reads a source's alternatives, each a run of literal characters, extended
 * through groups that are not optional (a choice of beginnings per alternative of the group); a
 * character made optional by `?` gives beginnings with it and without; one repeated or otherwise
 * quantified ends them. `^` and `\b` at the start are skipped.
 */
export function literalStarts(source: string): string[] | null {
  /** The alternatives of `src` at depth 0. */
  const alternatives = (src: string): string[] => {
    const out: string[] = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '[') while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      else if (c === '|' && depth === 0) {
        out.push(src.slice(from, i));
        from = i + 1;
      }
    }
    out.push(src.slice(from));
    return out;
  };
  /** The end of the group opening at `at` (the index of its `)`). */
  const close = (src: string, at: number): number => {
    let depth = 0;
    for (let i = at; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (c === '[') while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i;
    }
    return -1;
  };
  const QUANTIFIER = /^[?*{]/;
  /** Beginnings of one alternative: [text, whether the text is all of it]. */
  const starts = (alt: string): [string, boolean][] | null => {
    let i = 0;
    while (alt.startsWith('^', i) || alt.startsWith('\\b', i)) i += alt[i] === '^' ? 1 : 2;
    let out: [string, boolean][] = [['', true]];
    while (i < alt.length) {
      const c = alt[i];
      if (c === '(' && alt.startsWith('(?:', i)) {
        const end = close(alt, i);
        if (end < 0 || QUANTIFIER.test(alt.slice(end + 1))) break;
        const inner: [string, boolean][] = [];
        for (const a of alternatives(alt.slice(i + 3, end))) {
          const s = starts(a);
          if (!s) return out[0][0] ? out.map(([t]) => [t, false]) : null;
          inner.push(...s);
        }
        if (out.length * inner.length > 64) break;
        const next: [string, boolean][] = [];
        for (const [t] of out) for (const [u, whole] of inner) next.push([t + u, whole]);
        out = next;
        if (!out.every(([, whole]) => whole)) return out.map(([t]) => [t, false]);
        i = end + 1;
        continue;
      }
      if (!/[a-z0-9 ,:;'’&-]/i.test(c)) break;
      if (alt[i + 1] === '?' && alt[i + 2] !== '?' && out.length <= 32) {
        // An optional character: the beginnings with it and without ("log ?in": "log in", "login").
        const with_ = out.map(([t, whole]): [string, boolean] => [t + c.toLowerCase(), whole]);
        out = [...with_, ...out];
        i += 2;
        continue;
      }
      if (QUANTIFIER.test(alt.slice(i + 1)) || alt[i + 1] === '+') {
        // Repeated (kept once) or otherwise quantified: the beginnings end here.
        if (alt[i + 1] === '+') out = out.map(([t]) => [t + c.toLowerCase(), false]);
        return out.map(([t]) => [t, false]);
      }
      out = out.map(([t, whole]) => [t + c.toLowerCase(), whole]);
      i++;
    }
    if (i >= alt.length) return out;
    return out.map(([t]) => [t, false]);
  };
  const all: string[] = [];
  for (const alt of alternatives(source)) {
    const s = starts(alt);
    if (!s || s.some(([t]) => !t)) return null;
    for (const [t] of s) all.push(t);
  }
  return all;
}
