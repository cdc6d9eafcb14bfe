// What every export reads: the clips and articles to export, in a fixed order, with every field
// written in one canonical order (so an export, imported and exported again, is the same text),
// and the filter of a partial export. Pure: no browser API, no store.
import type { Article, Clip, ClipFinding, ExportPage } from '../clips';
import { type Council, councilByCode } from '../data/gazetteer';

// The page and filter shapes live with the records (lib/clips.ts): the store reads pages too.
export { type ExportFilter, type ExportPage, matchesFilter } from '../clips';

/** The collection (or the part of it) being exported. */
export interface ExportData {
  clips: Clip[];
  articles: Article[];
}

/**
 * Reads the whole collection (or its filtered part) page by page, the articles de-duplicated,
 * reporting how many clips have been read. With a filter, only the articles of the clips read are kept.
 */
export async function collectPages(
  readPage: (cursor: string | null) => Promise<ExportPage>,
  onProgress?: (clipsRead: number) => void,
): Promise<ExportData> {
  const clips: Clip[] = [];
  const articles = new Map<string, Article>();
  let cursor: string | null = null;
  do {
    const page: ExportPage = await readPage(cursor);
    for (const c of page.clips) clips.push(c);
    for (const a of page.articles) articles.set(a.id, a);
    onProgress?.(clips.length);
    cursor = page.next;
  } while (cursor !== null);
  return { clips, articles: [...articles.values()] };
}

// The field lists below must name every field of a Clip, an Article and a finding: the type
// checker fails when one is added to lib/clips.ts without being added here (the JSON export
// would silently drop it otherwise).
export const CLIP_FIELDS = [
  'id',
  'articleId',
  'url',
  'quote',
  'selectors',
  'textModel',
  'category',
  'finding',
  'councilCodes',
  'grades',
  'note',
  'tags',
  'colour',
  'created',
  'updated',
  'orphaned',
  'rev',
] as const;
export const ARTICLE_FIELDS = [
  'id',
  'url',
  'canonicalUrl',
  'title',
  'site',
  'published',
  'outcomes',
  'recordSaved',
  'created',
  'updated',
] as const;
const FINDING_FIELDS = ['kind', 'grade', 'councils', 'current', 'year', 'area', 'topic'] as const;

type Covers<T, K extends readonly PropertyKey[]> = [Exclude<keyof T, K[number]>] extends [never] ? true : false;
const complete: [Covers<Clip, typeof CLIP_FIELDS>, Covers<Article, typeof ARTICLE_FIELDS>] = [true, true];
const findingComplete: Covers<ClipFinding, typeof FINDING_FIELDS> = true;
void complete;
void findingComplete;

function pick<T extends object>(v: T, fields: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of fields) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = x;
  }
  return out as T;
}

/** The clip with its fields (and its selectors' and finding's) in the canonical order. */
export function canonicalClip(c: Clip): Clip {
  const [q, p] = c.selectors;
  const out = pick(c, CLIP_FIELDS);
  out.selectors = [
    { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
    { type: 'TextPositionSelector', start: p.start, end: p.end },
  ];
  if (c.finding)
    out.finding = {
      ...pick(c.finding, FINDING_FIELDS),
      councils: c.finding.councils.map((x) => ({ code: x.code, name: x.name })),
    };
  return out;
}

/** The article with its fields (and its outcomes') in the canonical order. */
export function canonicalArticle(a: Article): Article {
  const out = pick(a, ARTICLE_FIELDS);
  out.outcomes = a.outcomes.map((o) =>
    pick(
      {
        council: { code: o.council.code, name: o.council.name },
        grade: o.grade,
        current: o.current,
        year: o.year,
        area: o.area,
      },
      ['council', 'grade', 'current', 'year', 'area'],
    ),
  );
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Clips oldest first (then by id): the order of every export. */
export const sortClips = (clips: Clip[]) => [...clips].sort((a, b) => a.created - b.created || byText(a.id, b.id));

/** Articles by id: the order of the JSON export. */
export const sortArticles = (articles: Article[]) => [...articles].sort((a, b) => byText(a.id, b.id));

/** A grade as readers write it: `other:…` grades without their prefix. */
export const gradeLabel = (g: string) => (g.startsWith('other:') ? g.slice(6) : g);

/**
 * Every council a clip is about: its finding's, then those its passage gathered from other
 * findings (a council card, then a grade card on the same words), by name from the gazetteer; a
 * code the gazetteer does not know is named by itself.
 */
export function clipCouncils(c: Clip): Council[] {
  const out = new Map<string, Council>();
  for (const x of c.finding?.councils ?? []) out.set(x.code, x);
  for (const code of c.councilCodes) {
    const x = councilByCode(code) ?? { code, name: code };
    if (!out.has(x.code)) out.set(x.code, x);
  }
  return [...out.values()];
}

/** Every grade a clip is about: its finding's, then those its passage gathered. */
export const clipGrades = (c: Clip): string[] => [
  ...new Set([...(c.finding?.grade ? [c.finding.grade] : []), ...c.grades]),
];

/** `current` as a word: "current", "previous", or "" when unknown. */
export const whenLabel = (current: boolean | undefined) =>
  current === true ? 'current' : current === false ? 'previous' : '';

/** A time as ISO 8601 in UTC to the second (`2026-11-29T14:03:00Z`), or "" when not a time. */
export function isoSeconds(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : `${d.toISOString().slice(0, 19)}Z`;
}

export type ExportKind = 'json' | 'jsonld' | 'csv' | 'outcomes' | 'markdown';

const NAMES: Record<ExportKind, [string, string]> = {
  json: ['clips', 'json'],
  jsonld: ['annotations', 'jsonld'],
  csv: ['clips', 'csv'],
  outcomes: ['outcomes', 'csv'],
  markdown: ['clips', 'md'],
};

/** The download's file name with the reader's date: `inspection-lens-clips-2026-11-29.csv`. */
export function exportFileName(kind: ExportKind, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const [what, ext] = NAMES[kind];
  return `inspection-lens-${what}-${date}.${ext}`;
}
