// Re-finding saved clips: when the page is opened again (and when the site is resumed), this
// page's clips are found in its text and highlighted; the store learns which were not found.
import { send } from '../messages';
import type { PageClip } from '../ownership';
import { claimedCanonical } from '../page/canonical';
import { anchorClips } from '../page/clip-anchoring';
import { clipsForThisPage } from './clip-query';
import type { ContentContext } from './context';
import type { PageRunner } from './runner';
import { trace } from './trace';

export interface RefindFeature {
  /** Asks for this page's clips and shows them (the first time with `known`, when already asked). */
  refind(known?: PageClip[]): Promise<void>;
}

export function startRefinding(cx: ContentContext, runner: PageRunner): RefindFeature {
  const { doc, win, gate, signal } = cx;

  async function refind(known?: PageClip[]) {
    await gate.ready;
    if (!gate.hasClips || gate.paused || signal.aborted) return;
    const url = win.location.href;
    const clips = known ?? (await clipsForThisPage(doc, url));
    if (!clips.length || gate.paused || signal.aborted) return;
    trace('il:clips-start');
    const results = anchorClips(doc, clips, runner.textMap);
    const states = results.map((r) => ({ id: r.clip.id, orphaned: !r.range }));
    for (const r of results) if (r.range) runner.showClip(r.clip.id, r.range);
    // A clip opened from the side panel that is not on the page is told so (lib/page/show-clip.ts).
    for (const r of results) if (!r.range) runner.shower.notFound(r.clip.id);
    trace('il:clips-end');
    if (states.some((st, i) => st.orphaned !== results[i].clip.orphaned)) {
      const canonicalUrl = claimedCanonical(doc, url);
      send('setClipStates', { states, ...(canonicalUrl ? { canonicalUrl } : {}) }).catch(() => {});
    }
  }

  gate.on('resume', () => void refind().catch(() => {}), signal);
  return { refind };
}
