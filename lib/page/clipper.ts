// Builds clips and article records from the page: selectors over the page text, the article's
// metadata (canonical URL, title, site, published date) and a retrying, idempotent save.

import type { Finding } from '../analysis/findings';
import type { Outcome } from '../analysis/outcomes';
import { type Span, sentenceIndexAt } from '../analysis/text';
import { describeQuote } from '../anchor/match-quote';
import {
  type Article,
  articleIdFor,
  type Clip,
  type ClipCategory,
  type ClipFinding,
  indexFieldsOf,
  LIMITS,
} from '../clips';
import { canonicalUrlOf } from './canonical';

/** Why a passage of this length cannot be clipped, in the reader's words (null when it can). */
export function tooLongToClip(span: Span): string | null {
  const n = span.end - span.start;
  return n > LIMITS.quote
    ? `This selection is too long to clip (${n.toLocaleString('en-GB')} characters; the limit is ${LIMITS.quote.toLocaleString('en-GB')}). Select a shorter passage.`
    : null;
}

/** A random id that works in insecure contexts too (no crypto.randomUUID there). */
export function newClipId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** 32-bit FNV-1a of a string, from a given seed, as 8 hex digits. */
function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The id of a clip of a passage: the same article, position and quote always give the same id,
 * so saving a passage again updates its clip instead of adding a second one.
 */
export function passageClipId(articleId: string, textModel: Clip['textModel'], span: Span, quote: string): string {
  const key = `${articleId}\n${textModel}\n${span.start}:${span.end}\n${quote}`;
  return fnv(key, 0x811c9dc5) + fnv(key, 0x9747b28c) + fnv(key, 0x1b873593) + fnv(key, 0xcc9e2d51);
}

/** What a clip keeps of a finding: category, grade, councils, current or previous, year, area, topic. */
export function clipFindingOf(
  f: Finding | Omit<Finding, 'id' | 'highlight' | 'start' | 'end' | 'text' | 'sentence'>,
): ClipFinding {
  return {
    kind: f.kind,
    councils: f.councils.map((c) => ({ code: c.code, name: c.name })),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.current !== undefined ? { current: f.current } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.area ? { area: f.area } : {}),
    ...(f.topic ? { topic: f.topic } : {}),
  };
}

/** The span of the whole sentence a finding stands in (the finding's own span when no sentence holds it). */
export function sentenceSpanOf(sentences: readonly Span[], f: Span): Span {
  const s = sentences[sentenceIndexAt(sentences as Span[], f.start)];
  return s && s.start <= f.start && s.end >= f.end ? { start: s.start, end: s.end } : { start: f.start, end: f.end };
}

/** A clip of a finding: its whole sentence as the quote, with the finding attached. */
export function buildFindingClip(
  url: string,
  text: string,
  sentences: readonly Span[],
  f: Finding,
  now = Date.now(),
): Clip {
  return buildClip(url, text, sentenceSpanOf(sentences, f), 'article', f.kind, clipFindingOf(f), now);
}

/**
 * A clip of a selection, given the findings it overlaps: their councils and grades go to the
 * clip's indexes, and the first (a grade before a council before an improvement area) is its finding.
 */
export function withOverlappedFindings(clip: Clip, findings: readonly Finding[]): Clip {
  const { start, end } = clip.selectors[1];
  const rank = (f: Finding) => (f.kind === 'grade' ? 0 : f.kind === 'council' ? 1 : 2);
  const hit = findings
    .filter((f) => f.start < end && f.end > start)
    .sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  if (!hit.length) return clip;
  return {
    ...clip,
    finding: clipFindingOf(hit[0]),
    councilCodes: [...new Set(hit.flatMap((f) => f.councils.map((c) => c.code)))].slice(0, LIMITS.councils),
    grades: [...new Set(hit.flatMap((f) => (f.grade ? [f.grade] : [])))],
  };
}

/** A clip of [span] of `text` (the page text model). */
export function buildClip(
  url: string,
  text: string,
  span: Span,
  textModel: Clip['textModel'],
  category: ClipCategory,
  finding?: ClipFinding,
  now = Date.now(),
): Clip {
  const selectors = describeQuote(text, span.start, span.end);
  const articleId = articleIdFor(url);
  return {
    id: passageClipId(articleId, textModel, selectors[1], selectors[0].exact),
    articleId,
    url,
    quote: selectors[0].exact,
    selectors,
    textModel,
    category,
    ...(finding ? { finding } : {}),
    ...indexFieldsOf(finding),
    note: '',
    tags: [],
    colour: 'yellow',
    created: now,
    updated: now,
    orphaned: false,
  };
}

/** The article record for the page, from its metadata. */
export function articleOf(doc: Document, url: string, outcomes: Outcome[] = [], now = Date.now()): Article {
  const meta = (sel: string) => doc.head?.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  // A canonical link counts only on the page's own origin (a page cannot claim another site's article).
  const canonicalUrl = canonicalUrlOf(doc, url);
  const published =
    meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[name="pubdate"]');
  return {
    id: articleIdFor(url),
    url,
    canonicalUrl,
    title: (meta('meta[property="og:title"]') ?? doc.title ?? '').slice(0, 2000),
    site: (meta('meta[property="og:site_name"]') ?? new URL(url).hostname).slice(0, 500),
    ...(published ? { published: published.slice(0, 100) } : {}),
    // A round-up page can name hundreds of outcomes: the record keeps the first ones, never refuses the save.
    outcomes: outcomes.slice(0, LIMITS.outcomes),
    created: now,
    updated: now,
  };
}

export type SaveOutcome = { ok: true; created: boolean; id: string } | { ok: false; error: string; retry: boolean };

/**
 * Sends a save and retries while the background cannot answer (its service worker stopped or is
 * starting) or answers with a transient failure. The clip id makes every retry the same save.
 */
export async function saveWithRetry(
  /** The save (lib/messages.ts `send`, which turns a bare `{ error }` answer into a retryable failure). */
  send: () => Promise<SaveOutcome>,
  onRetry: (attempt: number) => void,
  attempts = 6,
  delay = (ms: number) => new Promise((r) => setTimeout(r, ms)),
  attemptTimeoutMs = 8000,
): Promise<SaveOutcome> {
  let lastError = 'Inspection Lens could not reach its storage.';
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      // A save that hangs (database blocked, worker stuck) counts as failed and is tried again;
      // the clip id makes a late first attempt and its retry the same clip.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer in time')), attemptTimeoutMs);
      });
      const r = await Promise.race([send(), timeout]).finally(() => clearTimeout(timer));
      // A refusal (a limit, a full store) is permanent: reported at once, never retried.
      if (r.ok || !r.retry) return r;
      lastError = r.error;
    } catch (e) {
      const why = String((e as Error)?.message ?? e);
      // The browser refuses a message too large to send: sending it again cannot help.
      if (/length exceeded|too large|maximum allowed/i.test(why))
        return { ok: false, error: 'This clip is too large to save. Select a shorter passage.', retry: false };
      lastError = `Inspection Lens could not reach its storage (${why}).`;
    }
    if (attempt < attempts - 1) {
      onRetry(attempt + 1);
      await delay(200 * 2 ** attempt);
    }
  }
  return { ok: false, error: `${lastError} Nothing was saved; please try again.`, retry: false };
}
