// A clip for tests: a plain selection of `quote` in the article at `url`, found by its quote and
// its position, with every other field at its empty value. `over` replaces any field. The
// store, export and panel tests build their clips with it.
import type { Clip } from '../../lib/clips';

export interface TestClipPlace {
  url?: string;
  /** Where the quote starts in the article's text (the position selector); also the default id. */
  start?: number;
  /** Where it ends (default: its start plus the quote's length). */
  end?: number;
  /** The text before and after the quote in its quote selector (default: none). */
  prefix?: string;
  suffix?: string;
  /** Creation time, and the update time unless `over` gives one. */
  created?: number;
}

export function testClip(quote: string, place: TestClipPlace = {}, over: Partial<Clip> = {}): Clip {
  const url = place.url ?? 'https://news.example/story';
  const start = place.start ?? 0;
  const created = place.created ?? 1;
  return {
    id: `c-${start}`,
    articleId: url,
    url,
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: place.prefix ?? '', suffix: place.suffix ?? '' },
      { type: 'TextPositionSelector', start, end: place.end ?? start + quote.length },
    ],
    textModel: 'article',
    category: 'selection',
    councilCodes: [],
    grades: [],
    note: '',
    tags: [],
    colour: 'yellow',
    created,
    updated: created,
    orphaned: false,
    ...over,
  };
}

/**
 * The store tests' n-th clip: "Quote n" at 10–17 of its article (default
 * https://news.example/a), between "before " and " after", created at 1000 + n, with the id
 * `clip-<n>` (n padded with zeros to `idWidth` digits).
 */
export function numberedClip(n: number, over: Partial<Clip> = {}, idWidth = 0): Clip {
  return testClip(
    `Quote ${n}`,
    {
      url: over.url ?? 'https://news.example/a',
      start: 10,
      end: 17,
      prefix: 'before ',
      suffix: ' after',
      created: 1000 + n,
    },
    { id: `clip-${String(n).padStart(idWidth, '0')}`, ...over },
  );
}
