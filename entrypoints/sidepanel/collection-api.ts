// The Collection view's link to the background: queries, edits, delete and undo, opening a clip,
// and the `clipsChanged` broadcast (a clip saved or changed in any tab or window).
import { browser } from 'wxt/browser';
import type { CollectionApi } from '../../components/CollectionView';
import type { Clip } from '../../lib/clips';
import { parseMessage, send } from '../../lib/messages';

const failed = (r: unknown, what: string): never => {
  throw new Error((r as { error?: string })?.error ?? `${what} failed`);
};

export const collectionApi: CollectionApi = {
  async query(q) {
    const r = await send('queryClips', q);
    if (!r || !Array.isArray(r.rows) || !Array.isArray(r.groups)) failed(r, 'Reading the clips');
    return r;
  },
  async update(id, patch, from) {
    const r = await send('updateClip', { id, ...patch, rev: from.rev, base: from.base });
    if (!r || typeof r.ok !== 'boolean') failed(r, 'Saving the change');
    return r;
  },
  async remove(ids) {
    const r = await send('deleteClips', { ids });
    if (!r?.ok || !Array.isArray(r.clips)) failed(r, 'Deleting');
    return r.clips;
  },
  async restore(clips: Clip[]) {
    const r = await send('restoreClips', { clips });
    if (!r?.ok) failed(r, 'Undo');
    return r.restored;
  },
  async open(clipId) {
    const r = await send('openClip', { clipId }).catch((e: Error) => ({ ok: false, error: e.message }));
    return r && typeof r.ok === 'boolean' ? r : { ok: false, error: 'The clip could not be opened.' };
  },
  subscribe(onChange) {
    const listener = (raw: unknown) => {
      if (parseMessage(raw, 'backgroundToPanel')?.type === 'clipsChanged') onChange();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
