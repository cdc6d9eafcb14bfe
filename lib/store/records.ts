// Deep validation of stored records, on the way in (messages, saves) and on the way out (reads):
// every field checked to its depth, unknown fields dropped, one bad record reported as such
// instead of failing a whole list. Pure: no idb, no browser API.
import type { Outcome } from '../analysis/outcomes';
import { type Article, CLIP_COLOURS, type Clip, type ClipFinding, LIMITS } from '../clips';

// The limits are defined with the record shapes (lib/clips.ts): the page layer and the import
// checker use them too, and neither may import the store.
export { LIMITS };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** An array of strings; a sparse array's holes (which `every` skips) count as missing strings. */
export function isStrArray(v: unknown, maxItems: number, maxLen: number): v is string[] {
  if (!Array.isArray(v) || v.length > maxItems) return false;
  for (let i = 0; i < v.length; i++) if (!isStr(v[i], maxLen)) return false;
  return true;
}
const isHttpUrl = (v: unknown): v is string => isStr(v, LIMITS.url) && /^https?:\/\//i.test(v);
const CATEGORIES = ['selection', 'grade', 'council', 'improvement'] as const;
const KINDS = ['grade', 'council', 'improvement'] as const;

function readCouncil(v: unknown): { code: string; name: string } | null {
  return isObj(v) && isStr(v.code, 12) && isStr(v.name, 200) ? { code: v.code, name: v.name } : null;
}

function readFinding(v: unknown): ClipFinding | null {
  if (!isObj(v) || !(KINDS as readonly unknown[]).includes(v.kind)) return null;
  if (!Array.isArray(v.councils) || v.councils.length > LIMITS.councils) return null;
  const councils: ClipFinding['councils'] = [];
  for (const c of v.councils) {
    const council = readCouncil(c);
    if (!council) return null;
    councils.push(council);
  }
  const f: ClipFinding = { kind: v.kind as ClipFinding['kind'], councils };
  if (v.grade !== undefined) {
    if (!isStr(v.grade, 60)) return null;
    f.grade = v.grade as ClipFinding['grade'];
  }
  if (v.current !== undefined) {
    if (typeof v.current !== 'boolean') return null;
    f.current = v.current;
  }
  if (v.year !== undefined) {
    if (!isNum(v.year)) return null;
    f.year = v.year;
  }
  if (v.area !== undefined) {
    if (!isStr(v.area, 100)) return null;
    f.area = v.area;
  }
  if (v.topic !== undefined) {
    if (!isStr(v.topic, 200)) return null;
    f.topic = v.topic;
  }
  return f;
}

/**
 * A clip checked to its depth and rebuilt with only the known fields, or null. `rev` (the edit
 * version) is 0 when absent: records written before versions were kept.
 */
export function readClip(v: unknown): Clip | null {
  if (!isObj(v) || !isStr(v.id, LIMITS.id) || !v.id || !isHttpUrl(v.url) || !isStr(v.articleId, LIMITS.url))
    return null;
  if (!isStr(v.quote, LIMITS.quote) || !isStr(v.note, LIMITS.note) || !isStrArray(v.tags, LIMITS.tags, LIMITS.tag))
    return null;
  if (!isStrArray(v.councilCodes, LIMITS.councils, 12) || !isStrArray(v.grades, LIMITS.grades, 60)) return null;
  if (!(CLIP_COLOURS as readonly unknown[]).includes(v.colour)) return null;
  if (!(CATEGORIES as readonly unknown[]).includes(v.category)) return null;
  if (v.textModel !== 'article' && v.textModel !== 'body') return null;
  if (!isNum(v.created) || !isNum(v.updated) || typeof v.orphaned !== 'boolean') return null;
  if (v.rev !== undefined && !(Number.isSafeInteger(v.rev) && (v.rev as number) >= 0)) return null;
  if (!Array.isArray(v.selectors) || v.selectors.length !== 2) return null;
  const [q, p] = v.selectors as unknown[];
  if (!isObj(q) || q.type !== 'TextQuoteSelector' || !isStr(q.exact, LIMITS.quote)) return null;
  if (!isStr(q.prefix, 200) || !isStr(q.suffix, 200)) return null;
  if (!isObj(p) || p.type !== 'TextPositionSelector' || !isNum(p.start) || !isNum(p.end)) return null;
  let finding: ClipFinding | undefined;
  if (v.finding !== undefined) {
    const f = readFinding(v.finding);
    if (!f) return null;
    finding = f;
  }
  return {
    id: v.id,
    articleId: v.articleId,
    url: v.url,
    quote: v.quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
      { type: 'TextPositionSelector', start: p.start, end: p.end },
    ],
    textModel: v.textModel,
    category: v.category as Clip['category'],
    ...(finding ? { finding } : {}),
    councilCodes: [...v.councilCodes],
    grades: [...v.grades],
    note: v.note,
    tags: [...v.tags],
    colour: v.colour as string,
    created: v.created,
    updated: v.updated,
    orphaned: v.orphaned,
    rev: (v.rev as number | undefined) ?? 0,
  };
}

