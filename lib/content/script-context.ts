// The content script's own context, in place of WXT's ContentScriptContext (which made the content
// script a WXT content script: its classes, a location watcher, an async start; bench:nonarticle).
// What the features use of it is one AbortSignal, and what it must still do is what WXT's did: a
// newer copy of the script on the same page (injected after an extension update) tells the older
// one, which then ends (its signal aborts and every feature undoes what it added). The start is
// told as WXT tells it (the same event name and detail on the document), so a copy built with
// WXT's context, from before this change, is stopped by a copy built with this one, and the reverse.
// The start is told only when an older copy can be here at all (lib/content/fresh-document.ts).
import { browser } from 'wxt/browser';
import { takeFreshDocument } from './fresh-document';

export interface ScriptContext {
  /** Aborts when the context is invalidated (a newer copy of the script started here). */
  readonly signal: AbortSignal;
}

/** Why the signal aborted when a newer copy started (WXT's words). */
export const INVALIDATED = 'Content script context invalidated';

/** The document event a starting copy dispatches (WXT's `<id>:content:wxt:content-script-started`). */
export const startedEventType = (runtimeId: string | undefined): string =>
  `${runtimeId}:content:wxt:content-script-started`;

/**
 * Starts the context of the content script `name`: tells an older copy on this page to end, and
 * ends this one when a newer copy starts. `fresh`: the early script saw this page start loading,
 * so no older copy can be here, and none is told.
 */
export function startScriptContext(
  name: string,
  doc: Document = document,
  runtimeId: string | undefined = browser.runtime?.id,
  fresh: boolean = takeFreshDocument(),
): ScriptContext {
  const controller = new AbortController();
  const type = startedEventType(runtimeId);
  const messageId = Math.random().toString(36).slice(2);
  if (!fresh) doc.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId } }));
  doc.addEventListener(
    type,
    (e) => {
      const detail = (e as CustomEvent).detail as { contentScriptName?: unknown; messageId?: unknown } | null;
      if (detail?.contentScriptName === name && detail.messageId !== messageId) controller.abort(INVALIDATED);
    },
    { signal: controller.signal },
  );
  return { signal: controller.signal };
}
