// The extension's database (IndexedDB in the extension's own origin, owned by the background):
// versioned schema with migrations that keep every record. The only module that imports idb.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { Article, Clip } from '../clips';

export const DB_NAME = 'inspection-lens';
export const DB_VERSION = 4;

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
      byCategory: string;
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
 * they read in clips saved under version 1; version 3 gives every clip its edit version (`rev`),
 * which edits are checked against; version 4 adds the Collection view's category index and makes
 * sure every index the view filters by exists (a store whose upgrade was interrupted gets them),
 * without rewriting any clip.
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
  async 3(_db, tx) {
    const clips = tx.objectStore('clips');
    for (let cursor = await clips.openCursor(); cursor; cursor = await cursor.continue()) {
      const c = cursor.value as Clip;
      // A record that is not an object cannot be given a version; it is kept as it is (and listed as unreadable).
      if (typeof c === 'object' && c !== null && c.rev === undefined) await cursor.update({ ...c, rev: 0 });
    }
    // Articles saved by version 1 had no site (version 2 did not fill it): every one gets the fields reads check.
    const articles = tx.objectStore('articles');
    for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
      const a = cursor.value as Partial<Article> & { id: string };
      if (typeof a !== 'object' || a === null || (typeof a.site === 'string' && typeof a.title === 'string')) continue;
      let site = '';
      try {
        site = new URL(a.url ?? a.id).hostname;
      } catch {
        /* not a URL: left empty */
      }
      await cursor.update({ ...a, site: a.site ?? site, title: a.title ?? '' } as Article);
    }
  },
  4(_db, tx) {
    const clips = tx.objectStore('clips');
    const want: [
      name: 'byArticle' | 'byCreated' | 'byUpdated' | 'byCouncil' | 'byGrade' | 'byTag' | 'byCategory',
      path: string,
      multiEntry: boolean,
    ][] = [
      ['byArticle', 'articleId', false],
      ['byCreated', 'created', false],
      ['byUpdated', 'updated', false],
      ['byCouncil', 'councilCodes', true],
      ['byGrade', 'grades', true],
      ['byTag', 'tags', true],
      ['byCategory', 'category', false],
    ];
    for (const [name, path, multiEntry] of want)
      if (!clips.indexNames.contains(name)) clips.createIndex(name, path, { multiEntry });
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
