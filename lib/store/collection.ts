// The Collection view's queries: every clip searched, filtered, grouped (by article or by council)
// and read one window at a time, so the side panel never holds the whole collection.
//
// Filters use the store's indexes (category, grade, council, tag, creation time): each filter's
// matching ids are read once with getAllKeys and kept until the next write. Full-text search runs
// over an in-memory cache of every clip with its text normalised (quote, note, tags, headline:
// lower case, accents and punctuation removed), built on the first query and kept fresh by the
// background on every write (`saved`, `changed`, `deleted`, `invalidate`). Chosen by measurement
// (scripts/bench-collection.ts): a scan of 10,000 normalised strings is a few milliseconds, well
// under a keystroke's budget, with no stored word index to keep in step with every edit.
import type { IDBPDatabase } from 'idb';
import type { Article, Clip, ClipCategory } from '../clips';
import { searchTextOf, textMatcher } from '../search-text';
import { type LensDB, openLensDb } from './db';
import { readArticle, readClip } from './records';

export { normalise } from '../search-text';

export type GroupBy = 'article' | 'council';

export interface CollectionQuery {
  /** Words to find in quotes, notes, tags and headlines (every word; the last one as a prefix). */
  text?: string;
  category?: ClipCategory;
  grade?: string;
  council?: string;
  tag?: string;
  /** Creation time range, milliseconds since 1970, both ends included. */
  from?: number;
  to?: number;
  groupBy?: GroupBy;
  /** The window of list items (group headings and clips, in list order) to return. */
  offset?: number;
  limit?: number;
}

/** A group's heading: an article (headline, site, date) or a council. */
export interface GroupHeader {
  key: string;
  title: string;
  site?: string;
  /** The article's publication date as the page gives it, else when it was first saved (ms). */
  date?: string | number;
  url?: string;
  /** Clips in the group that match. */
  count: number;
  /** The heading's position in the list (its clips follow it). */
  index: number;
}

export interface CollectionRow {
  /** The clip's position in the list. */
  index: number;
  /** The clip, its quote cut to QUOTE_SHOWN characters (`cut` says so); null for a record that could not be read. */
  clip: Clip | null;
  cut?: boolean;
  /** A stored record that could not be read: its id and when it was saved. */
  unreadable?: { id: string; created: number };
  /** The clip's article headline and site (shown when grouped by council). */
  title: string;
  site: string;
}

export interface CollectionPage {
  /** Clips that match (a clip about two councils counts once). */
  total: number;
  /** List items: every group heading and every clip row under it. */
  length: number;
  /** The positions of every group heading in the list (so the list knows every item's height). */
  headings: number[];
  /** Groups: every one (count: `headings.length`), but only the headings inside the window are sent. */
  groups: GroupHeader[];
  rows: CollectionRow[];
  /** Stored records that could not be read (not listed). */
  unreadable: number;
}

/** The most rows one reply carries. */
export const MAX_WINDOW = 500;
/** Characters of a quote sent for a row (the row shows three lines; the whole clip stays in the store). */
export const QUOTE_SHOWN = 2000;
/** The heading of stored records that could not be read (listed when nothing is filtered). */
export const UNREADABLE_GROUP = 'Clips that could not be read';

interface Entry {
  clip: Clip;
  /** Normalised words of quote, note, tags and headline, space-separated, with a space at each end. */
  text: string;
}

interface Cache {
  entries: Map<string, Entry>;
  articles: Map<string, Article>;
  unreadable: { id: string; created: number }[];
  /** What the store looked like when read (count, last update): a write that bypassed the background shows as a change. */
  fingerprint: string | null;
}

function entryText(c: Clip, a: Article | undefined): string {
  return searchTextOf(c, a?.title);
}

const NO_COUNCIL = '';

const newestFirst = (a: Clip, b: Clip) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** A clip with its quote cut for display (the store keeps it whole). */
function shortened(c: Clip): Clip {
  const quote = `${c.quote.slice(0, QUOTE_SHOWN)}…`;
  return { ...c, quote, selectors: [{ ...c.selectors[0], exact: quote }, c.selectors[1]] };
}

