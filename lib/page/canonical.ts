// The page's own identity, worked out in one place: its article id (the URL without fragment,
// lib/clips.ts) and the canonical URL it may claim (its <link rel="canonical">, on its own
// origin only: lib/ownership.ts).
import { articleIdFor } from '../clips';
import { ownCanonical } from '../ownership';

/** The canonical URL the page at `url` may claim, fragment dropped; undefined when it names none of its own. */
export function pageCanonical(doc: Document, url: string): string | undefined {
  return ownCanonical(url, doc.head?.querySelector('link[rel="canonical"]')?.getAttribute('href'));
}

/** The page's article id and the canonical URL it may claim, as sent in page → background requests. */
export function pageIdentity(doc: Document, url: string): { url: string; canonicalUrl?: string } {
  const canonicalUrl = pageCanonical(doc, url);
  return { url: articleIdFor(url), ...(canonicalUrl ? { canonicalUrl } : {}) };
}
