import './loaded';
import { browser } from 'wxt/browser';
import type { ContentContext } from '../../lib/content/context';
import { startEngine } from '../../lib/content/engine';
import { startSettingsGate } from '../../lib/content/gate';
import { trace } from '../../lib/content/trace';
import { mayBeInspectionArticle } from '../../lib/page/quick-check';
import './style.css';

trace('il:modules');

// The content script: a cheap check first; on an inspection article, analysis, highlights, the
// hover card and live updates as the page changes (lib/content/). Each feature is started with
// the context and removes all it added when the context is invalidated (ctx.signal).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    trace('il:start');
    const cx: ContentContext = { doc: document, win: window, gate: startSettingsGate(ctx.signal), signal: ctx.signal };
    trace('il:check-start');
    const worth = mayBeInspectionArticle(document);
    trace('il:check-end', { worth });
    const engine = startEngine(cx, { worth });
    const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
      const reply = sender.id === browser.runtime.id ? engine.answer(raw) : null;
      reply?.then(sendResponse, () => sendResponse(undefined));
      return !!reply;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
