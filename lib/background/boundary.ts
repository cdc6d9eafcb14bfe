// The background's trust boundary: who may send what. Only our own extension's content scripts
// and pages are heard; which part of the protocol a sender may use comes from lib/messages.ts's
// directions (a content script, that is a web page, sends pageToBackground messages only; our
// extension pages panelToBackground only), and a page may only name its own page, clips and
// article (lib/ownership.ts). A refusal is answered at once, in the reader's words for a save.
import type { Runtime } from 'webextension-polyfill';
import { type MessageOf, parseMessage, type Refusal, refusalFor } from '../messages';
import { pageOwnsWhatItNames } from '../ownership';
import { NOT_OWN_ADDRESS, NOT_OWN_CLIPS, refused } from './replies';

/** Who we are: the extension's id and the address its pages start with (`chrome-extension://<id>/`). */
export interface Own {
  id: string;
  pages: string;
}

type Sender = Pick<Runtime.MessageSender, 'id' | 'url'>;

/** One of our extension pages (side panel, options): our id and a URL among our pages. */
export const fromOurPages = (sender: Sender | undefined, own: Own): boolean =>
  sender?.id === own.id && !!sender.url?.startsWith(own.pages);

/** What becomes of a message: not heard (another extension), refused with a reply, or accepted by direction. */
export type Admission =
  | { verdict: 'ignore' }
  | { verdict: 'refuse'; reply: Refusal }
  | { verdict: 'page'; msg: MessageOf<'pageToBackground'> }
  | { verdict: 'panel'; msg: MessageOf<'panelToBackground'> };

export function admit(raw: unknown, sender: Sender, own: Own): Admission {
  // Only our own extension's pages and content scripts may talk to us.
  if (sender.id !== own.id) return { verdict: 'ignore' };
  if (sender.url?.startsWith(own.pages)) {
    const msg = parseMessage(raw, 'panelToBackground');
    return msg ? { verdict: 'panel', msg } : { verdict: 'refuse', reply: refusalFor(raw, 'panelToBackground') };
  }
  const msg = parseMessage(raw, 'pageToBackground');
  // A refused save is reported at once with its reason (never retried).
  if (!msg) return { verdict: 'refuse', reply: refusalFor(raw, 'pageToBackground') };
  // A page may only read and write its own clips; a save is refused for good, in words the reader understands.
  if (!pageOwnsWhatItNames(msg, sender.url ?? ''))
    return {
      verdict: 'refuse',
      reply: refused(msg.type === 'saveClip' || msg.type === 'saveRecord' ? NOT_OWN_ADDRESS : NOT_OWN_CLIPS),
    };
  return { verdict: 'page', msg };
}
