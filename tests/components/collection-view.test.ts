// @vitest-environment happy-dom
// The Collection view and its windowed list, rendered with Preact into happy-dom, backed by the
// real store (fake-indexeddb): what a reader sees and does.
import { IDBFactory } from 'fake-indexeddb';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type CollectionApi, CollectionView } from '../../components/CollectionView';
import { WindowedList } from '../../components/WindowedList';
import type { Article, Clip } from '../../lib/clips';
import { ClipStore } from '../../lib/store/clip-store';
import { Collection } from '../../lib/store/collection';
import { testClip } from '../support/clip';

let host: HTMLElement;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

async function until(cond: () => boolean, what: string, ms = 3000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('WindowedList', () => {
  const list = (count: number) =>
    h(WindowedList, {
      count,
      heightOf: () => 50,
      fallbackHeight: 500,
      margin: 3,
      renderRange: (start: number, end: number, tabbable: number) =>
        h(
          'ul',
          null,
          Array.from({ length: end - start }, (_, k) =>
            h(
              'li',
              { key: start + k, 'data-index': start + k, tabIndex: start + k === tabbable ? 0 : -1 },
              `Item ${start + k}`,
            ),
          ),
        ),
    });

  test('renders only the visible items plus a margin, and the later ones once scrolled to', async () => {
    render(list(10_000), host);
    const items = () => [...host.querySelectorAll('li')].map((li) => li.textContent);
    await until(() => items().length > 0, 'items');
    // 500 px of 50 px items: 10 visible, plus 3 below.
    expect(items()).toEqual(Array.from({ length: 13 }, (_, i) => `Item ${i}`));
    const box = host.querySelector('.windowed-list') as HTMLElement;
    expect((box.firstElementChild as HTMLElement).style.height).toBe('500000px');
    box.scrollTop = 250_000;
    box.dispatchEvent(new Event('scroll'));
    await until(() => items().includes('Item 5000'), 'item 5000');
    expect(items().length).toBeLessThanOrEqual(16);
    expect(items()).not.toContain('Item 0');
  });

  test('arrow keys, Home and End move focus item to item, rendering the item they land on', async () => {
    render(list(500), host);
    await until(() => !!host.querySelector('li'), 'items');
    const first = host.querySelector('li[data-index="0"]') as HTMLElement;
    expect(first.tabIndex).toBe(0);
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await until(() => document.activeElement?.getAttribute('data-index') === '1', 'focus on item 1');
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await until(() => document.activeElement?.getAttribute('data-index') === '499', 'focus on the last item');
    expect(host.querySelector('li[data-index="0"]')).toBeNull();
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await until(() => document.activeElement?.getAttribute('data-index') === '0', 'focus back on the first item');
  });
});

let n = 0;
function clip(url: string, quote: string, over: Partial<Clip> = {}): Clip {
  n++;
  return testClip(quote, { url, start: n, created: 1_700_000_000_000 + n }, { id: `c${n}`, rev: 0, ...over });
}
const article = (url: string, title: string): Article => ({
  id: url,
  url,
  canonicalUrl: url,
  title,
  site: new URL(url).hostname,
  outcomes: [],
  created: 1,
  updated: 1,
});

/** The view's API on the real store, as the background answers it. */
function storeApi(store: ClipStore, collection: Collection, opened: string[] = []): CollectionApi {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const f of listeners) f();
  };
  return {
    query: (q) => collection.query(q),
    async update(id, patch, from) {
      const c = await store.updateClip(id, { ...patch, rev: from.rev, base: from.base });
      if (!c) return { ok: false, error: 'gone', retry: false };
      collection.changed(c);
      changed();
      return { ok: true, created: false, id, clip: c };
    },
    async remove(ids) {
      const r = await collection.deleteClips(ids);
      changed();
      return r;
    },
    async restore(clips) {
      const r = await collection.restoreClips(clips);
      changed();
      return r.length;
    },
    async open(clipId) {
      opened.push(clipId);
      return { ok: true };
    },
    subscribe(f) {
      listeners.add(f);
      return () => listeners.delete(f);
    },
  };
}

