// Saving a clip or an inspection record from the page: sent to the background, retried while it
// cannot answer yet, with the status told in the reader's words.
import { type Data, send } from '../messages';
import { type SaveOutcome, saveWithRetry } from '../page/clipper';

export async function saveFromPage<K extends 'saveClip' | 'saveRecord'>(
  kind: K,
  data: Data<K>,
  onStatus: (s: string) => void,
): Promise<SaveOutcome> {
  onStatus('Saving…');
  const r = await saveWithRetry(
    () => send(kind, data),
    (attempt) => onStatus(`Saving… (retry ${attempt})`),
  );
  onStatus(r.ok ? (kind === 'saveRecord' ? 'Inspection record saved' : 'Saved to Inspection Lens') : r.error);
  return r;
}
