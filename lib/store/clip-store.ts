// Queries over the clip database: save (idempotent by clip id), list by article, council, grade,
// tag or time, update notes and tags, mark orphaned, and articles with their outcomes.
import type { IDBPDatabase } from 'idb';
import { type Article, type Clip, LIMITS } from '../clips';
import { type LensDB, openLensDb } from './db';
import { readArticle, readClip, refusalOf } from './records';

export interface ClipQuery {
  articleId?: string;
  council?: string;
  grade?: string;
  tag?: string;
  limit?: number;
}

/** Where a page of the clip list ends: the last clip listed (newest first: creation time, then id). */
export interface ListCursor {
  created: number;
  id: string;
}

/** A stored clip that failed validation: listed in its place, so it can be shown as such. */
export interface UnreadableClip {
  id: string;
  created: number;
}

export interface ClipPage {
  /** The page's clips, newest first (readable ones). */
  clips: Clip[];
  /** Records in this page's range that could not be read. */
  unreadable: UnreadableClip[];
  /** Where the next page starts, or null when the list is complete. */
  next: ListCursor | null;
}

/** What a page of the list may hold: a number of clips and, roughly, characters of text. */
export const PAGE_SIZE = 50;
export const PAGE_CHARS = 8 * 1024 * 1024;
/** Records looked at for one page at most (a filter that matches few clips still answers promptly). */
const PAGE_SCAN = 2_000;

/** The fields an edit may change, and what the editor last saw of the clip. */
export interface ClipEdit {
  note?: string;
  tags?: string[];
  colour?: string;
  /** The clip's version the edit was made on; absent = no check (the last writer wins). */
  rev?: number;
  /** The values the edited fields had when editing began: a change made meanwhile to other fields merges. */
  base?: { note?: string; tags?: string[]; colour?: string };
}

/** Thrown when a clip or article fails validation on its way in. */
export class InvalidRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRecordError';
  }
}

/** Thrown when an edit was made on an older version of a clip whose edited fields changed since. */
export class EditConflictError extends Error {
  constructor(readonly current: Clip) {
    super('This clip was changed in another window; its newer version is shown.');
    this.name = 'EditConflictError';
  }
}

/** Thrown when a stored clip fails validation when read for a change. */
export class UnreadableClipError extends Error {
  constructor() {
    super('This clip could not be read, so it cannot be changed.');
    this.name = 'UnreadableClipError';
  }
}

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

const sizeOf = (c: Clip) => c.quote.length + c.selectors[0].exact.length + c.note.length + c.url.length * 2 + 1000;

const matches = (c: Clip, q: ClipQuery) =>
  (!q.articleId || c.articleId === q.articleId) &&
  (!q.council || c.councilCodes.includes(q.council)) &&
  (!q.grade || c.grades.includes(q.grade)) &&
  (!q.tag || c.tags.includes(q.tag));

/** Thrown when the browser refuses the write for lack of space. */
export class StorageFullError extends Error {
  constructor() {
    super('The browser has no room left for Inspection Lens’s data (storage quota exceeded).');
    this.name = 'StorageFullError';
  }
}

/**
 * Undoes a transaction that failed part-way (a write that threw does not abort it by itself: the
 * writes before it would otherwise be committed), so a failed save leaves nothing behind.
 */
function abort(tx: { abort(): void; done: Promise<void> }) {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    /* already finished or aborted */
  }
}

function translate(e: unknown): Error {
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') return new StorageFullError();
  return e instanceof Error ? e : new Error(String(e));
}

export class ClipStore {
  private dbPromise: Promise<IDBPDatabase<LensDB>> | null = null;

  constructor(private readonly name?: string) {}

  private db(): Promise<IDBPDatabase<LensDB>> {
    this.dbPromise ??= openLensDb(this.name).catch((e) => {
      this.dbPromise = null;
      throw translate(e);
    });
    return this.dbPromise;
  }

  /**
   * Saves a clip and its article. A clip id that is already stored (a retried save after a lost
   * reply, or the same passage of the same article saved again: its id is made from both) is not
   * added a second time: what the page says of the passage (quote, selectors, finding, councils,
   * grades, category) is updated, the reader's note, tags, colour, creation time and edit version
   * are kept, and it is returned with `created: false` (`changed` when anything was updated).
   */
  async saveClip(clip: Clip, article: Article): Promise<{ clip: Clip; created: boolean; changed?: boolean }> {
    const c = readClip(clip);
    const a = readArticle(article);
    if (!c || !a || c.articleId !== a.id)
      throw new InvalidRecordError(refusalOf(clip, article) ?? 'Nothing was saved.');
    c.rev = 0;
    const db = await this.db();
    const tx = db.transaction(['clips', 'articles'], 'readwrite');
    try {
      const existingRaw = await tx.objectStore('clips').get(c.id);
      if (existingRaw) {
        const existing = readClip(existingRaw);
        const fresh = existing && existing.articleId === c.articleId ? refreshedFromPage(existing, c) : null;
        if (!fresh) {
          await tx.done;
          return { clip: existing ?? c, created: false };
        }
        await tx.objectStore('clips').put(fresh);
        await putArticle(tx.objectStore('articles'), a);
        await tx.done;
        return { clip: fresh, created: false, changed: true };
      }
      await tx.objectStore('clips').add(c);
      await putArticle(tx.objectStore('articles'), a);
      await tx.done;
      return { clip: c, created: true };
    } catch (e) {
      abort(tx);
      throw translate(e);
    }
  }

