// The extension's database (IndexedDB in the extension's own origin, owned by the background):
// versioned schema with migrations that keep every record. The only module that imports idb.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { Article, Clip } from '../clips';

export const DB_NAME = 'inspection-lens';
export const DB_VERSION = 2;

export interface LensDB extends DBSchema {
  clips: {
    key: string;
    value: Clip;
    indexes: {
      byArticle: string;
      byCreated: number;
      byUpdated: number;
      byCouncil: string;
      byGrade: string;
      byTag: string;
    };
  };
  articles: {
    key: string;
    value: Article;
    indexes: { byCanonical: string; byUpdated: number };
  };
}

type UpgradeTx = IDBPTransaction<LensDB, StoreNames<LensDB>[], 'versionchange'>;

/**
 * Migrations, one per version step. Version 1 had clips (by article and creation time) and
 * articles; version 2 adds council, grade, tag and update-time indexes and fills the fields
 * they read in clips saved under version 1.
 */
const MIGRATIONS: Record<number, (db: IDBPDatabase<LensDB>, tx: UpgradeTx) => Promise<void> | void> = {
  1(db) {
    const clips = db.createObjectStore('clips', { keyPath: 'id' });
    clips.createIndex('byArticle', 'articleId');
    clips.createIndex('byCreated', 'created');
    db.createObjectStore('articles', { keyPath: 'id' });
  },
  async 2(_db, tx) {
    const clips = tx.objectStore('clips');
    clips.createIndex('byUpdated', 'updated');
    clips.createIndex('byCouncil', 'councilCodes', { multiEntry: true });
    clips.createIndex('byGrade', 'grades', { multiEntry: true });
    clips.createIndex('byTag', 'tags', { multiEntry: true });
    const articles = tx.objectStore('articles');
    articles.createIndex('byCanonical', 'canonicalUrl');
    articles.createIndex('byUpdated', 'updated');
    for (let cursor = await clips.openCursor(); cursor; cursor = await cursor.continue()) {
      const c = cursor.value as Clip & { councils?: string[]; grade?: string };
      await cursor.update({
        ...c,
        councilCodes: c.councilCodes ?? c.councils ?? (c.finding?.councils ?? []).map((x) => x.code),
        grades: c.grades ?? (c.grade ? [c.grade] : c.finding?.grade ? [c.finding.grade] : []),
        tags: c.tags ?? [],
        note: c.note ?? '',
        colour: c.colour ?? 'yellow',
        updated: c.updated ?? c.created,
        orphaned: c.orphaned ?? false,
        textModel: c.textModel ?? 'article',
      });
    }
    for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
      const a = cursor.value;
      await cursor.update({
        ...a,
        canonicalUrl: a.canonicalUrl ?? a.url,
        outcomes: a.outcomes ?? [],
        updated: a.updated ?? a.created,
      });
    }
  },
};

/** Opens (creating or upgrading) the database. */
export function openLensDb(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<LensDB>> {
  return openDB<LensDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v]?.(db, tx);
    },
    blocked() {
      /* another context holds an older version open; it is asked to close below */
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
