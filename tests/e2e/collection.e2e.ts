// The Collection view in real Chromium, with clips saved from served pages through the extension
// (selections clipped with the Clip button, a grade saved from its card): search, each filter,
// grouping, a note saved as typed, delete and undo, a clip saved in another tab appearing live,
// opening a clip at its passage, a clip whose passage is gone, axe-core light and dark, screenshots.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pagesDir, root, useExtensionBrowser } from './harness';
import { onCollection } from './panel-tabs';
import { clipText } from './select';

const env = useExtensionBrowser();
const require = createRequire(import.meta.url);
const seed = (name: string) => fs.readFileSync(path.join(pagesDir, name), 'utf8');

const HACKNEY = 'inspectors saw the damaging impact of this drift and delay';
const BRADFORD = 'Inspectors said the council must urgently improve the quality of assessments and plans';
const ESSEX = 'Workers describe the work they are able to undertake with children and families';
const KENT_PAGE = 'case-bradford-bbc.html';

const list = (panel: Page) => panel.getByRole('list', { name: 'Saved clips' });
/** The clip rows listed (group headings are list items too, holding a heading). */
const rows = (panel: Page) =>
  list(panel)
    .getByRole('listitem')
    .filter({ hasNot: panel.getByRole('heading') });
const rowTexts = (panel: Page) => rows(panel).allTextContents();
const headings = (panel: Page) => list(panel).getByRole('heading').allTextContents();

async function storedClips(panel: Page) {
  return panel.evaluate(async () => {
    const out: { id: string; quote: string; note: string; tags: string[]; rev?: number; orphaned: boolean }[] = [];
    let after: unknown;
    do {
      const r = await chrome.runtime.sendMessage({ type: 'listClips', data: after ? { after } : {} });
      out.push(...r.clips);
      after = r.next;
    } while (after);
    return out;
  });
}

/** Whether the clip highlight of `quote` is inside the window. */
const markInView = (page: Page, quote: string) =>
  page.evaluate((q) => {
    const r = [...(CSS.highlights.get('il-clip') ?? [])].find((x) => (x as Range).toString() === q) as
      | Range
      | undefined;
    if (!r) return 'no mark';
    const box = r.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight ? 'in view' : `out of view (${box.top}, ${innerHeight})`;
  }, quote);

