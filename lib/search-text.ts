// Text search over clips, shared by the Collection view's queries (lib/store/collection.ts) and
// the export of what the view shows (lib/export/records.ts). Pure: no browser API, no store.

/** Lower case, accents and punctuation removed, words separated by single spaces. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What a clip is searched by: its quote, note, tags and its article's headline, normalised, with a space at each end. */
export function searchTextOf(c: { quote: string; note: string; tags: string[] }, headline = ''): string {
  return ` ${normalise(`${c.quote} ${c.note} ${c.tags.join(' ')} ${headline}`)} `;
}

/** A search as a test of a clip's search text: every word whole, the last one as a prefix (as the reader types). */
export function textMatcher(text: string | undefined): ((searchText: string) => boolean) | null {
  const words = normalise(text ?? '')
    .split(' ')
    .filter(Boolean);
  if (!words.length) return null;
  const whole = words.slice(0, -1).map((w) => ` ${w} `);
  const last = ` ${words[words.length - 1]}`;
  return (t) => t.includes(last) && whole.every((w) => t.includes(w));
}
