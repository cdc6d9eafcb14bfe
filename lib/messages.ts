// The one typed protocol between the content script, the side panel and the background.
// Every message is checked at the boundary with `parseMessage(raw, from)`; anything else is refused.
//
// Messages are grouped by the direction they travel in (`pageToBackground`: a content script, that
// is a web page, untrusted; `panelToBackground`: our extension pages; `backgroundToPage`;
// `backgroundToPanel`). The receiver parses with the direction its sender is in, so a kind from the
// wrong direction (a page asking for the clip list) is refused by the boundary itself.
//
// How to add a message:
//   1. Add one entry to the table of its direction below: `myKind: spec<Data, Reply>(check, { clean?, reply? })`.
//      `check` validates untrusted data without throwing (use isObj/isStr/isNum/everyItem; bound
//      every string and array); `clean` rebuilds records from their known fields; `reply` checks
//      the answer when it comes from a content script (backgroundToPage only).
//   2. Handle it in the receiver's switch (the background's answer of its direction,
//      lib/background/page-answers.ts or panel-answers.ts, or the content script's / side panel's
//      onMessage); the compiler gives `msg.data` its type, checks the returned reply, and refuses
//      a background answer that leaves a kind of its direction unhandled.
//   3. Call it with `send('myKind', data)` (to the background), `sendToTab(tabId, 'myKind', data)`
//      or `broadcast('myKind', data)`: the reply comes back typed as `Reply<'myKind'>`, no casts.
//      If its reply has a `{ ok: false, error }` form, list it in FAILS_AS_REPLY.
//   4. Add a case to tests/messages/protocol.test.ts (accepted shape, a malformed one, wrong direction).
import { browser } from 'wxt/browser';
import { type Article, CLIP_COLOURS, type Clip } from './clips';
import { checkArticle, checkClip, IMPORT_LIMITS } from './export/import';
import type { ExportFilter, ExportPage } from './export/records';
import type { PageClip } from './ownership';
import { type CouncilRow, MAX_REPORTED_FINDINGS, type ReportedFinding } from './reports';
import type { ClipQuery, ListCursor, UnreadableClip } from './store/clip-store';
import type { CollectionPage, CollectionQuery } from './store/collection';
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
  /**
   * The findings are the ones this page sent last (`findings` left out): a long page's re-run that
   * changed only its counts or outcomes, or findings past the first MAX_REPORTED_FINDINGS, does not
   * send those again. A background without them (it restarted, or the last report was of another
   * address) answers `resend`, and the page sends them.
   */
  sameFindings?: true;
}

/** The background's answer to a page report: `resend` when it lacks the findings the report kept. */
export type PageReportReply = { ok: true; resend?: true };

export { type CouncilPoint, type CouncilRow, MAX_REPORTED_FINDINGS, type ReportedFinding } from './reports';

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
  if (v.sameFindings !== undefined && (v.sameFindings !== true || v.findings !== undefined)) return false;
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

const QUERY_KEYS = new Set(['text', 'category', 'grade', 'council', 'tag', 'from', 'to', 'groupBy', 'offset', 'limit']);
const CATEGORY_NAMES: readonly unknown[] = ['selection', 'grade', 'council', 'improvement'];
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
/** A Collection query: known fields only, each of its type and within its bounds. */
function isCollectionQuery(d: unknown): d is CollectionQuery {
  if (!isObj(d) || !Object.keys(d).every((k) => QUERY_KEYS.has(k))) return false;
  return (
    (d.text === undefined || isStr(d.text, 1000)) &&
    (d.category === undefined || CATEGORY_NAMES.includes(d.category)) &&
    ['grade', 'council', 'tag'].every((k) => d[k] === undefined || isStr(d[k], LIMITS.tag)) &&
    (d.from === undefined || isNum(d.from)) &&
    (d.to === undefined || isNum(d.to)) &&
    (d.groupBy === undefined || d.groupBy === 'article' || d.groupBy === 'council') &&
    (d.offset === undefined || isCount(d.offset)) &&
    (d.limit === undefined || (isCount(d.limit) && (d.limit as number) <= 500))
  );
}

/**
 * One message kind: the check of its data (and, where the answer comes from a context we do not
 * trust, of its reply). `D` and `R` are the data and reply types; they exist for the compiler only.
 */
