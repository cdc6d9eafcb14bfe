// The one typed protocol between the content script, the side panel and the background.
// Every message is checked at the boundary with `parseMessage`; anything else is refused.

/** What the content script reports about the page it runs in. */
export interface PageReport {
  url: string;
  title: string;
  isInspectionArticle: boolean;
  confidence: number;
  /** Findings highlighted in the page, by category name (`il-grade-good`, `il-council`…). */
  counts: Record<string, number>;
}

/** Every request a context can send, with its reply type. */
export interface Protocol {
  /** Liveness check; the background answers with its version. */
  ping: { data: null; reply: { ok: true; version: string } };
  /** The content script reports its analysis of the page (drives the toolbar badge). */
  pageReport: { data: PageReport; reply: { ok: true } };
  /** The side panel asks what the content script found in a tab. */
  getPageReport: { data: { tabId: number }; reply: PageReport | null };
}

export type MessageType = keyof Protocol;
export type Message = { [K in MessageType]: { type: K; data: Protocol[K]['data'] } }[MessageType];
export type Reply<K extends MessageType> = Protocol[K]['reply'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isPageReport(v: unknown): v is PageReport {
  if (!isObj(v) || !isStr(v.url, 8192) || !isStr(v.title) || typeof v.isInspectionArticle !== 'boolean') return false;
  if (!isNum(v.confidence) || !isObj(v.counts)) return false;
  return Object.entries(v.counts).every(([k, n]) => /^il-[a-z-]{1,40}$/.test(k) && isNum(n));
}

const validators: { [K in MessageType]: (data: unknown) => boolean } = {
  ping: (d) => d === null,
  pageReport: isPageReport,
  getPageReport: (d) => isObj(d) && isNum(d.tabId),
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
