// The one ownership rule for requests from content scripts (web pages): a page may read or
// change only the clips and the article of its own URL (the sender's URL as the browser reports
// it, never what the page says). A canonical link the page claims counts only when it is on the
// same origin as the page: it helps re-find a clip after a change of query string, and can never
// reach another site's clips. What a page gets back to re-find its clips is only what anchoring
// needs (ids, quotes, selectors): never notes, tags or colours.
import { type Article, articleIdFor, type Clip } from './clips';

/** What the content script gets of a clip to re-find it on its page. */
export type PageClip = Pick<Clip, 'id' | 'quote' | 'selectors' | 'textModel' | 'orphaned'>;

/** Only what anchoring needs: no note, tags, colour, finding or dates. */
export function toPageClip(c: Clip): PageClip {
  return {
    id: c.id,
    quote: c.quote,
    selectors: [{ ...c.selectors[0] }, { ...c.selectors[1] }],
    textModel: c.textModel,
    orphaned: c.orphaned,
  };
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Both URLs are http(s) on the same origin (scheme, host and port). */
export function sameOrigin(a: string, b: string): boolean {
  const o = originOf(a);
  return o !== null && o === originOf(b);
}

/**
 * The canonical URL a page at `pageUrl` may claim (fragment dropped), or undefined when it names
 * none, a malformed one or one on another origin.
 */
export function ownCanonical(pageUrl: string, canonical: string | null | undefined): string | undefined {
  if (!canonical) return undefined;
  let abs: string;
  try {
    abs = new URL(canonical, pageUrl).toString();
  } catch {
    return undefined;
  }
  return sameOrigin(abs, pageUrl) ? articleIdFor(abs) : undefined;
}

/** The page ids (article ids) a sender at `senderUrl` owns: its own URL without fragment. */
export const ownPage = (senderUrl: string): string => articleIdFor(senderUrl);

/** The article record a page may write: its own id and URL, and a same-origin canonical URL. */
export function mayWriteArticle(senderUrl: string, a: Article): boolean {
  const own = ownPage(senderUrl);
  if (!originOf(senderUrl) || a.id !== own || articleIdFor(a.url) !== own) return false;
  return a.canonicalUrl === own || ownCanonical(senderUrl, a.canonicalUrl) === a.canonicalUrl;
}

/** The clip a page may save: on its own page, with its own article. */
export function mayWriteClip(senderUrl: string, c: Clip, a: Article): boolean {
  const own = ownPage(senderUrl);
  return c.articleId === own && articleIdFor(c.url) === own && mayWriteArticle(senderUrl, a);
}

/**
 * The clip query a page may make: its own URL (whatever it named), and its canonical only when
 * on the same origin. Null when the page named another page as its URL.
 */
export function pageQuery(
  senderUrl: string,
  asked: { url: string; canonicalUrl?: string },
): { url: string; canonicalUrl?: string } | null {
  const own = ownPage(senderUrl);
  if (!originOf(senderUrl) || articleIdFor(asked.url) !== own) return null;
  const canonicalUrl = ownCanonical(senderUrl, asked.canonicalUrl);
  return canonicalUrl ? { url: own, canonicalUrl } : { url: own };
}

/**
 * Whether a stored clip may be shown to (or changed by) the page at `senderUrl`: the store's
 * answer to an allowed query, filtered once more so that a record kept from before this rule
 * (an article on another site claiming this page as canonical) never reaches it.
 */
export function clipBelongsTo(senderUrl: string, c: Clip): boolean {
  return sameOrigin(c.url, senderUrl) && sameOrigin(c.articleId, senderUrl);
}

/** A page's request as the ownership check sees it: the kinds that name a page, clip or article. */
type PageRequest =
  | { type: 'clipsForPage'; data: { url: string; canonicalUrl?: string } }
  | { type: 'saveClip'; data: { clip: Clip; article: Article } }
  | { type: 'saveRecord'; data: { article: Article } }
  | { type: string; data: unknown };

/** True when a page's request names only its own page, clips and article (every other kind: true). */
export function pageOwnsWhatItNames(msg: PageRequest, senderUrl: string): boolean {
  switch (msg.type) {
    case 'clipsForPage': {
      const d = msg.data as { url: string; canonicalUrl?: string };
      return pageQuery(senderUrl, d) !== null;
    }
    case 'saveClip': {
      const d = msg.data as { clip: Clip; article: Article };
      return mayWriteClip(senderUrl, d.clip, d.article);
    }
    case 'saveRecord':
      return mayWriteArticle(senderUrl, (msg.data as { article: Article }).article);
    default:
      return true;
  }
}