export class Collection {
  private dbPromise: Promise<IDBPDatabase<LensDB>> | null = null;
  private cache: Promise<Cache> | null = null;
  /** Ids matching one index filter (`grade:good`), read once until the next write. */
  private keys = new Map<string, Promise<Set<string>>>();

  constructor(private readonly name?: string) {}

  private db(): Promise<IDBPDatabase<LensDB>> {
    this.dbPromise ??= openLensDb(this.name).then(
      (db) => {
        // A newer version (or a deletion) elsewhere closes this connection: open again and read everything again.
        db.addEventListener('versionchange', () => {
          this.dbPromise = null;
          this.invalidate();
        });
        return db;
      },
      (e) => {
        this.dbPromise = null;
        throw e;
      },
    );
    return this.dbPromise;
  }

  private async fingerprint(): Promise<string> {
    const db = await this.db();
    const tx = db.transaction('clips');
    const [count, last] = await Promise.all([
      tx.store.count(),
      tx.store.index('byUpdated').openKeyCursor(null, 'prev'),
    ]);
    return `${count}|${last?.key ?? ''}|${last?.primaryKey ?? ''}`;
  }

  private async load(): Promise<Cache> {
    if (this.cache) {
      const cache = await this.cache;
      const now = await this.fingerprint();
      if (cache.fingerprint === null) cache.fingerprint = now;
      else if (cache.fingerprint !== now) this.invalidate();
    }
    this.cache ??= (async () => {
      const fingerprint = await this.fingerprint();
      const db = await this.db();
      const tx = db.transaction(['clips', 'articles']);
      const [rawClips, rawArticles] = await Promise.all([
        tx.objectStore('clips').getAll(),
        tx.objectStore('articles').getAll(),
      ]);
      const articles = new Map<string, Article>();
      for (const raw of rawArticles) {
        const a = readArticle(raw);
        if (a) articles.set(a.id, a);
      }
      const entries = new Map<string, Entry>();
      const unreadable: Cache['unreadable'] = [];
      for (const raw of rawClips) {
        const c = readClip(raw);
        if (c) entries.set(c.id, { clip: c, text: entryText(c, articles.get(c.articleId)) });
        else {
          const r = raw as { id?: unknown; created?: unknown } | null;
          unreadable.push({
            id: String(r?.id ?? ''),
            created: typeof r?.created === 'number' && Number.isFinite(r.created) ? r.created : 0,
          });
        }
      }
      unreadable.sort((a, b) => b.created - a.created);
      return { entries, articles, unreadable, fingerprint };
    })().catch((e) => {
      this.cache = null;
      throw e;
    });
    return this.cache;
  }

  /** Ids of clips whose index `index` holds `value` (or, for creation time, a value in the range). */
  private idsFrom(index: 'byCategory' | 'byGrade' | 'byCouncil' | 'byTag' | 'byCreated', range: IDBKeyRange | string) {
    const key = `${index}:${typeof range === 'string' ? range : `${range.lower}-${range.upper}`}`;
    let got = this.keys.get(key);
    if (!got) {
      got = this.db()
        .then((db) => db.getAllKeysFromIndex('clips', index, range))
        .then((ids) => new Set(ids.map(String)));
      got.catch(() => this.keys.delete(key));
      this.keys.set(key, got);
    }
    return got;
  }

