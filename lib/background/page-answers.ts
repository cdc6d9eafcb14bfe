// The background's answers to content scripts (web pages: untrusted). The boundary
// (lib/background/boundary.ts) has already checked the message's shape and that it names only
// the sender's own page; here a page's clips are still read and written only through the
// ownership rules (lib/ownership.ts), and its saves are counted against its tab's limit.
import type { Runtime } from 'webextension-polyfill';
import type { KindOf, MessageOf, Reply, SaveReply } from '../messages';
import { clipBelongsTo, pageQuery, toPageClip } from '../ownership';
import type { Deps } from './deps';
import { saveFailure, TOO_MANY_SAVES } from './replies';

/** The clips a page may see: of its own URL and its same-origin canonical only (lib/ownership.ts). */
async function clipsOfPage(d: Deps, senderUrl: string, asked: { url: string; canonicalUrl?: string }) {
  const q = pageQuery(senderUrl, asked);
  if (!q) return [];
  return (await d.store.clipsForPage(q.url, q.canonicalUrl)).filter((c) => clipBelongsTo(senderUrl, c));
}

export async function answerPage(
  msg: MessageOf<'pageToBackground'>,
  sender: Runtime.MessageSender,
  d: Deps,
): Promise<Reply<KindOf<'pageToBackground'>>> {
  switch (msg.type) {
    case 'ping':
      return { ok: true, version: d.version() } satisfies Reply<'ping'>;
    case 'pageReport': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: true } satisfies Reply<'pageReport'>;
      // The URL is the browser's word for the sender's page, not what the page says it is.
      const url = sender.url ?? msg.data.url;
      const { sameFindings, ...report } = msg.data;
      if (sameFindings) {
        // The findings it sent last: kept only for the same address (this page, not the last one).
        const kept = d.tabs.reports.get(tabId);
        if (kept?.url !== url || !kept.findings) return { ok: true, resend: true } satisfies Reply<'pageReport'>;
        report.findings = kept.findings;
      }
      d.tabs.reports.set(tabId, { ...report, url });
      await d.showPageState(tabId, report).catch(() => {});
      d.broadcast('reportUpdated', { tabId });
      return { ok: true } satisfies Reply<'pageReport'>;
    }
    case 'saveClip':
      if (sender.tab?.id !== undefined && !d.tabs.saveLimit.allow(sender.tab.id)) return TOO_MANY_SAVES;
      try {
        const r = await d.store.saveClip(msg.data.clip, msg.data.article);
        if (r.created || r.changed) {
          d.collection.saved(r.clip, msg.data.article);
          d.clipsChanged();
        }
        return { ok: true, created: r.created, id: r.clip.id } satisfies SaveReply;
      } catch (e) {
        return saveFailure(e);
      }
    case 'saveRecord':
      if (sender.tab?.id !== undefined && !d.tabs.saveLimit.allow(sender.tab.id)) return TOO_MANY_SAVES;
      try {
        const a = await d.store.saveRecord(msg.data.article);
        d.collection.articleSaved(a);
        d.clipsChanged();
        return { ok: true, created: true, id: a.id } satisfies SaveReply;
      } catch (e) {
        return saveFailure(e);
      }
    case 'clipsForPage':
      // Only what re-finding needs: ids, quotes and selectors (no notes, tags or colours).
      return (await clipsOfPage(d, sender.url ?? '', msg.data)).map(toPageClip) satisfies Reply<'clipsForPage'>;
    case 'setClipStates': {
      // Only the states of clips this page may see are applied.
      const senderUrl = sender.url ?? '';
      const mine = new Set(
        (await clipsOfPage(d, senderUrl, { url: senderUrl, canonicalUrl: msg.data.canonicalUrl })).map((c) => c.id),
      );
      const states = msg.data.states.filter((st) => mine.has(st.id));
      if (states.length) {
        await d.store.setOrphaned(states);
        d.collection.orphaned(states);
        d.clipsChanged();
      }
      return { ok: true } satisfies Reply<'setClipStates'>;
    }
  }
}
