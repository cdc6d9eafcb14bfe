// What a site can learn, and the reader's "Pause on this site": no performance marks on a
// reader's page (they would tell any site the extension is there), no list of clipped pages where
// content scripts can read it, and a paused site gets nothing at all.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { HIGHLIGHT_NAMES } from '../../lib/analysis/findings';
import { pagesDir, root, setBenchMarks, useExtensionBrowser } from './harness';
import { clipText } from './select';

const env = useExtensionBrowser();
const seed = (name: string) => fs.readFileSync(path.join(pagesDir, name), 'utf8');

const highlightTotal = (page: Page) =>
  page.evaluate(
    (names) => names.reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0),
    HIGHLIGHT_NAMES as unknown as string[],
  );

async function badgeOf(page: Page): Promise<string> {
  await page.bringToFront();
  const sw = await env.ext.serviceWorker();
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
}

describe('what a site can learn of the extension', () => {
  test('a reader’s page gets no performance marks (only a benchmark asks for them)', async () => {
    const sw = await env.ext.serviceWorker();
    await setBenchMarks(sw, false);
    try {
      const page = await env.ext.context.newPage();
      await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
      await expect.poll(() => highlightTotal(page)).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      expect(marks.filter((m) => m.startsWith('il:'))).toEqual([]);
      await page.close();
    } finally {
      await setBenchMarks(sw, true);
    }
    // With the flag (benchmarks, these tests) the marks are there, with their times.
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('il:painted').length), { timeout: 10_000 })
      .toBe(1);
    const order = await page.evaluate(() =>
      ['il:load', 'il:start', 'il:check-end', 'il:highlighted'].map(
        (n) => performance.getEntriesByName(n)[0]?.startTime,
      ),
    );
    expect(order.every((t, i) => typeof t === 'number' && (i === 0 || t >= order[i - 1]))).toBe(true);
    await page.close();
  });

  test('which pages have clips is not kept where a content script can read it; the clip is still re-found', async () => {
    env.server.extra.set('/private-list.html', seed('002_ba3b3e12e34938f9.html'));
    const url = `${env.server.origin}/private-list.html`;
    const page = await env.ext.context.newPage();
    await page.goto(url);
    const quote = 'inspectors saw the damaging impact of this drift and delay';
    await clipText(page, quote, 'body');
    await page.close();
    const sw = await env.ext.serviceWorker();
    // storage.local is what content scripts can read: no URL of a clipped page in it.
    await expect.poll(() => sw.evaluate(() => chrome.storage.local.get(null))).toMatchObject({ 'il-has-clips': true });
    const local = JSON.stringify(await sw.evaluate(() => chrome.storage.local.get(null)));
    expect(local).not.toContain('private-list');
    expect(local).not.toContain(env.server.origin);
    const again = await env.ext.context.newPage();
    await again.goto(url);
    await expect
      .poll(() => again.evaluate(() => [...(CSS.highlights.get('il-clip') ?? [])].map((r) => r.toString())))
      .toEqual([quote]);
    await again.close();
  });
});

describe('pause on this site', () => {
  test('from the side panel: no highlights, no badge, no Clip button or card there until resumed', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
    await expect.poll(() => highlightTotal(page)).toBeGreaterThan(0);
    await expect.poll(() => badgeOf(page)).not.toBe('');
    const panel = await env.ext.openSidePanel();
    const pause = panel.getByRole('checkbox', { name: 'Pause on this site' });
    await pause.check();
    await expect.poll(() => highlightTotal(page)).toBe(0);
    await expect.poll(() => badgeOf(page)).toBe('');
    await expect.poll(() => panel.getByText(/^Paused on 127\.0\.0\.1/).count()).toBe(1);

    // Reloaded, the page stays untouched; the reader's selection and shortcuts do nothing there.
    await page.reload();
    await page.waitForTimeout(1000);
    expect(await highlightTotal(page)).toBe(0);
    expect(await badgeOf(page)).toBe('');
    await page.evaluate(() => {
      const p = document.querySelector('article p') as HTMLElement;
      getSelection()?.selectAllChildren(p);
    });
    await page.mouse.up();
    await page.keyboard.press('Alt+Shift+N');
    await page.waitForTimeout(400);
    expect(await page.getByRole('button', { name: 'Clip', exact: true }).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[data-inspection-lens-ui], mark').length)).toBe(0);

    // Resumed: everything comes back without a reload.
    await panel.bringToFront();
    await pause.uncheck();
    await expect.poll(() => highlightTotal(page)).toBeGreaterThan(0);
    await expect.poll(() => badgeOf(page)).not.toBe('');
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('docs/privacy.md', () => {
  test('explains every permission and every content-script match of both built manifests', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/privacy.md'), 'utf8');
    for (const build of ['chrome-mv3', 'firefox-mv2']) {
      const m = JSON.parse(fs.readFileSync(path.join(root, '.output', build, 'manifest.json'), 'utf8'));
      const asked: string[] = [
        ...(m.permissions ?? []),
        ...(m.host_permissions ?? []),
        ...(m.optional_permissions ?? []),
        ...(m.content_scripts ?? []).flatMap((c: { matches: string[] }) => c.matches),
      ];
      expect(asked.length).toBeGreaterThan(0);
      for (const p of asked) expect(doc, `${build}: ${p}`).toContain(`\`${p}\``);
    }
  });
});
