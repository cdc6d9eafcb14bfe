// Builds clips and article records from the page: selectors over the page text, the article's
// metadata (canonical URL, title, site, published date) and a retrying, idempotent save.

import type { Outcome } from '../analysis/outcomes';
import type { Span } from '../analysis/text';
import { describeQuote } from '../anchor/match-quote';
import { type Article, articleIdFor, type Clip, type ClipCategory, type ClipFinding, indexFieldsOf } from '../clips';
import { LIMITS } from '../store/records';
import { pageCanonical } from './canonical';

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
  return {
    id: newClipId(),
    articleId: articleIdFor(url),
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
  const canonicalUrl = pageCanonical(doc, url) ?? articleIdFor(url);
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
  send: () => Promise<unknown>,
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
      const r = (await Promise.race([send(), timeout]).finally(() => clearTimeout(timer))) as
        | SaveOutcome
        | { error?: string }
        | undefined;
      if (r && 'ok' in r) {
        // A refusal (a limit, a full store) is permanent: reported at once, never retried.
        if (r.ok || !r.retry) return r;
        lastError = r.error;
      } else if (r && 'error' in r && r.error) lastError = r.error;
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
