import { describe, expect, test } from 'vitest';
import type { PageReport } from '../../lib/messages';
import { has, longArticle, screenshot, untilMarked, useExtensionBrowser, workerStopper } from './harness';
// The background's report of the tab showing a URL, asked from an extension page (the panel).
import { reportOf as reportFrom } from './parity';

const env = useExtensionBrowser();

type Report = PageReport;

describe('the built extension in Chromium', () => {
  test('loads with a service worker and an extension id', () => {
    expect(env.ext.extensionId).toMatch(/^[a-p]{32}$/);
  });

  test('the toolbar button opens the side panel (Chrome panel behaviour set by the background)', async () => {
    const sw = await env.ext.serviceWorker();
    await expect
      .poll(() => sw.evaluate(() => chrome.sidePanel.getPanelBehavior().then((b) => b.openPanelOnActionClick)))
      .toBe(true);
    const manifest = await sw.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    expect(manifest.permissions?.sort()).toEqual(['contextMenus', 'sidePanel', 'storage']);
  });

  test('the background answers a ping from an extension page', async () => {
    const panel = await env.ext.openSidePanel();
    const reply = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', data: null }));
    expect(reply).toEqual({ ok: true, version: '0.1.0' });
    const refused = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'dropTables', data: null }));
    expect(refused).toEqual({ error: 'unknown or malformed message' });
    await panel.close();
  });

  test('the side panel page renders and reaches the background', async () => {
    const panel = await env.ext.openSidePanel();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Ready');
    expect(await panel.getByRole('heading', { level: 1 }).textContent()).toBe('Inspection Lens');
    await screenshot(panel, 'sidepanel');
    await panel.close();
  });

  test('the content script runs on a fixture page and reports to the background', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/003_7373dea24638aad1.html`);
    const sw = await env.ext.serviceWorker();
    const panel = await env.ext.openSidePanel();
    // Ask the background for every tab's report: no "tabs" permission is needed for that.
    const findReport = () =>
      panel.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        for (const t of tabs) {
          const r = await chrome.runtime.sendMessage({ type: 'getPageReport', data: { tabId: t.id } });
          if (r?.url) return r;
        }
        return null;
      });
    await expect.poll(findReport).toMatchObject({ url: page.url() });
    expect(sw.url()).toContain(env.ext.extensionId);
    await screenshot(page, 'article-003');
    await page.close();
    await panel.close();
  });

  test('the service worker stopped after the page reported: the panel still gets the page, which is asked again', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/003_7373dea24638aad1.html`);
    const panel = await env.ext.openSidePanel();
    const reportOf = (url: string) => reportFrom(panel, url);
    await expect.poll(() => reportOf(page.url())).toMatchObject({ url: page.url(), isInspectionArticle: true });
    // Chrome stops an idle worker: its reports, kept in memory, are gone. The page is unchanged,
    // so it sends nothing of itself (a report goes only when it changed).
    await (await workerStopper(env.ext))();
    // The next question starts a new worker, which has no report and asks the page for it.
    const again = await reportOf(page.url());
    expect(again).toMatchObject({ url: page.url(), isInspectionArticle: true });
    expect(again?.findings?.length).toBeGreaterThan(5);
    await page.close();
    await panel.close();
  });

  test('a long page changed past its listed findings reports its new counts, not its findings again; a new worker gets them all the same', async () => {
    env.server.extra.set('/long-report.html', longArticle(200_000));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/long-report.html`);
    await untilMarked(page, has('il:painted'), 30_000);
    const panel = await env.ext.openSidePanel();
    const reportOf = (url: string) => reportFrom(panel, url);
    await expect.poll(async () => (await reportOf(page.url()))?.findings?.length).toBe(300);
    const first = (await reportOf(page.url())) as Report;
    const councils = first.counts['il-council'];
    /** A council named in a paragraph added at the end: past the 300 findings a report lists. */
    const addParagraph = async (n: number) => {
      await page.evaluate((i) => {
        const p = document.createElement('p');
        p.textContent = `Update ${i}: inspectors will return to Southwark next year, the council said.`;
        (document.querySelector('article') ?? document.body).append(p);
      }, n);
      await untilMarked(page, has('il:highlighted', n + 1), 30_000);
    };
    const lastSent = () =>
      page.evaluate(() => (performance.getEntriesByName('il:reported').at(-1) as PerformanceMark | undefined)?.detail);
    // Chrome stops the idle worker: the next report, sent without its findings, reaches a worker
    // that has none, which asks for them.
    await (await workerStopper(env.ext))();
    await addParagraph(1);
    await expect.poll(lastSent).toMatchObject({ sent: 'same-findings' });
    await expect.poll(async () => (await reportOf(page.url()))?.counts['il-council']).toBe(councils + 1);
    const afterRestart = (await reportOf(page.url())) as Report;
    expect(afterRestart.findings?.map((f) => f.id)).toEqual(first.findings?.map((f) => f.id));
    // The same worker, another change: it keeps the findings it has.
    await addParagraph(2);
    await expect.poll(async () => (await reportOf(page.url()))?.counts['il-council']).toBe(councils + 2);
    expect((await lastSent()) as unknown).toMatchObject({ sent: 'same-findings' });
    expect((await reportOf(page.url()))?.findings?.map((f) => f.id)).toEqual(first.findings?.map((f) => f.id));
    await page.close();
    await panel.close();
  });
});