  /** Saves an article's inspection record (its outcomes). */
  async saveRecord(article: Article): Promise<Article> {
    const a = readArticle(article);
    if (!a) throw new InvalidRecordError(refusalOf(undefined, article) ?? 'Nothing was saved.');
    const db = await this.db();
    const tx = db.transaction('articles', 'readwrite');
    try {
      const saved = await putArticle(tx.store, { ...a, recordSaved: Date.now() }, true);
      await tx.done;
      return saved;
    } catch (e) {
      abort(tx);
      throw translate(e);
    }
  }

  /** A stored clip, validated (undefined when missing or unreadable). */
  async getClip(id: string): Promise<Clip | undefined> {
    return readClip(await (await this.db()).get('clips', id)) ?? undefined;
  }

  /** Every readable clip matching the query, newest first (for tests and in-process use: never sent whole). */
  async listClips(q: ClipQuery = {}): Promise<Clip[]> {
    const out: Clip[] = [];
    let after: ListCursor | null = null;
    do {
      const page: ClipPage = await this.listPage(q, after);
      out.push(...page.clips);
      after = page.next;
    } while (after && (!q.limit || out.length < q.limit));
    return q.limit ? out.slice(0, q.limit) : out;
  }

  /**
   * One page of the clip list, newest first, read with a cursor from `after` (exclusive): at most
   * `pageSize` records and about `maxChars` characters of text, so no reply carries the whole
   * collection. Each record is validated; one that fails is listed as unreadable in its place.
   */
  async listPage(q: ClipQuery = {}, after: ListCursor | null = null, pageSize = PAGE_SIZE, maxChars = PAGE_CHARS) {
    const db = await this.db();
    const index = db.transaction('clips').store.index('byCreated');
    const clips: Clip[] = [];
    const unreadable: UnreadableClip[] = [];
    const want = Math.max(1, Math.min(pageSize, q.limit ?? pageSize));
    let chars = 0;
    let scanned = 0;
    let last: ListCursor | null = null;
    let cursor = await index.openCursor(after ? IDBKeyRange.upperBound(after.created) : null, 'prev');
    // Ties on creation time: go to the last one listed (or just past it, if it was deleted), then past it.
    if (cursor && after && cursor.key === after.created && String(cursor.primaryKey) > after.id)
      cursor = await cursor.continuePrimaryKey(after.created, after.id);
    if (cursor && after && cursor.key === after.created && cursor.primaryKey === after.id)
      cursor = await cursor.continue();
    for (; cursor; cursor = await cursor.continue()) {
      if (clips.length + unreadable.length >= want || (chars >= maxChars && clips.length) || scanned >= PAGE_SCAN)
        return { clips, unreadable, next: last } satisfies ClipPage;
      scanned++;
      last = { created: cursor.key as number, id: String(cursor.primaryKey) };
      const c = readClip(cursor.value);
      if (!c) {
        if (!q.articleId && !q.council && !q.grade && !q.tag) unreadable.push({ ...last });
        continue;
      }
      if (!matches(c, q)) continue;
      clips.push(c);
      chars += sizeOf(c);
    }
    return { clips, unreadable, next: null } satisfies ClipPage;
  }

  /** The articles with these ids (validated; missing or unreadable ones left out). */
  async getArticles(ids: Iterable<string>): Promise<Article[]> {
    const db = await this.db();
    const out: Article[] = [];
    for (const id of new Set(ids)) {
      const a = readArticle(await db.get('articles', id));
      if (a) out.push(a);
    }
    return out;
  }

