// First run and keyboard in Firefox (headless firefox-esr, the Firefox build as a temporary
// add-on): the welcome page on install, its dark mode, the keyboard paths through the card and
// the Clip button. (A temporary add-on is gone when Firefox restarts, so "not again on restart"
// is shown in Chromium and by the unit test of lib/welcome.ts.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADDON_UUID, type FirefoxBrowser, type FirefoxTab, launchFirefox, pollUntil } from './firefox';
import { type FixtureServer, serveFixtures } from './harness';

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

const WELCOME = `moz-extension://${ADDON_UUID}/welcome.html`;

async function article(): Promise<FirefoxTab> {
  const tab = await firefox.newTab();
  await tab.activate();
  await tab.goto(`${server.origin}/003_7373dea24638aad1.html`);
  await pollUntil(
    () => tab.evaluate<number>(`CSS.highlights.get('il-improvement')?.size ?? 0`),
    (n) => n > 0,
  );
  return tab;
}

const CARD_LABEL = `document.querySelector('[data-inspection-lens-ui]')?.shadowRoot?.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null`;
const FOCUSED = `(() => {
  const a = document.activeElement;
  if (a?.hasAttribute('data-inspection-lens-ui')) return { ours: true, text: a.shadowRoot.activeElement?.textContent?.trim() ?? '' };
  return { ours: false, tag: a?.tagName ?? '', text: a?.textContent?.trim().slice(0, 40) ?? '' };
})()`;
type Focused = { ours: boolean; tag?: string; text: string };

/**
 * Alt+Shift+N, then waits for the card: a key pressed before the engine's second part has started
 * (it is asked for after the first run's frame) is handed to it when it starts, so the card may
 * open a few milliseconds after the key.
 */
async function openCard(tab: FirefoxTab): Promise<string | null> {
  await tab.keys(['Alt', 'Shift', 'n']);
  return pollUntil(
    () => tab.evaluate<string | null>(CARD_LABEL),
    (l) => l !== null,
  );
}

describe('first run in Firefox', () => {
  test('the welcome page opens on install, once', async () => {
    const tabs = await pollUntil(
      () => firefox.tabs(),
      (t) => t.some((c) => c.url === WELCOME),
    );
    expect(tabs.filter((c) => c.url === WELCOME)).toHaveLength(1);
    const welcome = firefox.tabOf(tabs.find((c) => c.url === WELCOME)?.context as string);
    // The tab exists before its page has rendered: wait for the heading.
    expect(
      await pollUntil(
        () => welcome.evaluate<string | undefined>(`document.querySelector('h1')?.textContent`).catch(() => undefined),
        (h) => h === 'Welcome to Inspection Lens',
      ),
    ).toBe('Welcome to Inspection Lens');
    // Its sample excerpt is drawn with the extension's own highlights.
    expect(
      await pollUntil(
        () => welcome.evaluate<number>(`CSS.highlights.get('il-grade-outstanding')?.size ?? 0`),
        (n) => n > 0,
      ),
    ).toBeGreaterThan(0);
  });

  test('the welcome page follows a dark browser', async () => {
    const colours = `(() => { const e = document.documentElement; if (!e) return []; const s = getComputedStyle(e); return [s.backgroundColor, s.color]; })()`;
    const tab = await firefox.openExtensionPage('welcome.html');
    expect(
      await pollUntil(
        () => tab.evaluate<string[]>(colours),
        (c) => c.length > 0,
      ),
    ).toEqual(['rgb(251, 251, 253)', 'rgb(29, 29, 43)']);
    // 0: dark for web content and extension pages alike.
    await firefox.chrome(`(Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', 0), 1)`);
    try {
      expect(
        await pollUntil(
          () => tab.evaluate<string[]>(colours),
          (c) => c[0] === 'rgb(23, 24, 29)',
        ),
      ).toEqual(['rgb(23, 24, 29)', 'rgb(232, 232, 240)']);
    } finally {
      await firefox.chrome(`(Services.prefs.clearUserPref('layout.css.prefers-color-scheme.content-override'), 1)`);
      await tab.close();
    }
  });
});