  /** Searches, filters and groups the collection; returns the counts, the headings and one window of rows. */
  async query(q: CollectionQuery = {}): Promise<CollectionPage> {
    const cache = await this.load();
    const sets: Promise<Set<string>>[] = [];
    if (q.category) sets.push(this.idsFrom('byCategory', q.category));
    if (q.grade) sets.push(this.idsFrom('byGrade', q.grade));
    if (q.council) sets.push(this.idsFrom('byCouncil', q.council));
    if (q.tag) sets.push(this.idsFrom('byTag', q.tag));
    if (q.from !== undefined || q.to !== undefined)
      sets.push(
        this.idsFrom(
          'byCreated',
          IDBKeyRange.bound(q.from ?? Number.MIN_SAFE_INTEGER, q.to ?? Number.MAX_SAFE_INTEGER, false, false),
        ),
      );
    const filters = (await Promise.all(sets)).sort((a, b) => a.size - b.size);
    const everything = !sets.length && !q.text?.trim();
    const test = textMatcher(q.text);
    let candidates: Iterable<Entry>;
    if (filters.length) {
      const [smallest, ...rest] = filters;
      const picked: Entry[] = [];
      for (const id of smallest) {
        if (!rest.every((s) => s.has(id))) continue;
        const e = cache.entries.get(id);
        if (e) picked.push(e);
      }
      candidates = picked;
    } else candidates = cache.entries.values();
    const matched: Clip[] = [];
    for (const e of candidates) if (!test || test(e.text)) matched.push(e.clip);
    return this.window(matched, cache, q, everything);
  }

  private window(matched: Clip[], cache: Cache, q: CollectionQuery, everything: boolean): CollectionPage {
    const groups = new Map<string, { header: Omit<GroupHeader, 'count' | 'index'>; clips: Clip[]; latest: number }>();
    const add = (key: string, header: () => Omit<GroupHeader, 'count' | 'index'>, c: Clip) => {
      let g = groups.get(key);
      if (!g) {
        g = { header: header(), clips: [], latest: 0 };
        groups.set(key, g);
      }
      g.clips.push(c);
      if (c.created > g.latest) g.latest = c.created;
    };
    if (q.groupBy === 'council') {
      for (const c of matched) {
        const councils = c.councilCodes.length ? c.councilCodes : [NO_COUNCIL];
        for (const code of councils)
          add(
            code,
            () => ({
              key: code,
              title:
                code === NO_COUNCIL
                  ? 'No council named'
                  : (c.finding?.councils.find((x) => x.code === code)?.name ?? code),
            }),
            c,
          );
      }
    } else {
      for (const c of matched)
        add(
          c.articleId,
          () => {
            const a = cache.articles.get(c.articleId);
            return {
              key: c.articleId,
              title: a?.title || c.url,
              site: a?.site ?? '',
              date: a?.published ?? a?.created ?? c.created,
              url: a?.url ?? c.url,
            };
          },
          c,
        );
    }
    // Articles: most recently clipped first. Councils: by name ("No council" last). Clips in a group: newest first.
    const ordered = [...groups.values()];
    if (q.groupBy === 'council') {
      ordered.sort((a, b) =>
        a.header.key === NO_COUNCIL
          ? 1
          : b.header.key === NO_COUNCIL
            ? -1
            : a.header.title.localeCompare(b.header.title),
      );
    } else ordered.sort((a, b) => b.latest - a.latest || (a.header.key < b.header.key ? -1 : 1));

    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const end = offset + Math.min(MAX_WINDOW, Math.max(0, Math.floor(q.limit ?? 50)));
    const headers: GroupHeader[] = [];
    const rows: CollectionRow[] = [];
    let index = 0;
    const headings: number[] = [];
    for (const g of ordered) {
      headings.push(index);
      if (index >= offset && index < end) headers.push({ ...g.header, count: g.clips.length, index });
      const first = index + 1;
      // Only the rows inside the window are built (and only their groups sorted).
      const from = Math.max(first, offset);
      const to = Math.min(first + g.clips.length, end);
      if (from < to) g.clips.sort(newestFirst);
      for (let i = from; i < to; i++) {
        const clip = g.clips[i - first];
        const a = cache.articles.get(clip.articleId);
        const cut = clip.quote.length > QUOTE_SHOWN;
        rows.push({
          index: i,
          clip: cut ? shortened(clip) : clip,
          ...(cut ? { cut } : {}),
          title: a?.title || clip.url,
          site: a?.site ?? '',
        });
      }
      index = first + g.clips.length;
    }
    // Records that could not be read are listed (as such) when nothing is filtered: never hidden, never deleted.
    if (everything && cache.unreadable.length) {
      headings.push(index);
      if (index >= offset && index < end)
        headers.push({ key: UNREADABLE_GROUP, title: UNREADABLE_GROUP, count: cache.unreadable.length, index });
      const first = index + 1;
      for (let i = Math.max(first, offset); i < Math.min(first + cache.unreadable.length, end); i++)
        rows.push({ index: i, clip: null, unreadable: cache.unreadable[i - first], title: '', site: '' });
      index = first + cache.unreadable.length;
    }
    return {
      total: matched.length,
      length: index,
      headings,
      groups: headers,
      rows,
      unreadable: cache.unreadable.length,
    };
  }