  /**
   * Changes a clip's note, tags or colour. With `patch.rev`, the edit is checked against the stored
   * version: an edit on an older version applies only when every field it changes still has the
   * value it was edited from (`patch.base`), else it is refused with the newer clip
   * (EditConflictError), so a stale copy never writes an old value back.
   */
  async updateClip(id: string, patch: ClipEdit): Promise<Clip | null> {
    const db = await this.db();
    const tx = db.transaction('clips', 'readwrite');
    const raw = await tx.store.get(id);
    if (!raw) {
      await tx.done;
      return null;
    }
    const clip = readClip(raw);
    if (!clip) {
      await tx.done;
      throw new UnreadableClipError();
    }
    const rev = clip.rev ?? 0;
    const fields = (['note', 'tags', 'colour'] as const).filter((k) => patch[k] !== undefined);
    if (
      patch.rev !== undefined &&
      patch.rev !== rev &&
      !fields.every((k) => patch.base && patch.base[k] !== undefined && sameValue(patch.base[k], clip[k]))
    ) {
      await tx.done;
      throw new EditConflictError(clip);
    }
    const next: Clip = {
      ...clip,
      ...(typeof patch.note === 'string' ? { note: patch.note } : {}),
      ...(Array.isArray(patch.tags) ? { tags: [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))] } : {}),
      ...(typeof patch.colour === 'string' ? { colour: patch.colour } : {}),
      updated: Date.now(),
      rev: rev + 1,
    };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  /** Records which clips of a page were found (anchored) and which were not (orphaned). */
  async setOrphaned(states: { id: string; orphaned: boolean }[]): Promise<void> {
    const db = await this.db();
    const tx = db.transaction('clips', 'readwrite');
    for (const s of states) {
      const clip = readClip(await tx.store.get(s.id));
      if (clip && clip.orphaned !== s.orphaned) await tx.store.put({ ...clip, orphaned: s.orphaned });
    }
    await tx.done;
  }

  /** Every page id and canonical URL that has at least one clip. */
  async clippedPages(): Promise<string[]> {
    const db = await this.db();
    const ids = new Set<string>();
    const index = db.transaction('clips').store.index('byArticle');
    for (let c = await index.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) ids.add(String(c.key));
    const pages = new Set(ids);
    for (const id of ids) {
      const a = readArticle(await db.get('articles', id));
      if (a?.canonicalUrl) pages.add(a.canonicalUrl);
    }
    return [...pages];
  }

  async deleteClip(id: string): Promise<void> {
    await (await this.db()).delete('clips', id);
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return readArticle(await (await this.db()).get('articles', id)) ?? undefined;
  }

  /** Every readable article, most recently updated first. */
  async listArticles(): Promise<Article[]> {
    const all = await (await this.db()).getAllFromIndex('articles', 'byUpdated');
    return all
      .reverse()
      .map(readArticle)
      .filter((a): a is Article => !!a);
  }

  /** Clips saved on a page, by its URL or its canonical URL. */
  async clipsForPage(url: string, canonicalUrl?: string): Promise<Clip[]> {
    const db = await this.db();
    const ids = new Set([url]);
    if (canonicalUrl) for (const a of await db.getAllFromIndex('articles', 'byCanonical', canonicalUrl)) ids.add(a.id);
    const out: Clip[] = [];
    for (const id of ids)
      for (const raw of await db.getAllFromIndex('clips', 'byArticle', id)) {
        const c = readClip(raw);
        if (c) out.push(c);
      }
    return out;
  }

  close() {
    this.dbPromise?.then((db) => db.close());
    this.dbPromise = null;
  }
}

/** The fields of a clip that come from the page (not from the reader's edits). */
const PAGE_FIELDS = [
  'url',
  'quote',
  'selectors',
  'textModel',
  'category',
  'finding',
  'councilCodes',
  'grades',
] as const;

/**
 * A stored clip with what the page now says of its passage, or null when nothing differs (a
 * retried save): the reader's note, tags, colour, creation time and edit version are kept.
 */
function refreshedFromPage(existing: Clip, saved: Clip): Clip | null {
  const same = PAGE_FIELDS.every((k) => JSON.stringify(existing[k]) === JSON.stringify(saved[k]));
  if (same && !existing.orphaned) return null;
  const next: Clip = { ...existing, orphaned: false, updated: Date.now() };
  for (const k of PAGE_FIELDS) (next as unknown as Record<string, unknown>)[k] = saved[k];
  // One passage holds several findings (a sentence's council and its grade): saving it again from
  // a lesser one (no grade) keeps the grade it was saved with, and the councils and grades add up.
  if (existing.finding?.grade && !saved.finding?.grade) {
    next.finding = existing.finding;
    next.category = existing.category;
  } else if (!saved.finding) delete next.finding;
  next.councilCodes = [...new Set([...saved.councilCodes, ...existing.councilCodes])].slice(0, LIMITS.councils);
  next.grades = [...new Set([...saved.grades, ...existing.grades])].slice(0, LIMITS.grades);
  return next;
}

async function putArticle(
  store: { get(id: string): Promise<Article | undefined>; put(a: Article): Promise<unknown> },
  article: Article,
  withOutcomes = false,
): Promise<Article> {
  const existing = readArticle(await store.get(article.id));
  const merged: Article = existing
    ? {
        ...existing,
        title: article.title || existing.title,
        canonicalUrl: article.canonicalUrl || existing.canonicalUrl,
        site: article.site || existing.site,
        published: article.published ?? existing.published,
        outcomes: withOutcomes || !existing.outcomes.length ? article.outcomes : existing.outcomes,
        recordSaved: article.recordSaved ?? existing.recordSaved,
        updated: Date.now(),
      }
    : { ...article, created: article.created || Date.now(), updated: Date.now() };
  await store.put(merged);
  return merged;
}
