import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ClipList } from '../../components/ClipList';
import { ExportMenu } from '../../components/ExportMenu';
import { HighlightSettings } from '../../components/HighlightSettings';
import { ImportButton } from '../../components/ImportButton';
import { PageSummary } from '../../components/PageSummary';
import type { Article, Clip } from '../../lib/clips';
import { message, type PageReport, parseMessage } from '../../lib/messages';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { importThroughBackground, readCollection } from './transfer';

/** The side panel: what Inspection Lens found on the current tab, and the highlight switches. */
export function App() {
  const [status, setStatus] = useState('Connecting…');
  const [tabId, setTabId] = useState<number | null>(null);
  const [report, setReport] = useState<PageReport | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [clips, setClips] = useState<Clip[]>([]);
  const [articles, setArticles] = useState<Map<string, Article>>(new Map());

  const loadClips = useCallback(async () => {
    const r = (await browser.runtime.sendMessage(message('listClips', {}))) as { clips?: Clip[]; articles?: Article[] };
    if (!Array.isArray(r?.clips)) return;
    setClips(r.clips);
    setArticles(new Map((r.articles ?? []).map((a) => [a.id, a])));
  }, []);

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
    browser.storage.local
      .get(SETTINGS_KEY)
      .then((r) => setSettings(parseSettings((r as Record<string, unknown>)[SETTINGS_KEY])));
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
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(refresh);
    };
  }, [refresh, loadClips]);

  const changeSettings = (next: Settings) => {
    setSettings(next);
    browser.storage.local.set({ [SETTINGS_KEY]: next });
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
      <p role="status" class="muted">
        {status}
      </p>
      <PageSummary report={report} />
      {report?.isInspectionArticle ? (
        <label class="page-toggle">
          <input type="checkbox" checked={report.highlighting} onChange={(e) => togglePage(e.currentTarget.checked)} />{' '}
          Highlight this page
        </label>
      ) : null}
      <h2>Clips</h2>
      <div class="transfer">
        <ExportMenu load={readCollection} />
        <ImportButton run={importThroughBackground} />
      </div>
      <ClipList
        clips={clips}
        articles={articles}
        onOpen={(url) => browser.runtime.sendMessage(message('openArticle', { url }))}
        onUpdate={async (id, patch) => {
          const r = (await browser.runtime.sendMessage(message('updateClip', { id, ...patch }))) as {
            ok: boolean;
            error?: string;
          };
          if (!r?.ok) setStatus(r?.error ?? 'Could not save the change');
        }}
      />
      <HighlightSettings settings={settings} counts={report?.counts} onChange={changeSettings} />
    </main>
  );
}
