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
import { type IDBPDatabase, unwrap } from 'idb';
import type { Article, Clip, ClipCategory } from '../clips';
import { normalise, searchTextOf, textMatcher } from '../search-text';
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
  /**
   * A provisional reply (the first window, read before the layout): its rows and the headings it
   * sends are exact, but `headings` holds only the window's and `length` is an estimate; the
   * background tells the views to ask again once the layout is read.
   */
  partial?: boolean;
}

/** How often the search cache checks for writes that bypassed the background (another context). */
const FINGERPRINT_EVERY_MS = 1000;

/** How long after a reply from the indexes the search cache starts to be built (the panel's next requests come first). */
const IDLE_BUILD_MS = 1000;

/** The most clips the provisional first window reads (its articles' clips in full); more: the exact path answers. */
const FIRST_WINDOW_READ = 5000;

/** The panel's first query: no text, no filter, grouped by article, from the top. */
function isFirstWindow(q: CollectionQuery): boolean {
  return (
    !textMatcher(q.text) &&
    !q.category &&
    !q.grade &&
    !q.council &&
    !q.tag &&
    q.from === undefined &&
    q.to === undefined &&
    q.groupBy !== 'council' &&
    Math.max(0, Math.floor(q.offset ?? 0)) === 0
  );
}

/** The most rows one reply carries. */
export const MAX_WINDOW = 500;
/** Characters of a quote sent for a row (the row shows three lines; the whole clip stays in the store). */
export const QUOTE_SHOWN = 2000;
/** The heading of stored records that could not be read (listed when nothing is filtered). */
export const UNREADABLE_GROUP = 'Clips that could not be read';

