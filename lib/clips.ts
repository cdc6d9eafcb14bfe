// Clips and articles: what the reader saves. One shape for every way of clipping (a selection,
// a highlight's card, the context menu, the keyboard shortcut), shared by the content script,
// the store, the side panel and the exports. W3C Web Annotation-style selectors locate the
// quote in the article text (the analysis text model: title and blocks joined by blank lines).
import type { Grade } from './analysis/grades';
import type { Outcome } from './analysis/outcomes';
import { searchTextOf, textMatcher } from './search-text';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where a clip came from. */
export type ClipCategory = 'selection' | 'grade' | 'council' | 'improvement';

/** What was understood about the highlight a clip was saved from. */
export interface ClipFinding {
  kind: 'grade' | 'council' | 'improvement';
  grade?: Grade;
  councils: { code: string; name: string }[];
  current?: boolean;
  year?: number;
  area?: string;
  topic?: string;
}

export interface Clip {
  /** Made by the page that saves it, so a retried save is the same clip, never a second one. */
  id: string;
  /** The article's id (its URL without fragment). */
  articleId: string;
  url: string;
  quote: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
  /** Which text the selectors count in: the extracted article, or the whole page body. */
  textModel: 'article' | 'body';
  category: ClipCategory;
  finding?: ClipFinding;
  /** Denormalised for the indexes: councils and grades this clip is about. */
  councilCodes: string[];
  grades: string[];
  note: string;
  tags: string[];
  colour: string;
  created: number;
  updated: number;
  /** Set when the clip could not be found on the page's last visit (never deleted for it). */
  orphaned: boolean;
  /** Edit version: 0 when saved, one more on each change of note, tags or colour (absent = 0). */
  rev?: number;
}

export interface Article {
  id: string;
  url: string;
  canonicalUrl: string;
  title: string;
  site: string;
  published?: string;
  /** The inspection outcomes found on the page, saved with "Save inspection record". */
  outcomes: Outcome[];
  recordSaved?: number;
  created: number;
  updated: number;
}

export const CLIP_COLOURS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;

/** Limits that fit real pages; past them a save is refused at once, in words the reader understands. */
export const LIMITS = {
  /** A page address (Chrome accepts up to 2 MB; real tracking-laden URLs stay far below this). */
  url: 65_536,
  /** A clipped passage, in characters: a whole 1 MB article fits. */
  quote: 1_000_000,
  note: 100_000,
  tags: 50,
  tag: 100,
  /** The councils a clip (its finding, and its index of council codes) names: a round-up's list fits. */
  councils: 50,
  /** The grades a clip's index holds (a passage saved from several of its findings). */
  grades: 10,
  /** Outcomes kept with an article: a round-up page's list is trimmed to this, never refused. */
  outcomes: 2_000,
  title: 2_000,
  site: 500,
  id: 100,
} as const;

/** The article id for a URL: the URL without its fragment. */
export function articleIdFor(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.toString();
  } catch {
    return url;
  }
}

/** True when two addresses are the same article: they differ at most in their fragment. */
export const sameArticle = (a: string, b: string): boolean => articleIdFor(a) === articleIdFor(b);

/** Councils and grades a finding is about, for the clip's indexes. */
export function indexFieldsOf(finding?: ClipFinding): { councilCodes: string[]; grades: string[] } {
  return {
    councilCodes: [...new Set((finding?.councils ?? []).map((c) => c.code))],
    grades: finding?.grade ? [finding.grade] : [],
  };
}

/** A page of the collection as the background sends it for an export (read by the store, built on by the exports). */
export interface ExportPage {
  clips: Clip[];
  articles: Article[];
  /** Where the next page starts, or null after the last page. */
  next: string | null;
}

/** Which clips to export: the Collection view's search and filter; empty means everything. */
export interface ExportFilter {
  articleId?: string;
  council?: string;
  grade?: string;
  tag?: string;
  category?: ClipCategory;
  /** Creation time range (ms), both ends included. */
  from?: number;
  to?: number;
  /** The Collection view's search words (quotes, notes, tags, headlines). */
  text?: string;
}

/** The last search's matcher: an export filters every clip with the same words. */
let lastMatcher: { text: string; test: ReturnType<typeof textMatcher> } | null = null;
function matcherOf(text: string) {
  if (lastMatcher?.text !== text) lastMatcher = { text, test: textMatcher(text) };
  return lastMatcher.test;
}

/** True when the clip is in the filtered part of the collection (`headline`: its article's, for the search). */
export function matchesFilter(c: Clip, f: ExportFilter = {}, headline = ''): boolean {
  const search = f.text ? matcherOf(f.text) : null;
  return (
    (!f.articleId || c.articleId === f.articleId) &&
    (!f.council || c.councilCodes.includes(f.council)) &&
    (!f.grade || c.grades.includes(f.grade)) &&
    (!f.tag || c.tags.includes(f.tag)) &&
    (!f.category || c.category === f.category) &&
    (f.from === undefined || c.created >= f.from) &&
    (f.to === undefined || c.created <= f.to) &&
    (!search || search(searchTextOf(c, headline)))
  );
}

export { CLIPPED_PAGES_KEY } from './storage-keys';
