// Shared set-up for the content-script feature tests: a seed article in happy-dom, the fake
// extension API (WXT's fakeBrowser) answering the page's requests, and a context to start features with.
import fs from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentContext } from '../../lib/content/context';
import { startSettingsGate } from '../../lib/content/gate';

const pages = path.resolve(import.meta.dirname, '../fixtures/pages');

/** Loads a fixture page into the test document. */
export function loadPage(file = '003_7373dea24638aad1.html'): Document {
  const html = fs.readFileSync(path.join(pages, file), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<\/?html[^>]*>/g, '');
  return document;
}

/** A plain page that is not an inspection article. */
export function loadPlainPage(): Document {
  document.documentElement.innerHTML =
    '<head><title>Recipes: a lemon tart</title></head><body><main><p>Zest two lemons and whisk them with eggs.</p><p>Bake for thirty minutes.</p></main></body>';
  return document;
}

export interface Sent {
  type: string;
  data: unknown;
}

/** Answers the page's messages like the background would, and records them. */
export function fakeBackground(answer: (m: Sent) => unknown = () => undefined): Sent[] {
  const sent: Sent[] = [];
  fakeBrowser.runtime.onMessage.addListener((raw: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
    const m = raw as Sent;
    sent.push(m);
    const r = answer(m);
    if (r === undefined) return false;
    sendResponse(r);
    return true;
  });
  return sent;
}

export function context(controller = new AbortController()): ContentContext & { controller: AbortController } {
  return {
    doc: document,
    win: window,
    gate: startSettingsGate(controller.signal, location.href),
    signal: controller.signal,
    controller,
  };
}

/** Waits until `check` holds (polling between tasks), or fails after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const marks = () => [...document.querySelectorAll('mark[data-il]')];
