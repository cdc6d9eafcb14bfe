// Export and import with real text (../shared/corpus, where it is beside the project): every
// finding of every inspection article saved as a clip with its article and outcomes, as the
// card's "Save clip" saves it, then exported and imported into an empty collection. Curly quotes,
// dashes, ellipses, long sentences and round-ups with many outcomes are what readers will export.
import fs from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, test } from 'vitest';
import { findingsOf } from '../../lib/analysis/findings';
import { analyzeInputDetailed } from '../../lib/cli/analyze';
import { parseHtml } from '../../lib/cli/parse-html';
import { buildClipsCsv, buildOutcomesCsv } from '../../lib/export/csv';
import { parseImport } from '../../lib/export/import';
import { buildJson } from '../../lib/export/json';
import { buildJsonLd } from '../../lib/export/jsonld';
import { buildMarkdown } from '../../lib/export/markdown';
import { collectPages } from '../../lib/export/records';
import { articleOf, buildFindingClip } from '../../lib/page/clipper';
import { ClipStore } from '../../lib/store/clip-store';
import { importRecords, readExportPage } from '../../lib/store/import';
import { corpusPages, corpusPagesDir, readCsv } from '../support/corpus';

const corpus = corpusPagesDir;
const pages = corpusPages();
const NOW = new Date('2026-12-01T10:00:00Z');
const LATER = new Date('2026-12-02T10:00:00Z');
const exportOf = (dbName: string) => collectPages((cursor) => readExportPage(cursor, 50, {}, dbName));
const withoutDate = (text: string) =>
  text.replace(/"exported": "[^"]*"|"id": "urn:inspection-lens:export:[^"]*"|^# .*\n|exported [^\n]*/gm, '');

describe.skipIf(!pages.length)('export and import of every finding of the corpus, saved as clips', () => {
  // Distinct clips: the findings of one sentence are one clip (saved again from each finding).
  let saved = 0;
  let outcomes = 0;
  beforeAll(async () => {
    globalThis.indexedDB = new IDBFactory();
    const store = new ClipStore('corpus');
    for (const file of pages) {
      const html = fs.readFileSync(path.join(corpus, file), 'utf8');
      const { analysis } = analyzeInputDetailed(file, () => Buffer.from(html), { extract: true });
      if (!analysis?.detection.isInspectionArticle) continue;
      const url = `https://news.example/${file.replace(/\.html$/, '')}`;
      const article = articleOf(parseHtml(html), url, analysis.outcomes, NOW.getTime());
      outcomes += article.outcomes.length;
      for (const f of findingsOf(analysis)) {
        const clip = buildFindingClip(url, analysis.prepared.text, analysis.prepared.sentences, f, NOW.getTime());
        const r = await store.saveClip(clip, article);
        if (r.created) saved++;
      }
    }
    store.close();
  }, 120_000);

  test('JSON: exported, imported into an empty collection, exported again: the same file but for its date', async () => {
    const first = buildJson(await exportOf('corpus'), NOW);
    const parsed = parseImport(first);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    const r = await importRecords(parsed.records, { dbName: 'from-json' });
    expect(saved).toBeGreaterThan(500);
    expect(r.clipsAdded).toBe(saved);
    const second = buildJson(await exportOf('from-json'), LATER);
    expect(withoutDate(second)).toBe(withoutDate(first));
  });

  test('Web Annotation: exported and imported, every clip and its quote, selectors and finding back', async () => {
    const first = buildJsonLd(await exportOf('corpus'), NOW);
    const parsed = parseImport(first);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    const r = await importRecords(parsed.records, { dbName: 'from-jsonld' });
    expect(r.clipsAdded).toBe(saved);
    const [a, b] = [await exportOf('corpus'), await exportOf('from-jsonld')];
    const fields = (c: (typeof a.clips)[number]) => [
      c.id,
      c.url,
      c.quote,
      c.selectors,
      c.category,
      c.finding,
      c.councilCodes,
      c.grades,
    ];
    expect(b.clips.map(fields)).toEqual(a.clips.map(fields));
    expect(withoutDate(buildJsonLd(b, LATER))).toBe(withoutDate(first));
  });

  test('CSV and Markdown: one row per clip and per outcome, every quote written whole', async () => {
    const data = await exportOf('corpus');
    const csv = buildClipsCsv(data);
    const rows = readCsv(csv);
    expect(rows.length - 1).toBe(saved);
    const quoteAt = rows[0].indexOf('Quote');
    expect(quoteAt).toBeGreaterThanOrEqual(0);
    const quotes = new Set(data.clips.map((c) => c.quote));
    // A cell that could start a formula is written with a leading apostrophe.
    for (const row of rows.slice(1)) expect(quotes.has(row[quoteAt].replace(/^'(?=[=+\-@\t\r])/, ''))).toBe(true);
    // Every article's outcomes, and the outcomes of clipped grades the articles' lists do not hold.
    const outcomeRows = readCsv(buildOutcomesCsv(data));
    expect(outcomeRows.length - 1).toBeGreaterThanOrEqual(outcomes);
    const code = outcomeRows[0].indexOf('ONS code');
    const keys = new Set(outcomeRows.slice(1).map((r) => `${r[code]} ${r[outcomeRows[0].indexOf('Source URL')]}`));
    for (const a of data.articles)
      for (const o of a.outcomes) expect(keys.has(`${o.council.code} ${a.url}`)).toBe(true);
    const md = buildMarkdown(data, NOW);
    for (const c of data.clips.slice(0, 50))
      expect(md).toContain(
        c.quote
          .replace(/\s+/g, ' ')
          .slice(0, 40)
          .replace(/[\\`*_[\]<>#|]/g, ''),
      );
  });
});
