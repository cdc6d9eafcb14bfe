// The same extension in Firefox (Debian's firefox-esr, headless, the Firefox build installed as
// a temporary add-on): the highlights, the card, pages that change, and the sidebar page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HIGHLIGHT_NAMES } from '../../lib/analysis/findings';
import { expectedCounts, nearMissPages, seedPages } from './expected';
import { ADDON_UUID, type FirefoxBrowser, type FirefoxTab, launchFirefox, pollUntil } from './firefox';
import { type FixtureServer, longArticle, serveFixtures } from './harness';

let server: FixtureServer;
let firefox: FirefoxBrowser;

beforeAll(async () => {
  server = await serveFixtures();
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const COUNTS = `(() => {
  const out = {};
  for (const n of ${JSON.stringify(HIGHLIGHT_NAMES)}) {
    const h = CSS.highlights.get(n);
    if (h && h.size) out[n] = h.size;
  }
  return out;
})()`;
const counts = (tab: FirefoxTab) => tab.evaluate<Record<string, number>>(COUNTS);

async function open(file: string): Promise<FirefoxTab> {
  const tab = await firefox.newTab();
  await tab.goto(`${server.origin}/${file}`);
  return tab;
}

/** The centre of a highlight's first box, scrolled into view first. */
function highlightPoint(tab: FirefoxTab, name: string) {
  return tab.evaluate<{ x: number; y: number }>(`(() => {
    const r = [...CSS.highlights.get(${JSON.stringify(name)})][0];
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0];
    return { x: b.left + Math.min(b.width / 2, 6), y: b.top + b.height / 2 };
  })()`);
}

const CARD = `(() => {
  const d = document.querySelector('[data-inspection-lens-ui]')?.shadowRoot?.querySelector('[role="dialog"]');
  return d ? { label: d.getAttribute('aria-label'), text: d.textContent } : null;
})()`;
type Card = { label: string; text: string } | null;

describe('in Firefox', () => {
  test.each(seedPages)('%s: every category highlighted as the core finds it, with the Highlight API', async (file) => {
    const tab = await open(file);
    const expected = expectedCounts(file);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    const same = (c: Record<string, number>) =>
      Object.keys(expected).length === Object.keys(c).length && Object.entries(expected).every(([k, v]) => c[k] === v);
    expect(await pollUntil(() => counts(tab), same)).toEqual(expected);
    expect(await tab.evaluate<number>(`document.querySelectorAll('mark[data-il]').length`)).toBe(0);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  test("the highlights' colours and lines: one sheet of ::highlight() rules adopted, none in the page's DOM", async () => {
    const tab = await open('003_7373dea24638aad1.html');
    expect(
      await pollUntil(
        () => counts(tab),
        (c) => (c['il-grade-outstanding'] ?? 0) > 0,
      ),
    ).toHaveProperty('il-grade-outstanding');
    const styles = await tab.evaluate<{ adopted: number; elements: number; lines: string[] }>(`(() => {
      const el = document.createElement('span');
      document.body.append(el);
      const line = (n) => getComputedStyle(el, '::highlight(' + n + ')').textDecorationStyle;
      return {
        adopted: document.adoptedStyleSheets.length,
        elements: [...document.querySelectorAll('style')].filter((s) => s.textContent.includes('il-grade')).length,
        lines: ['il-grade-outstanding', 'il-grade-requires-improvement', 'il-grade-inadequate'].map(line),
      };
    })()`);
    expect(styles).toEqual({ adopted: 1, elements: 0, lines: ['double', 'dashed', 'wavy'] });
    await tab.close();
  });

  test.each(nearMissPages)('%s: not an inspection article, nothing highlighted or added', async (file) => {
    const tab = await open(file);
    await new Promise((r) => setTimeout(r, 400));
    expect(await counts(tab)).toEqual({});
    expect(await tab.evaluate<number>(`document.querySelectorAll('mark, [data-inspection-lens-ui]').length`)).toBe(0);
    await tab.close();
  });

  test('the card for a grade: which council, current or previous; it closes when the pointer leaves', async () => {
    const tab = await open('000_5b46b54a3be1f299.html');
    await pollUntil(
      () => counts(tab),
      (c) => !!c['il-grade-good'],
    );
    const p = await highlightPoint(tab, 'il-grade-good');
    await tab.mouseMove(p.x, p.y);
    const card = await pollUntil(
      () => tab.evaluate<Card>(CARD),
      (c) => c !== null,
    );
    expect(card?.label).toBe('Grade: Good');
    expect(card?.text).toContain('Hackney (E09000012)');
    expect(card?.text).toContain('Current grade');
    expect(card?.text).toContain('Save clip');
    await tab.mouseMove(5, 5);
    expect(
      await pollUntil(
        () => tab.evaluate<Card>(CARD),
        (c) => c === null,
        3000,
      ),
    ).toBeNull();
    await tab.close();
  });

  test('content added after load is highlighted; removed content leaves no highlight', async () => {
    const tab = await open('004_c2a22b1b94052d91.html');
    const before = (
      await pollUntil(
        () => counts(tab),
        (c) => !!c['il-council'],
      )
    )['il-council'];
    await tab.evaluate(`(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.';
      document.querySelector('article').append(p);
    })()`);
    expect(
      (
        await pollUntil(
          () => counts(tab),
          (c) => c['il-council'] === before + 1,
        )
      )['il-council'],
    ).toBe(before + 1);
    await tab.evaluate(`document.getElementById('late').remove()`);
    expect(
      (
        await pollUntil(
          () => counts(tab),
          (c) => c['il-council'] === before,
        )
      )['il-council'],
    ).toBe(before);
    await tab.close();
  });

  test("the sidebar page shows the article's outcomes, and a clip saved from a card appears in it", async () => {
    const article = await open('000_5b46b54a3be1f299.html');
    await pollUntil(
      () => counts(article),
      (c) => !!c['il-grade-good'],
    );
    const panel = await firefox.openExtensionPage('sidepanel.html');
    await article.activate();
    const table = await pollUntil(
      () => panel.evaluate<string>(`document.querySelector('table')?.textContent ?? ''`),
      (t) => t.includes('Hackney'),
    );
    expect(table).toContain('Hackney');
    // Save clip on the grade's card: the clip is stored by the background and listed in the panel.
    const p = await highlightPoint(article, 'il-grade-good');
    await article.mouseMove(p.x, p.y);
    await pollUntil(
      () => article.evaluate<Card>(CARD),
      (c) => c !== null,
    );
    const save = await article.evaluate<{ x: number; y: number }>(`(() => {
      const b = [...document.querySelector('[data-inspection-lens-ui]').shadowRoot.querySelectorAll('button')]
        .find((x) => x.textContent.trim() === 'Save clip');
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    await article.click(save.x, save.y);
    const list = await pollUntil(
      () => panel.evaluate<string>(`document.querySelector('[aria-label="Saved clips"]')?.textContent ?? ''`),
      (t) => /good/i.test(t),
    );
    expect(list).toMatch(/good/i);
    expect(list).toContain('Hackney');
    expect(article.errors).toEqual([]);
    await Promise.all([article.close(), panel.close()]);
  });

  test('a long article: only highlights near the viewport are drawn, and they follow a scroll', async () => {
    server.extra.set('/long-article.html', longArticle(600_000));
    const tab = await open('long-article.html');
    const DRAWN = `[...CSS.highlights.values()].flatMap((h) => [...h].map((r) => r.getBoundingClientRect().top / innerHeight))`;
    const near = (screens: number[]) => screens.length > 0 && screens.every((x) => x > -1.05 && x < 2.05);
    const top = await pollUntil(() => tab.evaluate<number[]>(DRAWN), near, 15_000);
    expect(near(top)).toBe(true);
    const total = Object.values(expectedCounts('long-article.html', longArticle(600_000))).reduce((a, b) => a + b, 0);
    expect(top.length).toBeLessThan(total / 10);
    await tab.evaluate(`scrollTo(0, document.documentElement.scrollHeight / 2)`);
    const middle = await pollUntil(() => tab.evaluate<number[]>(DRAWN), near);
    expect(near(middle)).toBe(true);
    expect(await tab.evaluate<number>(`scrollY`)).toBeGreaterThan(100_000);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  test('toggles in the sidebar page: a category off on every page, and one page switched off', async () => {
    const article = await open('003_7373dea24638aad1.html');
    await pollUntil(
      () => counts(article),
      (c) => !!c['il-council'],
    );
    const panel = await firefox.openExtensionPage('sidepanel.html');
    await article.activate();
    /** Clicks the checkbox whose label reads `text` (a category's count aside), once it is there; returns its state after. */
    const toggle = async (text: string) => {
      const box = `[...document.querySelectorAll('label')].find((l) => l.textContent.trim().replace(/\\s*\\d+$/, '') === ${JSON.stringify(text)})?.querySelector('input')`;
      await pollUntil(
        () => panel.evaluate<boolean>(`!!${box}`),
        (there) => there,
      );
      return panel.evaluate<boolean>(`(() => { const b = ${box}; b.click(); return b.checked; })()`);
    };
    expect(await toggle('Councils')).toBe(false);
    const without = await pollUntil(
      () => counts(article),
      (c) => !c['il-council'],
    );
    expect(without['il-council']).toBeUndefined();
    expect(without['il-grade-outstanding']).toBe(3);
    // Remembered for other pages: a new article opens without council highlights.
    const other = await open('004_c2a22b1b94052d91.html');
    const otherCounts = await pollUntil(
      () => counts(other),
      (c) => !!c['il-grade-inadequate'],
    );
    expect(otherCounts['il-grade-inadequate']).toBeGreaterThan(0);
    expect(otherCounts['il-council']).toBeUndefined();
    await other.close();
    expect(await toggle('Councils')).toBe(true);
    expect(
      (
        await pollUntil(
          () => counts(article),
          (c) => !!c['il-council'],
        )
      )['il-council'],
    ).toBeGreaterThan(0);
    // This page off: every highlight goes from it; on again: they come back.
    await article.activate();
    expect(await toggle('Highlight this page')).toBe(false);
    expect(
      await pollUntil(
        () => counts(article),
        (c) => Object.keys(c).length === 0,
      ),
    ).toEqual({});
    expect(await toggle('Highlight this page')).toBe(true);
    expect(
      (
        await pollUntil(
          () => counts(article),
          (c) => !!c['il-grade-outstanding'],
        )
      )['il-grade-outstanding'],
    ).toBe(3);
    await Promise.all([article.close(), panel.close()]);
  });

  test('the sidebar (sidebar_action) opens on the panel page', async () => {
    const opened = await firefox.chrome<{ open: boolean; url: string }>(`(async () => {
      const id = 'inspection-lens_example_org-sidebar-action'; // Firefox's widget id for our add-on's sidebar
      for (let i = 0; i < 50 && !SidebarController.isOpen; i++) {
        try {
          await SidebarController.show(id);
        } catch {
          await new Promise((r) => setTimeout(r, 100)); // the sidebar document is still loading
        }
      }
      let url = '';
      for (let i = 0; i < 50 && !url.startsWith('moz-extension:'); i++) {
        url = SidebarController.browser.contentDocument?.getElementById('webext-panels-browser')?.currentURI?.spec ?? '';
        if (!url.startsWith('moz-extension:')) await new Promise((r) => setTimeout(r, 100));
      }
      return { open: SidebarController.isOpen && SidebarController.currentID === id, url };
    })()`);
    expect(opened).toEqual({ open: true, url: `moz-extension://${ADDON_UUID}/sidepanel.html` });
  });
});
