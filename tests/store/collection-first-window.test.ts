// The panel's first query after the background starts (no text, no filter, by article, from the
// top) is answered from the newest clips before the Collection's layout is read (`partial`); the
// panel then asks again and gets the exact layout. What the reader sees must not jump: the first
// window's rows and headings are the same in both replies, checked on random collections (ties in
// creation times, an article's clips far apart in time, articles not stored, empty headlines).
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Article, Clip } from '../../lib/clips';
import { Collection, type CollectionPage } from '../../lib/store/collection';
import { openLensDb } from '../../lib/store/db';
import { testClip } from '../support/clip';

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function clipOf(i: number, a: Article, created: number, id = `c-${i}`): Clip {
  const quote = `quote number ${i} about ${a.title || 'a page'}`;
  return testClip(quote, { url: a.url, start: i, created }, { id, articleId: a.id, rev: 0 });
}

function makeCollection(seed: number, clipsN: number, articlesN: number) {
  const rnd = random(seed);
  const articles: Article[] = [];
  for (let i = 0; i < articlesN; i++) {
    const url = `https://news${i % 3}.example/story/${i}`;
    articles.push({
      id: url,
      url,
      canonicalUrl: url,
      title: rnd() < 0.1 ? '' : `Story ${i}`,
      site: `news${i % 3}.example`,
      ...(rnd() < 0.5 ? { published: `2024-0${1 + (i % 9)}-1${i % 10}` } : {}),
      outcomes: [],
      created: 1_000 + i,
      updated: 1_000 + i,
    });
  }
  const clips: Clip[] = [];
  for (let i = 0; i < clipsN; i++) {
    const a = articles[Math.floor(rnd() * articlesN)];
    // Coarse times (many ties) and ids not in time order.
    clips.push(clipOf(i, a, 10_000 + Math.floor(rnd() * 40) * 1000, `c-${Math.floor(rnd() * 1e9)}-${i}`));
  }
  // Some articles are not stored: their headings fall back on a clip's address.
  return { articles: articles.filter((_, i) => i % 7 !== 3), clips };
}

async function store(articles: Article[], clips: unknown[]) {
  const db = await openLensDb();
  const tx = db.transaction(['clips', 'articles'], 'readwrite');
  for (const a of articles) tx.objectStore('articles').put(a);
  for (const c of clips) tx.objectStore('clips').put(c as Clip);
  await tx.done;
  db.close();
}

/** A Collection as the background makes it, counting its "ask again" signals. */
function backgroundCollection() {
  const signal = { count: 0, next: null as null | (() => void) };
  const collection = new Collection(
    undefined,
    () => {
      signal.count++;
      signal.next?.();
    },
    { firstWindow: true },
  );
  const askedAgain = () => new Promise<void>((resolve) => (signal.next = resolve));
  return { collection, signal, askedAgain };
}

const exact = (q: { limit: number }) => {
  const c = new Collection();
  return c.queryCached(q).finally(() => c.close());
};

