// Store hardening (issue #17, items 3-5): versioned edits, paged lists, deep validation in and
// out, limits that fit real pages, the version-3 migration, and no partial write on a failed save.
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Article, Clip } from '../../lib/clips';
import { ClipStore, EditConflictError, type ListCursor, UnreadableClipError } from '../../lib/store/clip-store';
import { DB_VERSION, openLensDb } from '../../lib/store/db';
import { LIMITS, readArticle, readClip } from '../../lib/store/records';
import { numberedClip } from '../support/clip';

let n = 0;
const clip = (over: Partial<Clip> = {}): Clip => numberedClip(++n, over, 4);
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
const outcome = (i: number) => ({
  council: { code: `E0900${String(i).padStart(4, '0')}`, name: `Council ${i}` },
  grade: 'good' as const,
  current: i % 2 === 0,
  year: 2010 + (i % 14),
});

/** Writes raw records into the store's database, as a damaged or older profile would hold them. */
async function putRaw(name: 'clips' | 'articles', value: unknown) {
  const db = await openDB('inspection-lens');
  await db.put(name, value);
  db.close();
}
async function getRaw(name: 'clips' | 'articles', key: string) {
  const db = await openDB('inspection-lens');
  const v = await db.get(name, key);
  db.close();
  return v;
}

let store: ClipStore;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  store = new ClipStore();
});

describe('edits never lost: a version check on every edit', () => {
  test('an edit on the current version saves and moves the version on', async () => {
    const c = clip();
    await store.saveClip(c, article());
    const saved = await store.updateClip(c.id, { note: 'first', rev: 0, base: { note: '' } });
    expect(saved).toMatchObject({ note: 'first', rev: 1 });
    expect((await store.updateClip(c.id, { note: 'second', rev: 1, base: { note: 'first' } }))?.rev).toBe(2);
  });

  test('a stale copy cannot write its old note back: refused with the newer clip', async () => {
    const c = clip();
    await store.saveClip(c, article());
    await store.updateClip(c.id, { note: 'written in panel A', rev: 0, base: { note: '' } });
    // Panel B still shows version 0 with an empty note, and its reader typed something else.
    const stale = store.updateClip(c.id, { note: 'typed in panel B', rev: 0, base: { note: '' } });
    await expect(stale).rejects.toBeInstanceOf(EditConflictError);
    const err = await stale.catch((e: EditConflictError) => e);
    expect((err as EditConflictError).current.note).toBe('written in panel A');
    expect((await store.getClip(c.id))?.note).toBe('written in panel A');
  });

  test('edits of different fields from two panels merge: neither is lost', async () => {
    const c = clip();
    await store.saveClip(c, article());
    await store.updateClip(c.id, { note: 'note from A', rev: 0, base: { note: '' } });
    // B edited the tags on version 0; the note changed since, the tags did not: B's tags apply.
    const merged = await store.updateClip(c.id, { tags: ['caseloads'], rev: 0, base: { tags: [] } });
    expect(merged).toMatchObject({ note: 'note from A', tags: ['caseloads'], rev: 2 });
  });

  test('a stale edit without the values it started from is refused', async () => {
    const c = clip();
    await store.saveClip(c, article());
    await store.updateClip(c.id, { tags: ['x'], rev: 0 });
    await expect(store.updateClip(c.id, { note: 'late', rev: 0 })).rejects.toBeInstanceOf(EditConflictError);
  });

  test('a clip saved again (a retried save) keeps its version and edits', async () => {
    const c = clip();
    await store.saveClip(c, article());
    await store.updateClip(c.id, { note: 'kept', rev: 0 });
    expect((await store.saveClip({ ...c, rev: 99 }, article())).clip).toMatchObject({ note: 'kept', rev: 1 });
  });

  test('an unreadable stored clip is not changed by an edit', async () => {
    await store.saveClip(clip(), article());
    await putRaw('clips', { ...clip({ id: 'broken' }), tags: [null] });
    await expect(store.updateClip('broken', { note: 'x' })).rejects.toBeInstanceOf(UnreadableClipError);
  });
});

