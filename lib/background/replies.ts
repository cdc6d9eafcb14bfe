// The background's own answers that are not data: refusals and failures, in the words the reader
// is shown. A refusal is permanent (`retry: false`): the same request would be refused again.
import type { SaveReply } from '../messages';
import { InvalidRecordError, StorageFullError } from '../store/clip-store';

/** A refused request: permanent, so the sender reports it at once instead of retrying. */
export const refused = (error: string) => ({ ok: false, error, retry: false }) as const;

/** The answer to a save past a tab's limit of saves per minute (lib/background/tabs.ts). */
export const TOO_MANY_SAVES: SaveReply = {
  ok: false,
  error: 'Too many saves from this page in the last minute; nothing was saved. Wait a moment and try again.',
  retry: false,
};

/** A page's save naming another page's address (lib/ownership.ts). */
export const NOT_OWN_ADDRESS = 'Not saved: a page can only save clips of its own address (did it just change?).';
/** A page's read naming another page's clips (lib/ownership.ts). */
export const NOT_OWN_CLIPS = 'a page may only use its own clips';
/** A request relayed to a tab where no content script of ours answers. */
export const NOT_RUNNING = 'Inspection Lens is not running on this page.';

// A full store and a refused record are permanent: retrying would fail the same way.
const permanent = (e: unknown) => e instanceof StorageFullError || e instanceof InvalidRecordError;

/** A save that failed in the store: permanent failures say why, others are tried again by the page. */
export const saveFailure = (e: unknown): SaveReply => ({
  ok: false,
  error: permanent(e) ? (e as Error).message : `Could not save: ${(e as Error)?.message ?? e}`,
  retry: !permanent(e),
});
