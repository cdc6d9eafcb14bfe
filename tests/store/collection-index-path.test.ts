// The Collection's two ways of answering a query give the same answers: from the indexes alone
// (the first render after the background starts, before the search cache exists) and from the
// search cache; and a longer search prefix (filtered from the last matches) gives what a fresh
// search gives. Checked on random collections, with ties in creation times, clips without an
// article record, clips about several councils, and findings that name councils or do not.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Article, Clip, ClipCategory } from '../../lib/clips';
import { Collection, type CollectionQuery } from '../../lib/store/collection';
import { openLensDb } from '../../lib/store/db';
import { testClip } from '../support/clip';

const COUNCILS = [
  { code: 'E08000035', name: 'Leeds' },
  { code: 'E08000032', name: 'Bradford' },
  { code: 'E10000012', name: 'Essex' },
  { code: 'E09000022', name: 'Lambeth' },
];
const GRADES = ['outstanding', 'good', 'requires improvement', 'inadequate'];
const TAGS = ['delay', 'court', 'budget'];
const WORDS = 'children social workers drift delay leeds court quality practice oversight care leavers urgently'.split(
  ' ',
);
const CATEGORIES: ClipCategory[] = ['selection', 'grade', 'improvement', 'council'];

function random(seed: number) {
  let s = seed;
  const rnd = () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  return { rnd, pick };
}

function makeCollection(seed: number, clipsN = 300, articlesN = 40) {
  const { rnd, pick } = random(seed);
  const articles: Article[] = [];
  for (let i = 0; i < articlesN; i++) {
    const url = `https://news${i % 3}.example/story/${i}`;
    articles.push({
      id: url,
      url,
      canonicalUrl: url,
      title: rnd() < 0.1 ? '' : `${pick(COUNCILS).name} ${pick(WORDS)} ${pick(WORDS)}`,
      site: `news${i % 3}.example`,
      ...(rnd() < 0.5 ? { published: `2024-0${1 + (i % 9)}-1${i % 10}` } : {}),
      outcomes: [],
      created: 1_000 + i,
      updated: 1_000 + i,
    });
  }
  const clips: Clip[] = [];
  for (let i = 0; i < clipsN; i++) {
    const a = pick(articles);
    const quote = Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => pick(WORDS)).join(' ');
    const councils = rnd() < 0.2 ? [] : rnd() < 0.2 ? [pick(COUNCILS), pick(COUNCILS)] : [pick(COUNCILS)];
    const codes = [...new Set(councils.map((c) => c.code))];
    const category = pick(CATEGORIES);
    const grade = pick(GRADES);
    const named = rnd() < 0.6;
    // Ids not in creation order, so key order and time order differ.
    const id = `c-${Math.floor(rnd() * 1e9)}-${i}`;
    const note = rnd() < 0.3 ? `${pick(WORDS)} note` : '';
    const tags = rnd() < 0.4 ? [pick(TAGS)] : [];
    // Coarse times: many clips (and many articles' newest clips) share a creation time.
    const created = 10_000 + Math.floor(rnd() * 60) * 1000;
    const orphaned = rnd() < 0.05;
    clips.push(
      testClip(
        quote,
        { url: a.url, start: i, created },
        {
          id,
          articleId: a.id,
          category,
          ...(named && codes.length
            ? {
                finding: {
                  kind: 'grade' as const,
                  grade: grade as never,
                  councils: councils.filter((c, j) => councils.findIndex((d) => d.code === c.code) === j),
                },
              }
            : {}),
          councilCodes: codes,
          grades: category === 'grade' ? [grade] : [],
          note,
          tags,
          updated: 10_000,
          orphaned,
          rev: 0,
        },
      ),
    );
  }
  // Some clips' articles are not stored: headings fall back on the clip's address.
  return { articles: articles.filter((_, i) => i % 7 !== 3), clips };
}

async function store(articles: Article[], clips: Clip[]) {
  const db = await openLensDb();
  const tx = db.transaction(['clips', 'articles'], 'readwrite');
  for (const a of articles) tx.objectStore('articles').put(a);
  for (const c of clips) tx.objectStore('clips').put(c);
  await tx.done;
  db.close();
}

