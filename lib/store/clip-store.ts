// Queries over the clip database: save (idempotent by clip id), list by article, council, grade,
// tag or time, update notes and tags, mark orphaned, and articles with their outcomes.
import type { IDBPDatabase } from 'idb';
import type { Article, Clip } from '../clips';
import { type LensDB, openLensDb } from './db';

export interface ClipQuery {
  articleId?: string;
  council?: string;
  grade?: string;
  tag?: string;
  limit?: number;
}

/** Thrown when the browser refuses the write for lack of space. */
export class StorageFullError extends Error {
  constructor() {
    super('The browser has no room left for Inspection Lens’s data (storage quota exceeded).');
    this.name = 'StorageFullError';
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
   * Saves a clip and its article. A clip id that is already stored is not written again (a
   * retried save after a lost reply): the stored clip is returned with `created: false`.
   */
  async saveClip(clip: Clip, article: Article): Promise<{ clip: Clip; created: boolean }> {
    const db = await this.db();
    try {
      const tx = db.transaction(['clips', 'articles'], 'readwrite');
      const existing = await tx.objectStore('clips').get(clip.id);
      if (existing) {
        await tx.done;
        return { clip: existing, created: false };
      }
      await tx.objectStore('clips').add(clip);
      await putArticle(tx.objectStore('articles'), article);
      await tx.done;
      return { clip, created: true };
    } catch (e) {
      throw translate(e);
    }
  }

  /** Saves an article's inspection record (its outcomes). */
  async saveRecord(article: Article): Promise<Article> {
    const db = await this.db();
    try {
      const tx = db.transaction('articles', 'readwrite');
      const saved = await putArticle(tx.store, { ...article, recordSaved: Date.now() }, true);
      await tx.done;
      return saved;
    } catch (e) {
      throw translate(e);
    }
  }

  async getClip(id: string): Promise<Clip | undefined> {
    return (await this.db()).get('clips', id);
  }

  /** Clips matching the query, newest first. */
  async listClips(q: ClipQuery = {}): Promise<Clip[]> {
    const db = await this.db();
    let clips: Clip[];
    if (q.articleId) clips = await db.getAllFromIndex('clips', 'byArticle', q.articleId);
    else if (q.council) clips = await db.getAllFromIndex('clips', 'byCouncil', q.council);
    else if (q.grade) clips = await db.getAllFromIndex('clips', 'byGrade', q.grade);
    else if (q.tag) clips = await db.getAllFromIndex('clips', 'byTag', q.tag);
    else clips = await db.getAllFromIndex('clips', 'byCreated');
    clips = clips.filter(
      (c) =>
        (!q.council || c.councilCodes.includes(q.council)) &&
        (!q.grade || c.grades.includes(q.grade)) &&
        (!q.tag || c.tags.includes(q.tag)),
    );
    clips.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
    return q.limit ? clips.slice(0, q.limit) : clips;
  }

  /** Changes a clip's note, tags or colour. */
  async updateClip(id: string, patch: Partial<Pick<Clip, 'note' | 'tags' | 'colour'>>): Promise<Clip | null> {
    const db = await this.db();
    const tx = db.transaction('clips', 'readwrite');
    const clip = await tx.store.get(id);
    if (!clip) {
      await tx.done;
      return null;
    }
    const next: Clip = {
      ...clip,
      ...(typeof patch.note === 'string' ? { note: patch.note } : {}),
      ...(Array.isArray(patch.tags) ? { tags: [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))] } : {}),
      ...(typeof patch.colour === 'string' ? { colour: patch.colour } : {}),
      updated: Date.now(),
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
      const clip = await tx.store.get(s.id);
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
      const a = await db.get('articles', id);
      if (a?.canonicalUrl) pages.add(a.canonicalUrl);
    }
    return [...pages];
  }

  async deleteClip(id: string): Promise<void> {
    await (await this.db()).delete('clips', id);
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return (await this.db()).get('articles', id);
  }

  /** Every article, most recently updated first. */
  async listArticles(): Promise<Article[]> {
    return (await (await this.db()).getAllFromIndex('articles', 'byUpdated')).reverse();
  }

  /** Clips saved on a page, by its URL or its canonical URL. */
  async clipsForPage(url: string, canonicalUrl?: string): Promise<Clip[]> {
    const db = await this.db();
    const ids = new Set([url]);
    if (canonicalUrl) for (const a of await db.getAllFromIndex('articles', 'byCanonical', canonicalUrl)) ids.add(a.id);
    const out: Clip[] = [];
    for (const id of ids) out.push(...(await db.getAllFromIndex('clips', 'byArticle', id)));
    return out;
  }

  close() {
    this.dbPromise?.then((db) => db.close());
    this.dbPromise = null;
  }
}

async function putArticle(
  store: { get(id: string): Promise<Article | undefined>; put(a: Article): Promise<unknown> },
  article: Article,
  withOutcomes = false,
): Promise<Article> {
  const existing = await store.get(article.id);
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
