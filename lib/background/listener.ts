// The background's runtime.onMessage listener: the boundary decides, the answer of the message's
// direction replies (through `sendResponse`, which every browser and WXT's fake browser honour).
import type { Runtime } from 'webextension-polyfill';
import { admit, type Own } from './boundary';
import type { Deps } from './deps';
import { answerPage } from './page-answers';
import { answerPanel } from './panel-answers';

export function messageListener(own: Own, deps: Deps) {
  return (raw: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void): boolean => {
    const a = admit(raw, sender, own);
    if (a.verdict === 'ignore') return false;
    if (a.verdict === 'refuse') {
      sendResponse(a.reply);
      return false;
    }
    const answer = a.verdict === 'page' ? answerPage(a.msg, sender, deps) : answerPanel(a.msg, deps);
    answer.then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
    return true;
  };
}
