// The background's answers to our own extension pages (side panel, options): the collection,
// its edits and exports, and requests relayed to a tab's content script.
import { sameArticle } from '../clips';
import type { KindOf, MessageOf, Reply, UpdateReply } from '../messages';
import { reportOrAsk } from '../reports';
import { EditConflictError, UnreadableClipError } from '../store/clip-store';
import type { Deps } from './deps';
import { NOT_RUNNING, refused } from './replies';

export async function answerPanel(
  msg: MessageOf<'panelToBackground'>,
  d: Deps,
): Promise<Reply<KindOf<'panelToBackground'>>> {
  const { store, collection, tabs } = d;
  switch (msg.type) {
    case 'ping':
      return { ok: true, version: d.version() } satisfies Reply<'ping'>;
    case 'getPageReport': // none kept (restarted since the page reported): the page is asked again
      return reportOrAsk(msg.data.tabId, tabs.reports, (id) => d.sendToTab(id, 'sendReport', null));
    case 'setPageHighlighting':
      try {
        return await d.sendToTab(msg.data.tabId, 'setHighlighting', { enabled: msg.data.enabled });
      } catch {
        return { ok: false, error: NOT_RUNNING } satisfies Reply<'setPageHighlighting'>;
      }
    case 'listClips': {
      const { after, pageSize, ...query } = msg.data;
      const page = await store.listPage(query, after ?? null, Math.min(pageSize ?? 50, 200));
      const articles = await store.getArticles(page.clips.map((c) => c.articleId));
      return { ...page, articles } satisfies Reply<'listClips'>;
    }
    case 'updateClip': {
      try {
        const c = await store.updateClip(msg.data.id, msg.data);
        if (!c) return refused('That clip no longer exists.') satisfies UpdateReply;
        collection.changed(c);
        d.clipsChanged();
        return { ok: true, created: false, id: c.id, clip: c } satisfies UpdateReply;
      } catch (e) {
        if (e instanceof EditConflictError) return { ...refused(e.message), current: e.current } satisfies UpdateReply;
        if (e instanceof UnreadableClipError) return refused(e.message) satisfies UpdateReply;
        return refused(`Could not save the change: ${(e as Error)?.message ?? e}`) satisfies UpdateReply;
      }
    }
    case 'openArticle': {
      // Focus a tab already showing the article (known from its content script), else open one.
      const open = [...tabs.reports].find(([, r]) => sameArticle(r.url, msg.data.url));
      await d.focusOrOpen(open?.[0], msg.data.url);
      return { ok: true } satisfies Reply<'openArticle'>;
    }
    case 'showFindingInTab':
    case 'clipFindingInTab': {
      // Relayed to the tab's content script, which scrolls to (or clips) the finding itself.
      const ask = msg.type === 'showFindingInTab' ? 'showFinding' : 'clipFinding';
      return d
        .sendToTab(msg.data.tabId, ask, { findingId: msg.data.findingId })
        .catch(() => ({ ok: false, error: NOT_RUNNING })) satisfies Promise<Reply<'showFindingInTab'>>;
    }
    case 'getArticleRecord':
      return ((await store.getArticle(msg.data.articleId)) ?? null) satisfies Reply<'getArticleRecord'>;
    case 'listCouncils':
      return d.listCouncils() satisfies Promise<Reply<'listCouncils'>>;
    case 'exportPage':
      return d.readExportPage(msg.data.cursor, msg.data.limit, msg.data.filter) satisfies Promise<Reply<'exportPage'>>;
    case 'queryClips':
      return collection.query(msg.data) satisfies Promise<Reply<'queryClips'>>;
    case 'deleteClips': {
      const clips = await collection.deleteClips(msg.data.ids);
      if (clips.length) d.clipsChanged();
      return { ok: true, clips } satisfies Reply<'deleteClips'>;
    }
    case 'restoreClips': {
      const restored = await collection.restoreClips(msg.data.clips);
      if (restored.length) d.clipsChanged();
      return { ok: true, restored: restored.length } satisfies Reply<'restoreClips'>;
    }
    case 'openClip': {
      const clip = await store.getClip(msg.data.clipId);
      if (!clip) return { ok: false, error: 'That clip no longer exists.' } satisfies Reply<'openClip'>;
      const open = [...tabs.reports].find(
        ([, r]) => sameArticle(r.url, clip.articleId) || sameArticle(r.url, clip.url),
      );
      return d.openClipAt(clip, open?.[0]) satisfies Promise<Reply<'openClip'>>;
    }
  }
}
