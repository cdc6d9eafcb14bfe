// Hostile pages: a page's own scripts must never act for the reader. Whatever a page script
// selects, dispatches or clicks (through the UI's shadow root too), nothing is saved and nothing of
// the reader's collection is shown; a page naming another site's article as its canonical learns
// nothing of that article's clips and changes nothing; a page that defines the UI's element name
// first, or removes the UI, does not break it.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pagesDir, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();
const seed = (name: string) => fs.readFileSync(path.join(pagesDir, name), 'utf8');

type StoredClip = { id: string; quote: string; url: string; orphaned: boolean; note: string; tags: string[] };
type StoredArticle = { id: string; url: string; recordSaved?: number };

async function collection(): Promise<{ clips: StoredClip[]; articles: StoredArticle[] }> {
  const panel = await env.ext.openSidePanel();
  // The list comes a page at a time: read every page.
  const r = await panel.evaluate(async () => {
    const clips: unknown[] = [];
    const articles: unknown[] = [];
    let after: unknown = null;
    do {
      const page = await chrome.runtime.sendMessage({ type: 'listClips', data: after ? { after } : {} });
      clips.push(...page.clips);
      articles.push(...page.articles);
      after = page.next;
    } while (after);
    return { clips, articles };
  });
  await panel.close();
  return r as { clips: StoredClip[]; articles: StoredArticle[] };
}

/** Selects `text` in the page by script (no event), as both a page script and the tests' reader do first. */
async function setSelection(page: Page, text: string) {
  await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(t);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + t.length);
      const s = getSelection() as Selection;
      s.removeAllRanges();
      s.addRange(r);
      return;
    }
    throw new Error(`text not found: ${t}`);
  }, text);
}

/** The reader selects `text`: the selection, then a real (trusted) mouse release. */
async function readerSelects(page: Page, text: string) {
  await setSelection(page, text);
  await page.mouse.up();
}

/**
 * What a hostile page script does: for each quote, select it, fire mouseup and keyup, and click
 * every button in every open shadow root (the Clip button, a card's Save buttons); then the
 * keyboard shortcuts, a hover over each highlight, and the card's buttons again.
 */
async function pageScriptAttack(page: Page, quotes: string[]) {
  await page.evaluate(async (qs) => {
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const clickAllShadowButtons = () => {
      for (const el of document.querySelectorAll('*'))
        for (const b of el.shadowRoot?.querySelectorAll('button') ?? []) (b as HTMLButtonElement).click();
    };
    for (const q of qs) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(q);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + q.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(r);
        break;
      }
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
      await pause(150);
      clickAllShadowButtons();
      await pause(150);
    }
    for (const code of ['KeyN', 'KeyP', 'KeyN', 'KeyC']) {
      document.dispatchEvent(
        new KeyboardEvent('keydown', { code, key: code.slice(3), altKey: true, shiftKey: true, bubbles: true }),
      );
      await pause(150);
      clickAllShadowButtons();
    }
    for (const name of ['il-grade-inadequate', 'il-council']) {
      for (const range of [...(CSS.highlights.get(name) ?? [])].slice(0, 3)) {
        const b = (range as Range).getClientRects()[0];
        if (!b) continue;
        document.dispatchEvent(
          new MouseEvent('mousemove', { clientX: b.left + 2, clientY: b.top + b.height / 2, bubbles: true }),
        );
        await pause(150);
        clickAllShadowButtons();
      }
    }
    await pause(500);
  }, quotes);
}

const highlightSize = (page: Page, name: string) => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);

/** Any dialog (the card) or Clip button anywhere in the page, shadow roots included. */
const uiShown = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')].some((el) =>
      [...(el.shadowRoot?.querySelectorAll('[role="dialog"], button') ?? [])].some(
        (b) => (b as HTMLElement).getClientRects().length > 0,
      ),
    ),
  );

