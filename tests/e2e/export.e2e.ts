import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, pagesDir, useExtensionBrowser } from './harness';
import { onCollection } from './panel-tabs';
import { clipText } from './select';

const env = useExtensionBrowser();
let fresh: ExtensionBrowser | undefined;
afterAll(async () => {
  await fresh?.close();
});

const seed = (name: string) => fs.readFileSync(path.join(pagesDir, name), 'utf8');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const withoutDate = (text: string) => text.replace(/"exported": "[^"]*"/, '');

/** Clicks "Export", then the format's button, and returns the real download's name and text. */
async function exportAs(panel: Page, format: string): Promise<{ name: string; text: string; file: string }> {
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: format, exact: true }).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8'), file };
}

/** Chooses `file` in the "Import" button's file dialog. */
async function importFile(panel: Page, file: string) {
  const [chooser] = await Promise.all([
    panel.waitForEvent('filechooser'),
    panel.getByRole('button', { name: 'Import', exact: true }).click(),
  ]);
  await chooser.setFiles(file);
}

const NOTE = 'Check with the DCS, "drift" & delay, 1,2 — caseloads 📈 =SUM(A1)';
const quote = 'inspectors saw the damaging impact of this drift and delay';
const downloads = new Map<string, { name: string; text: string; file: string }>();

describe('export and import from the side panel', () => {
  test('clips saved from pages, with a note and tags added in the side panel', async () => {
    env.server.extra.set('/story.html', seed('002_ba3b3e12e34938f9.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/story.html`);
    await clipText(page, quote);
    await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('il-grade-inadequate')?.size ?? 0))
      .toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+N');
    const card = page.getByRole('dialog');
    await card.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Saved to Inspection Lens');
    await card.getByRole('button', { name: 'Save inspection record' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Inspection record saved');
    await page.close();

    const panel = await onCollection(env.ext.openSidePanel());
    const note = panel.getByRole('textbox', { name: /Note for clip “inspectors saw/ });
    await note.fill(NOTE);
    await panel.getByRole('textbox', { name: /Tags for clip “inspectors saw/ }).fill('hackney, follow-up');
    await note.focus(); // leaving the tags field saves them
    await panel.getByRole('heading', { name: 'Clips' }).click();
    await expect.poll(async () => (await exportAs(panel, 'JSON')).text).toMatch(/"tags":\["hackney","follow-up"\]/);
    await panel.close();
  });

  test('each format downloads with its name and date, holding the clips', async () => {
    const panel = await onCollection(env.ext.openSidePanel());
    for (const format of ['JSON', 'Web Annotation (JSON-LD)', 'CSV', 'Outcomes CSV', 'Markdown'])
      downloads.set(format, await exportAs(panel, format));
    expect([...downloads.values()].map((d) => d.name)).toEqual([
      `inspection-lens-clips-${today()}.json`,
      `inspection-lens-annotations-${today()}.jsonld`,
      `inspection-lens-clips-${today()}.csv`,
      `inspection-lens-outcomes-${today()}.csv`,
      `inspection-lens-clips-${today()}.md`,
    ]);
    const json = JSON.parse(downloads.get('JSON')?.text ?? '');
    expect(json).toMatchObject({ format: 'inspection-lens', version: 1 });
    expect(json.clips).toHaveLength(2);
    expect(json.clips.find((c: { quote: string }) => c.quote === quote)).toMatchObject({ note: NOTE });
    const jsonld = JSON.parse(downloads.get('Web Annotation (JSON-LD)')?.text ?? '');
    expect(jsonld).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 2,
    });
    expect(jsonld.first.items[0].target.selector.map((s: { type: string }) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    const csv = downloads.get('CSV')?.text ?? '';
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(4); // header, two clips, and the final line break
    expect(csv).toContain('"Check with the DCS, ""drift"" & delay, 1,2 — caseloads 📈 =SUM(A1)"');
    expect(downloads.get('Outcomes CSV')?.text).toMatch(/\r\nLambeth,E09000022,inadequate,/);
    const md = downloads.get('Markdown')?.text ?? '';
    expect(md).toMatch(/^## Lambeth \(E09000022\)$/m);
    expect(md).toContain(`> ${quote}`);
    await panel.close();
  });

  test('the list filtered by council, grade and tag; Export writes only what the filter shows', async () => {
    const panel = await onCollection(env.ext.openSidePanel());
    const notes = panel.getByRole('textbox', { name: /^Note for clip/ });
    await expect.poll(() => notes.count()).toBe(2);
    await panel.getByRole('combobox', { name: 'Council' }).selectOption({ label: 'Lambeth' });
    await expect.poll(() => notes.count()).toBe(1);
    const json = JSON.parse((await exportAs(panel, 'JSON')).text);
    expect(json.clips).toHaveLength(1);
    expect(json.clips[0].councilCodes).toEqual(['E09000022']);
    expect(json.filter).toEqual({ council: 'E09000022' });
    // The same filter, but the reader asks for everything.
    await panel.getByRole('button', { name: 'Export', exact: true }).click();
    await panel.getByRole('checkbox', { name: 'Only the clips the current filter shows' }).uncheck();
    await panel.getByRole('button', { name: 'Export', exact: true }).click();
    expect(JSON.parse((await exportAs(panel, 'JSON')).text).clips).toHaveLength(2);
    await panel.getByRole('combobox', { name: 'Grade' }).selectOption({ label: 'outstanding' });
    await expect.poll(() => panel.getByText('No clips match this filter.').count()).toBe(1);
    await panel.getByRole('button', { name: 'Show all clips' }).click();
    await expect.poll(() => notes.count()).toBe(2);
    await panel.getByRole('textbox', { name: 'Tag', exact: true }).fill('follow-up');
    await expect.poll(() => notes.count()).toBe(1);
    await panel.close();
  });

  test('a bad file is refused with where it is wrong, and nothing is written', async () => {
    const panel = await onCollection(env.ext.openSidePanel());
    const bad = JSON.parse(downloads.get('JSON')?.text ?? '');
    bad.clips[1].tags = 'not a list';
    const file = path.join(path.dirname(downloads.get('JSON')?.file ?? ''), 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    await importFile(panel, file);
    const alert = panel.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Nothing was imported:.*Clip 2 \(id "[^"]+"\), field "tags": should be a list/);
    expect(withoutDate((await exportAs(panel, 'JSON')).text)).toBe(withoutDate(downloads.get('JSON')?.text ?? ''));
    await panel.close();
  });

  test('the JSON imported into a fresh profile gives the same collection, and its clips are found on the page', async () => {
    fresh = await launchWithExtension();
    const panel = await onCollection(fresh.openSidePanel());
    await importFile(panel, downloads.get('JSON')?.file ?? '');
    await expect
      .poll(() => panel.getByRole('status').allTextContents())
      .toContain('Imported: 2 clips added, 2 articles added.');
    const again = await exportAs(panel, 'JSON');
    expect(withoutDate(again.text)).toBe(withoutDate(downloads.get('JSON')?.text ?? ''));
    await expect.poll(() => panel.getByRole('list', { name: 'Saved clips' }).textContent()).toContain(quote);

    // Importing it again doubles nothing.
    await importFile(panel, downloads.get('JSON')?.file ?? '');
    await expect
      .poll(() => panel.getByRole('status').allTextContents())
      .toContain('Imported: 0 clips added, 2 already saved.');

    const page = await fresh.context.newPage();
    await page.goto(`${env.server.origin}/story.html`);
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('il-clip') ?? [])].map((r) => (r as Range).toString())))
      .toEqual([quote]);
    await page.close();
  });
});
