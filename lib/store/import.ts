// Writing an import, and reading the collection in pages for an export. An import is one
// transaction over clips and articles: it lands whole or not at all (a failure, or an abort when
// the side panel closes, leaves the collection as it was). Clips already present, by id or by the
// same article and quote, are merged, never doubled.
import type { IDBPDatabase } from 'idb';
import { type Article, type Clip, type ExportFilter, type ExportPage, matchesFilter } from '../clips';
import { type LensDB, openLensDb } from './db';
import { readArticle, readClip } from './records';

export interface ImportResult {
  clipsAdded: number;
  clipsMerged: number;
  /** Clips already present exactly as in the file. */
  clipsUnchanged: number;
  articlesAdded: number;
  articlesMerged: number;
}

export interface ImportOptions {
  /** Called as records are written: how many of `total` (clips and articles) are done. */
  onProgress?(done: number, total: number): void;
  /** Aborting it rolls the whole import back. */
  signal?: AbortSignal;
  dbName?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A stored clip and an imported one as one: the later edit's note and colour, both sets of tags. */
export function mergeClip(existing: Clip, incoming: Clip): Clip {
  const newer = incoming.updated > existing.updated ? incoming : existing;
  const out: Clip = {
    ...existing,
    note: newer.note || existing.note || incoming.note,
    colour: newer.colour,
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    finding: existing.finding ?? incoming.finding,
    councilCodes: existing.finding
      ? existing.councilCodes
      : incoming.finding
        ? incoming.councilCodes
        : existing.councilCodes,
    grades: existing.finding ? existing.grades : incoming.finding ? incoming.grades : existing.grades,
    created: Math.min(existing.created, incoming.created),
    updated: Math.max(existing.updated, incoming.updated),
  };
  if (!out.finding) delete out.finding;
  return out;
}

/** A stored article and an imported one as one: what the stored one lacks is filled in. */
export function mergeArticle(existing: Article, incoming: Article): Article {
  const out: Article = {
    ...existing,
    title: existing.title || incoming.title,
    site: existing.site || incoming.site,
    canonicalUrl: existing.canonicalUrl || incoming.canonicalUrl,
    outcomes: existing.outcomes.length ? existing.outcomes : incoming.outcomes,
    created: Math.min(existing.created, incoming.created),
    updated: Math.max(existing.updated, incoming.updated),
  };
  const published = existing.published ?? incoming.published;
  if (published !== undefined) out.published = published;
  const saved = Math.max(existing.recordSaved ?? 0, incoming.recordSaved ?? 0);
  if (saved) out.recordSaved = saved;
  return out;
}

/**
 * Writes checked records (from `parseImport`) in one transaction. Resolves with what was added
 * and merged; rejects (having written nothing) when the write fails or is aborted.
 */
export async function importRecords(
  data: { clips: Clip[]; articles: Article[] },
  { onProgress, signal, dbName }: ImportOptions = {},
): Promise<ImportResult> {
  if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
  const db = await openLensDb(dbName);
  try {
    return await write(db, data, onProgress, signal);
  } finally {
    db.close();
  }
}

async function write(
  db: IDBPDatabase<LensDB>,
  data: { clips: Clip[]; articles: Article[] },
  onProgress: ImportOptions['onProgress'],
  signal: AbortSignal | undefined,
): Promise<ImportResult> {
  const result: ImportResult = {
    clipsAdded: 0,
    clipsMerged: 0,
    clipsUnchanged: 0,
    articlesAdded: 0,
    articlesMerged: 0,
  };
  const total = data.clips.length + data.articles.length;
  const tx = db.transaction(['clips', 'articles'], 'readwrite');
  const abort = () => {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
  };
  signal?.addEventListener('abort', abort, { once: true });
  const done = tx.done;
  done.catch(() => {});
  try {
    const clips = tx.objectStore('clips');
    const articles = tx.objectStore('articles');
    let written = 0;
    let pending: Promise<unknown>[] = [];
    /** Every 500 writes: wait for them (so progress is true) and report. */
    const step = async (p?: Promise<unknown>) => {
      if (p) {
        p.catch(() => {}); // a failed write fails the transaction, reported once below
        pending.push(p);
      }
      written++;
      if (pending.length >= 500 || written === total) {
        await Promise.all(pending);
        pending = [];
        onProgress?.(written, total);
      }
    };

    // Articles: by id, merged with the stored one.
    const storedArticles = new Map<string, Article>();
    for (const a of data.articles) {
      const existing = storedArticles.get(a.id) ?? (await articles.get(a.id));
      const next = existing ? mergeArticle(existing, a) : a;
      storedArticles.set(a.id, next);
      if (existing && same(existing, next)) await step();
      else {
        if (existing) result.articlesMerged++;
        else result.articlesAdded++;
        await step(articles.put(next));
      }
    }

    // Clips: by id; else the same passage saved in another browser under another id: a stored
    // clip of the same article with the same quote (at the same place, when several have it) whose
    // id the file does not hold. Two clips of one file are two clips: a page that prints a
    // passage twice (a repeated caption) can have a clip of each copy.
    const byQuote = new Map<string, Map<string, Clip[]>>();
    const known = new Map<string, Clip>();
    const storedIds = new Set(await clips.getAllKeys());
    const fileIds = new Set(data.clips.map((c) => c.id));
    const quotesOf = async (articleId: string) => {
      let m = byQuote.get(articleId);
      if (!m) {
        m = new Map();
        for (const c of await clips.index('byArticle').getAll(articleId)) {
          known.set(c.id, c);
          if (fileIds.has(c.id)) continue;
          const same = m.get(c.quote);
          if (same) same.push(c);
          else m.set(c.quote, [c]);
        }
        byQuote.set(articleId, m);
      }
      return m;
    };
    const taken = new Set<string>();
    const sameQuote = (quotes: Map<string, Clip[]>, c: Clip): Clip | undefined => {
      const free = (quotes.get(c.quote) ?? []).filter((x) => !taken.has(x.id));
      return free.find((x) => x.selectors[1].start === c.selectors[1].start) ?? free[0];
    };
    for (const c of data.clips) {
      const quotes = await quotesOf(c.articleId);
      const existing =
        known.get(c.id) ?? (storedIds.has(c.id) ? await clips.get(c.id) : undefined) ?? sameQuote(quotes, c);
      if (existing && existing.id !== c.id) taken.add(existing.id);
      const next = existing ? mergeClip(existing, c) : c;
      known.set(next.id, next);
      if (existing && same(existing, next)) {
        result.clipsUnchanged++;
        await step();
      } else {
        if (existing) result.clipsMerged++;
        else result.clipsAdded++;
        await step(clips.put(next));
      }
    }
    await Promise.all(pending);
    if (signal?.aborted) abort();
    await done;
    return result;
  } catch (e) {
    abort();
    await done.catch(() => {});
    if (signal?.aborted) throw new DOMException('The import was cancelled: nothing was written.', 'AbortError');
    throw e;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * Reads one page of at most `limit` records. The cursor walks the clips by id (with the articles
 * they belong to), then, when nothing is filtered out, every article by id, so an article saved
 * only as an inspection record is exported too.
 */
export async function readExportPage(
  cursor: string | null,
  limit: number,
  filter: ExportFilter = {},
  dbName?: string,
): Promise<ExportPage> {
  return withConnection(dbName, (db) => readPage(db, cursor, limit, filter));
}

/** Open connections for export pages, by IndexedDB factory and database name (one open per export, not per page). */
const connections = new WeakMap<IDBFactory, Map<string, Promise<IDBPDatabase<LensDB>>>>();

async function withConnection<T>(
  dbName: string | undefined,
  use: (db: IDBPDatabase<LensDB>) => Promise<T>,
): Promise<T> {
  const byName = connections.get(indexedDB) ?? new Map<string, Promise<IDBPDatabase<LensDB>>>();
  connections.set(indexedDB, byName);
  const key = dbName ?? '';
  for (let attempt = 0; ; attempt++) {
    let db = byName.get(key);
    if (!db) {
      db = openLensDb(dbName);
      byName.set(key, db);
      db.catch(() => byName.delete(key));
    }
    try {
      return await use(await db);
    } catch (e) {
      // Closed under us (a newer version of the database was opened elsewhere): open again, once.
      if (attempt > 0 || (e as { name?: string })?.name !== 'InvalidStateError') throw e;
      byName.delete(key);
    }
  }
}

async function readPage(
  db: IDBPDatabase<LensDB>,
  cursor: string | null,
  limit: number,
  filter: ExportFilter,
): Promise<ExportPage> {
  const tx = db.transaction(['clips', 'articles']);
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');
  const phase = cursor?.slice(0, 2) ?? 'c:';
  const after = cursor ? cursor.slice(2) : null;
  if (phase === 'c:') {
    // Read in chunks with getAll (one request each, not one per clip), filtered here; a
    // filtered page stops after 20 chunks too, so no page takes long.
    const clips: Clip[] = [];
    const headlines = new Map<string, string>();
    let last = after;
    let more = true;
    for (let chunk = 0; more && clips.length < limit && chunk < 20; chunk++) {
      const range = last === null ? undefined : IDBKeyRange.lowerBound(last, true);
      const size = limit - clips.length; // so a page never holds more than `limit` clips
      const got = await tx.objectStore('clips').getAll(range, size);
      // Every record checked on the way out: one that cannot be read is left out of the export.
      for (const raw of got) {
        const c = readClip(raw);
        if (!c) continue;
        // A search reads the article's headline too.
        if (filter.text && !headlines.has(c.articleId))
          headlines.set(c.articleId, readArticle(await tx.objectStore('articles').get(c.articleId))?.title ?? '');
        if (matchesFilter(c, filter, headlines.get(c.articleId))) clips.push(c);
      }
      more = got.length === size;
      if (got.length) last = got[got.length - 1].id;
      if (!filtered) break;
    }
    const ids = [...new Set(clips.map((x) => x.articleId))];
    const articles = (await Promise.all(ids.map((id) => tx.objectStore('articles').get(id))))
      .map((a) => readArticle(a))
      .filter((a): a is Article => !!a);
    const next = more ? `c:${last}` : filtered ? null : 'a:';
    return { clips, articles, next };
  }
  const range = after ? IDBKeyRange.lowerBound(after, true) : undefined;
  const raw = await tx.objectStore('articles').getAll(range, limit);
  const articles = raw.map((a) => readArticle(a)).filter((a): a is Article => !!a);
  return { clips: [], articles, next: raw.length === limit ? `a:${raw[raw.length - 1].id}` : null };
}
