import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { root, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and chunk header). */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function checkIcons(dir: string, icons: Record<string, string> | undefined, sizes: number[]) {
  expect(Object.keys(icons ?? {}).map(Number)).toEqual(sizes);
  for (const [size, file] of Object.entries(icons ?? {}))
    expect(pngSize(path.join(dir, file))).toEqual({ width: Number(size), height: Number(size) });
}

describe('icons', () => {
  test('both built manifests name icons of the right pixel sizes, on the toolbar buttons too', () => {
    for (const build of ['chrome-mv3', 'firefox-mv2']) {
      const dir = path.join(root, '.output', build);
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      checkIcons(dir, m.icons, [16, 32, 48, 128]);
      checkIcons(dir, (m.action ?? m.browser_action)?.default_icon, [16, 32, 48, 128]);
      if (build === 'firefox-mv2') checkIcons(dir, m.sidebar_action?.default_icon, [16, 32]);
      // The article state set the background switches to.
      for (const size of [16, 32])
        expect(pngSize(path.join(dir, `icon/article-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  test('on an inspection article the tooltip says what the badge counts', async () => {
    const sw = await env.ext.serviceWorker();
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/003_7373dea24638aad1.html`);
    // No "tabs" permission: look through every tab for one whose tooltip has been set.
    const tabState = () =>
      sw.evaluate(async () => {
        for (const tab of await chrome.tabs.query({})) {
          if (tab.id === undefined) continue;
          const title = await chrome.action.getTitle({ tabId: tab.id });
          if (title !== 'Inspection Lens') return { title, badge: await chrome.action.getBadgeText({ tabId: tab.id }) };
        }
        return null;
      });
    await expect
      .poll(async () => (await tabState())?.title)
      .toMatch(/^Inspection Lens: \d+ findings on this page \(grades, councils, improvement areas\)$/);
    const { title, badge } = (await tabState()) ?? { title: '', badge: '' };
    expect(title).toContain(`: ${badge} findings`);
    // The icon paths the background sets exist in the build (setIcon rejects a missing file).
    const set = await sw.evaluate(async () => {
      await chrome.action.setIcon({ path: { 16: 'icon/article-16.png', 32: 'icon/article-32.png' } });
      await chrome.action.setIcon({ path: { 16: 'icon/16.png', 32: 'icon/32.png' } });
      return 'ok';
    });
    expect(set).toBe('ok');
    await page.close();
  });
});
