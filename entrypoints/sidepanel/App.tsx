import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ClipFilter } from '../../components/ClipFilter';
import { ClipList, type ClipPatch, type EditedFrom, type UpdateOutcome } from '../../components/ClipList';
import { ExportMenu } from '../../components/ExportMenu';
import { HighlightSettings } from '../../components/HighlightSettings';
import { ImportButton } from '../../components/ImportButton';
import { LegendDisclosure } from '../../components/Legend';
import { PageSummary } from '../../components/PageSummary';
import type { Article, Clip } from '../../lib/clips';
import type { ExportFilter } from '../../lib/export/records';
import { type ClipListPage, message, type PageReport, parseMessage, type UpdateReply } from '../../lib/messages';
import { isPaused, PAUSED_SITES_KEY, siteOf, withSitePaused } from '../../lib/pause';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import type { ListCursor, UnreadableClip } from '../../lib/store/clip-store';
import { importThroughBackground, readCollection } from './transfer';

interface ClipListState {
  clips: Clip[];
  unreadable: UnreadableClip[];
  articles: Map<string, Article>;
  next: ListCursor | null;
}
const EMPTY_LIST: ClipListState = { clips: [], unreadable: [], articles: new Map(), next: null };

/** The side panel: what Inspection Lens found on the current tab, and the highlight switches. */
export function App() {
  const [status, setStatus] = useState('Connecting…');
  const [tabId, setTabId] = useState<number | null>(null);
  const [report, setReport] = useState<PageReport | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [list, setList] = useState<ClipListState>(EMPTY_LIST);
  const shown = useRef(EMPTY_LIST);
  shown.current = list;
  const [pausedSites, setPausedSites] = useState<unknown>([]);
  /** The list's filter (council, grade, tag), also offered to Export. */
  const [filter, setFilter] = useState<ExportFilter>({});
  const filterNow = useRef<ExportFilter>({});

  /**
   * Reads the clip list page by page (no message carries the whole collection): from the start
   * until as many entries as are shown now, or, with `more`, the next page after those shown.
   */
  const loading = useRef<Promise<void> | null>(null);
  const loadClips = useCallback(async (mode: { more?: boolean } = {}): Promise<void> => {
    // One read at a time: a second "more" while a page is coming would read the same page twice.
    while (loading.current) {
      if (mode.more) return;
      await loading.current;
    }
    const done = readClips(mode);
    loading.current = done;
    try {
      await done;
    } finally {
      loading.current = null;
    }
  }, []);
  const readClips = async (mode: { more?: boolean }) => {
    const base = mode.more ? shown.current : EMPTY_LIST;
    if (mode.more && !base.next) return;
    const atLeast = mode.more ? 1 : Math.max(1, shown.current.clips.length + shown.current.unreadable.length);
    let next = { ...base, articles: new Map(base.articles) };
    let after = base.next;
    let got = 0;
    do {
      let r: ClipListPage | undefined;
      try {
        const query = { ...filterNow.current, ...(after ? { after } : {}) };
        r = (await browser.runtime.sendMessage(message('listClips', query))) as ClipListPage;
      } catch (e) {
        setStatus(`Could not list the clips: ${(e as Error)?.message ?? e}`);
        return;
      }
      if (!Array.isArray(r?.clips) || !Array.isArray(r.unreadable)) {
        setStatus('Could not list the clips.');
        return;
      }
      next = {
        clips: [...next.clips, ...r.clips],
        unreadable: [...next.unreadable, ...r.unreadable],
        articles: next.articles,
        next: r.next ?? null,
      };
      for (const a of r.articles ?? []) next.articles.set(a.id, a);
      got += r.clips.length + r.unreadable.length;
      after = next.next;
    } while (after && got < atLeast);
    shown.current = next;
    setList(next);
  };

  /** Saves an edit made on version `from`; the list then holds the saved clip, or the newer one. */
  const updateClip = async (id: string, patch: ClipPatch, from: EditedFrom): Promise<UpdateOutcome> => {
    let r: UpdateReply | undefined;
    try {
      r = (await browser.runtime.sendMessage(
        message('updateClip', { id, ...patch, rev: from.rev, base: from.base }),
      )) as UpdateReply;
    } catch (e) {
      setStatus(`Could not save the change: ${(e as Error)?.message ?? e}`);
      return { saved: false };
    }
    const fresh = r?.ok ? r.clip : r?.current;
    if (fresh) setList((l) => ({ ...l, clips: l.clips.map((c) => (c.id === fresh.id ? fresh : c)) }));
    if (r?.ok) return { saved: true };
    const field = patch.note !== undefined ? 'note' : 'tags';
    setStatus(
      r?.current
        ? `This clip’s ${field} was changed in another window. Your text was not saved and is still in the field: leave the field again to replace the other change with it.`
        : (r?.error ?? 'Could not save the change'),
    );
    return { saved: false, ...(r?.current ? { newer: r.current } : {}) };
  };

  const refresh = useCallback(async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Opened as a tab (tests, or by hand), the panel reports on the page the reader was on before.
    let id = tab?.id ?? null;
    if (tab?.url?.startsWith(browser.runtime.getURL('/'))) {
      const others = await browser.tabs.query({ currentWindow: true });
      id = others.filter((t) => !t.url?.startsWith(browser.runtime.getURL('/'))).pop()?.id ?? null;
    }
    setTabId(id);
    setReport(
      id === null
        ? null
        : ((await browser.runtime.sendMessage(message('getPageReport', { tabId: id }))) as PageReport | null),
    );
  }, []);

  useEffect(() => {
    browser.runtime
      .sendMessage(message('ping', null))
      .then((r) => setStatus((r as { ok?: boolean })?.ok ? 'Ready' : 'No answer from the extension'))
      .catch(() => setStatus('No answer from the extension'));
    browser.storage.local.get([SETTINGS_KEY, PAUSED_SITES_KEY]).then((r) => {
      setSettings(parseSettings((r as Record<string, unknown>)[SETTINGS_KEY]));
      setPausedSites((r as Record<string, unknown>)[PAUSED_SITES_KEY] ?? []);
    });
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[PAUSED_SITES_KEY]) setPausedSites(changes[PAUSED_SITES_KEY].newValue ?? []);
    };
    browser.storage.onChanged.addListener(onStorage);
    refresh();
    loadClips();
    const onMessage = (raw: unknown) => {
      const msg = parseMessage(raw);
      if (msg?.type === 'reportUpdated') refresh();
      if (msg?.type === 'clipsChanged') loadClips();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(refresh);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(refresh);
    };
  }, [refresh, loadClips]);

  const changeSettings = (next: Settings) => {
    setSettings(next);
    browser.storage.local.set({ [SETTINGS_KEY]: next });
  };

  const site = report ? siteOf(report.url) : null;
  const paused = isPaused(pausedSites, site);
  /** Pauses or resumes Inspection Lens on the page's site; its content script reacts to the stored list. */
  const pauseSite = async (pause: boolean) => {
    if (!site) return;
    const r = (await browser.storage.local.get(PAUSED_SITES_KEY)) as Record<string, unknown>;
    const next = withSitePaused(r[PAUSED_SITES_KEY], site, pause);
    setPausedSites(next);
    await browser.storage.local.set({ [PAUSED_SITES_KEY]: next });
  };

  const togglePage = async (enabled: boolean) => {
    if (tabId === null) return;
    const r = (await browser.runtime.sendMessage(message('setPageHighlighting', { tabId, enabled }))) as {
      ok: boolean;
      error?: string;
    };
    if (!r?.ok) setStatus(r?.error ?? 'Could not reach the page');
  };

  return (
    <main>
      <h1>Inspection Lens</h1>
      <LegendDisclosure />
      <p role="status" class="muted">
        {status}
      </p>
      {paused ? (
        <p class="muted">Paused on {site}: Inspection Lens does not read, highlight or clip anything on this site.</p>
      ) : (
        <PageSummary report={report} />
      )}
      {site ? (
        <label class="page-toggle">
          <input type="checkbox" checked={paused} onChange={(e) => pauseSite(e.currentTarget.checked)} /> Pause on this
          site
        </label>
      ) : null}
      {!paused && report?.isInspectionArticle ? (
        <label class="page-toggle">
          <input type="checkbox" checked={report.highlighting} onChange={(e) => togglePage(e.currentTarget.checked)} />{' '}
          Highlight this page
        </label>
      ) : null}
      <h2>Clips</h2>
      <ClipFilter
        filter={filter}
        onChange={(f) => {
          filterNow.current = f;
          setFilter(f);
          shown.current = EMPTY_LIST;
          loadClips();
        }}
      />
      <div class="transfer">
        <ExportMenu load={readCollection} filter={filter} />
        <ImportButton run={importThroughBackground} />
      </div>
      {Object.keys(filter).length && !list.clips.length && !list.unreadable.length ? (
        <p class="muted">No clips match this filter.</p>
      ) : null}
      <ClipList
        clips={list.clips}
        unreadable={list.unreadable}
        articles={list.articles}
        onOpen={(url) => browser.runtime.sendMessage(message('openArticle', { url }))}
        onUpdate={updateClip}
      />
      {list.next ? (
        <button type="button" class="more" onClick={() => loadClips({ more: true })}>
          Show more clips
        </button>
      ) : null}
      <HighlightSettings settings={settings} counts={report?.counts} onChange={changeSettings} />
    </main>
  );
}
