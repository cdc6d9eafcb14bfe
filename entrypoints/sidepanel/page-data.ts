// The side panel's reads for "This page" and "Councils": the current page's clips (every page of
// the paged list, for its article) and stored record, and the councils with their grade history.
// Read again when the page changes and whenever clips change in any tab or window.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Article, articleIdFor, type Clip } from '../../lib/clips';
import { type ClipListPage, type CouncilRow, type PageReport, send } from '../../lib/messages';

/** Every clip of one article, read page by page (`next` until null). */
export async function clipsOfArticle(articleId: string): Promise<Clip[]> {
  const out: Clip[] = [];
  let after: ClipListPage['next'] = null;
  do {
    const page: ClipListPage = await send('listClips', { articleId, pageSize: 200, ...(after ? { after } : {}) });
    if (!Array.isArray(page?.clips)) throw new Error('no answer');
    out.push(...page.clips);
    after = page.next ?? null;
  } while (after);
  return out;
}

/**
 * `councilsShown`: the Councils view is (or was) open. The councils are read only from then on:
 * reading them goes through every clip that names a council, which the Collection's first
 * reply must not wait behind when the panel opens on another view.
 */
export function usePageAndCouncils(report: PageReport | null, onError: (s: string) => void, councilsShown = true) {
  const [version, setVersion] = useState(0);
  const [clips, setClips] = useState<Clip[]>([]);
  const [record, setRecord] = useState<Article | null>(null);
  const [councils, setCouncils] = useState<CouncilRow[] | null>(null);
  const articleId = report ? articleIdFor(report.url) : null;

  useEffect(() => {
    let stale = false;
    if (!articleId) {
      setClips([]);
      setRecord(null);
      return;
    }
    Promise.all([clipsOfArticle(articleId), send('getArticleRecord', { articleId })]).then(
      ([c, r]) => {
        if (stale) return;
        setClips(c);
        setRecord(r && typeof r === 'object' && 'id' in r ? r : null);
      },
      (e) => !stale && onError(`Could not read this page’s clips: ${(e as Error)?.message ?? e}`),
    );
    return () => {
      stale = true;
    };
  }, [articleId, version, onError]);

  const [councilsWanted, setCouncilsWanted] = useState(councilsShown);
  if (councilsShown && !councilsWanted) setCouncilsWanted(true);
  useEffect(() => {
    if (!councilsWanted) return;
    let stale = false;
    send('listCouncils', null).then(
      (rows) => !stale && setCouncils(Array.isArray(rows) ? rows : []),
      (e) => !stale && onError(`Could not read the councils: ${(e as Error)?.message ?? e}`),
    );
    return () => {
      stale = true;
    };
  }, [version, onError, councilsWanted]);

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  return { clips, record, councils, changed };
}