/** What the reader sees of the first window: its rows and headings, and the count of clips. */
const seen = (p: CollectionPage) => ({ total: p.total, rows: p.rows, groups: p.groups });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('the first window, answered before the layout is read', () => {
  for (const seed of [1, 2, 3, 4]) {
    test(`random collection ${seed}: the provisional first window shows what the exact reply shows`, async () => {
      const { articles, clips } = makeCollection(seed, 400, 60);
      await store(articles, clips);
      for (const limit of [1, 2, 7, 30, 40, 90, 200]) {
        const { collection } = backgroundCollection();
        const first = await collection.query({ limit });
        const right = await exact({ limit });
        expect(first.partial, `limit ${limit}`).toBe(true);
        expect(seen(first), `limit ${limit}`).toEqual(seen(right));
        // Its headings are the exact reply's, up to the window's end.
        expect(first.headings).toEqual(right.headings.filter((i) => i < limit));
        expect(first.rows.length).toBe(Math.min(limit, right.length) - first.groups.length);
        collection.close();
      }
    });
  }

  test('an article whose clips are far apart in time lists all of them under its heading', async () => {
    const a: Article = {
      id: 'https://news.example/a',
      url: 'https://news.example/a',
      canonicalUrl: 'https://news.example/a',
      title: 'Old and new',
      site: 'news.example',
      outcomes: [],
      created: 1,
      updated: 1,
    };
    const b: Article = { ...a, id: 'https://news.example/b', url: 'https://news.example/b', title: 'Busy' };
    // The newest clip is about a; then 60 clips about b; then a's two old ones.
    const clips = [clipOf(0, a, 100_000)];
    for (let i = 1; i <= 60; i++) clips.push(clipOf(i, b, 90_000 - i));
    clips.push(clipOf(61, a, 10), clipOf(62, a, 5));
    await store([a, b], clips);
    const { collection } = backgroundCollection();
    const first = await collection.query({ limit: 10 });
    expect(first.partial).toBe(true);
    expect(first.groups.map((g) => [g.title, g.count, g.index])).toEqual([
      ['Old and new', 3, 0],
      ['Busy', 60, 4],
    ]);
    expect(first.rows.map((r) => r.clip?.id)).toEqual(['c-0', 'c-61', 'c-62', 'c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
    expect(seen(first)).toEqual(seen(await exact({ limit: 10 })));
  });

  test('once the layout is read the panel is told to ask again, and gets the exact layout with the same first window', async () => {
    const { articles, clips } = makeCollection(7, 300, 50);
    await store(articles, clips);
    const { collection, signal, askedAgain } = backgroundCollection();
    const again = askedAgain();
    const first = await collection.query({ limit: 40 });
    expect(first.partial).toBe(true);
    await again;
    expect(signal.count).toBe(1);
    const second = await collection.query({ limit: 40 });
    const right = await exact({ limit: 40 });
    expect(second.partial).toBeUndefined();
    expect(second).toEqual(right);
    // The reader's window does not move: same rows, same headings, same count.
    expect(seen(second)).toEqual(seen(first));
    collection.close();
  });

  test('once a layout has been read, a write does not bring provisional replies back', async () => {
    const { articles, clips } = makeCollection(10, 300, 50);
    await store(articles, clips);
    const { collection, askedAgain } = backgroundCollection();
    const again = askedAgain();
    expect((await collection.query({ limit: 40 })).partial).toBe(true);
    await again;
    const added = clipOf(999, articles[0], 1_000_000, 'added');
    await store([], [added]);
    collection.saved(added, articles[0]);
    const page = await collection.query({ limit: 40 });
    expect(page.partial).toBeUndefined();
    expect(page.rows[0].clip?.id).toBe('added');
    expect(page).toEqual(await exact({ limit: 40 }));
    collection.close();
  });

  test('other queries, a short collection and a collection without the option get exact replies', async () => {
    const { articles, clips } = makeCollection(8, 300, 50);
    await store(articles, clips);
    for (const q of [
      { limit: 40, text: 'quote' },
      { limit: 40, groupBy: 'council' as const },
      { limit: 40, offset: 10 },
      { limit: 40, tag: 'delay' },
      { limit: 40, from: 20_000 },
    ]) {
      const { collection } = backgroundCollection();
      const page = await collection.query(q);
      expect(page.partial, JSON.stringify(q)).toBeUndefined();
      const c = new Collection();
      expect(page, JSON.stringify(q)).toEqual(await c.queryCached(q));
      c.close();
      collection.close();
    }
    const plain = new Collection();
    expect((await plain.query({ limit: 40 })).partial).toBeUndefined();
    plain.close();
    // A window longer than the whole list: the exact path answers (and lists anything unreadable).
    const { collection } = backgroundCollection();
    expect((await collection.query({ limit: 500 })).partial).toBeUndefined();
    collection.close();
  });

  test('a record it cannot read in the first window: the exact reply, listing it as unreadable', async () => {
    const { articles, clips } = makeCollection(9, 200, 30);
    const newest = clips.reduce((a, b) => (b.created > a.created ? b : a));
    const broken = { ...newest, id: 'broken', created: newest.created + 1, orphaned: 'no' };
    await store(articles, [...clips, broken]);
    const { collection } = backgroundCollection();
    const page = await collection.query({ limit: 40 });
    expect(page.partial).toBeUndefined();
    expect(page.unreadable).toBe(1);
    expect(page).toEqual(await exact({ limit: 40 }));
    collection.close();
  });
});