export interface Spec<D, R> {
  /** True when `data` is well formed; runs on untrusted input, so it must not throw or trust getters twice. */
  readonly data: (data: unknown) => boolean;
  /** Rebuilds the checked data from its known fields (unknown fields are dropped at the boundary). */
  readonly clean?: (data: D) => D;
  /** Checks and rebuilds a reply the sender cannot trust (a content script's); null refuses it. */
  readonly reply?: (reply: unknown) => R | null;
  /** Type carrier only: never set. */
  readonly types?: { data: D; reply: R };
}

function spec<D, R>(data: (d: unknown) => boolean, more: Omit<Spec<D, R>, 'data' | 'types'> = {}): Spec<D, R> {
  return { data, ...more };
}

const isNull = (d: unknown) => d === null;
/** A reply `{ ok, error? }` from a content script, rebuilt with those fields only. */
const okReply = (r: unknown): { ok: boolean; error?: string } | null =>
  isObj(r) && typeof r.ok === 'boolean' && (r.error === undefined || isStr(r.error, 2000))
    ? { ok: r.ok, ...(typeof r.error === 'string' ? { error: r.error } : {}) }
    : null;

/** Liveness check from any of our contexts; the background answers with its version. */
const ping = spec<null, { ok: true; version: string }>(isNull);

/** Content script (a web page: untrusted) → background. */
export const pageToBackground = {
  ping,
  /** The content script reports its analysis of the page (drives the toolbar badge). */
  pageReport: spec<PageReport, PageReportReply>(isPageReport),
  /** Saves a clip (idempotent by its id) with its article. */
  saveClip: spec<{ clip: Clip; article: Article }, SaveReply>(
    (d) => isObj(d) && isClip(d.clip) && isArticle(d.article) && d.clip.articleId === d.article.id,
    { clean: (d) => ({ clip: readClip(d.clip) as Clip, article: readArticle(d.article) as Article }) },
  ),
  /** Saves the article's inspection record: its outcomes. */
  saveRecord: spec<{ article: Article }, SaveReply>((d) => isObj(d) && isArticle(d.article), {
    clean: (d) => ({ article: readArticle(d.article) as Article }),
  }),
  /** The clips saved on a page (by URL or same-origin canonical URL): only what re-finding them needs. */
  clipsForPage: spec<{ url: string; canonicalUrl?: string }, PageClip[]>(
    (d) => isObj(d) && isStr(d.url, LIMITS.url) && (d.canonicalUrl === undefined || isStr(d.canonicalUrl, LIMITS.url)),
  ),
  /** The content script reports which of its page's clips it found and which it could not. */
  setClipStates: spec<{ states: { id: string; orphaned: boolean }[]; canonicalUrl?: string }, { ok: true }>(
    (d) =>
      isObj(d) &&
      Array.isArray(d.states) &&
      d.states.length <= 10_000 &&
      (d.canonicalUrl === undefined || isStr(d.canonicalUrl, LIMITS.url)) &&
      everyItem(d.states, (x) => isObj(x) && isStr(x.id, 100) && typeof x.orphaned === 'boolean'),
  ),
};

