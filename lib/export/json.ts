// The lossless export: every field of every clip and article, with a format name and version,
// one record per line. The one format that round-trips (see import.ts).
import {
  canonicalArticle,
  canonicalClip,
  type ExportData,
  type ExportFilter,
  sortArticles,
  sortClips,
} from './records';

export const JSON_FORMAT = 'inspection-lens';
export const JSON_VERSION = 1;

/** Builds the JSON export of `data`, stamped with `now` (and the filter, for a partial export). */
export function buildJson(data: ExportData, now: Date, filter?: ExportFilter): string {
  const head: Record<string, unknown> = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exported: now.toISOString(),
  };
  const f = Object.fromEntries(Object.entries(filter ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  if (Object.keys(f).length) head.filter = f;
  const list = (items: unknown[]) =>
    items.length ? `[\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]` : '[]';
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return [
    '{',
    ...lines,
    `  "articles": ${list(sortArticles(data.articles).map(canonicalArticle))},`,
    `  "clips": ${list(sortClips(data.clips).map(canonicalClip))}`,
    '}',
    '',
  ].join('\n');
}
