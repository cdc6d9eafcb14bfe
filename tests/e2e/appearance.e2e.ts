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
