// The one typed protocol between the content script, the side panel and the background.
// Every message is checked at the boundary with `parseMessage`; anything else is refused.
import { type Article, CLIP_COLOURS, type Clip } from './clips';
import { checkArticle, checkClip, IMPORT_LIMITS } from './export/import';
import type { ExportFilter, ExportPage } from './export/records';
import type { ClipQuery } from './store/clip-store';
import type { ImportResult } from './store/import';

/** An outcome as reported to the side panel (the core's Outcome, serialisable). */
export interface ReportedOutcome {
  council: { code: string; name: string };
  grade: string;
  current: boolean;
  year?: number;
  area?: string;
}

/** What the content script reports about the page it runs in. */
export interface PageReport {
  url: string;
  title: string;
  isInspectionArticle: boolean;
  confidence: number;
  /** Findings highlighted in the page, by category name (`il-grade-good`, `il-council`…). */
  counts: Record<string, number>;
  outcomes: ReportedOutcome[];
  /** False when the reader switched highlighting off for this page. */
  highlighting: boolean;
}

/** Every request a context can send, with its reply type. */
export interface Protocol {
  /** Liveness check; the background answers with its version. */
  ping: { data: null; reply: { ok: true; version: string } };
  /** The content script reports its analysis of the page (drives the toolbar badge). */
  pageReport: { data: PageReport; reply: { ok: true } };
  /** The side panel asks what the content script found in a tab. */
  getPageReport: { data: { tabId: number }; reply: PageReport | null };
  /** The side panel switches highlighting on or off for one tab's page (relayed to its content script). */
  setPageHighlighting: { data: { tabId: number; enabled: boolean }; reply: { ok: boolean; error?: string } };
  /** Background to content script: switch this page's highlighting on or off. */
  setHighlighting: { data: { enabled: boolean }; reply: { ok: true } };
  /** Background to extension pages: a tab's report changed. */
  reportUpdated: { data: { tabId: number }; reply: undefined };
  /** Saves a clip (idempotent by its id) with its article. */
  saveClip: { data: { clip: Clip; article: Article }; reply: SaveReply };
  /** Saves the article's inspection record: its outcomes. */
  saveRecord: { data: { article: Article }; reply: SaveReply };
  /** The clips saved on a page (by URL or canonical URL). */
  clipsForPage: { data: { url: string; canonicalUrl?: string }; reply: Clip[] };
  /** The content script reports which clips it found on the page and which it could not. */
  setClipStates: { data: { states: { id: string; orphaned: boolean }[] }; reply: { ok: true } };
  /** The side panel lists clips, newest first, with their articles. */
  listClips: { data: ClipQuery; reply: { clips: Clip[]; articles: Article[] } };
  /** The side panel edits a clip's note, tags or colour. */
  updateClip: { data: { id: string; note?: string; tags?: string[]; colour?: string }; reply: SaveReply };
  /** The side panel opens (or focuses) a clip's article. */
  openArticle: { data: { url: string }; reply: { ok: true } };
  /** Background to content script: clip the current selection (context menu, shortcut). */
  clipSelection: { data: null; reply: { ok: boolean; error?: string } };
  /** Background to extension pages: clips were saved or changed. */
  clipsChanged: { data: null; reply: undefined };
  /** The side panel reads the collection for an export, one page at a time (`next` is the following page's cursor). */
  exportPage: { data: { cursor: string | null; limit: number; filter?: ExportFilter }; reply: ExportPage };
}

/** How a save ended: saved (or already saved), or why not. */
export type SaveReply = { ok: true; created: boolean; id: string } | { ok: false; error: string; retry: boolean };