describe('lists read in pages', () => {
  test('pages cover every clip exactly once, newest first, ties on time included', async () => {
    // 130 clips, many saved in the same millisecond (an import, a burst of saves).
    const clips = Array.from({ length: 130 }, (_, i) => clip({ created: 5000 + Math.floor(i / 7) }));
    for (const c of clips) await store.saveClip(c, article());
    const seen: string[] = [];
    let after: ListCursor | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<ClipStore['listPage']>> = await store.listPage({}, after, 20);
      expect(page.clips.length).toBeLessThanOrEqual(20);
      seen.push(...page.clips.map((c) => c.id));
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(7);
    const expected = [...clips].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1)).map((c) => c.id);
    expect(seen).toEqual(expected);
  });

  test('a clip deleted between two pages does not stop or repeat the listing', async () => {
    const clips = Array.from({ length: 10 }, () => clip({ created: 7000 }));
    for (const c of clips) await store.saveClip(c, article());
    const first = await store.listPage({}, null, 4);
    await store.deleteClip(first.clips[3].id);
    const rest = await store.listPage({}, first.next, 100);
    expect([...first.clips, ...rest.clips].map((c) => c.id)).toEqual(
      clips.map((c) => c.id).sort((a, b) => (a < b ? 1 : -1)),
    );
    expect(new Set(rest.clips.map((c) => c.id)).has(first.clips[3].id)).toBe(false);
  });

  test('a page stops at its character budget, so big clips never make one huge reply', async () => {
    const big = 'x'.repeat(300_000);
    for (let i = 0; i < 12; i++) {
      const c = clip();
      await store.saveClip(
        { ...c, quote: big, selectors: [{ ...c.selectors[0], exact: big }, c.selectors[1]] },
        article(),
      );
    }
    const page = await store.listPage({}, null, 50, 2_000_000);
    expect(page.clips.length).toBeGreaterThan(0);
    expect(page.clips.length).toBeLessThan(12);
    expect(page.next).not.toBeNull();
    expect((await store.listClips()).length).toBe(12);
  });

  test('filters page too: by council, grade, tag and article', async () => {
    for (let i = 0; i < 60; i++)
      await store.saveClip(
        clip({ councilCodes: i % 3 ? [] : ['E09000022'], grades: i % 2 ? ['good'] : [], tags: i % 5 ? [] : ['t'] }),
        article(),
      );
    expect((await store.listPage({ council: 'E09000022' }, null, 100)).clips).toHaveLength(20);
    expect((await store.listPage({ grade: 'good' }, null, 100)).clips).toHaveLength(30);
    expect((await store.listPage({ tag: 't' }, null, 100)).clips).toHaveLength(12);
    expect((await store.listPage({ articleId: 'https://news.example/a' }, null, 100)).clips).toHaveLength(60);
  });
});

