// Saving a clip or an inspection record from the page: sent to the background, retried while it
// cannot answer yet, with the status told in the reader's words.
import { browser } from 'wxt/browser';
import { type SaveOutcome, saveWithRetry } from '../page/clipper';

export async function saveFromPage(
  kind: 'saveClip' | 'saveRecord',
  data: unknown,
  onStatus: (s: string) => void,
): Promise<SaveOutcome> {
  onStatus('Saving…');
  const r = await saveWithRetry(
    () => browser.runtime.sendMessage({ type: kind, data }),
    (attempt) => onStatus(`Saving… (retry ${attempt})`),
  );
  onStatus(r.ok ? (kind === 'saveRecord' ? 'Inspection record saved' : 'Saved to Inspection Lens') : r.error);
  return r;
}