describe('options page in Firefox', () => {
  test('lists the shortcuts and says where Firefox changes them', async () => {
    const tab = await firefox.openExtensionPage('options.html');
    const text = await pollUntil(
      () => tab.evaluate<string>(`document.querySelector('main')?.textContent ?? ''`),
      (t) => t.includes('Keyboard shortcuts'),
    );
    for (const k of ['Alt+Shift+C', 'Alt+Shift+N', 'Alt+Shift+P', 'about:addons', 'Manage Extension Shortcuts'])
      expect(text).toContain(k);
    // No button to a chrome:// page that Firefox does not have.
    expect(text).not.toContain('Change shortcuts in the browser’s settings');
    await tab.close();
  });
});

describe('dark mode in Firefox', () => {
  test('the options page, the sidebar page and the card follow a dark browser', async () => {
    const colours = (el: string) =>
      `(() => { const e = ${el}; if (!e) return []; const s = getComputedStyle(e); return [s.backgroundColor, s.color]; })()`;
    await firefox.chrome(`(Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', 0), 1)`);
    try {
      for (const file of ['options.html', 'sidepanel.html']) {
        const tab = await firefox.openExtensionPage(file);
        expect(
          await pollUntil(
            () => tab.evaluate<string[]>(colours('document.documentElement')),
            (c) => c[0] === 'rgb(23, 24, 29)',
          ),
          file,
        ).toEqual(['rgb(23, 24, 29)', 'rgb(232, 232, 240)']);
        await tab.close();
      }
      const tab = await article();
      await openCard(tab);
      const card = `document.querySelector('[data-inspection-lens-ui]').shadowRoot.querySelector('.card')`;
      expect(await tab.evaluate<string[]>(colours(card))).toEqual(['rgb(30, 31, 38)', 'rgb(232, 232, 240)']);
      await tab.close();
    } finally {
      await firefox.chrome(`(Services.prefs.clearUserPref('layout.css.prefers-color-scheme.content-override'), 1)`);
    }
  });
});

describe('keyboard in Firefox', () => {
  test('Alt+Shift+N reaches improvement areas; Esc returns focus to the link the reader was on', async () => {
    const tab = await article();
    const total = await tab.evaluate<number>(
      `[...CSS.highlights.keys()].filter((k) => k !== 'il-clip').reduce((n, k) => n + CSS.highlights.get(k).size, 0)`,
    );
    const seen = new Set<string>([((await openCard(tab)) ?? '').split(':')[0]]);
    for (let i = 1; i < total; i++) {
      await tab.keys(['Alt', 'Shift', 'n']);
      seen.add(((await tab.evaluate<string | null>(CARD_LABEL)) ?? '').split(':')[0]);
    }
    expect([...seen].sort()).toEqual(['Council', 'Grade', 'Improvement area']);
    await tab.keys(['Escape']);
    await tab.evaluate(`(document.querySelector('a[href="/author/staff"]').focus(), 1)`);
    await tab.keys(['Alt', 'Shift', 'n']);
    expect((await tab.evaluate<Focused>(FOCUSED)).ours).toBe(true);
    await tab.keys(['Escape']);
    expect(
      await pollUntil(
        () => tab.evaluate<string | null>(CARD_LABEL),
        (l) => l === null,
      ),
    ).toBeNull();
    expect(await tab.evaluate<Focused>(FOCUSED)).toEqual({ ours: false, tag: 'A', text: 'Staff reporter' });
    await tab.close();
  });

  test('Tab past the card’s last button returns to the highlight, not the page top', async () => {
    const tab = await article();
    await openCard(tab);
    // The card's controls in Tab order: its buttons and its links (a council's Ofsted reports).
    const buttons = await tab.evaluate<number>(
      `document.querySelector('[data-inspection-lens-ui]').shadowRoot.querySelectorAll('[role="dialog"] button, [role="dialog"] a[href]').length`,
    );
    for (let i = 0; i < buttons; i++) await tab.keys(['Tab']);
    expect((await tab.evaluate<Focused>(FOCUSED)).text).toBe('Key');
    await tab.keys(['Tab']);
    const f = await tab.evaluate<Focused>(FOCUSED);
    expect(f.ours).toBe(false);
    expect(f.tag).not.toBe('BODY');
    await tab.close();
  });

  test('the Clip button is the next Tab stop after a keyboard selection', async () => {
    const tab = await article();
    // A keyboard selection: the caret before the words, then Shift+ArrowRight (real key input).
    await tab.evaluate(`(() => {
      const p = [...document.querySelectorAll('article p')].find((x) => x.textContent.includes('weaker practice'));
      const text = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes('weaker practice'));
      const r = document.createRange();
      r.setStart(text, text.data.indexOf('weaker practice'));
      r.collapse(true);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      return 1;
    })()`);
    for (let i = 0; i < 15; i++) await tab.keys(['Shift', '\uE014']);
    expect(await tab.evaluate<string>(`getSelection().toString()`)).toBe('weaker practice');
    await pollUntil(
      () =>
        tab.evaluate<number>(
          `document.querySelector('[data-inspection-lens-ui]')?.shadowRoot?.querySelectorAll('.clip button').length ?? 0`,
        ),
      (n) => n === 1,
    );
    await tab.keys(['Tab']);
    expect(await tab.evaluate<Focused>(FOCUSED)).toEqual({ ours: true, text: 'Clip' });
    await tab.close();
  });
});

