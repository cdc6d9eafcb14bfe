import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Article, Clip } from '../../lib/clips';
import { ClipStore } from '../../lib/store/clip-store';
import { DB_VERSION } from '../../lib/store/db';
import { numberedClip } from '../support/clip';

let n = 0;
const clip = (over: Partial<Clip> = {}): Clip => numberedClip(++n, over);
function article(url = 'https://news.example/a', over: Partial<Article> = {}): Article {
  return {
    id: url,
    url,
    canonicalUrl: url,
    title: 'T',
    site: 'news.example',
    outcomes: [],
    created: 1,
    updated: 1,
    ...over,
  };
}

let store: ClipStore;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  store = new ClipStore();
});

describe('clip store', () => {
  test('saves a clip once: a retried save with the same id is not written twice', async () => {
    const c = clip();
    expect((await store.saveClip(c, article())).created).toBe(true);
    expect((await store.saveClip({ ...c, note: 'changed in flight' }, article())).created).toBe(false);
    const all = await store.listClips();
    expect(all).toHaveLength(1);
    expect(all[0].note).toBe('');
  });

  test('lists newest first, by article, council, grade and tag', async () => {
    const a = clip({ councilCodes: ['E09000012'], grades: ['good'], tags: ['hackney'] });
    const b = clip({ url: 'https://news.example/b', councilCodes: ['E10000012'], grades: ['outstanding'] });
    const c = clip({
      councilCodes: ['E09000012', 'E10000012'],
      grades: ['inadequate'],
      tags: ['hackney', 'follow-up'],
    });
    await store.saveClip(a, article());
    await store.saveClip(b, article('https://news.example/b'));
    await store.saveClip(c, article());
    const ids = (cs: Clip[]) => cs.map((x) => x.id);
    expect(ids(await store.listClips())).toEqual([c.id, b.id, a.id]);
    expect(ids(await store.listClips({ articleId: 'https://news.example/a' }))).toEqual([c.id, a.id]);
    expect(ids(await store.listClips({ council: 'E10000012' }))).toEqual([c.id, b.id]);
    expect(ids(await store.listClips({ grade: 'good' }))).toEqual([a.id]);
    expect(ids(await store.listClips({ tag: 'hackney' }))).toEqual([c.id, a.id]);
    expect(ids(await store.listClips({ tag: 'hackney', grade: 'inadequate' }))).toEqual([c.id]);
    expect(ids(await store.listClips({ limit: 1 }))).toEqual([c.id]);
  });

  test('notes, tags and colour can be changed; tags are trimmed and de-duplicated', async () => {
    const c = clip();
    await store.saveClip(c, article());
    const next = await store.updateClip(c.id, {
      note: 'Check the 2019 report',
      tags: [' caseloads ', 'caseloads', ''],
    });
    expect(next).toMatchObject({ note: 'Check the 2019 report', tags: ['caseloads'] });
    expect((await store.listClips({ tag: 'caseloads' })).map((x) => x.id)).toEqual([c.id]);
    expect(await store.updateClip('missing', { note: 'x' })).toBeNull();
  });

  test('an orphaned clip is kept and can be found again', async () => {
    const c = clip();
    await store.saveClip(c, article());
    await store.setOrphaned([{ id: c.id, orphaned: true }]);
    expect((await store.getClip(c.id))?.orphaned).toBe(true);
    await store.setOrphaned([{ id: c.id, orphaned: false }]);
    expect((await store.getClip(c.id))?.orphaned).toBe(false);
  });

  test('clips for a page are found by URL or by canonical URL', async () => {
    const c = clip({ url: 'https://news.example/a?utm=x', articleId: 'https://news.example/a?utm=x' });
    await store.saveClip(c, article('https://news.example/a?utm=x', { canonicalUrl: 'https://news.example/a' }));
    expect((await store.clipsForPage('https://news.example/a?utm=x')).map((x) => x.id)).toEqual([c.id]);
    expect(
      (await store.clipsForPage('https://news.example/a?ref=y', 'https://news.example/a')).map((x) => x.id),
    ).toEqual([c.id]);
  });

  test('the clipped-pages list names every page with a clip, by id and canonical URL', async () => {
    await store.saveClip(
      clip({ url: 'https://n.example/x?utm=1', articleId: 'https://n.example/x?utm=1' }),
      article('https://n.example/x?utm=1', { canonicalUrl: 'https://n.example/x' }),
    );
    await store.saveRecord(article('https://n.example/record-only'));
    expect((await store.clippedPages()).sort()).toEqual(['https://n.example/x', 'https://n.example/x?utm=1']);
  });

  test('an inspection record saves the outcomes on the article', async () => {
    const outcome = {
      council: { code: 'E09000022', name: 'Lambeth' },
      grade: 'requires improvement' as const,
      current: true,
    };
    const saved = await store.saveRecord(article('https://news.example/a', { outcomes: [outcome] }));
    expect(saved.recordSaved).toBeGreaterThan(0);
    expect((await store.getArticle('https://news.example/a'))?.outcomes).toEqual([outcome]);
    expect((await store.listArticles()).map((a) => a.id)).toEqual(['https://news.example/a']);
  });

  test('concurrent saves from several tabs all land, each once', async () => {
    const clips = Array.from({ length: 50 }, (_, i) => clip({ url: `https://news.example/${i % 3}` }));
    await Promise.all([...clips, ...clips.slice(0, 10)].map((c) => store.saveClip(c, article(c.url))));
    expect(await store.listClips()).toHaveLength(50);
  });

  test('a full quota is reported as a clear error, not lost silently', async () => {
    const c = clip();
    await store.saveClip(clip(), article());
    // Simulate the browser refusing the write.
    const original = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      await expect(store.saveClip(c, article())).rejects.toThrow(/storage quota exceeded/);
    } finally {
      IDBObjectStore.prototype.add = original;
    }
  });
});

