// Throwaway extensions that `npm run bench:nonarticle` and `scripts/trace-nonarticle.ts` measure
// beside ours on a page that is not an article: each has our two content-script slots (early.js at
// document_start, content.js at document_idle) and runs none of our code.
// - the same extension calls ours makes there: a storage read at document_start; at document_idle
//   two listeners (storage changes, the background's messages) and one message to a background that
//   answers it;
// - the quick check's reads of the page (lib/page/quick-check.ts written out plainly: the title and
//   address, head metadata, a text sample), which any extension deciding from the page's text makes;
// - both together: what an extension with our features must pay before any code of ours;
// - both, and the page watches our features need (diagnostic, `TRACE_WATCHES=1 scripts/trace-nonarticle.ts`;
//   not a budget's baseline): a MutationObserver over the document's <html> and <head> while it
//   loads (a title read before the body arrives), one over the whole document for its first change
//   (late content, a navigation by script), and listeners for selections and history navigation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes an extension with our two content-script slots and these scripts; returns its folder. */
export function slotExtension(name: string, scripts: { early: string; content: string; background?: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-slots-'));
  const every = ['http://*/*', 'https://*/*'];
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    ...(scripts.background ? { permissions: ['storage'], background: { service_worker: 'background.js' } } : {}),
    content_scripts: [
      { matches: every, js: ['early.js'], run_at: 'document_start' },
      { matches: every, js: ['content.js'], run_at: 'document_idle' },
    ],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  if (scripts.background) fs.writeFileSync(path.join(dir, 'background.js'), scripts.background);
  fs.writeFileSync(path.join(dir, 'early.js'), scripts.early);
  fs.writeFileSync(path.join(dir, 'content.js'), scripts.content);
  return dir;
}

const ANSWERING_BACKGROUND = 'chrome.runtime.onMessage.addListener((m, s, r) => { r({ ok: true }); });\n';
const API_EARLY =
  "globalThis.__read = chrome.storage.local.get(['settings', 'hasClips', 'pausedSites', 'benchMarks']);\nchrome.storage.onChanged.addListener(() => {});\n";
const API_CONTENT = `chrome.storage.onChanged.addListener(() => {});
chrome.runtime.onMessage.addListener(() => false);
globalThis.__read.then(() => chrome.runtime.sendMessage({ type: 'pageReport', data: { url: location.href, title: document.title } })).catch(() => {});
`;
/** The quick check's reads (lib/page/quick-check.ts), plainly. */
const QUICK_CHECK = `(() => {
  const SIGNS = /ofsted|inspector|inspection|focused visit|monitoring visit|jtai|children['’]?s (?:social )?(?:services|social care)/i;
  const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);
  const KEYS = new Set(['og:title', 'description', 'og:description', 'keywords']);
  const head = (doc) => {
    if (SIGNS.test(doc.title + ' ' + location.pathname)) return true;
    const metas = doc.head?.getElementsByTagName('meta');
    if (metas) for (let i = 0; i < metas.length && i < 200; i++) {
      const key = (metas[i].getAttribute('property') ?? metas[i].getAttribute('name') ?? '').toLowerCase();
      if (KEYS.has(key) && SIGNS.test(metas[i].getAttribute('content') ?? '')) return true;
    }
    return false;
  };
  const sample = (doc) => {
    const walker = doc.createTreeWalker(doc.body, 4);
    let out = '';
    for (let n = walker.nextNode(), k = 0; n && out.length < 6000 && k < 3000; n = walker.nextNode(), k++) {
      const p = n.parentNode;
      if (p && SKIP.has(p.localName)) continue;
      out += n.data + ' ';
    }
    return out;
  };
  globalThis.__worth = head(document) || /ofsted/i.test(sample(document));
})();
`;

/** The page watches our features need (lib/content/early-engine.ts, page-change.ts, selection-end.ts, loader.ts), plainly. */
const WATCH_EARLY = `(() => {
  if (document.readyState !== 'loading') return;
  let head = null;
  const o = new MutationObserver(() => {
    if (document.body || document.readyState !== 'loading') return o.disconnect();
    if (!head && document.head) o.observe((head = document.head), { childList: true });
  });
  o.observe(document.documentElement ?? document, { childList: true });
})();
`;
const WATCH_CONTENT = `(() => {
  const o = new MutationObserver(() => o.disconnect());
  o.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  const end = () => {};
  document.addEventListener('mouseup', end);
  document.addEventListener('keyup', end);
  addEventListener('popstate', end);
})();
`;

/** Empty content scripts: what any extension with content scripts costs. */
export const emptyExtension = () => slotExtension('Empty content scripts', { early: '', content: '' });

/** The same extension calls as ours, none of our code. */
export const apiCallsExtension = () =>
  slotExtension('The same extension calls', {
    early: API_EARLY,
    content: API_CONTENT,
    background: ANSWERING_BACKGROUND,
  });

/** The quick check's reads of the page alone: no extension call at all. */
export const readsExtension = () => slotExtension('The quick check reads', { early: '', content: QUICK_CHECK });

/** The same extension calls and the quick check's reads: the floor for an extension with our features. */
export const callsAndReadsExtension = () =>
  slotExtension('The same calls and reads', {
    early: API_EARLY,
    content: API_CONTENT + QUICK_CHECK,
    background: ANSWERING_BACKGROUND,
  });

/** The same calls and reads, and the page watches our features need: a diagnostic, not a budget's baseline. */
export const callsReadsWatchesExtension = () =>
  slotExtension('The same calls, reads and watches', {
    early: API_EARLY + WATCH_EARLY,
    content: API_CONTENT + QUICK_CHECK + WATCH_CONTENT,
    background: ANSWERING_BACKGROUND,
  });