describe('a page script cannot act for the reader', () => {
  test('selecting, clicking Clip and the card’s buttons, sending the shortcuts: nothing saved or shown', async () => {
    env.server.extra.set('/hostile-clip.html', seed('004_c2a22b1b94052d91.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/hostile-clip.html`);
    await expect.poll(() => highlightSize(page, 'il-grade-inadequate')).toBeGreaterThan(0);
    const quotes = [
      'improve the frequency of management oversight',
      'Lambeth',
      'inadequate',
      'children',
      'social workers',
    ];
    await pageScriptAttack(page, quotes);
    const mine = (await collection()).clips.filter((c) => c.url.includes('/hostile-clip.html'));
    expect(mine).toEqual([]);
    const article = (await collection()).articles.find((a) => a.url.includes('/hostile-clip.html'));
    expect(article).toBeUndefined();
    expect(await highlightSize(page, 'il-clip')).toBe(0);
    expect(await uiShown(page)).toBe(false);

    // The same steps by the reader (trusted input) do clip: the page works, only the page script was refused.
    await readerSelects(page, quotes[0]);
    await page.getByRole('button', { name: 'Clip', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
      .toContain('Saved to Inspection Lens');
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    const saved = (await collection()).clips.filter((c) => c.url.includes('/hostile-clip.html'));
    expect(saved.map((c) => c.quote)).toEqual([quotes[0]]);
    await page.close();
  });

  test('a page that defines the UI’s element name first: the card and the Clip button still work', async () => {
    const hijack = `<script>
      for (const name of ['inspection-lens-ui', 'inspection-lens-card', 'il-ui'])
        customElements.define(name, class extends HTMLElement {
          constructor() { super(); this.attachShadow({ mode: 'closed' }); }
        });
    </script>`;
    env.server.extra.set(
      '/hostile-define.html',
      seed('004_c2a22b1b94052d91.html').replace('<head>', `<head>${hijack}`),
    );
    const page = await env.ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${env.server.origin}/hostile-define.html`);
    await expect.poll(() => highlightSize(page, 'il-grade-inadequate')).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+N');
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Saved to Inspection Lens');
    await page.keyboard.press('Escape');
    await readerSelects(page, 'improve the frequency of management oversight');
    await page.getByRole('button', { name: 'Clip', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
      .toContain('Saved to Inspection Lens');
    expect((await collection()).clips.filter((c) => c.url.includes('/hostile-define.html'))).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page that removes the UI: it comes back when the reader next needs it', async () => {
    env.server.extra.set('/hostile-remove.html', seed('004_c2a22b1b94052d91.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/hostile-remove.html`);
    await expect.poll(() => highlightSize(page, 'il-grade-inadequate')).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    // The page takes every element with a shadow root out of the document.
    const removed = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot);
      for (const el of hosts) el.remove();
      return hosts.length;
    });
    expect(removed).toBe(1);
    // The page scrolls (as opening the card by keyboard did): the card stays out until the reader needs it.
    await page.evaluate(() => window.scrollBy(0, 40));
    // Nor does a key or a click that selects nothing (each asks whether to offer the Clip button).
    await page.keyboard.press('Shift+A');
    await page.mouse.click(5, 5);
    await page.waitForTimeout(150);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('[data-inspection-lens-ui]').count()).toBe(0);
    await readerSelects(page, 'improve the frequency of management oversight');
    await page.getByRole('button', { name: 'Clip', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
      .toContain('Saved to Inspection Lens');
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.close();
  });
});

describe('a flood of saves from one tab', () => {
  test('stops at 60 a minute, said on the card; the clips before it are kept', async () => {
    env.server.extra.set('/flood.html', seed('004_c2a22b1b94052d91.html'));
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/flood.html`);
    await expect.poll(() => highlightSize(page, 'il-grade-inadequate')).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+N');
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count()).toBe(1);
    const save = card.getByRole('button', { name: 'Save clip' });
    // Each click saves the same passage again (one clip, updated: issue 13), and each is a save
    // the limit counts.
    for (let i = 0; i < 65; i++) await save.click();
    const mine = async () => (await collection()).clips.filter((c) => c.url.includes('/flood.html')).length;
    await expect.poll(mine, { timeout: 20_000 }).toBe(1);
    // Past 60 saves in the minute: refused at once, in words, and the clip saved before is kept.
    await save.click();
    await expect
      .poll(() => card.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(/^Too many saves from this page/);
    expect(await mine()).toBe(1);
    await page.close();
  });
});

describe('a page naming another site’s article as its canonical', () => {
  const quote = 'inspectors saw the damaging impact of this drift and delay';

  test('learns nothing of that article’s clips and changes nothing', async () => {
    // The reader clips an article on one site (127.0.0.1; the page names itself as its canonical,
    // as news sites do) and writes a note and a tag on it.
    const victimUrl = `${env.server.origin}/victim.html`;
    const canonical = `<link rel="canonical" href="${victimUrl}">`;
    const article = seed('002_ba3b3e12e34938f9.html').replace('<head>', `<head>${canonical}`);
    env.server.extra.set('/victim.html', article);
    const page = await env.ext.context.newPage();
    await page.goto(victimUrl);
    await readerSelects(page, quote);
    await page.getByRole('button', { name: 'Clip', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
      .toContain('Saved to Inspection Lens');
    await page.close();
    const clip = (await collection()).clips.find((c) => c.url === victimUrl) as StoredClip;
    expect(clip).toBeDefined();
    const panel = await env.ext.openSidePanel();
    await panel.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'updateClip', data: { id, note: 'private note', tags: ['secret'] } }),
      clip.id,
    );
    await panel.close();

    // Another site (localhost: another origin on the same server) claims that article as its canonical.
    const otherOrigin = env.server.origin.replace('127.0.0.1', 'localhost');
    // One copy with the clipped passage (would it be highlighted there?), one without (marked not found?).
    env.server.extra.set('/copy.html', article);
    env.server.extra.set('/without.html', article.replace(/Work with avoidant parents[^<]*/, 'Nothing here.'));
    for (const file of ['copy.html', 'without.html']) {
      const evil = await env.ext.context.newPage();
      await evil.goto(`${otherOrigin}/${file}`);
      await expect.poll(() => highlightSize(evil, 'il-grade-good').catch(() => 0)).toBeGreaterThan(0);
      await evil.waitForTimeout(1500);
      expect(await highlightSize(evil, 'il-clip')).toBe(0);
      await evil.close();
    }
    const after = (await collection()).clips.find((c) => c.id === clip.id) as StoredClip;
    expect(after.orphaned).toBe(false);
    expect(after.note).toBe('private note');

    // The reader clips on the copy: that clip belongs to the copy, and is never drawn on the original site.
    const evil = await env.ext.context.newPage();
    await evil.goto(`${otherOrigin}/copy.html`);
    await readerSelects(evil, 'The report highlighted');
    await evil.getByRole('button', { name: 'Clip', exact: true }).click();
    await expect
      .poll(() => evil.getByRole('status').allTextContents(), { timeout: 15_000 })
      .toContain('Saved to Inspection Lens');
    await evil.close();
    const original = await env.ext.context.newPage();
    await original.goto(victimUrl);
    await expect
      .poll(() => original.evaluate(() => [...(CSS.highlights.get('il-clip') ?? [])].map((r) => r.toString())))
      .toEqual([quote]);
    await original.waitForTimeout(500);
    expect(await original.evaluate(() => [...(CSS.highlights.get('il-clip') ?? [])].map((r) => r.toString()))).toEqual([
      quote,
    ]);
    await original.close();
  });
});
