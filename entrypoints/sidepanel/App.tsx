import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CollectionView } from '../../components/CollectionView';
import { CouncilsView } from '../../components/CouncilsView';
import { ExportMenu } from '../../components/ExportMenu';
import { HighlightSettings } from '../../components/HighlightSettings';
import { ImportButton } from '../../components/ImportButton';
import { LegendDisclosure } from '../../components/Legend';
import { type PanelTab, PanelTabs, rememberedTab, rememberTab } from '../../components/PanelTabs';
import { ThisPageView } from '../../components/ThisPageView';
import type { ExportFilter } from '../../lib/export/records';
import { type PageReport, parseMessage, send } from '../../lib/messages';
import { isPaused, PAUSED_SITES_KEY, siteOf, withSitePaused } from '../../lib/pause';
import { type Settings, settingsItem } from '../../lib/settings';
import { collectionApi } from './collection-api';
import { usePageAndCouncils } from './page-data';
import { reportedTabId } from './report-tab';
import { importThroughBackground, readCollection } from './transfer';

/** The side panel: what Inspection Lens found on the current tab, and the highlight switches. */
export function App() {
  const [status, setStatus] = useState('Connecting…');
  const [tabId, setTabId] = useState<number | null>(null);
  const [report, setReport] = useState<PageReport | null>(null);
  const [settings, setSettings] = useState<Settings>(settingsItem.fallback);
  const [pausedSites, setPausedSites] = useState<unknown>([]);
  /** The list's filter (council, grade, tag), also offered to Export. */
  const [filter, setFilter] = useState<ExportFilter>({});
  const [tab, setTab] = useState<PanelTab>(rememberedTab);
  /** This page's clips and record, and the councils; read again whenever clips change anywhere. */
  const pageData = usePageAndCouncils(report, setStatus, tab === 'councils');

  /** Refreshes overlap (a tab switch and a report update): only the latest one's answer is shown. */
  const refreshes = useRef(0);
  const refresh = useCallback(async () => {
    const mine = ++refreshes.current;
    const id = await reportedTabId();
    const next = id === null ? null : await send('getPageReport', { tabId: id }).catch(() => null);
    if (mine !== refreshes.current) return;
    setTabId(id);
    setReport(next);
  }, []);

  useEffect(() => {
    send('ping', null)
      .then((r) => setStatus(r?.ok ? 'Ready' : 'No answer from the extension'))
      .catch(() => setStatus('No answer from the extension'));
    settingsItem.get().then(setSettings);
    // A change made in the options page (or another window's panel) shows here at once.
    const unwatchSettings = settingsItem.watch(setSettings);
    browser.storage.local.get(PAUSED_SITES_KEY).then((r) => setPausedSites(r[PAUSED_SITES_KEY] ?? []));
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[PAUSED_SITES_KEY]) setPausedSites(changes[PAUSED_SITES_KEY].newValue ?? []);
    };
    browser.storage.onChanged.addListener(onStorage);
    refresh();
    const onMessage = (raw: unknown) => {
      const msg = parseMessage(raw, 'backgroundToPanel');
      if (msg?.type === 'reportUpdated') refresh();
      if (msg?.type === 'clipsChanged') pageData.changed();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(refresh);
    return () => {
      unwatchSettings();
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(refresh);
    };
  }, [refresh, pageData.changed]);

  const changeSettings = (next: Settings) => {
    setSettings(next);
    settingsItem.set(next);
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
    const r = await send('setPageHighlighting', { tabId, enabled }).catch((e: Error) => ({
      ok: false,
      error: e.message,
    }));
    if (!r?.ok) setStatus(r?.error ?? 'Could not reach the page');
    // The switch shows the page's answer at once; an older report still on its way is not shown.
    else {
      refreshes.current++;
      setReport((cur) => (cur ? { ...cur, highlighting: enabled } : cur));
    }
  };

  /** Asks the tab's page to show or clip one of its findings; the error in words, or null. */
  const askPage = async (type: 'showFindingInTab' | 'clipFindingInTab', findingId: string) => {
    if (tabId === null) return 'No page to ask.';
    try {
      const r = await send(type, { tabId, findingId });
      return r?.ok ? null : (r?.error ?? 'The page did not answer.');
    } catch (e) {
      return `The page did not answer: ${(e as Error)?.message ?? e}`;
    }
  };

  const pageSwitches = (
    <>
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
    </>
  );

  return (
    <main>
      <h1>Inspection Lens</h1>
      <LegendDisclosure />
      <p role="status" class="muted">
        {status}
      </p>
      <PanelTabs
        selected={tab}
        onSelect={(t) => {
          setTab(t);
          rememberTab(t);
        }}
        panels={{
          page: (
            <>
              <ThisPageView
                report={report}
                paused={paused}
                site={site}
                record={pageData.record}
                clips={pageData.clips}
                onShowFinding={(id) => askPage('showFindingInTab', id)}
                onClipFinding={(id) => askPage('clipFindingInTab', id)}
                onShowClip={async (c) => {
                  // The article's tab scrolled to the passage; if the page cannot show it, the article at least.
                  const r = await send('openClip', { clipId: c.id }).catch(() => null);
                  if (!r?.ok) await send('openArticle', { url: c.url }).catch(() => {});
                }}
              >
                {pageSwitches}
              </ThisPageView>
              <HighlightSettings
                settings={settings}
                counts={report ? { ...report.counts, 'il-clip': pageData.clips.length } : undefined}
                onChange={changeSettings}
              />
            </>
          ),
          collection: (
            <CollectionView
              api={collectionApi}
              onFilterChange={setFilter}
              onStatus={setStatus}
              tools={
                <>
                  <ExportMenu load={readCollection} filter={filter} />
                  <ImportButton run={importThroughBackground} />
                </>
              }
            />
          ),
          councils: (
            <CouncilsView
              rows={pageData.councils}
              onOpen={(url) => send('openArticle', { url }).catch(() => undefined)}
            />
          ),
        }}
      />
    </main>
  );
}
