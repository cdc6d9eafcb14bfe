import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CollectionView } from '../../components/CollectionView';
import { ExportMenu } from '../../components/ExportMenu';
import { HighlightSettings } from '../../components/HighlightSettings';
import { ImportButton } from '../../components/ImportButton';
import { PageSummary } from '../../components/PageSummary';
import type { ExportFilter } from '../../lib/export/records';
import { type PageReport, parseMessage, send } from '../../lib/messages';
import { isPaused, PAUSED_SITES_KEY, siteOf, withSitePaused } from '../../lib/pause';
import { type Settings, settingsItem } from '../../lib/settings';
import { collectionApi } from './collection-api';
import { importThroughBackground, readCollection } from './transfer';

/** The side panel: what Inspection Lens found on the current tab, and the highlight switches. */
export function App() {
  const [status, setStatus] = useState('Connecting…');
  const [tabId, setTabId] = useState<number | null>(null);
  const [report, setReport] = useState<PageReport | null>(null);
  const [settings, setSettings] = useState<Settings>(settingsItem.fallback);
  const [pausedSites, setPausedSites] = useState<unknown>([]);
  /** The Collection view's search and filter, also offered to Export. */
  const [filter, setFilter] = useState<ExportFilter>({});

  const refresh = useCallback(async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Opened as a tab (tests, or by hand), the panel reports on the page the reader was on before.
    let id = tab?.id ?? null;
    if (tab?.url?.startsWith(browser.runtime.getURL('/'))) {
      const others = await browser.tabs.query({ currentWindow: true });
      id = others.filter((t) => !t.url?.startsWith(browser.runtime.getURL('/'))).pop()?.id ?? null;
    }
    setTabId(id);
    setReport(id === null ? null : await send('getPageReport', { tabId: id }).catch(() => null));
  }, []);

  useEffect(() => {
    send('ping', null)
      .then((r) => setStatus(r?.ok ? 'Ready' : 'No answer from the extension'))
      .catch(() => setStatus('No answer from the extension'));
    settingsItem.get().then(setSettings);
    browser.storage.local.get(PAUSED_SITES_KEY).then((r) => setPausedSites(r[PAUSED_SITES_KEY] ?? []));
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[PAUSED_SITES_KEY]) setPausedSites(changes[PAUSED_SITES_KEY].newValue ?? []);
    };
    browser.storage.onChanged.addListener(onStorage);
    refresh();
    const onMessage = (raw: unknown) => {
      const msg = parseMessage(raw, 'backgroundToPanel');
      if (msg?.type === 'reportUpdated') refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(refresh);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(refresh);
    };
  }, [refresh]);

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
  };

  return (
    <main>
      <h1>Inspection Lens</h1>
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
      <HighlightSettings settings={settings} counts={report?.counts} onChange={changeSettings} />
    </main>
  );
}