/** Extension pages (side panel, options) → background. */
export const panelToBackground = {
  ping,
  /** The side panel asks what the content script found in a tab. */
  getPageReport: spec<{ tabId: number }, PageReport | null>((d) => isObj(d) && isNum(d.tabId)),
  /** The side panel switches highlighting on or off for one tab's page (relayed to its content script). */
  setPageHighlighting: spec<{ tabId: number; enabled: boolean }, { ok: boolean; error?: string }>(
    (d) => isObj(d) && isNum(d.tabId) && typeof d.enabled === 'boolean',
  ),
  /**
   * The side panel lists clips, newest first, one page at a time (from `after`), with the articles
   * of that page's clips; `unreadable` are stored records that failed validation, `next` where the
   * next page starts (null at the end).
   */
  listClips: spec<ListQuery, ClipListPage>(
    (d) =>
      isObj(d) &&
      ['articleId', 'council', 'grade', 'tag'].every((k) => d[k] === undefined || isStr(d[k], LIMITS.url)) &&
      (d.limit === undefined || isNum(d.limit)) &&
      (d.pageSize === undefined || (Number.isSafeInteger(d.pageSize) && (d.pageSize as number) > 0)) &&
      (d.after === undefined || isCursor(d.after)),
  ),
  /**
   * The side panel edits a clip's note, tags or colour, on the version `rev` it showed (`base`: the
   * edited fields' values then). A stale edit is refused with the newer clip (`current`).
   */
  updateClip: spec<ClipEditData, UpdateReply>(
    (d) =>
      isObj(d) &&
      isStr(d.id, LIMITS.id) &&
      (d.note === undefined || isStr(d.note, LIMITS.note)) &&
      (d.tags === undefined || isStrArray(d.tags, LIMITS.tags, LIMITS.tag)) &&
      (d.colour === undefined || isColour(d.colour)) &&
      (d.rev === undefined || (Number.isSafeInteger(d.rev) && (d.rev as number) >= 0)) &&
      (d.base === undefined || isEditBase(d.base)),
  ),
  /** The side panel opens (or focuses) a clip's article. */
  openArticle: spec<{ url: string }, { ok: true }>((d) => isObj(d) && isHttpUrl(d.url)),
  /** The side panel reads the collection for an export, one page at a time (`next` is the following page's cursor). */
  exportPage: spec<{ cursor: string | null; limit: number; filter?: ExportFilter }, ExportPage>(
    (d) =>
      isObj(d) &&
      (d.cursor === null || isStr(d.cursor, 8200)) &&
      isNum(d.limit) &&
      d.limit >= 1 &&
      d.limit <= 5000 &&
      (d.filter === undefined ||
        (isObj(d.filter) &&
          Object.entries(d.filter).every(([k, v]) =>
            k === 'from' || k === 'to'
              ? v === undefined || isNum(v)
              : k === 'category'
                ? v === undefined || CATEGORY_NAMES.includes(v)
                : ['articleId', 'council', 'grade', 'tag', 'text'].includes(k) && (v === undefined || isStr(v, 8192)),
          ))),
  ),
  /** The Collection view searches, filters and groups the clips: counts, group headings and one window of rows. */
  queryClips: spec<CollectionQuery, CollectionPage>(isCollectionQuery),
  /** The side panel deletes clips; the reply holds the records deleted (for an undo). */
  deleteClips: spec<{ ids: string[] }, { ok: boolean; clips: Clip[]; error?: string }>(
    (d) => isObj(d) && Array.isArray(d.ids) && d.ids.length <= 10_000 && everyItem(d.ids, (x) => isStr(x, LIMITS.id)),
  ),
  /** The side panel puts deleted clips back exactly as they were (undo). */
  restoreClips: spec<{ clips: Clip[] }, { ok: boolean; restored: number; error?: string }>(
    (d) => isObj(d) && Array.isArray(d.clips) && d.clips.length <= 10_000 && everyItem(d.clips, isClip),
    { clean: (d) => ({ clips: d.clips.map((c) => readClip(c) as Clip) }) },
  ),
  /** The side panel opens a clip's article (or its tab) and has the page show the clip's passage. */
  openClip: spec<{ clipId: string }, { ok: boolean; error?: string }>((d) => isObj(d) && isStr(d.clipId, LIMITS.id)),
  /** The side panel asks a tab's page to scroll to one of its findings and flash it (relayed by the background). */
  showFindingInTab: spec<{ tabId: number; findingId: string }, { ok: boolean; error?: string }>(
    (d) => isObj(d) && isNum(d.tabId) && isStr(d.findingId, 200),
  ),
  /** The side panel asks a tab's page to save one of its findings as a clip (relayed by the background). */
  clipFindingInTab: spec<{ tabId: number; findingId: string }, { ok: boolean; error?: string }>(
    (d) => isObj(d) && isNum(d.tabId) && isStr(d.findingId, 200),
  ),
  /** The side panel reads one article's stored record (its saved outcomes), or null. */
  getArticleRecord: spec<{ articleId: string }, Article | null>((d) => isObj(d) && isStr(d.articleId, LIMITS.url)),
  /** The side panel lists the councils the reader has clips or outcomes for, with their grade history. */
  listCouncils: spec<null, CouncilRow[]>(isNull),
};

