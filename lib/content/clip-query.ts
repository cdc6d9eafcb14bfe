// Asking the background for this page's saved clips: only when the reader has clips at all (no
// wake-up otherwise); which pages have clips only the background knows, and it answers for this
// page's own URL (and its canonical link, on its own origin only: it checks that again).
import { send } from '../messages';
import type { PageClip } from '../ownership';
import { pageAddress } from '../page/canonical';

export async function clipsForThisPage(doc: Document, url: string): Promise<PageClip[]> {
  const clips = await send('clipsForPage', pageAddress(doc, url)).catch(() => []);
  return Array.isArray(clips) ? clips : [];
}
