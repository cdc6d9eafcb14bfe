// The one typed protocol between the content script, the side panel and the background.
// Every message is checked at the boundary with `parseMessage`; anything else is refused.
import { type Article, CLIP_COLOURS, type Clip } from './clips';
import { checkArticle, checkClip, IMPORT_LIMITS } from './export/import';
import type { ExportFilter, ExportPage } from './export/records';
import type { PageClip } from './ownership';
import type { ClipQuery, ListCursor, UnreadableClip } from './store/clip-store';
import type { ImportResult } from './store/import';
import { isStrArray, LIMITS, readArticle, readClip, refusalOf } from './store/records';

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
  /** The page's findings in page order (at most MAX_REPORTED_FINDINGS), for the panel's "This page". */
  findings?: ReportedFinding[];
}

/** The most findings a page report carries (a round-up page has more; the first ones are listed). */
export const MAX_REPORTED_FINDINGS = 300;

/** A finding as reported to the side panel: what it is, its sentence and where it starts. */
export interface ReportedFinding {
  /** The finding's id in this analysis (the panel asks the page to scroll to it or clip it by this id). */
  id: string;
  kind: 'grade' | 'council' | 'improvement';
  text: string;
  sentence: string;
  start: number;
  grade?: string;
  councils: { code: string; name: string }[];
  current?: boolean;
  year?: number;
  area?: string;
  topic?: string;
}

/** A point of a council's grade history: one outcome, from one article read. */
export interface CouncilPoint {
  grade: string;
  current: boolean;
  year?: number;
  area?: string;
  articleId: string;
  url: string;
  title: string;
  published?: string;
  /** Where it comes from: the article's saved record (or outcomes saved with a clip), or a clip's finding. */
  source: 'record' | 'clip';
}

/** One council the reader has clips or saved outcomes for, with its grade history (oldest first). */
export interface CouncilRow {
  code: string;
  name: string;
  /** Its Ofsted provider URN, when known. */
  urn?: string;
  clips: number;
  points: CouncilPoint[];
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
  /** The clips saved on a page (by URL or same-origin canonical URL): only what re-finding them needs. */
  clipsForPage: { data: { url: string; canonicalUrl?: string }; reply: PageClip[] };
  /** The content script reports which of its page's clips it found and which it could not. */
  setClipStates: {
    data: { states: { id: string; orphaned: boolean }[]; canonicalUrl?: string };
    reply: { ok: true };
  };
  /**
   * The side panel lists clips, newest first, one page at a time (from `after`), with the articles
   * of that page's clips; `unreadable` are stored records that failed validation, `next` where the
   * next page starts (null at the end).
   */
  listClips: { data: ListQuery; reply: ClipListPage };
  /**
   * The side panel edits a clip's note, tags or colour, on the version `rev` it showed (`base`: the
   * edited fields' values then). A stale edit is refused with the newer clip (`current`).
   */
  updateClip: { data: ClipEditData; reply: UpdateReply };
  /** The side panel opens (or focuses) a clip's article. */
  openArticle: { data: { url: string }; reply: { ok: true } };
  /** Background to content script: clip the current selection (context menu, shortcut). */
  clipSelection: { data: null; reply: { ok: boolean; error?: string } };
  /** Background to extension pages: clips were saved or changed. */
  clipsChanged: { data: null; reply: undefined };
  /** The side panel asks a tab's page to scroll to one of its findings and flash it (relayed by the background). */
  showFindingInTab: { data: { tabId: number; findingId: string }; reply: { ok: boolean; error?: string } };
  /** The side panel asks a tab's page to save one of its findings as a clip (relayed by the background). */
  clipFindingInTab: { data: { tabId: number; findingId: string }; reply: { ok: boolean; error?: string } };
  /** Background to content script: scroll to this finding and flash it. */
  showFinding: { data: { findingId: string }; reply: { ok: boolean; error?: string } };
  /** Background to content script: save this finding as a clip (its whole sentence). */
  clipFinding: { data: { findingId: string }; reply: { ok: boolean; error?: string } };
  /** The side panel reads one article's stored record (its saved outcomes), or null. */
  getArticleRecord: { data: { articleId: string }; reply: Article | null };
  /**
   * The side panel opens a clip: its article's tab (opened or focused) scrolled to the passage.
   * Handled by the background in the collection work (branch `collection`); declared here so "This page" can call it.
   */
  openClip: { data: { clipId: string }; reply: { ok: boolean; error?: string } };
  /** The side panel lists the councils the reader has clips or outcomes for, with their grade history. */
  listCouncils: { data: null; reply: CouncilRow[] };
  /** The side panel reads the collection for an export, one page at a time (`next` is the following page's cursor). */
  exportPage: { data: { cursor: string | null; limit: number; filter?: ExportFilter }; reply: ExportPage };
}

