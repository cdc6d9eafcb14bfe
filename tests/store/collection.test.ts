// The Collection view's store side: the version-4 migration keeps every clip and adds the indexes
// the view filters by; queries search, filter, group and window; delete and undo restore exactly.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Article, Clip } from '../../lib/clips';
import { ClipStore } from '../../lib/store/clip-store';
import { Collection, normalise } from '../../lib/store/collection';
import { DB_VERSION, openLensDb } from '../../lib/store/db';
import { readExportPage } from '../../lib/store/import';
import { testClip } from '../support/clip';

let n = 0;
function clip(over: Partial<Clip> = {}): Clip {
  n++;
  const quote = over.quote ?? `Quote ${n}`;
  return testClip(
    quote,
    {
      url: over.url ?? 'https://news.example/a',
      start: 10 * n,
      prefix: 'before ',
      suffix: ' after',
      created: 1_000_000 + n,
    },
    { id: `clip-${String(n).padStart(5, '0')}`, rev: 0, ...over },
  );
}
function article(url: string, title: string, over: Partial<Article> = {}): Article {
  return {
    id: url,
    url,
    canonicalUrl: url,
    title,
    site: new URL(url).hostname,
    outcomes: [],
    created: 1,
    updated: 1,
    ...over,
  };
}

const A = 'https://news.example/leeds';
const B = 'https://other.example/bradford';
const leeds = { code: 'E08000035', name: 'Leeds' };
const bradford = { code: 'E08000032', name: 'Bradford' };

let store: ClipStore;
let collection: Collection;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  store = new ClipStore();
  collection = new Collection();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function seed() {
  const clips = [
    clip({
      url: A,
      quote: 'Children in care wait too long for a social worker',
      category: 'improvement',
      councilCodes: [leeds.code],
      finding: { kind: 'improvement', councils: [leeds] },
      tags: ['delay'],
      created: Date.UTC(2026, 0, 10),
    }),
    clip({
      url: A,
      quote: 'Leeds was judged outstanding',
      category: 'grade',
      councilCodes: [leeds.code],
      grades: ['outstanding'],
      finding: { kind: 'grade', grade: 'outstanding', councils: [leeds], current: true, year: 2026 },
      note: 'Très bien — a rëmarkable result',
      created: Date.UTC(2026, 2, 5),
    }),
    clip({
      url: B,
      quote: 'Bradford remains inadequate after the monitoring visit',
      category: 'grade',
      councilCodes: [bradford.code],
      grades: ['inadequate'],
      finding: { kind: 'grade', grade: 'inadequate', councils: [bradford], current: true, year: 2025 },
      tags: ['delay', 'follow-up'],
      created: Date.UTC(2025, 10, 20),
    }),
    clip({ url: B, quote: 'A sentence about nothing in particular', created: Date.UTC(2025, 11, 1) }),
  ];
  for (const c of clips)
    await store.saveClip(
      c,
      c.url === A
        ? article(A, 'Leeds children’s services rated outstanding', { published: '2026-03-05' })
        : article(B, 'Bradford: still inadequate'),
    );
  return clips;
}

const quotes = (p: { rows: { clip: Clip | null }[] }) => p.rows.map((r) => r.clip?.quote);

