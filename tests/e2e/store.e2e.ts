// Store hardening in real Chromium (issue #17, items 3-5): two panels editing one note, a round-up
// page with hundreds of outcomes clipped, a collection bigger than one message can carry listed
// page by page, and a malformed stored clip shown as such beside the others.
import type { Page, Worker } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { allCouncils } from '../../lib/data/gazetteer';
import { useExtensionBrowser } from './harness';
import { onCollection } from './panel-tabs';

const env = useExtensionBrowser();

/** Selects `text` in the article, then ends the selection with real (trusted) key presses. */
async function select(page: Page, text: string) {
  await page.evaluate((t) => {
    const el = document.querySelector('article') as HTMLElement;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(t);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + t.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return;
    }
    throw new Error(`text not found: ${t}`);
  }, text);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
}

interface SeedSpec {
  clear?: boolean;
  clips?: { id: string; created: number; quote: string; extra?: Record<string, unknown> }[];
  /** Many big clips, made in the worker: `count` clips of `chars` characters. */
  big?: { count: number; chars: number };
}

/** Runs in the extension's service worker: writes records straight into the extension's database. */
async function seedStore(sw: Worker, spec: SeedSpec) {
  await sw.evaluate(async (s: SeedSpec) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('inspection-lens');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    let db = await open();
    for (let i = 0; i < 50 && !db.objectStoreNames.contains('clips'); i++) {
      db.close();
      await new Promise((r) => setTimeout(r, 100));
      db = await open();
    }
    const tx = db.transaction(['clips', 'articles'], 'readwrite');
    const clips = tx.objectStore('clips');
    const articles = tx.objectStore('articles');
    const url = 'https://news.example/seeded';
    const clip = (id: string, created: number, quote: string, extra: Record<string, unknown> = {}) => ({
      id,
      articleId: url,
      url,
      quote,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: quote.length },
      ],
      textModel: 'article',
      category: 'selection',
      councilCodes: [],
      grades: [],
      note: '',
      tags: [],
      colour: 'yellow',
      created,
      updated: created,
      orphaned: false,
      ...extra,
    });
    if (s.clear) {
      clips.clear();
      articles.clear();
    } else {
      articles.put({
        id: url,
        url,
        canonicalUrl: url,
        title: 'Seeded article',
        site: 'news.example',
        outcomes: [],
        created: 1,
        updated: 1,
      });
    }
    for (const c of s.clips ?? []) clips.put(clip(c.id, c.created, c.quote, c.extra));
    if (s.big) {
      const body = 'x'.repeat(s.big.chars);
      for (let i = 0; i < s.big.count; i++) clips.put(clip(`big-${i}`, 10_000 + i, `Big clip ${i} ${body}`));
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    db.close();
  }, spec);
}

async function storedNote(panel: Page, id: string): Promise<string | undefined> {
  return panel.evaluate(async (clipId) => {
    const r = await chrome.runtime.sendMessage({ type: 'listClips', data: {} });
    return (r.clips as { id: string; note: string }[]).find((c) => c.id === clipId)?.note;
  }, id);
}

