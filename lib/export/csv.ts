// The spreadsheet exports: clips (one row per clip) and inspection outcomes (one row per article,
// council, grade, current or previous, year, judgement area and source). RFC 4180 (CRLF, quoted
// cells), UTF-8 with a byte-order mark so spreadsheets read the encoding right, and cells that a
// spreadsheet would run as a formula made inert.
import type { Article, Clip } from '../clips';
import { clipCouncils, clipGrades, type ExportData, gradeLabel, isoSeconds, sortClips, whenLabel } from './records';

const BOM = '\uFEFF';

/**
 * One CSV cell: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with an apostrophe (a spreadsheet then shows it as text, not a formula); a cell with a quote,
 * comma or line break is quoted, its quotes doubled.
 */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const table = (header: string[], rows: (string | number | undefined)[][]) =>
  BOM + [header, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');

export const CLIP_COLUMNS = [
  'Article title',
  'URL',
  'Site',
  'Published',
  'Council',
  'ONS code',
  'Grade',
  'Current or previous',
  'Year',
  'Judgement area',
  'Category',
  'Quote',
  'Note',
  'Tags',
  'Saved (UTC)',
  'Edited (UTC)',
];

/**
 * The clips CSV: one row per clip, oldest first. Several councils, grades or tags are joined by
 * "; " (a passage saved from several findings lists them all; its time, year and area are its
 * finding's).
 */
export function buildClipsCsv(data: ExportData): string {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const rows = sortClips(data.clips).map((c) => {
    const a = articles.get(c.articleId);
    const f = c.finding;
    const councils = clipCouncils(c);
    return [
      a?.title,
      c.url,
      a?.site,
      a?.published,
      councils.map((x) => x.name).join('; '),
      councils.map((x) => x.code).join('; '),
      clipGrades(c).map(gradeLabel).join('; '),
      whenLabel(f?.current),
      f?.year,
      f?.area ?? f?.topic,
      c.category,
      c.quote,
      c.note,
      c.tags.join('; '),
      isoSeconds(c.created),
      isoSeconds(c.updated),
    ];
  });
  return table(CLIP_COLUMNS, rows);
}

export const OUTCOME_COLUMNS = [
  'Council',
  'ONS code',
  'Grade',
  'Current or previous',
  'Year',
  'Judgement area',
  'Article title',
  'Site',
  'Published',
  'Source URL',
];

interface OutcomeRow {
  council: { code: string; name: string };
  grade: string;
  current?: boolean;
  year?: number;
  area?: string;
  article?: Article;
  url: string;
}

/**
 * The outcomes CSV: every inspection outcome of every exported article: those saved with
 * "Save inspection record" (or with a clip) on the article, and those of clipped grades
 * (a grade clip counts once per council it names; a grade that names no council is left out).
 * One row per distinct (article, council, grade, current or previous, year, area, source URL),
 * by council name, newest year first.
 */
export function buildOutcomesCsv(data: ExportData): string {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const rows = new Map<string, OutcomeRow>();
  const add = (r: OutcomeRow) => {
    const key = [r.article?.id ?? '', r.council.code, r.grade, whenLabel(r.current), r.year ?? '', r.area ?? '', r.url];
    rows.set(JSON.stringify(key), r);
  };
  for (const a of data.articles) for (const o of a.outcomes) add({ ...o, article: a, url: a.url });
  for (const c of data.clips as Clip[]) {
    const f = c.finding;
    if (f?.kind !== 'grade' || !f.grade) continue;
    const article = articles.get(c.articleId);
    for (const council of f.councils)
      add({
        council,
        grade: f.grade,
        current: f.current,
        year: f.year,
        area: f.area,
        article,
        url: article?.url ?? c.articleId,
      });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...rows.values()].sort(
    (a, b) =>
      cmp(a.council.name, b.council.name) ||
      (b.year ?? 0) - (a.year ?? 0) ||
      cmp(a.url, b.url) ||
      cmp(a.grade, b.grade) ||
      cmp(whenLabel(a.current), whenLabel(b.current)) ||
      cmp(a.area ?? '', b.area ?? ''),
  );
  return table(
    OUTCOME_COLUMNS,
    sorted.map((r) => [
      r.council.name,
      r.council.code,
      gradeLabel(r.grade),
      whenLabel(r.current),
      r.year,
      r.area,
      r.article?.title,
      r.article?.site,
      r.article?.published,
      r.url,
    ]),
  );
}
