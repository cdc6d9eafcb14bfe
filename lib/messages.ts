// The one typed protocol between the content script, the side panel and the background.
// Every message is checked at the boundary with `parseMessage`; anything else is refused.

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
}

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

const validators: { [K in MessageType]: (data: unknown) => boolean } = {
  ping: (d) => d === null,
  pageReport: isPageReport,
  getPageReport: (d) => isObj(d) && isNum(d.tabId),
  setPageHighlighting: (d) => isObj(d) && isNum(d.tabId) && typeof d.enabled === 'boolean',
  setHighlighting: (d) => isObj(d) && typeof d.enabled === 'boolean',
  reportUpdated: (d) => isObj(d) && isNum(d.tabId),
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