describe('schema version 4', () => {
  test('a version-3 database with clips opens as version 4 with every clip intact and queryable by the new indexes', async () => {
    const v3 = await openLensDb('inspection-lens', 3);
    const saved: Clip[] = [];
    for (let i = 0; i < 40; i++) {
      const c = clip({
        url: i % 2 ? A : B,
        category: i % 4 === 0 ? 'grade' : 'selection',
        grades: i % 4 === 0 ? ['good'] : [],
        councilCodes: i % 2 ? [leeds.code] : [bradford.code],
        tags: i % 5 === 0 ? ['five'] : [],
        note: `marker${i}`,
        rev: i % 3,
      });
      await v3.put('clips', c);
      saved.push(c);
    }
    await v3.put('articles', article(A, 'Leeds'));
    await v3.put('articles', article(B, 'Bradford'));
    expect(v3.objectStoreNames.contains('clips')).toBe(true);
    expect([...v3.transaction('clips').store.indexNames]).not.toContain('byCategory');
    v3.close();

    const db = await openLensDb();
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(4);
    const index = db.transaction('clips').store;
    expect([...index.indexNames].sort()).toEqual(
      ['byArticle', 'byCategory', 'byCouncil', 'byCreated', 'byGrade', 'byTag', 'byUpdated'].sort(),
    );
    // Every clip is kept exactly as it was (same fields, same edit version).
    const all = await db.getAll('clips');
    expect(all.sort((a, b) => a.id.localeCompare(b.id))).toEqual(saved);
    expect(await db.countFromIndex('clips', 'byCategory', 'grade')).toBe(10);
    expect(await db.countFromIndex('clips', 'byGrade', 'good')).toBe(10);
    expect(await db.countFromIndex('clips', 'byCouncil', leeds.code)).toBe(20);
    expect(await db.countFromIndex('clips', 'byTag', 'five')).toBe(8);
    db.close();

    // And the Collection view finds them.
    const p = await collection.query({ category: 'grade', council: bradford.code, limit: 100 });
    expect(p.total).toBe(10);
    expect((await collection.query({ text: 'MARKER39' })).total).toBe(1);
  });
});