interface Entry {
  clip: Clip;
  /** Normalised words of quote, note, tags and headline, space-separated, with a space at each end (null: not worked out yet). */
  text: string | null;
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

/** Works out every entry's search text not yet worked out. */
function searchable(cache: Cache) {
  for (const e of cache.entries.values()) e.text ??= entryText(e.clip, cache.articles.get(e.clip.articleId));
}

const NO_COUNCIL = '';

/** What grouping and ordering read of a clip (the index path has only these until the window is read). */
interface Lite {
  id: string;
  created: number;
  articleId: string;
  councilCodes: string[];
}

/** Where the window's clips and articles come from (the cache, or the store). Null: a record could not be read. */
interface Source {
  unreadable: { id: string; created: number }[];
  clips(ids: string[]): Promise<Map<string, Clip> | null>;
  articles(ids: string[]): Promise<Map<string, Article>>;
}

const filterKey = (q: CollectionQuery) => JSON.stringify([q.category, q.grade, q.council, q.tag, q.from, q.to]);

/** Each distinct key of an index with its first primary key, read with a key-only cursor that skips repeats. */
function distinctKeys(index: IDBIndex): Promise<[IDBValidKey, IDBValidKey][]> {
  return new Promise((resolve, reject) => {
    const out: [IDBValidKey, IDBValidKey][] = [];
    const req = index.openKeyCursor(null, 'nextunique');
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve(out);
      out.push([cursor.key, cursor.primaryKey]);
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
}

const newestFirst = (a: Lite, b: Lite) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** A clip with its quote cut for display (the store keeps it whole). */
function shortened(c: Clip): Clip {
  const quote = `${c.quote.slice(0, QUOTE_SHOWN)}…`;
  return { ...c, quote, selectors: [{ ...c.selectors[0], exact: quote }, c.selectors[1]] };
}

export class Collection {
  private dbPromise: Promise<IDBPDatabase<LensDB>> | null = null;
  private cache: Promise<Cache> | null = null;
  /** Clips' places in time and their articles (and councils), read from the indexes; until the next write. */
  private layout: Promise<Map<string, Lite> | null> | null = null;
  /** When the store's fingerprint was last read (Date.now()). */
  private checkedAt = 0;
  /** A layout has been read since the background started (later ones, after writes, are read as before). */
  private laidOut = false;
  private councils: Promise<boolean> | null = null;
  /** The cache is built (queries with no text stop using the indexes alone). */
  private ready = false;
  private building = false;
  /** The last search's matches (cleared by every write): a longer prefix only filters them. */
  private last: { key: string; words: string; matched: Clip[] } | null = null;
  /** For tests: every query through the cache. */
  noIndexPath = false;
  /** Ids matching one index filter (`grade:good`), read once until the next write. */
  private keys = new Map<string, Promise<Set<string>>>();

  /**
   * `onStale`: called when the cache, built after a reply the indexes gave, finds records that
   * could not be read (that reply did not list them): the views should ask again.
   * `firstWindow`: the panel's first query, asked before the layout is read, gets a provisional
   * reply (`partial`, see `firstWindow`) and `onStale` is called once the layout is read; for a
   * caller whose views ask again on `onStale` (the background). Off: every reply is exact.
   */
  constructor(
    private readonly name?: string,
    private readonly onStale?: () => void,
    private readonly options: { firstWindow?: boolean } = {},
  ) {}

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

  /** `typing`: a search as the reader types (the store's look is then checked once a second, not each time). */
  private async load(typing = false): Promise<Cache> {
    if (this.cache) {
      const cache = await this.cache;
      // Each check is a database round trip (about as long as the whole search in Chromium): while
      // the reader types, once a second is enough (the background's own writes update the cache).
      const t = Date.now();
      if (cache.fingerprint === null || !typing || t - this.checkedAt >= FINGERPRINT_EVERY_MS) {
        const now = await this.fingerprint();
        this.checkedAt = t;
        if (cache.fingerprint === null) cache.fingerprint = now;
        else if (cache.fingerprint !== now) this.invalidate();
      }
    }
    this.cache ??= (async () => {
      const fingerprint = await this.fingerprint();
      this.checkedAt = Date.now();
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
        // The search text is worked out later (when the background is idle, or by the first search).
        if (c) entries.set(c.id, { clip: c, text: null });
        else {
          const r = raw as { id?: unknown; created?: unknown } | null;
          unreadable.push({
            id: String(r?.id ?? ''),
            created: typeof r?.created === 'number' && Number.isFinite(r.created) ? r.created : 0,
          });
        }
      }
      unreadable.sort((a, b) => b.created - a.created);
      this.ready = true;
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

  /**
   * The ids a query's filters leave (in the order the cache path walks them), or null when nothing
   * is filtered.
   */
  private async filtered(q: CollectionQuery): Promise<string[] | null> {
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
    if (!sets.length) return null;
    const [smallest, ...rest] = (await Promise.all(sets)).sort((a, b) => a.size - b.size);
    const ids: string[] = [];
    for (const id of smallest) if (rest.every((s) => s.has(id))) ids.push(id);
    return ids;
  }

  /**
   * Searches, filters and groups the collection; returns the counts, the headings and one window of rows.
   *
   * A query with no search text, asked before the search cache is built (the panel's first render
   * after the background starts), is answered from the indexes alone (`queryIndexed`); the cache is
   * then built when the background is idle, or by the first query with text.
   */
  async query(q: CollectionQuery = {}): Promise<CollectionPage> {
    if (!this.ready && !textMatcher(q.text) && !this.noIndexPath) {
      if (this.options.firstWindow && isFirstWindow(q) && !this.laidOut) {
        const page = await this.firstWindow(q).catch(() => null);
        if (page) {
          // The exact layout next; once read, the views ask again (and get the same first window).
          this.readLayoutSoon().then(() => {
            this.onStale?.();
            this.buildSoon();
          });
          return page;
        }
      }
      const page = await this.queryIndexed(q).catch(() => null);
      if (page) {
        this.buildSoon();
        return page;
      }
    }
    return this.queryCached(q);
  }

  /**
   * Reads the layout the first query with no text needs (ids in time order, each clip's article),
   * ahead of that query: the background calls it when it starts with the panel open.
   */
  async warm(): Promise<void> {
    if (this.ready || this.noIndexPath) return;
    await this.readLayoutSoon();
  }

  /** Starts reading the layout, unless it is read or being read. */
  private readLayoutSoon() {
    this.layout ??= this.readLayout()
      .catch(() => null)
      .finally(() => {
        this.laidOut = true;
      });
    return this.layout;
  }

  /** The same query answered from the search cache (every clip read once and kept). */
  async queryCached(q: CollectionQuery = {}): Promise<CollectionPage> {
    const cache = await this.load(!!textMatcher(q.text));
    const ids = await this.filtered(q);
    const everything = ids === null && !q.text?.trim();
    const test = textMatcher(q.text);
    if (test) searchable(cache);
    const matched: Clip[] = [];
    const prior = test ? this.previous(q) : null;
    if (prior) {
      // A longer prefix of the last search (same filters): only the last matches can match.
      for (const c of prior.matched) {
        const e = cache.entries.get(c.id);
        if (e && test?.(e.text as string)) matched.push(e.clip);
      }
    } else if (ids) {
      for (const id of ids) {
        const e = cache.entries.get(id);
        if (e && (!test || test(e.text as string))) matched.push(e.clip);
      }
    } else for (const e of cache.entries.values()) if (!test || test(e.text as string)) matched.push(e.clip);
    if (test) this.last = { key: filterKey(q), words: normalise(q.text ?? ''), matched };
    const page = await this.window(matched, this.fromCache(cache), q, everything);
    return page as CollectionPage;
  }

  /**
   * The last search's matches, if `q` narrows it: same filters, and its normalised text starts with
   * the last one's ("leeds urg" -> "leeds urge" or "leeds urgently i"), so every clip it matches
   * matched before (the last search's whole words stay whole, its prefix word only grows).
   */
  private previous(q: CollectionQuery) {
    const last = this.last;
    if (!last || last.key !== filterKey(q) || !last.words) return null;
    return normalise(q.text ?? '').startsWith(last.words) ? last : null;
  }

  /**
   * The query answered from the indexes: ids, creation times and articles (or councils) from
   * key-only cursors, then only the window's clips and articles read. Null when the store holds
   * records the indexes cannot vouch for (the cache path lists them as unreadable).
   */
  async queryIndexed(q: CollectionQuery = {}): Promise<CollectionPage | null> {
    if (textMatcher(q.text)) return null;
    const idsP = this.filtered(q);
    const lite = await this.readLayoutSoon();
    if (!lite) return null;
    if (q.groupBy === 'council') {
      this.councils ??= this.readCouncils(lite).catch(() => false);
      if (!(await this.councils)) return null;
    }
    const ids = await idsP;
    const db = await this.db();
    const tx = db.transaction(['clips', 'articles']);
    const matched: Lite[] = [];
    if (ids) {
      for (const id of ids) {
        const l = lite.get(id);
        if (l) matched.push(l);
      }
    } else {
      // The cache path walks clips in key order (as getAll reads them).
      const all = [...lite.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const l of all) matched.push(l);
    }
    const clipStore = tx.objectStore('clips');
    const articleStore = tx.objectStore('articles');
    return this.window(
      matched,
      {
        unreadable: [],
        async clips(wanted) {
          const got = await Promise.all(wanted.map((id) => clipStore.get(id)));
          const out = new Map<string, Clip>();
          for (const raw of got) {
            const c = readClip(raw);
            // A record the indexes list but that cannot be read: let the cache path list it as such.
            if (!c) return null;
            out.set(c.id, c);
          }
          return out;
        },
        async articles(wanted) {
          const got = await Promise.all(wanted.map((id) => articleStore.get(id)));
          const out = new Map<string, Article>();
          for (const raw of got) {
            const a = readArticle(raw);
            if (a) out.set(a.id, a);
          }
          return out;
        },
      },
      q,
      ids === null,
    );
  }

  private fromCache(cache: Cache): Source {
    return {
      unreadable: cache.unreadable,
      clips: async (ids) => {
        const out = new Map<string, Clip>();
        for (const id of ids) {
          const e = cache.entries.get(id);
          if (e) out.set(id, e.clip);
        }
        return out;
      },
      articles: async (ids) => {
        const out = new Map<string, Article>();
        for (const id of ids) {
          const a = cache.articles.get(id);
          if (a) out.set(id, a);
        }
        return out;
      },
    };
  }

  /**
   * Every clip's place in time and its article, from the indexes alone (one request for the ids in
   * time order, one per article for its clips); kept until the next write. Null when the store holds
   * records the indexes cannot vouch for (the cache path then answers, and lists them as unreadable).
   */
  private async readLayout(): Promise<Map<string, Lite> | null> {
    const db = await this.db();
    const tx = db.transaction(['clips', 'articles']);
    const clips = tx.objectStore('clips');
    // Three read-only transactions, which the browser may serve side by side (a write in between
    // shows as ids that do not line up, and the cache path answers).
    const own = () => db.transaction('clips').store;
    const [count, byTime, byArticle, firsts] = await Promise.all([
      clips.count(),
      clips.index('byCreated').getAllKeys(),
      // Ids in article order, and each article's first id (a key cursor that skips repeats): where each article's clips start.
      own().index('byArticle').getAllKeys(),
      distinctKeys(unwrap(own().index('byArticle'))),
    ]);
    // A record without a creation time or an article is not in those indexes: the cache path lists it as unreadable.
    if (byTime.length !== count || byArticle.length !== count) return null;
    // The clips' order in the list (time, then id) stands for their creation times.
    const lite = new Map<string, Lite>();
    byTime.forEach((id, rank) => {
      lite.set(id, { id, created: rank, articleId: '', councilCodes: [] });
    });
    let next = 0;
    let articleId = '';
    for (const id of byArticle) {
      if (next < firsts.length && firsts[next][1] === id) articleId = String(firsts[next++][0]);
      const l = lite.get(id);
      if (!l || !articleId) return null;
      l.articleId = articleId;
    }
    if (next !== firsts.length) return null;
    return lite;
  }

  /**
   * The panel's first query (no text, no filter, by article, from the top) answered before the
   * layout is read: the newest `limit` clips from the time index (they name every article whose
   * heading falls in the window: an article's newest clip has fewer clips before it than its
   * heading has items before it), each article's count, then those articles' clips in full. The
   * window's rows and headings are those of the exact reply; `total` is the store's count (records
   * that cannot be read included), `headings` only the window's and `length` an estimate
   * (`partial`). Null when it cannot vouch for its window (a record in it it cannot read, a
   * collection shorter than the window, very large articles): the exact path answers.
   */
  private async firstWindow(q: CollectionQuery): Promise<CollectionPage | null> {
    const end = Math.min(MAX_WINDOW, Math.max(0, Math.floor(q.limit ?? 50)));
    if (!end) return null;
    const db = await this.db();
    const tx = db.transaction(['clips', 'articles']);
    const clipStore = tx.objectStore('clips');
    const byArticle = clipStore.index('byArticle');
    // The newest `end` clips in three requests (not one per clip): the `end`-th newest clip's time
    // (a key cursor from the newest end, advanced), then every clip from that time on.
    const newestRecords = async () => {
      const byCreated = clipStore.index('byCreated');
      let cursor = await byCreated.openKeyCursor(null, 'prev');
      if (cursor && end > 1) cursor = await cursor.advance(end - 1);
      if (!cursor) return null;
      // In index order (time, then id): reversed, the order clips are listed in.
      return (await byCreated.getAll(IDBKeyRange.lowerBound(cursor.key))).reverse().slice(0, end);
    };
    // Counts in transactions of their own, which the browser may serve beside the reads.
    const [count, articleCount, newest] = await Promise.all([db.count('clips'), db.count('articles'), newestRecords()]);
    // A collection shorter than the window: the exact path answers (and lists anything unreadable).
    if (!newest) return null;
    // Articles in list order: each one's newest clip, newest first.
    const order: string[] = [];
    const seen = new Set<string>();
    for (const raw of newest) {
      const c = readClip(raw);
      if (!c) return null;
      if (!seen.has(c.articleId)) {
        seen.add(c.articleId);
        order.push(c.articleId);
      }
    }
    const counts = await Promise.all(order.map((a) => byArticle.count(IDBKeyRange.only(a))));
    const shown: string[] = [];
    let at = 0;
    let members = 0;
    for (let i = 0; i < order.length && at < end; i++) {
      shown.push(order[i]);
      at += 1 + counts[i];
      members += counts[i];
    }
    if (at < end || members > FIRST_WINDOW_READ) return null;
    const matched: Lite[] = [];
    const got = new Map<string, Clip>();
    for (const raws of await Promise.all(shown.map((a) => byArticle.getAll(IDBKeyRange.only(a))))) {
      for (const raw of raws) {
        const c = readClip(raw);
        if (!c) return null;
        got.set(c.id, c);
        matched.push({ id: c.id, created: c.created, articleId: c.articleId, councilCodes: [] });
      }
    }
    // The order the exact paths walk clips in (key order): a group's first clip is its smallest id.
    matched.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const articleStore = tx.objectStore('articles');
    const page = await this.window(
      matched,
      {
        unreadable: [],
        async clips(ids) {
          const out = new Map<string, Clip>();
          for (const id of ids) {
            const c = got.get(id);
            if (!c) return null;
            out.set(id, c);
          }
          return out;
        },
        async articles(ids) {
          const raws = await Promise.all(ids.map((id) => articleStore.get(id)));
          const out = new Map<string, Article>();
          for (const raw of raws) {
            const a = readArticle(raw);
            if (a) out.set(a.id, a);
          }
          return out;
        },
      },
      { groupBy: 'article', offset: 0, limit: end },
      false,
    );
    if (!page) return null;
    // Every clip has a heading above it: at most one per article record, at least the window's.
    const length = Math.max(page.length, count + Math.min(count, Math.max(articleCount, shown.length)));
    return { ...page, total: count, length, partial: true };
  }

  /** Each clip's councils, from the council index (its distinct keys, then each council's clips). */
  private async readCouncils(lite: Map<string, Lite>): Promise<boolean> {
    const db = await this.db();
    const index = db.transaction('clips').store.index('byCouncil');
    const codes = (await distinctKeys(unwrap(index))).map(([code]) => code);
    const perCouncil = await Promise.all(codes.map((c) => index.getAllKeys(IDBKeyRange.only(c))));
    perCouncil.forEach((members, i) => {
      for (const id of members) lite.get(id)?.councilCodes.push(String(codes[i]));
    });
    return true;
  }

  /** Builds the search cache once the background is idle (after the first reply went out). */
  private buildSoon() {
    if (this.building) return;
    this.building = true;
    setTimeout(() => {
      this.load()
        .then(async (cache) => {
          // The search text, in slices (queries are answered in between).
          const todo = [...cache.entries.values()].filter((e) => e.text === null);
          for (let i = 0; i < todo.length; i += 1000) {
            await new Promise((r) => setTimeout(r, 0));
            for (const e of todo.slice(i, i + 1000)) e.text ??= entryText(e.clip, cache.articles.get(e.clip.articleId));
          }
          // The indexes answered without the records that cannot be read: the panel asks again and lists them.
          if (cache.unreadable.length) this.onStale?.();
        })
        .catch(() => {})
        .finally(() => {
          this.building = false;
        });
    }, IDLE_BUILD_MS);
  }

  private async window(
    matched: Lite[],
    src: Source,
    q: CollectionQuery,
    everything: boolean,
  ): Promise<CollectionPage | null> {
    const groups = new Map<string, { key: string; members: Lite[]; newest: Lite; first: Lite }>();
    const add = (key: string, c: Lite) => {
      let g = groups.get(key);
      if (!g) {
        g = { key, members: [], newest: c, first: c };
        groups.set(key, g);
      }
      g.members.push(c);
      if (newestFirst(c, g.newest) < 0) g.newest = c;
    };
    const byCouncil = q.groupBy === 'council';
    if (byCouncil) {
      for (const c of matched) for (const code of c.councilCodes.length ? c.councilCodes : [NO_COUNCIL]) add(code, c);
    } else for (const c of matched) add(c.articleId, c);
    // Articles: most recently clipped first (their newest clips in the order clips are listed: time,
    // then id, so the indexes' order alone gives it). Councils: by name ("No council" last), named by the
    // first matching clip's finding. Clips in a group: newest first.
    let ordered = [...groups.values()];
    const titles = new Map<string, string>();
    if (byCouncil) {
      const firsts = await src.clips(ordered.filter((g) => g.key !== NO_COUNCIL).map((g) => g.first.id));
      if (!firsts) return null;
      for (const g of ordered)
        titles.set(
          g.key,
          g.key === NO_COUNCIL
            ? 'No council named'
            : (firsts.get(g.first.id)?.finding?.councils.find((x) => x.code === g.key)?.name ?? g.key),
        );
      const title = (g: { key: string }) => titles.get(g.key) ?? g.key;
      ordered = ordered.sort((a, b) =>
        a.key === NO_COUNCIL ? 1 : b.key === NO_COUNCIL ? -1 : title(a).localeCompare(title(b)),
      );
    } else ordered.sort((a, b) => newestFirst(a.newest, b.newest));

    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const end = offset + Math.min(MAX_WINDOW, Math.max(0, Math.floor(q.limit ?? 50)));
    // Where each group and row falls; only the window's clips and articles are then read.
    const shownGroups: { g: (typeof ordered)[0]; index: number }[] = [];
    const shownRows: { index: number; id: string }[] = [];
    let index = 0;
    const headings: number[] = [];
    for (const g of ordered) {
      headings.push(index);
      if (index >= offset && index < end) shownGroups.push({ g, index });
      const first = index + 1;
      const from = Math.max(first, offset);
      const to = Math.min(first + g.members.length, end);
      if (from < to) g.members.sort(newestFirst);
      for (let i = from; i < to; i++) shownRows.push({ index: i, id: g.members[i - first].id });
      index = first + g.members.length;
    }
    // An article heading with no stored article falls back on its first clip's address.
    const clips = await src.clips([
      ...new Set([...shownRows.map((r) => r.id), ...(byCouncil ? [] : shownGroups.map(({ g }) => g.first.id))]),
    ]);
    if (!clips) return null;
    const articleIds = new Set<string>();
    for (const c of clips.values()) articleIds.add(c.articleId);
    if (!byCouncil) for (const { g } of shownGroups) articleIds.add(g.key);
    const articles = await src.articles([...articleIds]);
    const headers: GroupHeader[] = shownGroups.map(({ g, index }) => {
      if (byCouncil) return { key: g.key, title: titles.get(g.key) ?? g.key, count: g.members.length, index };
      const a = articles.get(g.key);
      const url0 = clips.get(g.first.id)?.url ?? '';
      return {
        key: g.key,
        title: a?.title || url0,
        site: a?.site ?? '',
        date: a?.published ?? a?.created ?? clips.get(g.first.id)?.created ?? 0,
        url: a?.url ?? url0,
        count: g.members.length,
        index,
      };
    });
    const rows: CollectionRow[] = [];
    for (const r of shownRows) {
      const clip = clips.get(r.id);
      if (!clip) return null;
      const a = articles.get(clip.articleId);
      const cut = clip.quote.length > QUOTE_SHOWN;
      rows.push({
        index: r.index,
        clip: cut ? shortened(clip) : clip,
        ...(cut ? { cut } : {}),
        title: a?.title || clip.url,
        site: a?.site ?? '',
      });
    }
    // Records that could not be read are listed (as such) when nothing is filtered: never hidden, never deleted.
    const unreadable = src.unreadable;
    if (everything && unreadable.length) {
      headings.push(index);
      if (index >= offset && index < end)
        headers.push({ key: UNREADABLE_GROUP, title: UNREADABLE_GROUP, count: unreadable.length, index });
      const first = index + 1;
      for (let i = Math.max(first, offset); i < Math.min(first + unreadable.length, end); i++)
        rows.push({ index: i, clip: null, unreadable: unreadable[i - first], title: '', site: '' });
      index = first + unreadable.length;
    }
    return {
      total: matched.length,
      length: index,
      headings,
      groups: headers,
      rows,
      unreadable: unreadable.length,
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

  /** A write happened: what was worked out from the clips (index ids, layout, councils, last search) is read anew. */
  private forgetDerived() {
    this.keys.clear();
    this.layout = null;
    this.councils = null;
    this.last = null;
  }

  /** A clip was saved with its article (the article's headline may have changed). */
  saved(clip: Clip, article: Article) {
    this.articleSaved(article);
    this.cache?.then(
      (cache) => {
        cache.entries.set(clip.id, { clip, text: entryText(clip, cache.articles.get(clip.articleId)) });
      },
      () => {},
    );
  }

  /** An article was saved (with a clip, or its inspection record): its headline may have changed. */
  articleSaved(article: Article) {
    this.forgetDerived();
    this.cache?.then(
      (cache) => {
        cache.fingerprint = null; // this write is in the cache: the store's new look is read, not taken as another's
        const a = readArticle(article);
        if (!a) return;
        const before = cache.articles.get(a.id);
        cache.articles.set(a.id, { ...before, ...a });
        if (before && before.title !== a.title)
          for (const e of cache.entries.values()) if (e.clip.articleId === a.id) e.text = entryText(e.clip, a);
      },
      () => {},
    );
  }

  /** A clip changed (note, tags, orphaned state) or was put back. */
  changed(clip: Clip) {
    this.forgetDerived();
    this.cache?.then(
      (cache) => {
        cache.fingerprint = null;
        cache.entries.set(clip.id, { clip, text: entryText(clip, cache.articles.get(clip.articleId)) });
      },
      () => {},
    );
  }

  /** The content script found (or did not find) these clips on their page. */
  orphaned(states: { id: string; orphaned: boolean }[]) {
    this.last = null;
    this.cache?.then(
      (cache) => {
        cache.fingerprint = null;
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
    this.forgetDerived();
    this.cache?.then(
      (cache) => {
        cache.fingerprint = null;
        for (const id of ids) cache.entries.delete(id);
      },
      () => {},
    );
  }

  /** Anything else was written (an import, a saved record, orphan states): read everything again on the next query. */
  invalidate() {
    this.forgetDerived();
    this.ready = false;
    this.cache = null;
  }

  close() {
    this.dbPromise?.then((db) => db.close());
    this.dbPromise = null;
    this.invalidate();
  }
}
