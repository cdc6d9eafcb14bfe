// The Markdown export, for a report or a briefing note: clips grouped by council, then by
// article (a link), each with its quote, what it is about, its note and its tags. Page and
// reader text is escaped, so markup in a quote or a note shows as written and is never run.
import type { Article, Clip } from '../clips';
import { clipCouncils, clipGrades, type ExportData, gradeLabel, isoSeconds, sortClips } from './records';

/** Text with every Markdown (and HTML) meaning taken away: shown as written. */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^([ \t]*)([-+=]|\d+(?=[.)]))/gm, (_m, space: string, mark: string) =>
      /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
    );
}

/** A URL as a link destination: characters that would end or break it are percent-encoded. */
const mdUrl = (url: string) =>
  url.replace(/[\s<>()[\]\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const lines = (s: string) => s.replace(/\r\n?/g, '\n').split('\n');

interface Group {
  name: string;
  code: string;
  clips: Clip[];
}

function about(c: Clip): string {
  const f = c.finding;
  const parts: string[] = [];
  if (f?.grade) {
    const when = [f.current === true ? 'current' : f.current === false ? 'previous' : '', f.year ?? '', f.area ?? '']
      .filter(Boolean)
      .join(', ');
    parts.push(`Grade: ${gradeLabel(f.grade)}${when ? ` (${when})` : ''}`);
  }
  // Grades the passage gathered from its other findings.
  const more = clipGrades(c).filter((g) => g !== f?.grade);
  if (more.length) parts.push(`${f?.grade ? 'Also graded' : 'Grade'}: ${more.map(gradeLabel).join(', ')}`);
  if (f?.kind === 'improvement') parts.push(`Improvement area${f.topic ? `: ${f.topic}` : ''}`);
  return parts.map(mdText).join(' · ');
}

function clipBlock(c: Clip): string[] {
  const out = lines(c.quote).map((l) => (l.trim() ? `> ${mdText(l)}` : '>'));
  out.push('');
  const info = about(c);
  if (info) out.push(info, '');
  if (c.note) out.push(`**Note:** ${lines(c.note).map(mdText).join('\\\n')}`, '');
  if (c.tags.length) out.push(`**Tags:** ${c.tags.map(mdText).join(' · ')}`, '');
  out.push(`*Saved ${isoSeconds(c.created)}${c.orphaned ? ', not found on the page at its last visit' : ''}*`, '');
  return out;
}

function articleHeading(a: Article | undefined, c: Clip): string[] {
  const title = a?.title || c.url;
  const sub = [a?.site, a?.published].filter(Boolean).map((x) => mdText(x as string));
  return [`### [${mdText(title)}](<${mdUrl(a?.url ?? c.url)}>)`, '', ...(sub.length ? [sub.join(' · '), ''] : [])];
}

/** Builds the Markdown export of `data`, stamped with `now`. A clip about several councils is listed under each. */
export function buildMarkdown(data: ExportData, now: Date): string {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const groups = new Map<string, Group>();
  const none: Group = { name: 'No council named', code: '', clips: [] };
  for (const c of sortClips(data.clips)) {
    const councils = clipCouncils(c);
    if (!councils.length) none.clips.push(c);
    for (const x of councils) {
      const g = groups.get(x.code) ?? { name: x.name, code: x.code, clips: [] };
      g.clips.push(c);
      groups.set(x.code, g);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (none.clips.length) ordered.push(none);

  const articleCount = new Set(data.clips.map((c) => c.articleId)).size;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const out = [
    '# Inspection Lens clips',
    '',
    `Exported ${isoSeconds(now.getTime())}: ${n(data.clips.length, 'clip', 'clips')} from ${n(articleCount, 'article', 'articles')}.`,
    '',
  ];
  for (const g of ordered) {
    out.push(`## ${mdText(g.name)}${g.code && g.code !== g.name ? ` (${mdText(g.code)})` : ''}`, '');
    const byArticle = new Map<string, Clip[]>();
    for (const c of g.clips) {
      const list = byArticle.get(c.articleId);
      if (list) list.push(c);
      else byArticle.set(c.articleId, [c]);
    }
    for (const [id, clips] of byArticle) {
      out.push(...articleHeading(articles.get(id), clips[0]));
      for (const c of clips) out.push(...clipBlock(c));
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
