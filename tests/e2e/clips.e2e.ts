import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pagesDir, screenshot, useExtensionBrowser, workerStopper } from './harness';
import { onCollection } from './panel-tabs';
import { selectText } from './select';

const env = useExtensionBrowser();

const seed = (name: string) => fs.readFileSync(path.join(pagesDir, name), 'utf8');

const select = selectText;

async function clipSelection(page: Page) {
  await page.getByRole('button', { name: 'Clip', exact: true }).click();
  await expect
    .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
    .toContain('Saved to Inspection Lens');
}

const clipTexts = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('il-clip') ?? [])].map((r) => (r as Range).toString()));

async function listClips(panel: Page) {
  return panel.evaluate(async () => {
    const r = await chrome.runtime.sendMessage({ type: 'listClips', data: {} });
    return r.clips as { id: string; quote: string; orphaned: boolean; url: string; finding?: { grade?: string } }[];
  });
}

describe('clips', () => {
  const quote = 'inspectors saw the damaging impact of this drift and delay';
  let panel: Page;

  test('a selection clipped with the floating "Clip" button appears in the side panel', async () => {
    env.server.extra.set('/story.html', seed('002_ba3b3e12e34938f9.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/story.html`);
    await select(page, 'article', quote);
    await clipSelection(page);
    expect(await clipTexts(page)).toEqual([quote]);
    await screenshot(page, 'clip-saved');
    panel = await onCollection(env.ext.openSidePanel());
    const list = panel.getByRole('list', { name: 'Saved clips' });
    await expect.poll(() => list.textContent()).toContain(quote);
    expect(await list.textContent()).toContain('Overly adult-focused work found at Hackney');
    await screenshot(panel, 'sidepanel-clips');
    await page.close();
  });

  test('clicking a clip in the side panel opens its article', async () => {
    const before = env.ext.context.pages().length;
    await panel.getByRole('button', { name: /drift and delay/ }).click();
    await expect.poll(() => env.ext.context.pages().length).toBe(before + 1);
    const opened = env.ext.context.pages().at(-1) as Page;
    expect(opened.url()).toBe(`${env.server.origin}/story.html`);
    await opened.close();
  });

  test('visited again, the clip is re-found and highlighted', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/story.html`);
    await expect.poll(() => clipTexts(page)).toEqual([quote]);
    await page.close();
  });

  test('after small edits to the page (a new sentence, a fixed typo, new quotes) it is still found', async () => {
    const edited = seed('002_ba3b3e12e34938f9.html')
      .replace('The report highlighted:', 'The report, published on Tuesday, highlighted a number of issues:')
      .replace('impact of this drift and delay', 'impact of that drift and delay')
      .replace('"In some cases', '“In some cases');
    env.server.extra.set('/story.html', edited);
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/story.html`);
    await expect.poll(() => clipTexts(page)).toEqual(['inspectors saw the damaging impact of that drift and delay']);
    const clips = await listClips(panel);
    expect(clips.filter((c) => c.url.endsWith('/story.html')).map((c) => c.orphaned)).toEqual([false]);
    await page.close();
  });

  test('with the passage removed the clip is kept, marked as not found', async () => {
    const removed = seed('002_ba3b3e12e34938f9.html').replace(
      /Work with avoidant parents[^<]*/,
      'Inspectors looked at 40 cases.',
    );
    env.server.extra.set('/story.html', removed);
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/story.html`);
    await expect
      .poll(async () => (await listClips(panel)).find((c) => c.quote === quote)?.orphaned, { timeout: 10_000 })
      .toBe(true);
    expect(await clipTexts(page)).toEqual([]);
    await expect
      .poll(() => panel.getByRole('list', { name: 'Saved clips' }).textContent())
      .toContain('not found on the page');
    await page.close();
  });

  test('"Save clip" on a highlight’s card saves the grade with its council', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('il-grade-inadequate')?.size ?? 0))
      .toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+N');
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count()).toBe(1);
    const heading = await card.getAttribute('aria-label');
    await card.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Saved to Inspection Lens');
    await card.getByRole('button', { name: 'Save inspection record' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Inspection record saved');
    const saved = (await listClips(panel)).filter((c) => c.url.endsWith('/004_c2a22b1b94052d91.html'));
    expect(saved).toHaveLength(1);
    // The open side panel updates live, showing the clip with its council.
    await expect.poll(() => panel.getByRole('list', { name: 'Saved clips' }).textContent()).toContain('Lambeth');
    expect(heading).toMatch(/^(Grade|Council): /);
    await page.close();
  });

  test('the context menu and the keyboard shortcut clip the selection (relayed by the background)', async () => {
    env.server.extra.set('/menu.html', seed('004_c2a22b1b94052d91.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/menu.html`);
    await select(page, 'article', 'improve the frequency of management oversight');
    const sw = await env.ext.serviceWorker();
    // What the command's handler does: send "clipSelection" to the active tab (the menu sends the same).
    await page.bringToFront();
    const replies = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id === undefined
        ? []
        : [await chrome.tabs.sendMessage(tab.id, { type: 'clipSelection', data: null })];
    });
    expect(replies).toEqual([{ ok: true }]);
    const clips = await listClips(panel);
    expect(clips.filter((c) => c.quote === 'improve the frequency of management oversight')).toHaveLength(1);
    await page.close();
  });

  test('two tabs saving at once: both clips, each once', async () => {
    env.server.extra.set('/a.html', seed('003_7373dea24638aad1.html'));
    env.server.extra.set('/b.html', seed('000_5b46b54a3be1f299.html'));
    const [a, b] = await Promise.all([env.ext.context.newPage(), env.ext.context.newPage()]);
    await Promise.all([a.goto(`${env.server.origin}/a.html`), b.goto(`${env.server.origin}/b.html`)]);
    await select(a, 'article', 'caseloads are low');
    await select(b, 'article', 'well supported by managers');
    await Promise.all([clipSelection(a), clipSelection(b)]);
    const clips = await listClips(panel);
    expect(clips.filter((c) => c.quote === 'caseloads are low')).toHaveLength(1);
    expect(clips.filter((c) => c.quote === 'well supported by managers')).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  test('the service worker stopped during a save: the clip arrives exactly once', async () => {
    env.server.extra.set('/c.html', seed('001_6a6738d86f9368fc.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/c.html`);
    await select(page, 'article', 'strong front door services');
    const stopWorker = await workerStopper(env.ext);
    await Promise.all([page.getByRole('button', { name: 'Clip', exact: true }).click(), stopWorker()]);
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 20_000 })
      .toContain('Saved to Inspection Lens');
    const fresh = await onCollection(env.ext.openSidePanel());
    const clips = await listClips(fresh);
    expect(clips.filter((c) => c.quote === 'strong front door services')).toHaveLength(1);
    await Promise.all([page.close(), fresh.close()]);
  });

  test('a new selection whose drag ends over the last Clip button gets its own button, which stays', async () => {
    env.server.extra.set('/story-again.html', seed('002_ba3b3e12e34938f9.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/story-again.html`);
    await select(page, 'article', quote);
    await clipSelection(page);
    // The mouse is still over the button it pressed: the next selection's release happens there.
    const next = 'Overly adult-focused work';
    await select(page, 'h1', next);
    // Past the time the last save's "Saved" button stays: the new selection's button is still offered.
    await page.waitForTimeout(2000);
    const button = page.getByRole('button', { name: 'Clip', exact: true });
    await expect.poll(() => button.count()).toBe(1);
    await clipSelection(page);
    expect(await clipTexts(page)).toContain(next);
    await page.close();
  });
});