/** An outcome checked and rebuilt, or null. */
export function readOutcome(v: unknown): Outcome | null {
  if (!isObj(v)) return null;
  const council = readCouncil(v.council);
  if (!council || !isStr(v.grade, 60) || typeof v.current !== 'boolean') return null;
  if (v.year !== undefined && !isNum(v.year)) return null;
  if (v.area !== undefined && !isStr(v.area, 100)) return null;
  return {
    council: council as Outcome['council'],
    grade: v.grade as Outcome['grade'],
    current: v.current,
    ...(v.year !== undefined ? { year: v.year as number } : {}),
    ...(v.area !== undefined ? { area: v.area as string } : {}),
  };
}

/**
 * An article checked and rebuilt, or null. Outcomes past the limit are trimmed (a round-up page
 * can name hundreds); a malformed outcome makes the article unreadable.
 */
export function readArticle(v: unknown): Article | null {
  if (!isObj(v) || !isStr(v.id, LIMITS.url) || !isHttpUrl(v.url) || !isStr(v.canonicalUrl, LIMITS.url)) return null;
  if (!isStr(v.title, LIMITS.title) || !isStr(v.site, LIMITS.site) || !isNum(v.created) || !isNum(v.updated))
    return null;
  if (v.published !== undefined && !isStr(v.published, 100)) return null;
  if (v.recordSaved !== undefined && !isNum(v.recordSaved)) return null;
  if (!Array.isArray(v.outcomes)) return null;
  const outcomes: Outcome[] = [];
  for (const o of v.outcomes.slice(0, LIMITS.outcomes)) {
    const out = readOutcome(o);
    if (!out) return null;
    outcomes.push(out);
  }
  return {
    id: v.id,
    url: v.url,
    canonicalUrl: v.canonicalUrl,
    title: v.title,
    site: v.site,
    ...(v.published !== undefined ? { published: v.published as string } : {}),
    outcomes,
    ...(v.recordSaved !== undefined ? { recordSaved: v.recordSaved as number } : {}),
    created: v.created,
    updated: v.updated,
  };
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Why a clip or article would be refused, in the reader's words (null when it would not be).
 * Checks the limits a real page can reach first, so the message names the actual cause.
 */
export function refusalOf(clip: unknown, article: unknown): string | null {
  const c = isObj(clip) ? clip : {};
  const a = isObj(article) ? article : {};
  const url = typeof c.url === 'string' ? c.url : typeof a.url === 'string' ? a.url : '';
  if (url.length > LIMITS.url)
    return `This page’s address is too long to save (${count(url.length)} characters; the limit is ${count(LIMITS.url)}). Nothing was saved.`;
  if (typeof c.quote === 'string' && c.quote.length > LIMITS.quote)
    return `This selection is too long to clip (${count(c.quote.length)} characters; the limit is ${count(LIMITS.quote)}). Select a shorter passage.`;
  if (typeof c.note === 'string' && c.note.length > LIMITS.note)
    return `This note is too long to save (the limit is ${count(LIMITS.note)} characters).`;
  if (clip !== undefined && !readClip(clip))
    return 'Inspection Lens could not read this clip’s data from the page, so nothing was saved.';
  if (article !== undefined && !readArticle(article))
    return 'Inspection Lens could not read this page’s details, so nothing was saved.';
  return null;
}
