// The background reads the Collection's layout at start only when a side panel is open, and a
// warmed layout answers the first textless query the same as a cold one.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Article } from '../../lib/clips';
import { Collection } from '../../lib/store/collection';
import { openLensDb } from '../../lib/store/db';
import { panelOpen, warmCollectionIfPanelOpen } from '../../lib/store/warm-collection';
import { testClip } from '../support/clip';

const g = globalThis as { chrome?: unknown };
const original = g.chrome;
const withContexts = (urls: string[]) => {
  g.chrome = { runtime: { getContexts: vi.fn(async () => urls.map((documentUrl) => ({ documentUrl }))) } };
};
afterEach(() => {
  g.chrome = original;
});

describe('warming the Collection when the background starts', () => {
  test('only a page showing sidepanel.html counts as an open panel', async () => {
    g.chrome = { runtime: {} }; // no getContexts (an older browser)
    expect(await panelOpen()).toBe(false);
    withContexts(['chrome-extension://abc/offscreen.html', 'chrome-extension://abc/options.html']);
    expect(await panelOpen()).toBe(false);
    withContexts(['chrome-extension://abc/sidepanel.html']);
    expect(await panelOpen()).toBe(true);
  });

  test('with no panel open nothing is read; with one, the layout is', async () => {
    const warm = vi.fn(async () => {});
    withContexts([]);
    expect(await warmCollectionIfPanelOpen({ warm }, 0)).toBe(false);
    expect(warm).not.toHaveBeenCalled();
    withContexts(['chrome-extension://abc/sidepanel.html#collection']);
    expect(await warmCollectionIfPanelOpen({ warm }, 0)).toBe(true);
    expect(warm).toHaveBeenCalledTimes(1);
    // A failure to ask for contexts never reaches the background's start.
    g.chrome = { runtime: { getContexts: async () => Promise.reject(new Error('no')) } };
    expect(await warmCollectionIfPanelOpen({ warm }, 0)).toBe(false);
  });

  test('a warmed Collection answers the first query as a cold one does', async () => {
    const db = await openLensDb('warm-test');
    const tx = db.transaction(['clips', 'articles'], 'readwrite');
    for (let a = 0; a < 5; a++) {
      const url = `https://news.example/story/${a}`;
      const article: Article = {
        id: url,
        url,
        canonicalUrl: url,
        title: `Story ${a}`,
        site: 'news.example',
        published: '2024-01-01',
        outcomes: [],
        created: a,
        updated: a,
      };
      tx.objectStore('articles').put(article);
      for (let i = 0; i < 4; i++) {
        const quote = `quote ${a} ${i}`;
        const clip = testClip(quote, { url, created: 1000 + i * 10 + a }, { id: `clip-${a}-${i}`, rev: 0 });
        tx.objectStore('clips').put(clip);
      }
    }
    await tx.done;
    db.close();
    const cold = new Collection('warm-test');
    const warmed = new Collection('warm-test');
    await warmed.warm();
    const a = await cold.query({ limit: 10 });
    const b = await warmed.query({ limit: 10 });
    expect(b).toEqual(a);
    expect(a.total).toBe(20);
    cold.close();
    warmed.close();
  });
});