describe('every record validated on the way in and on the way out', () => {
  test('one malformed stored clip is listed as unreadable in its place; the others are read', async () => {
    const a = clip({ created: 3000 });
    const c = clip({ created: 1000 });
    await store.saveClip(a, article());
    await store.saveClip(c, article());
    await putRaw('clips', {
      ...clip({ id: 'bad', created: 2000 }),
      finding: { kind: 'grade', grade: 'good', councils: [null] },
    });
    const page = await store.listPage();
    expect(page.clips.map((x) => x.id)).toEqual([a.id, c.id]);
    expect(page.unreadable).toEqual([{ id: 'bad', created: 2000 }]);
    // The page of a content script gets only the readable clips.
    expect((await store.clipsForPage('https://news.example/a')).map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    expect(await store.getClip('bad')).toBeUndefined();
  });

  test('unknown fields are dropped before anything is stored', async () => {
    const c = { ...clip(), junk: 'x'.repeat(1_000_000), finding: undefined } as Clip & { junk: string };
    const a = { ...article(), tracker: { deep: [1, 2, 3] } } as Article & { tracker: unknown };
    await store.saveClip(c, a);
    const raw = await getRaw('clips', c.id);
    expect(Object.keys(raw).sort()).toEqual(Object.keys(readClip(c) as Clip).sort());
    expect(raw.junk).toBeUndefined();
    expect((await getRaw('articles', a.id)).tracker).toBeUndefined();
  });

  test('a malformed clip or article is refused with a reason, and nothing is stored', async () => {
    const bad = { ...clip(), finding: { kind: 'grade', councils: [{ code: 'E1', name: null }] } } as unknown as Clip;
    await expect(store.saveClip(bad, article())).rejects.toThrow(/could not read this clip/);
    expect(await store.listClips()).toEqual([]);
  });

  test('deep checks: every nested field of a clip is checked', () => {
    const good = clip({
      finding: { kind: 'grade', grade: 'good', councils: [{ code: 'E09000022', name: 'Lambeth' }] },
    });
    expect(readClip(good)).not.toBeNull();
    const broken: unknown[] = [
      { ...good, finding: { ...good.finding, councils: [null] } },
      { ...good, finding: { ...good.finding, councils: [{ code: 7, name: 'x' }] } },
      { ...good, finding: { ...good.finding, year: '2019' } },
      { ...good, selectors: [good.selectors[0], { type: 'TextPositionSelector', start: Number.NaN, end: 1 }] },
      { ...good, selectors: [{ ...good.selectors[0], prefix: 'p'.repeat(201) }, good.selectors[1]] },
      { ...good, tags: ['ok', 5] },
      { ...good, colour: 'ultraviolet' },
      { ...good, url: 'javascript:alert(1)' },
      { ...good, rev: -1 },
      { ...good, id: '' },
    ];
    for (const b of broken) expect(readClip(b)).toBeNull();
  });
});

describe('limits that fit real pages', () => {
  test('a round-up with 600 outcomes is kept whole; past the limit the list is trimmed, not refused', async () => {
    const many = Array.from({ length: 600 }, (_, i) => outcome(i));
    const c = clip();
    await store.saveClip(c, article(c.url, { outcomes: many }));
    expect((await store.getArticle(c.url))?.outcomes).toHaveLength(600);
    const huge = Array.from({ length: LIMITS.outcomes + 500 }, (_, i) => outcome(i));
    const saved = await store.saveRecord(article('https://news.example/roundup', { outcomes: huge }));
    expect(saved.outcomes).toHaveLength(LIMITS.outcomes);
  });

  test('a URL over 8,192 characters and a selection over 100,000 characters are saved', async () => {
    const url = `https://news.example/story?${'utm=x&'.repeat(2000)}`;
    expect(url.length).toBeGreaterThan(8192);
    const quote = 'Children wait too long. '.repeat(5000);
    expect(quote.length).toBeGreaterThan(100_000);
    const base = clip({ url, articleId: url, quote });
    const c = { ...base, selectors: [{ ...base.selectors[0], exact: quote }, base.selectors[1]] } as Clip;
    expect((await store.saveClip(c, article(url))).created).toBe(true);
    expect((await store.getClip(c.id))?.quote).toHaveLength(quote.length);
  });

  test('readArticle trims outcomes but refuses a malformed one', () => {
    expect(readArticle(article(undefined, { outcomes: [outcome(1), null as never] }))).toBeNull();
  });
});

describe('no partial write on a failed save', () => {
  test('the article write fails: the clip is not stored either', async () => {
    await store.saveClip(clip(), article());
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'articles') throw new DOMException('disk error', 'UnknownError');
      return original.apply(this, args);
    };
    const c = clip({ url: 'https://news.example/other' });
    try {
      await expect(store.saveClip(c, article(c.url))).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await store.getClip(c.id)).toBeUndefined();
    expect(await store.getArticle(c.url)).toBeUndefined();
    expect(await store.listClips()).toHaveLength(1);
  });
});

describe('schema version 3 keeps every clip', () => {
  test(`a version-2 store with clips opens as version ${DB_VERSION}: every clip listed, each at version 0`, async () => {
    const v2 = await openLensDb('inspection-lens', 2);
    for (let i = 0; i < 30; i++) {
      const { rev: _rev, ...old } = readClip(clip({ note: `note ${i}` })) as Clip;
      await v2.put('clips', old);
    }
    await v2.put('articles', article());
    // A record the new version cannot read is kept too (listed as unreadable, never deleted).
    await v2.put('clips', { ...clip({ id: 'odd' }), tags: 'not-a-list' } as unknown as Clip);
    v2.close();
    const page = await store.listPage({}, null, 100);
    expect(page.clips).toHaveLength(30);
    expect(page.clips.every((c) => c.rev === 0 && c.note.startsWith('note '))).toBe(true);
    expect(page.unreadable.map((u) => u.id)).toEqual(['odd']);
    const edited = await store.updateClip(page.clips[0].id, {
      note: 'after upgrade',
      rev: 0,
      base: { note: page.clips[0].note },
    });
    expect(edited?.rev).toBe(1);
  });
});
