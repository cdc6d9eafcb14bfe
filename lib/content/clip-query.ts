// Asking the background for this page's saved clips: only when the reader has clips at all (no
// wake-up otherwise); which pages have clips only the background knows, and it answers for this
// page's own URL (and its canonical link, on its own origin only).
import type { PageClip } from '../ownership';
import { post } from './post';

/**
 * What the page asks with: its URL and its `<head>`'s canonical link as written. The background
 * files both as it files a page (`pageQuery`, lib/ownership.ts: the fragment dropped, the link
 * resolved against the page's URL and kept only on its origin), so this script, which runs on
 * every page where the reader has clips, carries no URL helpers of its own (issue 15, stop 24).
 */
export function clipQueryOf(doc: Document, url: string): { url: string; canonicalUrl?: string } {
  const canonicalUrl = doc.head?.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return canonicalUrl ? { url, canonicalUrl } : { url };
}

export async function clipsForThisPage(doc: Document, url: string): Promise<PageClip[]> {
  // The light `post` (not `send`): this runs on every page where the reader has clips.
  const clips = await post('clipsForPage', clipQueryOf(doc, url));
  return Array.isArray(clips) ? (clips as PageClip[]) : [];
}
