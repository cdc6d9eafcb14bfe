// Small readings of a sentence by character codes, each equal to the pattern named beside it
// (tests/analysis/cold-gates.test.ts checks them against it). Every article's first analysis
// runs these: as patterns, each was one more compilation on the main thread.
import { isSpace } from './text';

/** /^\s*[•·▪◦‣]\s/: a bullet typed at the start of a paragraph, white space after it. */
export function opensWithTypedBullet(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return (
    (c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2023) &&
    i + 1 < text.length &&
    isSpace(text.charCodeAt(i + 1))
  );
}

/** /^["'“‘]/: the text opens with a quotation mark. */
export function opensWithQuote(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018;
}

/** /[:?]["'”’]?\s*$/: the text ends (white space aside) with a colon or question mark, a closing quote after it or not. */
export function endsIntroducing(text: string): boolean {
  let e = text.length;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === 0) return false;
  const isMark = (c: number) => c === 58 || c === 63;
  const last = text.charCodeAt(e - 1);
  if (isMark(last)) return true;
  return (last === 34 || last === 39 || last === 0x201d || last === 0x2019) && e > 1 && isMark(text.charCodeAt(e - 2));
}

/** s.replace(/[^a-z]/g, ''): the ASCII lower-case letters of a text, in order. */
export function lowerLettersOf(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