describe('schema upgrades keep every record', () => {
  test(`version 1 database with data opens as version ${DB_VERSION} with every clip and article`, async () => {
    // Build a version-1 database the way version 1 of the extension wrote it.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('inspection-lens', 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        const clips = db.createObjectStore('clips', { keyPath: 'id' });
        clips.createIndex('byArticle', 'articleId');
        clips.createIndex('byCreated', 'created');
        db.createObjectStore('articles', { keyPath: 'id' });
        const tx = req.transaction as IDBTransaction;
        for (let i = 0; i < 25; i++)
          tx.objectStore('clips').add({
            id: `v1-${i}`,
            articleId: 'https://old.example/x',
            url: 'https://old.example/x',
            quote: `old quote ${i}`,
            selectors: [
              { type: 'TextQuoteSelector', exact: `old quote ${i}`, prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start: i, end: i + 9 },
            ],
            category: i % 2 ? 'grade' : 'selection',
            finding:
              i % 2
                ? { kind: 'grade', grade: 'inadequate', councils: [{ code: 'E09000022', name: 'Lambeth' }] }
                : undefined,
            created: 100 + i,
          });
        tx.objectStore('articles').add({
          id: 'https://old.example/x',
          url: 'https://old.example/x',
          title: 'Old',
          created: 5,
        });
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const all = await store.listClips();
    expect(all).toHaveLength(25);
    expect(all.every((c) => Array.isArray(c.tags) && c.note === '' && c.orphaned === false)).toBe(true);
    expect((await store.listClips({ council: 'E09000022' })).length).toBe(12);
    expect((await store.listClips({ grade: 'inadequate' })).length).toBe(12);
    const a = await store.getArticle('https://old.example/x');
    expect(a).toMatchObject({ title: 'Old', canonicalUrl: 'https://old.example/x', outcomes: [] });
  });
});
