// The page's address as Inspection Lens files it, worked out in one place: the article id is the
// URL without its fragment (`articleIdFor`, lib/clips.ts), and the canonical URL is the page's
// `<link rel="canonical">` when it is on the page's own origin (lib/ownership.ts), else the
// article id. Clipping and saving a record read it from here; the page's clip query sends the link
// as written and the background files it the same way (lib/content/clip-query.ts, `pageQuery`).
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