describe('collection queries', () => {
  test('search is case- and accent-insensitive, needs every word, and takes the last word as a prefix', async () => {
    await seed();
    expect(quotes(await collection.query({ text: 'SOCIAL worker' }))).toEqual([
      'Children in care wait too long for a social worker',
    ]);
    // Accents in the note and in the query are ignored.
    expect(quotes(await collection.query({ text: 'tres remarkable' }))).toEqual(['Leeds was judged outstanding']);
    expect(quotes(await collection.query({ text: 'TRÈS' }))).toEqual(['Leeds was judged outstanding']);
    // As the reader types: "inad" already finds "inadequate" (quote and headline).
    expect((await collection.query({ text: 'bradford inad' })).total).toBe(2);
    // Every word must match: no clip has both.
    expect((await collection.query({ text: 'leeds inadequate' })).total).toBe(0);
    // Earlier words are whole words: "soc" is not "social" unless it is the last word.
    expect((await collection.query({ text: 'soc worker' })).total).toBe(0);
    // Tags and headlines are searched too.
    expect((await collection.query({ text: 'follow' })).total).toBe(1);
    expect((await collection.query({ text: 'rated' })).total).toBe(2);
  });

  test('filters by category, grade, council, tag and date range, alone and together', async () => {
    await seed();
    expect((await collection.query({ category: 'grade' })).total).toBe(2);
    expect(quotes(await collection.query({ grade: 'inadequate' }))).toEqual([
      'Bradford remains inadequate after the monitoring visit',
    ]);
    expect((await collection.query({ council: leeds.code })).total).toBe(2);
    expect((await collection.query({ tag: 'delay' })).total).toBe(2);
    expect((await collection.query({ tag: 'delay', council: leeds.code })).total).toBe(1);
    expect((await collection.query({ from: Date.UTC(2026, 0, 1) })).total).toBe(2);
    expect((await collection.query({ to: Date.UTC(2025, 11, 31) })).total).toBe(2);
    expect((await collection.query({ from: Date.UTC(2025, 11, 1), to: Date.UTC(2026, 0, 10) })).total).toBe(2);
    expect((await collection.query({ category: 'grade', text: 'judged' })).total).toBe(1);
  });

  test('groups by article (headline, site, date) with clips in page order, or by council', async () => {
    await seed();
    const byArticle = await collection.query({ limit: 100 });
    expect(byArticle.groups.map((g) => [g.title, g.site, g.count, g.index])).toEqual([
      ['Leeds children’s services rated outstanding', 'news.example', 2, 0],
      ['Bradford: still inadequate', 'other.example', 2, 3],
    ]);
    expect(byArticle.groups[0].date).toBe('2026-03-05');
    expect(byArticle.length).toBe(6);
    expect(byArticle.rows.map((r) => r.index)).toEqual([1, 2, 4, 5]);
    // Newest first within the article.
    expect(quotes(byArticle).slice(0, 2)).toEqual([
      'Leeds was judged outstanding',
      'Children in care wait too long for a social worker',
    ]);
    const byCouncil = await collection.query({ groupBy: 'council', limit: 100 });
    expect(byCouncil.groups.map((g) => [g.title, g.count])).toEqual([
      ['Bradford', 1],
      ['Leeds', 2],
      ['No council named', 1],
    ]);
    expect(byCouncil.rows[0].title).toBe('Bradford: still inadequate');
  });

  test('returns one window of rows: 10,000 clips never travel at once', async () => {
    const many: Clip[] = [];
    for (let i = 0; i < 1200; i++)
      many.push(clip({ url: `https://news.example/a${i % 30}`, quote: `Quote number ${i}` }));
    const db = await openLensDb();
    const tx = db.transaction(['clips', 'articles'], 'readwrite');
    for (const c of many) tx.objectStore('clips').put(c);
    for (let i = 0; i < 30; i++) tx.objectStore('articles').put(article(`https://news.example/a${i}`, `Article ${i}`));
    await tx.done;
    db.close();
    const p = await collection.query({ offset: 500, limit: 40 });
    expect(p.total).toBe(1200);
    expect(p.length).toBe(1230);
    // Every heading's position is sent; the headings' text only for those inside the window.
    expect(p.headings).toHaveLength(30);
    expect(p.rows.length).toBeLessThanOrEqual(40);
    expect(p.rows.every((r) => r.index >= 500 && r.index < 540)).toBe(true);
    expect(p.groups.every((g) => g.index >= 500 && g.index < 540)).toBe(true);
    // Rows and headings together fill the window exactly.
    const headings = p.headings.filter((i) => i >= 500 && i < 540).length;
    expect(p.groups).toHaveLength(headings);
    expect(p.rows.length + headings).toBe(40);
    expect((await collection.query({ limit: 100_000 })).rows.length).toBeLessThanOrEqual(500);
  });

  test('stays fresh on writes: a saved, edited or deleted clip is found (or not) at once', async () => {
    const clips = await seed();
    expect((await collection.query({ text: 'zebra' })).total).toBe(0);
    const extra = clip({ url: A, quote: 'A zebra crossing' });
    const r = await store.saveClip(extra, article(A, 'Leeds children’s services rated outstanding'));
    collection.saved(r.clip, article(A, 'Leeds children’s services rated outstanding'));
    expect((await collection.query({ text: 'zebra' })).total).toBe(1);
    const edited = await store.updateClip(clips[3].id, { note: 'giraffe', tags: ['animals'] });
    collection.changed(edited as Clip);
    expect((await collection.query({ text: 'giraffe' })).total).toBe(1);
    expect((await collection.query({ tag: 'animals' })).total).toBe(1);
    await collection.deleteClips([extra.id]);
    expect((await collection.query({ text: 'zebra' })).total).toBe(0);
  });

  test('an inspection record saved with a new headline: the clips are found by it, without reading the store again', async () => {
    await seed();
    expect((await collection.query({ text: 'kingfisher' })).total).toBe(0);
    const reads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const a = await store.saveRecord(article(A, 'Leeds kingfisher report'));
    collection.articleSaved(a);
    const found = await collection.query({ text: 'kingfisher' });
    expect(found.total).toBeGreaterThan(0);
    expect(found.groups.map((g) => g.title)).toEqual(['Leeds kingfisher report']);
    expect(reads).not.toHaveBeenCalled();
  });

  test('delete returns what it deleted; restore puts it back exactly (same id, version, fields)', async () => {
    const clips = await seed();
    const edited = (await store.updateClip(clips[1].id, { note: 'edited once' })) as Clip;
    expect(edited.rev).toBe(1);
    const deleted = await collection.deleteClips([clips[1].id, clips[2].id, 'no-such-clip']);
    expect(deleted.map((c) => c.id).sort()).toEqual([clips[1].id, clips[2].id].sort());
    expect(await store.getClip(clips[1].id)).toBeUndefined();
    expect((await collection.query()).total).toBe(2);
    const restored = await collection.restoreClips(deleted);
    expect(restored).toHaveLength(2);
    expect(await store.getClip(clips[1].id)).toEqual(edited);
    expect((await collection.query()).total).toBe(4);
    // Restoring again changes nothing: the clips are there.
    expect(await collection.restoreClips(deleted)).toHaveLength(0);
  });

  test('"Only the clips the current filter shows" exports exactly what the view lists (search, category, dates)', async () => {
    await seed();
    for (const f of [
      { text: 'bradford inad' },
      { category: 'grade' as const },
      { from: Date.UTC(2026, 0, 1), tag: 'delay' },
      { text: 'rated', to: Date.UTC(2026, 1, 1) },
    ]) {
      const page = await readExportPage(null, 100, f);
      const view = await collection.query({ ...f, limit: 100 });
      expect(page.clips.map((c) => c.id).sort(), JSON.stringify(f)).toEqual(view.rows.map((r) => r.clip?.id).sort());
      expect(page.clips.length).toBeGreaterThan(0);
    }
  });

  test('records that cannot be read are listed under their own heading when nothing is filtered, never dropped', async () => {
    await seed();
    const db = await openLensDb();
    await db.put('clips', { ...clip({ id: 'broken', created: 5 }), tags: 'not-a-list' } as unknown as Clip);
    db.close();
    const all = await collection.query({ limit: 100 });
    expect(all.unreadable).toBe(1);
    expect(all.groups.at(-1)?.title).toBe('Clips that could not be read');
    expect(all.rows.at(-1)).toMatchObject({ clip: null, unreadable: { id: 'broken', created: 5 } });
    expect(all.total).toBe(4);
    expect((await collection.query({ text: 'bradford' })).groups.map((g) => g.title)).toEqual([
      'Bradford: still inadequate',
    ]);
  });

  test('a write that bypassed the background (another context): seen by the next opening at once, by typing within a second', async () => {
    await seed();
    expect((await collection.query({ text: 'kestrel' })).total).toBe(0);
    const all = (await collection.query({})).total;
    const db = await openLensDb();
    await db.put('clips', clip({ url: A, quote: 'A kestrel over the town hall', updated: Date.now() + 1000 }));
    db.close();
    expect((await collection.query({})).total).toBe(all + 1);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 1001);
    expect((await collection.query({ text: 'kestrel' })).total).toBe(1);
  });

  test('while the reader types, the store is not read again; after the background’s own write, neither', async () => {
    await seed();
    // The reader types within a second (the clock held still: a loaded machine can take longer).
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    await collection.query({ text: 'c' }); // the search cache is built
    const reads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const counts = vi.spyOn(IDBObjectStore.prototype, 'count');
    for (const text of ['ch', 'chi', 'chil', 'child']) await collection.query({ text });
    expect(counts).not.toHaveBeenCalled(); // no round trip to the store per keystroke
    const extra = clip({ url: A, quote: 'A zebra crossing' });
    const r = await store.saveClip(extra, article(A, 'Leeds children’s services rated outstanding'));
    collection.saved(r.clip, article(A, 'Leeds children’s services rated outstanding'));
    clock.mockReturnValue(now + 5000);
    expect((await collection.query({ text: 'zebra' })).total).toBe(1);
    // The store's look was checked (a second has passed), and not taken for another context's write.
    expect(counts).toHaveBeenCalled();
    expect(reads).not.toHaveBeenCalled();
  });

  test('a huge quote travels cut in a row (the store keeps it whole)', async () => {
    const long = `Start ${'word '.repeat(100_000)}end`;
    const c = clip({ url: A, quote: long });
    await store.saveClip(c, article(A, 'Leeds'));
    const p = await collection.query({ text: 'start' });
    expect(p.rows[0].cut).toBe(true);
    expect(p.rows[0].clip?.quote.length).toBeLessThanOrEqual(2001);
    expect((await store.getClip(c.id))?.quote).toBe(long);
  });

  test('normalise folds case, accents and punctuation', () => {
    expect(normalise('  Ofsted’s RÉSUMÉ: “Requires-improvement” ')).toBe('ofsted s resume requires improvement');
  });
});