/** The most frequent pixel colour of a PNG (base64), decoded in the page. */
const commonColour = (tab: FirefoxTab, png: string) =>
  tab.evaluate<string>(`(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(png)}), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const cx = canvas.getContext('2d');
    cx.drawImage(bitmap, 0, 0);
    const data = cx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = data[i] + ',' + data[i + 1] + ',' + data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
  })()`);

describe('a clip never changes a grade colour, in Firefox', () => {
  test('a grade word clipped from the keyboard keeps its grade fill', async () => {
    const tab = await firefox.newTab();
    await tab.activate();
    await tab.goto(`${server.origin}/004_c2a22b1b94052d91.html`);
    const grade = 'il-grade-inadequate';
    await pollUntil(
      () => tab.evaluate<number>(`CSS.highlights.get('${grade}')?.size ?? 0`),
      (n) => n > 0,
    );
    // The middle of the word's box, away from its underline, the clip's lines and the glyph edges.
    const box = () =>
      tab.evaluate<{ x: number; y: number; width: number; height: number }>(`(() => {
        const c = [...CSS.highlights.get('${grade}')][0].getClientRects()[0];
        return { x: Math.round(c.left + 1), y: Math.round(c.top + c.height * 0.3), width: Math.round(c.width - 2), height: Math.round(c.height * 0.35) };
      })()`);
    const length = await tab.evaluate<number>(`(() => {
      const r = [...CSS.highlights.get('${grade}')][0];
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const caret = document.createRange();
      caret.setStart(r.startContainer, r.startOffset);
      getSelection().removeAllRanges();
      getSelection().addRange(caret);
      return r.toString().length;
    })()`);
    const before = await commonColour(tab, await tab.screenshot(await box()));
    expect(before).not.toBe('255,255,255'); // the grade's fill is there to be kept
    for (let i = 0; i < length; i++) await tab.keys(['Shift', '\uE014']);
    await pollUntil(
      () =>
        tab.evaluate<number>(
          `document.querySelector('[data-inspection-lens-ui]')?.shadowRoot?.querySelectorAll('.clip button').length ?? 0`,
        ),
      (n) => n === 1,
    );
    await tab.keys(['Tab']);
    await tab.keys(['Enter']);
    expect(
      await pollUntil(
        () => tab.evaluate<number>(`CSS.highlights.get('il-clip')?.size ?? 0`),
        (n) => n === 1,
        15_000,
      ),
    ).toBe(1);
    await tab.evaluate(`(getSelection().removeAllRanges(), document.activeElement?.blur(), 1)`);
    await pollUntil(
      () =>
        tab.evaluate<number>(
          `document.querySelector('[data-inspection-lens-ui]')?.shadowRoot?.querySelectorAll('.clip').length ?? 0`,
        ),
      (n) => n === 0,
      10_000,
    );
    await tab.mouseMove(1, 1);
    expect(await commonColour(tab, await tab.screenshot(await box()))).toBe(before);
    await tab.close();
  });
});