export type MessageType = keyof Protocol;
export type Message = { [K in MessageType]: { type: K; data: Protocol[K]['data'] } }[MessageType];
export type Reply<K extends MessageType> = Protocol[K]['reply'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isOutcome(v: unknown): v is ReportedOutcome {
  if (!isObj(v) || !isObj(v.council) || !isStr(v.council.code, 12) || !isStr(v.council.name, 200)) return false;
  if (!isStr(v.grade, 60) || typeof v.current !== 'boolean') return false;
  return (v.year === undefined || isNum(v.year)) && (v.area === undefined || isStr(v.area, 100));
}

function isPageReport(v: unknown): v is PageReport {
  if (!isObj(v) || !isStr(v.url, 8192) || !isStr(v.title) || typeof v.isInspectionArticle !== 'boolean') return false;
  if (!isNum(v.confidence) || !isObj(v.counts) || typeof v.highlighting !== 'boolean') return false;
  if (!Array.isArray(v.outcomes) || v.outcomes.length > 500 || !v.outcomes.every(isOutcome)) return false;
  return Object.entries(v.counts).every(([k, n]) => /^il-[a-z-]{1,40}$/.test(k) && isNum(n));
}

const isStrArray = (v: unknown, maxItems: number, maxLen: number) =>
  Array.isArray(v) && v.length <= maxItems && v.every((x) => isStr(x, maxLen));
const isHttpUrl = (v: unknown) => isStr(v, 8192) && /^https?:\/\//.test(v);

function isClip(v: unknown): v is Clip {
  if (!isObj(v) || !isStr(v.id, 100) || !isHttpUrl(v.url) || !isStr(v.articleId, 8192)) return false;
  if (!isStr(v.quote, 100_000) || !isStr(v.note, 100_000) || !isStrArray(v.tags, 50, 100)) return false;
  if (!isStrArray(v.councilCodes, 20, 12) || !isStrArray(v.grades, 10, 60)) return false;
  if (!(CLIP_COLOURS as readonly string[]).includes(v.colour as string)) return false;
  if (!['selection', 'grade', 'council', 'improvement'].includes(v.category as string)) return false;
  if (v.textModel !== 'article' && v.textModel !== 'body') return false;
  if (!isNum(v.created) || !isNum(v.updated) || typeof v.orphaned !== 'boolean') return false;
  if (!Array.isArray(v.selectors) || v.selectors.length !== 2) return false;
  const [q, p] = v.selectors as unknown[];
  if (
    !isObj(q) ||
    q.type !== 'TextQuoteSelector' ||
    !isStr(q.exact, 100_000) ||
    !isStr(q.prefix, 200) ||
    !isStr(q.suffix, 200)
  )
    return false;
  if (!isObj(p) || p.type !== 'TextPositionSelector' || !isNum(p.start) || !isNum(p.end)) return false;
  if (v.finding !== undefined) {
    const f = v.finding;
    if (!isObj(f) || !['grade', 'council', 'improvement'].includes(f.kind as string) || !Array.isArray(f.councils))
      return false;
  }
  return true;
}

function isArticle(v: unknown): v is Article {
  if (!isObj(v) || !isStr(v.id, 8192) || !isHttpUrl(v.url) || !isStr(v.canonicalUrl, 8192)) return false;
  if (!isStr(v.title, 2000) || !isStr(v.site, 500) || !isNum(v.created) || !isNum(v.updated)) return false;
  if (v.published !== undefined && !isStr(v.published, 100)) return false;
  return Array.isArray(v.outcomes) && v.outcomes.length <= 500 && v.outcomes.every(isOutcome);
}

const validators: { [K in MessageType]: (data: unknown) => boolean } = {
  ping: (d) => d === null,
  pageReport: isPageReport,
  getPageReport: (d) => isObj(d) && isNum(d.tabId),
  setPageHighlighting: (d) => isObj(d) && isNum(d.tabId) && typeof d.enabled === 'boolean',
  setHighlighting: (d) => isObj(d) && typeof d.enabled === 'boolean',
  reportUpdated: (d) => isObj(d) && isNum(d.tabId),
  saveClip: (d) => isObj(d) && isClip(d.clip) && isArticle(d.article) && d.clip.articleId === d.article.id,
  saveRecord: (d) => isObj(d) && isArticle(d.article),
  clipsForPage: (d) => isObj(d) && isStr(d.url, 8192) && (d.canonicalUrl === undefined || isStr(d.canonicalUrl, 8192)),
  setClipStates: (d) =>
    isObj(d) &&
    Array.isArray(d.states) &&
    d.states.length <= 10_000 &&
    d.states.every((x) => isObj(x) && isStr(x.id, 100) && typeof x.orphaned === 'boolean'),
  listClips: (d) =>
    isObj(d) &&
    ['articleId', 'council', 'grade', 'tag'].every((k) => d[k] === undefined || isStr(d[k], 8192)) &&
    (d.limit === undefined || isNum(d.limit)),
  updateClip: (d) =>
    isObj(d) &&
    isStr(d.id, 100) &&
    (d.note === undefined || isStr(d.note, 100_000)) &&
    (d.tags === undefined || isStrArray(d.tags, 50, 100)) &&
    (d.colour === undefined || (CLIP_COLOURS as readonly string[]).includes(d.colour as string)),
  openArticle: (d) => isObj(d) && isHttpUrl(d.url),
  clipSelection: (d) => d === null,
  clipsChanged: (d) => d === null,
  exportPage: (d) =>
    isObj(d) &&
    (d.cursor === null || isStr(d.cursor, 8200)) &&
    isNum(d.limit) &&
    d.limit >= 1 &&
    d.limit <= 5000 &&
    (d.filter === undefined ||
      (isObj(d.filter) &&
        Object.entries(d.filter).every(
          ([k, v]) => ['articleId', 'council', 'grade', 'tag'].includes(k) && (v === undefined || isStr(v, 8192)),
        ))),
};

/** Returns the message if it has a known type and well-formed data, otherwise null. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObj(raw) || typeof raw.type !== 'string' || !Object.hasOwn(validators, raw.type)) return null;
  const type = raw.type as MessageType;
  return validators[type](raw.data ?? null) ? ({ type, data: raw.data ?? null } as Message) : null;
}

/** Builds a message value; the one way callers construct messages. */
export function message<K extends MessageType>(
  type: K,
  data: Protocol[K]['data'],
): { type: K; data: Protocol[K]['data'] } {
  return { type, data };
}

// The import port: an import is sent to the background in batches over one Port, then written in
// one transaction when the panel says "commit". Closing the panel (the port) before the write has
// finished rolls it back.

/** The name of the Port the side panel opens for an import. */
export const IMPORT_PORT = 'inspection-lens-import';
/** Records per batch message. */
export const IMPORT_BATCH = 1000;

/** Side panel to background, over the import port. */
export type ImportRequest = { type: 'importBatch'; clips: Clip[]; articles: Article[] } | { type: 'importCommit' };
/** Background to side panel, over the import port. */
export type ImportReply =
  | { type: 'importProgress'; done: number; total: number }
  | { type: 'importDone'; result: ImportResult }
  | { type: 'importFailed'; error: string };

/** Checks every record of a batch as an import file's are checked; null for anything malformed. */
export function parseImportRequest(raw: unknown): ImportRequest | null {
  if (!isObj(raw)) return null;
  if (raw.type === 'importCommit') return { type: 'importCommit' };
  if (raw.type !== 'importBatch' || !Array.isArray(raw.clips) || !Array.isArray(raw.articles)) return null;
  if (raw.clips.length > IMPORT_BATCH || raw.articles.length > IMPORT_BATCH) return null;
  try {
    return { type: 'importBatch', clips: raw.clips.map(checkClip), articles: raw.articles.map(checkArticle) };
  } catch {
    return null;
  }
}

const RESULT_KEYS = ['clipsAdded', 'clipsMerged', 'clipsUnchanged', 'articlesAdded', 'articlesMerged'] as const;

/** Checks a reply from the background on the import port. */
export function parseImportReply(raw: unknown): ImportReply | null {
  if (!isObj(raw)) return null;
  if (raw.type === 'importProgress' && isNum(raw.done) && isNum(raw.total))
    return { type: 'importProgress', done: raw.done, total: raw.total };
  if (raw.type === 'importFailed' && isStr(raw.error, 2000)) return { type: 'importFailed', error: raw.error };
  if (
    raw.type === 'importDone' &&
    isObj(raw.result) &&
    RESULT_KEYS.every((k) => isNum((raw.result as Record<string, unknown>)[k]))
  )
    return {
      type: 'importDone',
      result: Object.fromEntries(
        RESULT_KEYS.map((k) => [k, (raw.result as Record<string, number>)[k]]),
      ) as unknown as ImportResult,
    };
  return null;
}

/** The most records one import may send. */
export const IMPORT_MAX_RECORDS = IMPORT_LIMITS.records;
