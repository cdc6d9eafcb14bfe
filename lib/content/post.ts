// A message to the background from the content script that runs on every page, without the
// protocol module's tables and checks (lib/messages.ts is about 3 KB gzipped, parsed on every
// page otherwise): the background checks every message it gets anyway (parseMessage), and only
// the protocol's types are taken from it here (erased in the build).
import { browser } from 'wxt/browser';
import type { Data, KindOf } from '../messages';

/** Sends a page → background message; resolves with the raw answer (the caller checks its shape), undefined on failure. */
export function post<K extends KindOf<'pageToBackground'>>(type: K, data: Data<K>): Promise<unknown> {
  return browser.runtime.sendMessage({ type, data }).catch(() => undefined);
}