/** Background → a tab's content script. The reply comes from a web page's context: checked. */
export const backgroundToPage = {
  /** Switch this page's highlighting on or off. */
  setHighlighting: spec<{ enabled: boolean }, { ok: boolean; error?: string }>(
    (d) => isObj(d) && typeof d.enabled === 'boolean',
    { reply: okReply },
  ),
  /** Clip the current selection (context menu, shortcut). */
  clipSelection: spec<null, { ok: boolean; error?: string }>(isNull, { reply: okReply }),
  /** Send the page report again (the background has none for the tab: it restarted since). */
  sendReport: spec<null, { ok: boolean; error?: string }>(isNull, { reply: okReply }),
  /** Scroll to a saved clip's passage and flash it. */
  showClip: spec<{ clipId: string }, { ok: boolean; error?: string }>((d) => isObj(d) && isStr(d.clipId, LIMITS.id), {
    reply: okReply,
  }),
  /** Scroll to this finding and flash it. */
  showFinding: spec<{ findingId: string }, { ok: boolean; error?: string }>(
    (d) => isObj(d) && isStr(d.findingId, 200),
    {
      reply: okReply,
    },
  ),
  /** Save this finding as a clip (its whole sentence). */
  clipFinding: spec<{ findingId: string }, { ok: boolean; error?: string }>(
    (d) => isObj(d) && isStr(d.findingId, 200),
    {
      reply: okReply,
    },
  ),
};

/** Background → extension pages (a broadcast: nobody answers). */
export const backgroundToPanel = {
  /** A tab's report changed. */
  reportUpdated: spec<{ tabId: number }, undefined>((d) => isObj(d) && isNum(d.tabId)),
  /** Clips were saved or changed. */
  clipsChanged: spec<null, undefined>(isNull),
};

/** Every message, by the direction it travels in. A kind may travel in more than one (`ping`). */
const PROTOCOL = { pageToBackground, panelToBackground, backgroundToPage, backgroundToPanel } as const;

export type Direction = keyof typeof PROTOCOL;
type Table<D extends Direction> = (typeof PROTOCOL)[D];
/** The message kinds that travel in direction(s) `D`. */
export type KindOf<D extends Direction> = D extends Direction ? keyof Table<D> & string : never;
export type MessageType = KindOf<Direction>;
type SpecOf<K extends MessageType> = {
  [D in Direction]: K extends keyof Table<D> ? Table<D>[K] : never;
}[Direction];
export type Data<K extends MessageType> = NonNullable<SpecOf<K>['types']>['data'];
export type Reply<K extends MessageType> = NonNullable<SpecOf<K>['types']>['reply'];
/** Every kind with its data and reply types (the shape callers and handlers are typed from). */
export type Protocol = { [K in MessageType]: { data: Data<K>; reply: Reply<K> } };
/** A checked message of kind `K`. */
export type MessageOfKind<K extends MessageType> = K extends MessageType ? { type: K; data: Data<K> } : never;
/** A checked message travelling in direction(s) `D`. */
export type MessageOf<D extends Direction> = MessageOfKind<KindOf<D>>;
export type Message = MessageOf<Direction>;

const ALL_DIRECTIONS = Object.keys(PROTOCOL) as Direction[];

/** The spec of `type` in one of `directions`, or undefined (unknown kind, or not in those directions). */
function specFor(type: string, directions: readonly Direction[]): Spec<unknown, unknown> | undefined {
  for (const d of directions)
    if (Object.hasOwn(PROTOCOL[d], type)) return (PROTOCOL[d] as Record<string, Spec<unknown, unknown>>)[type];
  return undefined;
}

/**
 * The trust boundary. Returns the message if its kind travels in `from` (every direction when
 * omitted) and its data is well formed, rebuilt from its checked fields; otherwise null. A known
 * kind from the wrong direction (a page asking for the clip list) is refused like an unknown one.
 */
export function parseMessage<D extends Direction>(raw: unknown, from: D | readonly D[]): MessageOf<D> | null;
export function parseMessage(raw: unknown): Message | null;
export function parseMessage(raw: unknown, from: Direction | readonly Direction[] = ALL_DIRECTIONS): Message | null {
  try {
    if (!isObj(raw) || typeof raw.type !== 'string') return null;
    const type = raw.type;
    const s = specFor(type, typeof from === 'string' ? [from] : from);
    if (!s) return null;
    // Checked as given first (a huge or malformed value is refused before anything is copied),
    // then copied to plain data and checked again: a getter cannot answer the check one thing and
    // the handler another, and a proxy (which cannot be copied) is refused. Messages between
    // contexts arrive as such copies already; this holds the boundary for any other caller too.
    if (!s.data(raw.data ?? null)) return null;
    const data: unknown = structuredClone(raw.data ?? null);
    if (!s.data(data)) return null;
    return { type, data: s.clean ? s.clean(data) : data } as Message;
  } catch {
    // A hostile shape (a getter that throws, a revoked proxy): refused like any malformed message.
    return null;
  }
}

