// Asking the background for this page's saved clips: only when the reader has clips at all (no
// wake-up otherwise); which pages have clips only the background knows, and it answers for this
// page's own URL (and its canonical link, on its own origin only: it checks that again).
import type { PageClip } from '../ownership';
import { pageAddress } from '../page/canonical';
import { post } from './post';

export async function clipsForThisPage(doc: Document, url: string): Promise<PageClip[]> {
  // The light `post` (not `send`): this runs on every page where the reader has clips.
  const clips = await post('clipsForPage', pageAddress(doc, url));
  return Array.isArray(clips) ? (clips as PageClip[]) : [];
}