describe('CollectionView', () => {
  const A = 'https://news.example/leeds';
  const B = 'https://other.example/bradford';
  async function seeded() {
    const store = new ClipStore();
    await store.saveClip(
      clip(A, 'Leaders in Leeds were judged outstanding', {
        id: 'c1',
        category: 'grade',
        grades: ['outstanding'],
        councilCodes: ['E08000035'],
        finding: { kind: 'grade', grade: 'outstanding', councils: [{ code: 'E08000035', name: 'Leeds' }] },
      }),
      article(A, 'Leeds rated outstanding'),
    );
    await store.saveClip(
      clip(A, 'Children wait too long for a social worker', { id: 'c2', orphaned: true }),
      article(A, 'Leeds rated outstanding'),
    );
    await store.saveClip(
      clip(B, 'Bradford must urgently improve its assessments', { id: 'c3' }),
      article(B, 'Bradford inadequate again'),
    );
    return { store, collection: new Collection() };
  }
  const rowsShown = () =>
    [...host.querySelectorAll('li.cv-row[data-clip-id]')].map((li) => li.querySelector('.cv-quote')?.textContent);
  const headingsShown = () =>
    [...host.querySelectorAll('h3')].map((x) => x.querySelector('.cv-head-title')?.textContent);

  test('a new reader is told how to clip and where highlights come from', async () => {
    const store = new ClipStore();
    render(h(CollectionView, { api: storeApi(store, new Collection()) }), host);
    await until(() => !!host.querySelector('.cv-empty'), 'the empty state');
    const text = host.querySelector('.cv-empty')?.textContent ?? '';
    expect(text).toContain('No clips yet');
    expect(text).toContain('Clip');
    expect(text).toContain('highlights grades, councils and improvement areas');
    expect(host.querySelector('input[type="search"]')?.getAttribute('aria-label')).toBe('Search clips');
  });

  test('after the background starts, the first window shows at once and stays put when the exact layout follows', async () => {
    const store = new ClipStore();
    const urls = Array.from({ length: 12 }, (_, i) => `https://news.example/story-${i}`);
    for (let i = 0; i < 150; i++)
      await store.saveClip(clip(urls[i % 12], `Finding number ${i}`), article(urls[i % 12], `Story ${i % 12}`));
    let stale = () => {};
    const told = new Promise<void>((resolve) => {
      stale = resolve;
    });
    // The Collection as the background makes it: a provisional first reply, then "ask again".
    const collection = new Collection(undefined, () => stale(), { firstWindow: true });
    const api = storeApi(store, collection);
    const replies: boolean[] = [];
    let askAgain = () => {};
    render(
      h(CollectionView, {
        api: {
          ...api,
          query: async (q) => {
            const page = await collection.query(q);
            replies.push(!!page.partial);
            return page;
          },
          subscribe(f) {
            askAgain = f;
            return () => {};
          },
        },
      }),
      host,
    );
    await until(() => rowsShown().length > 0, 'the first rows');
    expect(replies).toEqual([true]);
    const rows = rowsShown();
    const headings = headingsShown();
    expect(headings[0]).toBe('Story 5');
    // The number of articles is not known yet: only the number of clips is given.
    expect(host.querySelector('.cv-count')?.textContent).toBe('150 clips');
    await told;
    askAgain();
    await until(() => host.querySelector('.cv-count')?.textContent === '150 clips in 12 articles', 'the exact layout');
    expect(replies).toEqual([true, false]);
    expect(rowsShown()).toEqual(rows);
    expect(headingsShown()).toEqual(headings);
  });

  test('lists clips under their article headings, grade as a word, the orphan marked in words', async () => {
    const { store, collection } = await seeded();
    render(h(CollectionView, { api: storeApi(store, collection) }), host);
    await until(() => rowsShown().length === 3, 'three rows');
    expect(headingsShown()).toEqual(['Bradford inadequate again', 'Leeds rated outstanding']);
    const leeds = host.querySelector('li[data-clip-id="c1"]') as HTMLElement;
    expect(leeds.querySelector('.cv-grade')?.textContent).toBe('Outstanding');
    expect(leeds.querySelector('.cv-grade')?.className).toContain('grade-outstanding');
    const orphan = [...host.querySelectorAll('li.cv-row')].find((li) => li.textContent?.includes('wait too long'));
    expect(orphan?.textContent).toContain('Passage not found on the page last time');
    expect(host.querySelector('.cv-count')?.textContent).toBe('3 clips in 2 articles');
  });

  test('search narrows as the reader types; no match offers to clear', async () => {
    const { store, collection } = await seeded();
    render(h(CollectionView, { api: storeApi(store, collection) }), host);
    await until(() => rowsShown().length === 3, 'three rows');
    const box = host.querySelector('input[type="search"]') as HTMLInputElement;
    type(box, 'URGENTLY imp');
    await until(() => rowsShown().length === 1, 'one row');
    expect(rowsShown()).toEqual(['Bradford must urgently improve its assessments']);
    type(box, 'zebra');
    await until(() => host.textContent?.includes('No clips match this filter.') ?? false, 'no match');
    const clear = [...host.querySelectorAll('button')].find(
      (b) => b.textContent === 'Clear search and filters',
    ) as HTMLButtonElement;
    clear.click();
    await until(() => rowsShown().length === 3, 'all rows again');
    expect(box.value).toBe('');
  });

  test('grouped by council', async () => {
    const { store, collection } = await seeded();
    render(h(CollectionView, { api: storeApi(store, collection) }), host);
    await until(() => rowsShown().length === 3, 'three rows');
    (host.querySelector('input[value="council"]') as HTMLInputElement).click();
    await until(() => headingsShown()[0] === 'Leeds', 'council headings');
    expect(headingsShown()).toEqual(['Leeds', 'No council named']);
  });

  test('a note typed is saved after a pause, on the clip’s version', async () => {
    const { store, collection } = await seeded();
    render(h(CollectionView, { api: storeApi(store, collection) }), host);
    await until(() => rowsShown().length === 3, 'three rows');
    const note = host.querySelector('li[data-clip-id="c3"] textarea') as HTMLTextAreaElement;
    expect(note.getAttribute('aria-label')).toBe('Note for clip “Bradford must urgently improve its asses”');
    note.focus();
    type(note, 'Ask the trust');
    await until(() => false, 'nothing', 100).catch(() => {});
    expect((await store.getClip('c3'))?.note).toBe('');
    type(note, 'Ask the trust about it');
    await until(() => note.value === 'Ask the trust about it', 'typed');
    const saved = async () => (await store.getClip('c3'))?.note;
    const end = Date.now() + 3000;
    while ((await saved()) !== 'Ask the trust about it' && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    expect(await saved()).toBe('Ask the trust about it');
    expect((await store.getClip('c3'))?.rev).toBe(1);
  });

  test('delete shows "Clip deleted." with Undo, which puts the clip back', async () => {
    const { store, collection } = await seeded();
    const before = await store.getClip('c3');
    render(h(CollectionView, { api: storeApi(store, collection) }), host);
    await until(() => rowsShown().length === 3, 'three rows');
    (host.querySelector('li[data-clip-id="c3"] .cv-delete') as HTMLButtonElement).click();
    await until(() => rowsShown().length === 2, 'two rows');
    const live = host.querySelector('.cv-live') as HTMLElement;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toContain('Clip deleted.');
    (live.querySelector('button') as HTMLButtonElement).click();
    await until(() => rowsShown().length === 3, 'three rows again');
    expect(await store.getClip('c3')).toEqual(before);
  });

  test('activating a clip (its quote, or Enter on its item) asks to open it', async () => {
    const { store, collection } = await seeded();
    const opened: string[] = [];
    render(h(CollectionView, { api: storeApi(store, collection, opened) }), host);
    await until(() => rowsShown().length === 3, 'three rows');
    (host.querySelector('li[data-clip-id="c1"] .cv-quote') as HTMLButtonElement).click();
    const item = host.querySelector('li[data-clip-id="c3"]') as HTMLElement;
    item.focus();
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => opened.length === 2, 'two opens');
    expect(opened).toEqual(['c1', 'c3']);
  });
});