/** How a save ended: saved (or already saved), or why not. */
export type SaveReply = { ok: true; created: boolean; id: string } | { ok: false; error: string; retry: boolean };

export interface ListQuery extends ClipQuery {
  after?: ListCursor;
  pageSize?: number;
}
export interface ClipListPage {
  clips: Clip[];
  articles: Article[];
  unreadable: UnreadableClip[];
  next: ListCursor | null;
}
export interface ClipEditData {
  id: string;
  note?: string;
  tags?: string[];
  colour?: string;
  rev?: number;
  base?: { note?: string; tags?: string[]; colour?: string };
}
/** How an edit ended: the saved clip, or why not (with the newer clip when another window changed it). */
export type UpdateReply =
  | { ok: true; created: false; id: string; clip: Clip }
  | { ok: false; error: string; retry: false; current?: Clip };

export type MessageType = keyof Protocol;
export type Message = { [K in MessageType]: { type: K; data: Protocol[K]['data'] } }[MessageType];
export type Reply<K extends MessageType> = Protocol[K]['reply'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Every item passes, holes of a sparse array included (`Array.prototype.every` skips them). */
function everyItem(a: unknown[], ok: (x: unknown) => boolean): boolean {
  for (let i = 0; i < a.length; i++) if (!ok(a[i])) return false;
  return true;
}

function isOutcome(v: unknown): v is ReportedOutcome {
  if (!isObj(v) || !isObj(v.council) || !isStr(v.council.code, 12) || !isStr(v.council.name, 200)) return false;
  if (!isStr(v.grade, 60) || typeof v.current !== 'boolean') return false;
  return (v.year === undefined || isNum(v.year)) && (v.area === undefined || isStr(v.area, 100));
}

const isCouncilRef = (v: unknown) => isObj(v) && isStr(v.code, 12) && isStr(v.name, 200);

function isReportedFinding(v: unknown): v is ReportedFinding {
  if (!isObj(v) || !isStr(v.id, 200) || !['grade', 'council', 'improvement'].includes(v.kind as string)) return false;
  if (!isStr(v.text, 2000) || !isStr(v.sentence, 2000) || !isNum(v.start)) return false;
  if (!Array.isArray(v.councils) || v.councils.length > 50 || !everyItem(v.councils, isCouncilRef)) return false;
  return (
    (v.grade === undefined || isStr(v.grade, 60)) &&
    (v.current === undefined || typeof v.current === 'boolean') &&
    (v.year === undefined || isNum(v.year)) &&
    (v.area === undefined || isStr(v.area, 100)) &&
    (v.topic === undefined || isStr(v.topic, 200))
  );
}

function isPageReport(v: unknown): v is PageReport {
  if (!isObj(v) || !isStr(v.url, LIMITS.url) || !isStr(v.title) || typeof v.isInspectionArticle !== 'boolean')
    return false;
  if (!isNum(v.confidence) || !isObj(v.counts) || typeof v.highlighting !== 'boolean') return false;
  if (!Array.isArray(v.outcomes) || v.outcomes.length > 500 || !everyItem(v.outcomes, isOutcome)) return false;
  if (
    v.findings !== undefined &&
    (!Array.isArray(v.findings) ||
      v.findings.length > MAX_REPORTED_FINDINGS ||
      !everyItem(v.findings, isReportedFinding))
  )
    return false;
  return Object.entries(v.counts).every(([k, n]) => /^il-[a-z-]{1,40}$/.test(k) && isNum(n));
}

const isHttpUrl = (v: unknown) => isStr(v, LIMITS.url) && /^https?:\/\//.test(v);
const isColour = (v: unknown) => (CLIP_COLOURS as readonly unknown[]).includes(v);

/** A clip, checked to its depth by the store's record validator. */
const isClip = (v: unknown): v is Clip => readClip(v) !== null;
/** An article, checked to its depth; more outcomes than the limit are trimmed, not refused. */
const isArticle = (v: unknown): v is Article => readArticle(v) !== null;

const isCursor = (v: unknown): v is ListCursor => isObj(v) && isNum(v.created) && isStr(v.id, LIMITS.id);
const isEditBase = (v: unknown) =>
  isObj(v) &&
  (v.note === undefined || isStr(v.note, LIMITS.note)) &&
  (v.tags === undefined || isStrArray(v.tags, LIMITS.tags, LIMITS.tag)) &&
  (v.colour === undefined || isColour(v.colour));

const validators: { [K in MessageType]: (data: unknown) => boolean } = {
  ping: (d) => d === null,
  pageReport: isPageReport,
  getPageReport: (d) => isObj(d) && isNum(d.tabId),
  setPageHighlighting: (d) => isObj(d) && isNum(d.tabId) && typeof d.enabled === 'boolean',
  setHighlighting: (d) => isObj(d) && typeof d.enabled === 'boolean',
  reportUpdated: (d) => isObj(d) && isNum(d.tabId),
  saveClip: (d) => isObj(d) && isClip(d.clip) && isArticle(d.article) && d.clip.articleId === d.article.id,
  saveRecord: (d) => isObj(d) && isArticle(d.article),
  clipsForPage: (d) =>
    isObj(d) && isStr(d.url, LIMITS.url) && (d.canonicalUrl === undefined || isStr(d.canonicalUrl, LIMITS.url)),
  setClipStates: (d) =>
    isObj(d) &&
    Array.isArray(d.states) &&
    d.states.length <= 10_000 &&
    (d.canonicalUrl === undefined || isStr(d.canonicalUrl, LIMITS.url)) &&
    everyItem(d.states, (x) => isObj(x) && isStr(x.id, 100) && typeof x.orphaned === 'boolean'),
  listClips: (d) =>
    isObj(d) &&
    ['articleId', 'council', 'grade', 'tag'].every((k) => d[k] === undefined || isStr(d[k], LIMITS.url)) &&
    (d.limit === undefined || isNum(d.limit)) &&
    (d.pageSize === undefined || (Number.isSafeInteger(d.pageSize) && (d.pageSize as number) > 0)) &&
    (d.after === undefined || isCursor(d.after)),
  updateClip: (d) =>
    isObj(d) &&
    isStr(d.id, LIMITS.id) &&
    (d.note === undefined || isStr(d.note, LIMITS.note)) &&
    (d.tags === undefined || isStrArray(d.tags, LIMITS.tags, LIMITS.tag)) &&
    (d.colour === undefined || isColour(d.colour)) &&
    (d.rev === undefined || (Number.isSafeInteger(d.rev) && (d.rev as number) >= 0)) &&
    (d.base === undefined || isEditBase(d.base)),
  openArticle: (d) => isObj(d) && isHttpUrl(d.url),
  clipSelection: (d) => d === null,
  clipsChanged: (d) => d === null,
  showFindingInTab: (d) => isObj(d) && isNum(d.tabId) && isStr(d.findingId, 200),
  clipFindingInTab: (d) => isObj(d) && isNum(d.tabId) && isStr(d.findingId, 200),
  showFinding: (d) => isObj(d) && isStr(d.findingId, 200),
  clipFinding: (d) => isObj(d) && isStr(d.findingId, 200),
  getArticleRecord: (d) => isObj(d) && isStr(d.articleId, LIMITS.url),
  listCouncils: (d) => d === null,
  openClip: (d) => isObj(d) && isStr(d.clipId, LIMITS.id),
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

/** Rebuilds records from their checked fields only: unknown fields are dropped at the boundary. */
const cleaners: Partial<{ [K in MessageType]: (data: Protocol[K]['data']) => Protocol[K]['data'] }> = {
  saveClip: (d) => ({ clip: readClip(d.clip) as Clip, article: readArticle(d.article) as Article }),
  saveRecord: (d) => ({ article: readArticle(d.article) as Article }),
};

/** Returns the message if it has a known type and well-formed data, otherwise null. */
export function parseMessage(raw: unknown): Message | null {
  try {
    if (!isObj(raw) || typeof raw.type !== 'string' || !Object.hasOwn(validators, raw.type)) return null;
    const type = raw.type as MessageType;
    const data = raw.data ?? null;
    if (!validators[type](data)) return null;
    const clean = cleaners[type] as ((d: unknown) => unknown) | undefined;
    return { type, data: clean ? clean(data) : data } as Message;
  } catch {
    // A hostile shape (a getter that throws, a revoked proxy): refused like any malformed message.
    return null;
  }
}

/**
 * Why a message was refused, in words the reader understands: a save past a limit names the limit.
 * A refusal is permanent: the same message would be refused again, so it is never retried.
 */
export function refusalReason(raw: unknown): string {
  try {
    if (isObj(raw) && (raw.type === 'saveClip' || raw.type === 'saveRecord') && isObj(raw.data)) {
      const why = refusalOf(raw.type === 'saveClip' ? raw.data.clip : undefined, raw.data.article);
      if (why) return why;
      if (raw.type === 'saveClip' && isObj(raw.data.clip) && isObj(raw.data.article))
        return 'This clip does not belong to the page it was saved from, so nothing was saved.';
    }
  } catch {
    /* fall through to the general words */
  }
  return 'Inspection Lens could not read this request, so nothing was saved.';
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