function queries(seed: number, clips: Clip[]): CollectionQuery[] {
  const { rnd, pick } = random(seed);
  const out: CollectionQuery[] = [{}, { limit: 40 }, { groupBy: 'council' }, { groupBy: 'council', offset: 30 }];
  for (let i = 0; i < 40; i++) {
    const q: CollectionQuery = { groupBy: rnd() < 0.5 ? 'article' : 'council' };
    if (rnd() < 0.3) q.category = pick(CATEGORIES);
    if (rnd() < 0.3) q.grade = pick(GRADES);
    if (rnd() < 0.3) q.council = pick(COUNCILS).code;
    if (rnd() < 0.3) q.tag = pick(TAGS);
    if (rnd() < 0.3) {
      const t = pick(clips).created;
      q.from = t - 10_000;
      if (rnd() < 0.7) q.to = t + 5_000;
    }
    q.offset = Math.floor(rnd() * 80);
    q.limit = 1 + Math.floor(rnd() * 120);
    out.push(q);
  }
  return out;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('answers from the indexes alone equal the search cache’s', () => {
  for (const seed of [1, 2, 3]) {
    test(`random collection ${seed}: every textless query (filters, grouping, windows) gives the same page`, async () => {
      const { articles, clips } = makeCollection(seed);
      await store(articles, clips);
      const indexed = new Collection();
      const cached = new Collection();
      for (const q of queries(seed * 31, clips)) {
        const a = await indexed.queryIndexed(q);
        const b = await cached.queryCached(q);
        expect(a, JSON.stringify(q)).toEqual(b);
      }
      // The first query of a fresh Collection (the panel's first render) goes through the indexes too.
      const fresh = new Collection();
      expect(await fresh.query({ limit: 40 })).toEqual(await cached.queryCached({ limit: 40 }));
      indexed.close();
      cached.close();
      fresh.close();
    });
  }

  test('the first reply does not wait for every clip to be read: the search cache is built afterwards', async () => {
    const { articles, clips } = makeCollection(9, 200, 20);
    await store(articles, clips);
    const collection = new Collection();
    const first = await collection.query({ limit: 40 });
    expect(first.total).toBe(200);
    expect(first.rows.length).toBeGreaterThan(0);
    // Then a query with text is answered from the cache, as before.
    const word = clips[0].quote.split(' ')[0];
    const found = await collection.query({ text: word });
    expect(found.total).toBeGreaterThan(0);
    expect(found).toEqual(await new Collection().queryCached({ text: word }));
    collection.close();
  });

  test('a record the indexes list but that cannot be read is still listed as unreadable in the first reply', async () => {
    const { articles, clips } = makeCollection(4, 50, 5);
    await store(articles, clips);
    // Readable enough for the indexes (creation time, article) but not a clip (no quote): the newest, so in the first window.
    const db = await openLensDb();
    await db.put('clips', { id: 'broken', articleId: articles[0].id, created: 99_999_999 } as unknown as Clip);
    db.close();
    const collection = new Collection();
    const page = await collection.query({ limit: 40 });
    expect(page.unreadable).toBe(1);
    expect(page.total).toBe(50);
    expect(page).toEqual(await new Collection().queryCached({ limit: 40 }));
    const end = await collection.query({ offset: page.length - 1, limit: 1 });
    expect(end.rows).toEqual([
      expect.objectContaining({ clip: null, unreadable: { id: 'broken', created: 99_999_999 } }),
    ]);
  });

  test('if an unreadable record lay outside the first window, the views are told to ask again once the cache is built', async () => {
    const { articles, clips } = makeCollection(5, 80, 8);
    await store(articles, clips);
    const db = await openLensDb();
    await db.put('clips', { id: 'broken', articleId: articles[0].id, created: 1 } as unknown as Clip);
    db.close();
    let stale = 0;
    const collection = new Collection(undefined, () => stale++);
    await collection.query({ limit: 10 });
    for (let i = 0; i < 100 && !stale; i++) await new Promise((r) => setTimeout(r, 50));
    expect(stale).toBe(1);
    const again = await collection.query({ limit: 10 });
    expect(again.unreadable).toBe(1);
    expect(again).toEqual(await new Collection().queryCached({ limit: 10 }));
    collection.close();
  });
});

describe('typing a word: each longer prefix filters only the last matches', () => {
  test('every keystroke’s page equals a fresh search’s, with filters, across words, after deleting letters and after an edit', async () => {
    const { articles, clips } = makeCollection(7, 400, 30);
    await store(articles, clips);
    const collection = new Collection();
    const typed: CollectionQuery[] = [];
    for (const word of ['children drift', 'leeds urgently', 'care leavers'])
      for (let i = 1; i <= word.length; i++) typed.push({ text: word.slice(0, i), limit: 40 });
    // Backspace, then a filter with the same text, then grouping by council.
    typed.push(
      { text: 'care lea', limit: 40 },
      { text: 'care lea', tag: 'delay' },
      { text: 'care leav', tag: 'delay' },
    );
    typed.push({ text: 'c', groupBy: 'council' }, { text: 'ch', groupBy: 'council' });
    for (const q of typed)
      expect(await collection.query(q), JSON.stringify(q)).toEqual(await new Collection().queryCached(q));

    // An edit between keystrokes: the edited clip now matches the longer prefix although it did not match before.
    await collection.query({ text: 'zebr' });
    const target = clips[3];
    const edited = { ...target, note: 'zebra crossing', rev: 1 };
    const db = await openLensDb();
    await db.put('clips', edited);
    db.close();
    collection.changed(edited);
    const after = await collection.query({ text: 'zebra' });
    expect(after.total).toBe(1);
    expect(after.rows[0].clip?.id).toBe(target.id);
    collection.close();
  });
});
