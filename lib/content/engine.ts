// The content script's engine on a page that may be an article (or where the reader clips):
// the page runner, the finding card, clipping and re-finding saved clips, and the background's
// requests to the page. Each feature is started with the context and cleans up through its signal.
import { parseMessage } from '../messages';
import type { PageClip } from '../ownership';
import { answerPanelRequest } from '../page/panel-requests';
import { startFindingCard } from './card';
import { startClipping } from './clipping';
import type { ContentContext } from './context';
import { startRefinding } from './refind';
import { startPageRunner } from './runner';
import { createPageUi } from './ui';

export interface EngineStart {
  /** The quick check said the page may be an article. */
  worth: boolean;
  /** This page's saved clips, when already asked for. */
  clips?: PageClip[];
}

export interface Engine {
  /** Answers a request from the background (null: not one for the page). */
  answer(raw: unknown): Promise<unknown> | null;
  /** Offers the Clip button for the reader's selection. */
  offerClip(): void;
}

export function startEngine(cx: ContentContext, start: EngineStart): Engine {
  const ui = createPageUi(cx.doc, cx.signal);
  const runner = startPageRunner(cx, { worth: start.worth, isOurs: (n) => n === ui.host });
  const card = startFindingCard(cx, runner, ui);
  const clipping = startClipping(cx, runner, ui);
  startRefinding(cx, runner)
    .refind(start.clips)
    .catch(() => {});

  function answer(raw: unknown): Promise<unknown> | null {
    const msg = parseMessage(raw, 'backgroundToPage');
    if (msg?.type === 'showClip') return runner.shower.show(msg.data.clipId);
    if (msg?.type === 'clipSelection') return clipping.clipSelection();
    if (msg?.type === 'sendReport') return runner.reportAgain().then(() => ({ ok: true }));
    // The side panel's "This page" view: show a finding, or save it as a clip.
    const panelAnswer = answerPanelRequest(msg, {
      entries: () => runner.lens?.all() ?? [],
      saveFinding: card.saveFinding,
      doc: cx.doc,
    });
    if (panelAnswer) return panelAnswer.then((r) => (r.ok ? { ok: true } : { ok: false, error: r.error }));
    if (msg?.type !== 'setHighlighting') return null;
    cx.gate.setPageEnabled(msg.data.enabled);
    return Promise.resolve({ ok: true });
  }
  return { answer, offerClip: clipping.offer };
}