  /** Deletes clips; returns the records deleted (so an undo can put them back exactly). */
  async deleteClips(ids: string[]): Promise<Clip[]> {
    const db = await this.db();
    const tx = db.transaction('clips', 'readwrite');
    const deleted: Clip[] = [];
    for (const id of new Set(ids)) {
      const c = readClip(await tx.store.get(id));
      if (!c) continue;
      await tx.store.delete(id);
      deleted.push(c);
    }
    await tx.done;
    this.deleted(deleted.map((c) => c.id));
    return deleted;
  }

  /**
   * Puts deleted clips back as they were (same id, version and fields). A clip whose id is stored
   * again meanwhile is left as it is. Returns the clips restored.
   */
  async restoreClips(clips: Clip[]): Promise<Clip[]> {
    const db = await this.db();
    const tx = db.transaction(['clips', 'articles'], 'readwrite');
    const restored: Clip[] = [];
    for (const raw of clips) {
      const c = readClip(raw);
      if (!c || (await tx.objectStore('clips').get(c.id))) continue;
      await tx.objectStore('clips').add(c);
      restored.push(c);
    }
    await tx.done;
    for (const c of restored) this.changed(c);
    return restored;
  }

  /** A clip was saved with its article (the article's headline may have changed). */
  saved(clip: Clip, article: Article) {
    this.keys.clear();
    this.cache?.then(
      (cache) => {
        const a = readArticle(article);
        if (a) {
          const before = cache.articles.get(a.id);
          cache.articles.set(a.id, { ...before, ...a });
          if (before && before.title !== a.title)
            for (const e of cache.entries.values()) if (e.clip.articleId === a.id) e.text = entryText(e.clip, a);
        }
        cache.entries.set(clip.id, { clip, text: entryText(clip, cache.articles.get(clip.articleId)) });
      },
      () => {},
    );
  }

  /** A clip changed (note, tags, orphaned state) or was put back. */
  changed(clip: Clip) {
    this.keys.clear();
    this.cache?.then(
      (cache) => {
        cache.entries.set(clip.id, { clip, text: entryText(clip, cache.articles.get(clip.articleId)) });
      },
      () => {},
    );
  }

  /** The content script found (or did not find) these clips on their page. */
  orphaned(states: { id: string; orphaned: boolean }[]) {
    this.cache?.then(
      (cache) => {
        for (const s of states) {
          const e = cache.entries.get(s.id);
          if (e) e.clip = { ...e.clip, orphaned: s.orphaned };
        }
      },
      () => {},
    );
  }

  /** Clips were deleted. */
  deleted(ids: string[]) {
    this.keys.clear();
    this.cache?.then(
      (cache) => {
        for (const id of ids) cache.entries.delete(id);
      },
      () => {},
    );
  }

  /** Anything else was written (an import, a saved record, orphan states): read everything again on the next query. */
  invalidate() {
    this.keys.clear();
    this.cache = null;
  }

  close() {
    this.dbPromise?.then((db) => db.close());
    this.dbPromise = null;
    this.invalidate();
  }
}
