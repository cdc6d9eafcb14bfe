// The page's address as Inspection Lens files it, worked out in one place: the article id is the
// URL without its fragment (`articleIdFor`, lib/clips.ts), and the canonical URL is the page's
// `<link rel="canonical">` when it is on the page's own origin (lib/ownership.ts), else the
// article id. Clipping, saving a record and re-finding a page's clips all read it from here.
import { articleIdFor } from '../clips';
import { ownCanonical } from '../ownership';

/** The canonical URL the page claims and may claim (same origin, fragment dropped), or undefined. */
export function claimedCanonical(doc: Document, pageUrl: string): string | undefined {
  return ownCanonical(pageUrl, doc.head?.querySelector('link[rel="canonical"]')?.getAttribute('href'));
}

/** The URL the page's article is filed under: its claimed canonical URL, else its own without fragment. */
export function canonicalUrlOf(doc: Document, pageUrl: string): string {
  return claimedCanonical(doc, pageUrl) ?? articleIdFor(pageUrl);
}

/** What a page asks the background for its clips with (`clipsForPage`): its own URL and claimed canonical. */
export function pageAddress(doc: Document, pageUrl: string): { url: string; canonicalUrl?: string } {
  const canonicalUrl = claimedCanonical(doc, pageUrl);
  return { url: articleIdFor(pageUrl), ...(canonicalUrl ? { canonicalUrl } : {}) };
}
