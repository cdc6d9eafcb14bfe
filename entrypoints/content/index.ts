import './loaded';
import type { ContentContext } from '../../lib/content/context';
import { startSettingsGate } from '../../lib/content/gate';
import { startLoader } from '../../lib/content/loader';
import { startScriptContext } from '../../lib/content/script-context';
import { trace } from '../../lib/content/trace';
import { mayBeInspectionArticle } from '../../lib/page/quick-check';

trace('il:modules');

// The content script on every page: the settings gate and the cheap check. The engine (analysis,
// highlights, the hover card, clipping, re-finding clips: lib/content/) is loaded only when the
// page may be an article or the reader clips (lib/content/loader.ts). Each feature is started
// with the context and removes all it added when the context is invalidated (its signal).
// A plain script, listed with its CSS at document_idle by wxt.config.ts, with its own small
// context (lib/content/script-context.ts) instead of WXT's: it runs on every page (bench:nonarticle).
export default defineUnlistedScript(() => {
  trace('il:start');
  const { signal } = startScriptContext('content');
  const cx: ContentContext = { doc: document, win: window, gate: startSettingsGate(signal), signal };
  trace('il:check-start');
  const worth = mayBeInspectionArticle(document);
  trace('il:check-end', { worth });
  startLoader(cx, worth);
});
