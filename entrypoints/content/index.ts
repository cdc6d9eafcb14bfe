import './loaded';
import type { ContentContext } from '../../lib/content/context';
import { startSettingsGate } from '../../lib/content/gate';
import { startLoader } from '../../lib/content/loader';
import { trace } from '../../lib/content/trace';
import { mayBeInspectionArticle } from '../../lib/page/quick-check';
import './style.css';

trace('il:modules');

// The content script on every page: the settings gate and the cheap check. The engine (analysis,
// highlights, the hover card, clipping, re-finding clips: lib/content/) is loaded only when the
// page may be an article or the reader clips (lib/content/loader.ts). Each feature is started
// with the context and removes all it added when the context is invalidated (ctx.signal).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No window.postMessage to the page at start (WXT's coming default): a page's own message
  // listeners would run for it on every page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    trace('il:start');
    const cx: ContentContext = { doc: document, win: window, gate: startSettingsGate(ctx.signal), signal: ctx.signal };
    trace('il:check-start');
    const worth = mayBeInspectionArticle(document);
    trace('il:check-end', { worth });
    startLoader(cx, worth);
  },
});