describe('store hardening', () => {
  beforeEach(async () => {
    await seedStore(await env.ext.serviceWorker(), { clear: true });
  });

  test('two side panels on one clip: the note edited in one survives a blur in the other', async () => {
    await seedStore(await env.ext.serviceWorker(), {
      clips: [{ id: 'two-panels', created: 5000, quote: 'Caseloads were too high in the assessment team.' }],
    });
    const a = await onCollection(env.ext.openSidePanel());
    const b = await onCollection(env.ext.openSidePanel());
    const noteIn = (p: Page) => p.getByRole('textbox', { name: /Note for clip “Caseloads were too high/ });
    await expect.poll(() => noteIn(a).count()).toBe(1);
    await expect.poll(() => noteIn(b).count()).toBe(1);
    // The reader writes a note in the first panel and leaves the field.
    await a.bringToFront();
    await noteIn(a).click();
    await noteIn(a).fill('Ask the council for its 2024 caseload figures');
    await a.getByRole('heading', { name: 'Inspection Lens' }).click();
    await expect.poll(() => storedNote(a, 'two-panels')).toBe('Ask the council for its 2024 caseload figures');
    // The other panel shows the new note; entering and leaving its field writes nothing old back.
    await expect.poll(() => noteIn(b).inputValue()).toBe('Ask the council for its 2024 caseload figures');
    await b.bringToFront();
    await noteIn(b).click();
    await b.getByRole('heading', { name: 'Inspection Lens' }).click();
    await b.waitForTimeout(500);
    expect(await storedNote(a, 'two-panels')).toBe('Ask the council for its 2024 caseload figures');
    await Promise.all([a.close(), b.close()]);
  });

  test('a note being typed in one panel while another window changes it: neither text is lost', async () => {
    await seedStore(await env.ext.serviceWorker(), {
      clips: [{ id: 'typing', created: 6000, quote: 'Leaders know their services well.' }],
    });
    const b = await onCollection(env.ext.openSidePanel());
    const noteIn = b.getByRole('textbox', { name: /Note for clip “Leaders know/ });
    await expect.poll(() => noteIn.count()).toBe(1);
    await noteIn.click();
    await noteIn.fill('Typed in panel B');
    // Meanwhile another window saves a note on the version both saw (no focus change here).
    const other = await b.evaluate(async () =>
      chrome.runtime.sendMessage({
        type: 'updateClip',
        data: { id: 'typing', note: 'Saved from window A', rev: 0, base: { note: '' } },
      }),
    );
    expect(other).toMatchObject({ ok: true });
    // Panel B leaves the field: its edit was made on the older version, so it does not wipe A's.
    await b.getByRole('heading', { name: 'Inspection Lens' }).click();
    await expect
      .poll(() => b.getByRole('status').first().textContent())
      .toMatch(/note was changed in another window\. Your text was not saved/);
    expect(await storedNote(b, 'typing')).toBe('Saved from window A');
    expect(await noteIn.inputValue()).toBe('Typed in panel B');
    // Leaving the field again, the reader's text is the last write, on the newer version.
    await noteIn.click();
    await b.getByRole('heading', { name: 'Inspection Lens' }).click();
    await expect.poll(() => storedNote(b, 'typing')).toBe('Typed in panel B');
    await b.close();
  });

  test('a round-up page with 600 outcomes is clipped at once (outcomes trimmed, not refused)', async () => {
    const councils = allCouncils()
      .filter((c) => !/\s(and|&)\s/.test(c.name))
      .slice(0, 140);
    const grades = ['outstanding', 'good', 'requires improvement to be good', 'inadequate'];
    const paras: string[] = [];
    councils.forEach((c, i) => {
      for (let y = 0; y < 5; y++)
        paras.push(
          `<p>${c.name} children's services were judged ${grades[(i + y) % 4]} by Ofsted in ${2010 + y * 3}.</p>`,
        );
    });
    env.server.extra.set(
      '/roundup.html',
      `<!doctype html><html><head><title>Ofsted children's services inspection grades round-up</title></head><body><article><h1>Ofsted children's services inspection grades round-up</h1><p>Ofsted has inspected every council's children's services. Here is each inspection judgement.</p>${paras.join('\n')}</article></body></html>`,
    );
    const panel = await onCollection(env.ext.openSidePanel());
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/roundup.html`);
    // The whole page is analysed (the report counts every finding, drawn or not).
    const findings = () =>
      panel.evaluate(async (url) => {
        for (const tab of await chrome.tabs.query({})) {
          const r = await chrome.runtime.sendMessage({ type: 'getPageReport', data: { tabId: tab.id } });
          if (r?.url === url) return Object.values(r.counts as Record<string, number>).reduce((a, n) => a + n, 0);
        }
        return 0;
      }, page.url());
    await expect.poll(findings, { timeout: 20_000 }).toBeGreaterThan(1200);
    await page.bringToFront();
    await select(page, 'Ofsted has inspected every council');
    const started = Date.now();
    await page.getByRole('button', { name: 'Clip', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
      .toContain('Saved to Inspection Lens');
    // Saved on the first try: no retries of a refusal.
    expect(Date.now() - started).toBeLessThan(5000);
    const r = await panel.evaluate(async () => chrome.runtime.sendMessage({ type: 'listClips', data: {} }));
    expect(r.clips.map((c: { quote: string }) => c.quote)).toEqual(['Ofsted has inspected every council']);
    expect(r.articles[0].outcomes.length).toBeGreaterThan(500);
    await Promise.all([page.close(), panel.close()]);
  });

  test('a malformed stored clip is shown as such beside the others', async () => {
    await seedStore(await env.ext.serviceWorker(), {
      clips: [
        { id: 'good-1', created: 3000, quote: 'Children wait too long for help.' },
        {
          id: 'bad',
          created: 2000,
          quote: 'This one is broken.',
          extra: { category: 'grade', finding: { kind: 'grade', grade: 'good', councils: [null] } },
        },
        { id: 'good-2', created: 1000, quote: 'Managers oversee plans well.' },
      ],
    });
    const panel = await onCollection(env.ext.openSidePanel());
    const list = panel.getByRole('list', { name: 'Saved clips' });
    // The Collection lists clips by article; a record that cannot be read has no article it can be
    // shown under, so it is listed, as such, under its own heading after them.
    const clipsListed = list.getByRole('listitem').filter({ hasNot: panel.getByRole('heading') });
    await expect.poll(() => clipsListed.count()).toBe(3);
    const items = await clipsListed.allTextContents();
    expect(items[0]).toContain('Children wait too long for help.');
    expect(items[1]).toContain('Managers oversee plans well.');
    expect(items[2]).toContain('This clip could not be read');
    expect(await list.getByRole('heading').allTextContents()).toEqual([
      expect.stringContaining('Seeded article'),
      expect.stringContaining('Clips that could not be read'),
    ]);
    await panel.close();
  });

  test('a collection past 64 MiB is listed, page by page', async () => {
    // 45 clips of about 1.8 million characters each (quote and its selector): about 81 MB.
    await seedStore(await env.ext.serviceWorker(), { big: { count: 45, chars: 900_000 } });
    const panel = await onCollection(env.ext.openSidePanel());
    const list = panel.getByRole('list', { name: 'Saved clips' });
    const clipsListed = list.getByRole('listitem').filter({ hasNot: panel.getByRole('heading') });
    await expect.poll(() => clipsListed.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await clipsListed.first().textContent()).toContain('Big clip 44 ');
    // The Collection's list is windowed (each reply one window of rows): all 45 are counted, and
    // scrolling to the end brings the last one.
    await expect.poll(() => panel.getByText('45 clips in 1 article').count(), { timeout: 20_000 }).toBe(1);
    await panel.locator('.windowed-list').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => clipsListed.last().textContent(), { timeout: 20_000 }).toContain('Big clip 0 ');
    expect(await panel.getByRole('status').first().textContent()).toBe('Ready');
    await panel.close();
  });
});