describe('the Collection view', () => {
  let panel: Page;

  test('clips saved from four articles are listed by article, with headline, site and date', async () => {
    env.server.extra.set('/story.html', seed('002_ba3b3e12e34938f9.html'));
    env.server.extra.set('/bradford.html', seed(KENT_PAGE));
    env.server.extra.set('/essex.html', seed('003_7373dea24638aad1.html'));
    const page = await env.ext.context.newPage();
    for (const [url, quote] of [
      ['/story.html', HACKNEY],
      ['/bradford.html', BRADFORD],
      ['/essex.html', ESSEX],
    ]) {
      await page.goto(env.server.origin + url);
      await clipText(page, quote, 'body');
    }
    // A grade saved from its card (Lambeth, inadequate).
    await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('il-grade-inadequate')?.size ?? 0))
      .toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+N');
    const card = page.getByRole('dialog');
    await card.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Saved to Inspection Lens');
    await page.close();

    panel = await onCollection(env.ext.openSidePanel());
    await expect.poll(() => rows(panel).count()).toBe(4);
    const heads = await headings(panel);
    expect(heads).toHaveLength(4);
    expect(heads.join('\n')).toContain("Bradford children's services rated inadequate for second time");
    // Each heading: the headline, then its site, date and number of clips.
    for (const h of heads) expect(h).toMatch(/\d{4} · 1 clip$/);
    const text = (await rowTexts(panel)).join('\n');
    for (const q of [HACKNEY, BRADFORD, ESSEX]) expect(text).toContain(q);
    // The grade as a word, beside its colour.
    expect(text).toContain('Inadequate');
    expect(await panel.getByText('4 clips in 4 articles').count()).toBe(1);
  });

  test('search: any case and accents, every word, the last word as typed so far', async () => {
    const box = panel.getByRole('searchbox', { name: 'Search clips' });
    await box.pressSequentially('URGENTLY impr');
    await expect.poll(() => rowTexts(panel)).toEqual([expect.stringContaining(BRADFORD)]);
    await box.fill('assessmènts');
    await expect.poll(() => rowTexts(panel)).toEqual([expect.stringContaining(BRADFORD)]);
    // Headlines are searched too: only the Essex article's headline says "outstanding" here.
    await box.fill('came into social');
    await expect.poll(() => rowTexts(panel)).toEqual([expect.stringContaining(ESSEX)]);
    await box.fill('drift urgently');
    await expect.poll(() => panel.getByText('No clips match this filter.').count()).toBe(1);
    await panel.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => rows(panel).count()).toBe(4);
    expect(await box.inputValue()).toBe('');
  });

  test('each filter: category, grade, council and date range', async () => {
    await panel.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Grade' });
    await expect.poll(() => rows(panel).count()).toBe(1);
    await panel.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Any category' });
    await panel.getByRole('combobox', { name: 'Grade' }).selectOption({ label: 'inadequate' });
    await expect.poll(() => rowTexts(panel)).toEqual([expect.stringContaining('Lambeth')]);
    await panel.getByRole('combobox', { name: 'Grade' }).selectOption({ label: 'Any grade' });
    await panel.getByRole('combobox', { name: 'Council' }).selectOption({ label: 'Lambeth' });
    await expect.poll(() => rows(panel).count()).toBe(1);
    await panel.getByRole('combobox', { name: 'Council' }).selectOption({ label: 'Any council' });
    await expect.poll(() => rows(panel).count()).toBe(4);
    const day = (offset: number) => {
      const d = new Date(Date.now() + offset * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    await panel.getByLabel('From', { exact: true }).fill(day(1));
    await expect.poll(() => panel.getByText('No clips match this filter.').count()).toBe(1);
    await panel.getByLabel('From', { exact: true }).fill(day(-1));
    await panel.getByLabel('To', { exact: true }).fill(day(0));
    await expect.poll(() => rows(panel).count()).toBe(4);
    await panel.getByRole('button', { name: 'Show all clips' }).click();
    await expect.poll(() => panel.getByLabel('From', { exact: true }).inputValue()).toBe('');
  });

  test('grouped by council: a heading per council, clips with none under their own heading', async () => {
    await panel.getByRole('radio', { name: 'Council' }).check();
    await expect
      .poll(() => headings(panel))
      .toEqual([expect.stringContaining('Lambeth'), expect.stringContaining('No council named')]);
    expect(await rows(panel).count()).toBe(4);
    await panel.getByRole('radio', { name: 'Article' }).check();
    await expect.poll(async () => (await headings(panel)).length).toBe(4);
  });

  test('a note and tags are saved as the reader types, kept after reopening, and the tag filters', async () => {
    const note = panel.getByRole('textbox', { name: /^Note for clip “Inspectors said the council/ });
    await note.click();
    await note.pressSequentially('Ask the trust about assessments');
    // Saved while the reader is still in the field (no need to leave it).
    await expect
      .poll(async () => (await storedClips(panel)).find((c) => c.quote === BRADFORD)?.note)
      .toBe('Ask the trust about assessments');
    await panel.getByRole('textbox', { name: /^Tags for clip “Inspectors said the council/ }).fill('follow-up, trust');
    await panel.getByRole('searchbox', { name: 'Search clips' }).click();
    await expect
      .poll(async () => (await storedClips(panel)).find((c) => c.quote === BRADFORD)?.tags)
      .toEqual(['follow-up', 'trust']);
    await panel.close();
    panel = await onCollection(env.ext.openSidePanel());
    await expect
      .poll(() => panel.getByRole('textbox', { name: /^Note for clip “Inspectors said the council/ }).inputValue())
      .toBe('Ask the trust about assessments');
    await panel.getByRole('textbox', { name: 'Tag', exact: true }).fill('trust');
    await expect.poll(() => rowTexts(panel)).toEqual([expect.stringContaining(BRADFORD)]);
    await panel.getByRole('button', { name: 'Show all clips' }).click();
    await expect.poll(() => rows(panel).count()).toBe(4);
  });

  test('delete, then Undo puts the clip back exactly (same id and version)', async () => {
    const before = (await storedClips(panel)).find((c) => c.quote === BRADFORD);
    const row = rows(panel).filter({ hasText: BRADFORD });
    await row.getByRole('button', { name: 'Delete clip' }).click();
    await expect.poll(() => rows(panel).count()).toBe(3);
    const live = panel.locator('.cv-live');
    expect(await live.getAttribute('role')).toBe('status');
    await expect.poll(() => live.textContent()).toContain('Clip deleted.');
    expect((await storedClips(panel)).some((c) => c.quote === BRADFORD)).toBe(false);
    await live.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows(panel).count()).toBe(4);
    expect((await storedClips(panel)).find((c) => c.quote === BRADFORD)).toEqual(before);
  });

  test('a clip saved in another tab appears in the open panel', async () => {
    env.server.extra.set('/kent.html', seed('case-kent-localpaper.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/kent.html`);
    const quote = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((x) => (x.textContent ?? '').split(' ').length > 12);
      return (p?.textContent ?? '').trim().split(/\s+/).slice(0, 8).join(' ');
    });
    expect(quote.split(' ')).toHaveLength(8);
    await clipText(page, quote, 'body');
    await expect.poll(() => rowTexts(panel).then((t) => t.join('\n'))).toContain(quote);
    expect(await rows(panel).count()).toBe(5);
    await page.close();
  });

  test('activating a clip switches to its tab and scrolls the passage into view; closed, it opens the article there', async () => {
    const page = await env.ext.context.newPage();
    await page.setViewportSize({ width: 900, height: 260 });
    await page.goto(`${env.server.origin}/story.html`);
    await expect.poll(() => markInView(page, HACKNEY)).toMatch(/view/);
    expect(await markInView(page, HACKNEY)).toMatch(/^out of view/);
    const pages = env.ext.context.pages().length;
    await panel.getByRole('button', { name: new RegExp(HACKNEY) }).click();
    await expect.poll(() => markInView(page, HACKNEY)).toBe('in view');
    // The passage flashes (an outline laid over it, then removed).
    expect(await page.locator('[data-inspection-lens-flash]').count()).toBe(1);
    expect(env.ext.context.pages().length).toBe(pages);
    await page.close();

    // From the keyboard: Enter on the clip's list item, with no tab showing the article.
    const row = rows(panel).filter({ hasText: HACKNEY });
    await row.focus();
    await row.press('Enter');
    await expect.poll(() => env.ext.context.pages().length).toBe(pages);
    const opened = env.ext.context.pages().at(-1) as Page;
    expect(opened.url()).toBe(`${env.server.origin}/story.html`);
    await expect.poll(() => markInView(opened, HACKNEY), { timeout: 15_000 }).toBe('in view');
    await opened.close();
  });

  test('a clip whose passage is gone from its page is marked in words and still listed', async () => {
    env.server.extra.set(
      '/essex.html',
      seed('003_7373dea24638aad1.html').replace(/Workers describe the work[^<]*/, 'Gone.'),
    );
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/essex.html`);
    await expect
      .poll(() => rows(panel).filter({ hasText: ESSEX }).textContent(), { timeout: 15_000 })
      .toContain('Passage not found on the page last time');
    await page.close();
  });

  test('arrow keys move between clips in the list', async () => {
    const first = list(panel).getByRole('listitem').first();
    await first.focus();
    await panel.keyboard.press('ArrowDown');
    const focused = () => panel.evaluate(() => document.activeElement?.getAttribute('data-index'));
    await expect.poll(focused).toBe('1');
    await panel.keyboard.press('End');
    const last = await panel.evaluate(() => document.querySelectorAll('ul.cv-clips > li').length - 1);
    await expect.poll(async () => Number(await focused())).toBe(last);
    await panel.keyboard.press('Home');
    await expect.poll(focused).toBe('0');
  });

  for (const scheme of ['light', 'dark'] as const)
    test(`axe-core finds no serious or critical problem in the Collection view (${scheme}); screenshot`, async () => {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.setViewportSize({ width: 420, height: 900 });
      // The panel's CSP refuses inline scripts: axe's source is evaluated through the debugger protocol instead.
      await panel.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
      const result = (await panel.evaluate(() =>
        (globalThis as unknown as { axe: { run(c: unknown): Promise<unknown> } }).axe.run('.collection'),
      )) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (bad.length)
        console.log(bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`));
      expect(bad).toEqual([]);
      fs.mkdirSync(path.join(root, 'docs/screenshots'), { recursive: true });
      await panel
        .locator('.collection')
        .screenshot({ path: path.join(root, `docs/screenshots/collection-${scheme}.png`) });
    });
});
