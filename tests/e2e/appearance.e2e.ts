import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` / `rgba(…)` colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

type Colours = { background: string; color: string };

async function panelColours(scheme: 'light' | 'dark'): Promise<Colours> {
  const panel = await env.ext.openSidePanel();
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.getByRole('heading', { level: 1 }).waitFor();
  const colours = await panel.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return { background: s.backgroundColor, color: s.color };
  });
  if (scheme === 'dark') await screenshot(panel, 'sidepanel-dark');
  await panel.close();
  return colours;
}

async function cardColours(scheme: 'light' | 'dark'): Promise<Colours> {
  const page: Page = await env.ext.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('il-council')?.size ?? 0)).toBeGreaterThan(0);
  await page.keyboard.press('Alt+Shift+N');
  const card = page.getByRole('dialog');
  await expect.poll(() => card.count()).toBe(1);
  const colours = await card.evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, color: s.color };
  });
  if (scheme === 'dark') await screenshot(page, 'card-dark');
  await page.close();
  return colours;
}

describe('dark mode follows the browser', () => {
  test('the side panel (and options page, same styles) is dark with light text, and unchanged in light mode', async () => {
    const dark = await panelColours('dark');
    expect(luminance(dark.background)).toBeLessThan(0.05);
    expect(luminance(dark.color)).toBeGreaterThan(0.6);
    expect(contrast(dark.background, dark.color)).toBeGreaterThan(7);
    const light = await panelColours('light');
    expect(light).toEqual({ background: 'rgb(251, 251, 253)', color: 'rgb(29, 29, 43)' });
  });

  test('the options page is dark too', async () => {
    const page = await env.ext.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`chrome-extension://${env.ext.extensionId}/options.html`);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(luminance(bg)).toBeLessThan(0.05);
    await page.close();
  });

  test('the in-page card is dark with light text, and unchanged in light mode', async () => {
    const dark = await cardColours('dark');
    expect(luminance(dark.background)).toBeLessThan(0.05);
    expect(contrast(dark.background, dark.color)).toBeGreaterThan(7);
    const light = await cardColours('light');
    expect(light).toEqual({ background: 'rgb(255, 255, 255)', color: 'rgb(29, 29, 43)' });
  });
});

/** The most frequent pixel colour in a screenshot (of a highlighted word: its highlight's fill). */
function commonColour(page: Page, png: Buffer): Promise<string> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const cx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    cx.drawImage(bitmap, 0, 0);
    const data = cx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
  }, png.toString('base64'));
}

describe('a clip never changes a grade colour', () => {
  test('a clipped grade word keeps its grade fill (the clip adds lines, no fill)', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/004_c2a22b1b94052d91.html`);
    const grade = 'il-grade-inadequate';
    await expect.poll(() => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, grade)).toBeGreaterThan(0);
    // The middle of the word's box, away from its underline, the clip's lines and the glyph edges.
    const box = async () => {
      const r = await page.evaluate((n) => {
        const range = [...(CSS.highlights.get(n) ?? [])][0] as Range;
        const c = range.getClientRects()[0];
        return { x: c.left, y: c.top, width: c.width, height: c.height, text: range.toString() };
      }, grade);
      return { x: r.x + 1, y: r.y + r.height * 0.3, width: r.width - 2, height: r.height * 0.35 };
    };
    const before = await commonColour(page, await page.screenshot({ clip: await box() }));
    expect(before).not.toBe('255,255,255'); // the grade's fill is there to be kept
    // Select the grade word as a reader would and clip it.
    await page.evaluate((n) => {
      const range = ([...(CSS.highlights.get(n) ?? [])][0] as Range).cloneRange();
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, grade);
    await page.mouse.up();
    await page.getByRole('button', { name: 'Clip', exact: true }).click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('il-clip')?.size ?? 0), { timeout: 15_000 }).toBe(1);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await expect.poll(() => page.getByRole('status').count(), { timeout: 10_000 }).toBe(0);
    await page.mouse.move(1, 1);
    const after = await commonColour(page, await page.screenshot({ clip: await box() }));
    expect(after).toBe(before);
    await screenshot(page, 'clipped-grade');
    await page.close();
  });
});