/** What a receiver answers to a message it refuses at the boundary. */
export type Refusal = { ok: false; error: string; retry: false } | { error: string };

/**
 * The answer to a message `parseMessage(raw, from)` refused: a save is told why in the reader's
 * words (and never retried), a known kind from the wrong direction that it is not allowed, anything
 * else that it is unknown or malformed.
 */
export function refusalFor(raw: unknown, from: Direction): Refusal {
  let type: unknown;
  try {
    type = isObj(raw) ? raw.type : undefined;
  } catch {
    type = undefined;
  }
  if (typeof type !== 'string') return { error: 'unknown or malformed message' };
  if (specFor(type, [from]) && (type === 'saveClip' || type === 'saveRecord'))
    return { ok: false, error: refusalReason(raw), retry: false };
  if (!specFor(type, [from]) && specFor(type, ALL_DIRECTIONS))
    return { ok: false, error: `${type} is not allowed from this sender`, retry: false };
  return { error: 'unknown or malformed message' };
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

/** Builds a message value (for a transport other than `send`, or a test). */
export function message<K extends MessageType>(type: K, data: Data<K>): { type: K; data: Data<K> } {
  return { type, data };
}

/** Kinds whose reply has a `{ ok: false, error }` form: a bare `{ error }` answer reads as that. */
const FAILS_AS_REPLY: Partial<Record<MessageType, { retry: boolean }>> = {
  // A save the background failed to finish is tried again (lib/page/clipper.ts saveWithRetry).
  saveClip: { retry: true },
  saveRecord: { retry: true },
  updateClip: { retry: false },
  setPageHighlighting: { retry: false },
  deleteClips: { retry: false },
  restoreClips: { retry: false },
  openClip: { retry: false },
  showFindingInTab: { retry: false },
  clipFindingInTab: { retry: false },
};

/**
 * The reply of `type` from the raw answer of our background (trusted: not re-checked field by
 * field). A `{ error }` answer (refused, or failed) becomes the kind's own failure reply where it
 * has one, and otherwise an Error; so does no answer at all.
 */
export function settleReply<K extends MessageType>(type: K, raw: unknown): Reply<K> {
  if (isObj(raw) && typeof raw.error === 'string' && raw.ok !== true) {
    const fails = FAILS_AS_REPLY[type];
    if (!fails) throw new Error(raw.error);
    return (raw.ok === false ? raw : { ok: false, error: raw.error, retry: fails.retry }) as Reply<K>;
  }
  if (raw === undefined) throw new Error(`No answer to ${type}`);
  return raw as Reply<K>;
}

/** Content script or extension page → background: resolves with the typed reply (see `settleReply`). */
export async function send<K extends KindOf<'pageToBackground' | 'panelToBackground'>>(
  type: K,
  data: Data<K>,
): Promise<Reply<K>> {
  return settleReply(type, await browser.runtime.sendMessage(message(type, data)));
}

/**
 * Background → a tab's content script: resolves with the reply checked and rebuilt (a web page's
 * context answers it), or rejects when there is no content script or the reply is malformed.
 */
export async function sendToTab<K extends KindOf<'backgroundToPage'>>(
  tabId: number,
  type: K,
  data: Data<K>,
  options?: { frameId?: number },
): Promise<Reply<K>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, message(type, data), options);
  const r = checkReply(type, raw);
  if (r === null) throw new Error(`Malformed reply to ${type}`);
  return r;
}

/** A reply from an untrusted context, checked by its kind's reply check (null: refused). */
export function checkReply<K extends KindOf<'backgroundToPage'>>(type: K, raw: unknown): Reply<K> | null {
  try {
    const check = (backgroundToPage[type] as Spec<unknown, Reply<K>>).reply;
    return check ? check(raw) : null;
  } catch {
    return null;
  }
}

/** Background → every open extension page (side panel, options); nobody answers, nobody listening is fine. */
export function broadcast<K extends KindOf<'backgroundToPanel'>>(type: K, data: Data<K>): void {
  browser.runtime.sendMessage(message(type, data)).catch(() => {});
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
