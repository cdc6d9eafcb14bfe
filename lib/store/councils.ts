// The "Councils" view's query: one row per council the reader has clips or saved outcomes for,
// with its grade history (grade by year, current and previous) from the articles read, each
// point naming its source article. Derived from the stored articles (their outcomes) and clips
// (their councils and findings): no store of its own.
import type { IDBPDatabase } from 'idb';
import type { Article, Clip } from '../clips';
import { councilByCode } from '../data/gazetteer';
import { ofstedUrn } from '../data/ofsted';
import type { CouncilPoint, CouncilRow } from '../reports';
import { DB_NAME, type LensDB, openLensDb } from './db';
import { readArticle, readClip } from './records';

/** The year a point is placed at: its own, else the article's publication year, else when it was saved. */
function placeOf(p: CouncilPoint, article: Article | undefined): number {
  if (p.year) return p.year;
  const published = Number(/^(\d{4})/.exec(article?.published ?? '')?.[1]);
  if (published) return p.current ? published : published - 0.5;
  return new Date(article?.created ?? 0).getUTCFullYear();
}

/**
 * One point per inspection: points of the same grade and year (known) from several articles are
 * one, whatever area each names (an article recalling a grade often names the area it remembers,
 * another none). It is told by the article that reports it as current (else the earliest
 * published), the others listed in `alsoIn`: a 2023 article recalling the 2019 grade is a second
 * source of the 2019 point, not a second point.
 */
function mergeSameInspection(points: CouncilPoint[], places: Map<CouncilPoint, number>): CouncilPoint[] {
  const groups = new Map<string, CouncilPoint[]>();
  points.forEach((p, i) => {
    const key = p.year ? `${p.grade}|${p.year}` : `#${i}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  });
  return [...groups.values()].map((g) => {
    if (g.length === 1) return g[0];
    const byAge = g.sort(
      (x, y) => (x.published ?? '9').localeCompare(y.published ?? '9') || x.articleId.localeCompare(y.articleId),
    );
    const teller = byAge.find((p) => p.current) ?? byAge[0];
    const others = new Map<string, { articleId: string; url: string; title: string }>();
    for (const p of byAge)
      if (p.articleId !== teller.articleId)
        others.set(p.articleId, { articleId: p.articleId, url: p.url, title: p.title });
    const merged: CouncilPoint = { ...teller, ...(others.size ? { alsoIn: [...others.values()] } : {}) };
    places.set(merged, places.get(teller) ?? 0);
    return merged;
  });
}

/**
 * The councils and their grade histories, from stored articles and clips (pure). Points are
 * one per council and inspection (grade and year; see mergeSameInspection), oldest first
 * (a previous grade before a current one of the same year); rows are in name order.
 */
export function councilHistory(articles: readonly Article[], clips: readonly Clip[]): CouncilRow[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const rows = new Map<string, CouncilRow & { seen: Set<string>; places: Map<CouncilPoint, number> }>();
  const row = (code: string, name?: string) => {
    let r = rows.get(code);
    if (!r) {
      const urn = ofstedUrn(code);
      r = {
        code,
        name: name || councilByCode(code)?.name || code,
        ...(urn ? { urn } : {}),
        clips: 0,
        points: [],
        seen: new Set(),
        places: new Map(),
      };
      rows.set(code, r);
    }
    return r;
  };
  const add = (
    council: { code: string; name: string },
    o: { grade: string; current?: boolean; year?: number; area?: string },
    article: Article | undefined,
    articleId: string,
    url: string,
    source: CouncilPoint['source'],
  ) => {
    const r = row(council.code, council.name);
    const current = o.current ?? true;
    const key = `${articleId}|${o.grade}|${current}|${o.year ?? ''}|${o.area ?? ''}`;
    if (r.seen.has(key)) return;
    r.seen.add(key);
    const point: CouncilPoint = {
      grade: o.grade,
      current,
      ...(o.year ? { year: o.year } : {}),
      ...(o.area ? { area: o.area } : {}),
      articleId,
      url: article?.url ?? url,
      title: article?.title ?? '',
      ...(article?.published ? { published: article.published } : {}),
      source,
    };
    r.points.push(point);
    r.places.set(point, placeOf(point, article));
  };
  // Outcomes first: a clip's finding that repeats its article's outcome is the same point.
  for (const a of articles) for (const o of a.outcomes) add(o.council, o, a, a.id, a.url, 'record');
  for (const c of clips) {
    for (const code of c.councilCodes) row(code, c.finding?.councils.find((x) => x.code === code)?.name).clips++;
    const f = c.finding;
    if (!f?.grade) continue;
    for (const council of f.councils)
      add(council, { ...f, grade: f.grade }, byId.get(c.articleId), c.articleId, c.url, 'clip');
  }
  return [...rows.values()]
    .map(({ seen: _seen, places, ...r }) => ({
      ...r,
      points: mergeSameInspection(r.points, places).sort(
        (x, y) =>
          (places.get(x) ?? 0) - (places.get(y) ?? 0) ||
          Number(x.current) - Number(y.current) ||
          x.articleId.localeCompare(y.articleId),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

const connections = new Map<string, Promise<IDBPDatabase<LensDB>>>();

/**
 * Reads the councils from the database: every readable article and the clips that name a
 * council (through the council index), validated as every read is.
 */
export async function listCouncils(name = DB_NAME): Promise<CouncilRow[]> {
  try {
    return await readCouncils(await connection(name));
  } catch {
    // The connection was closed meanwhile (another context upgraded the database): once more, anew.
    connections.delete(name);
    return readCouncils(await connection(name));
  }
}

function connection(name: string): Promise<IDBPDatabase<LensDB>> {
  let open = connections.get(name);
  if (!open) {
    open = openLensDb(name);
    connections.set(name, open);
    open.catch(() => connections.delete(name));
  }
  return open;
}

async function readCouncils(db: IDBPDatabase<LensDB>): Promise<CouncilRow[]> {
  const tx = db.transaction(['articles', 'clips']);
  const [rawArticles, rawClips] = await Promise.all([
    tx.objectStore('articles').getAll(),
    tx.objectStore('clips').index('byCouncil').getAll(),
  ]);
  const articles = rawArticles.map(readArticle).filter((a): a is Article => !!a);
  const seen = new Set<string>();
  const clips: Clip[] = [];
  for (const raw of rawClips) {
    const c = readClip(raw);
    if (c && !seen.has(c.id)) {
      seen.add(c.id);
      clips.push(c);
    }
  }
  return councilHistory(articles, clips);
}

/** Closes the connections listCouncils opened (tests). */
export function closeCouncilConnections(): void {
  for (const open of connections.values()) open.then((db) => db.close()).catch(() => {});
  connections.clear();
}
