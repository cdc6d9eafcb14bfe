import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildClipsCsv, buildOutcomesCsv, csvCell } from '../../lib/export/csv';
import { buildJson, JSON_FORMAT, JSON_VERSION } from '../../lib/export/json';
import { buildJsonLd } from '../../lib/export/jsonld';
import { buildMarkdown } from '../../lib/export/markdown';
import { CLIP_FIELDS, exportFileName } from '../../lib/export/records';
import { readCsv } from '../support/corpus';
import { clip, hackney, kent, lambeth, NOW, sample, sampleClips } from './sample';

const expected = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/export', name), 'utf8');

describe('expected files', () => {
  test.each([
    ['clips.csv', () => buildClipsCsv(sample)],
    ['outcomes.csv', () => buildOutcomesCsv(sample)],
    ['clips.md', () => buildMarkdown(sample, NOW)],
  ])('%s is built as expected (quotes, commas, new lines, non-Latin text, emoji, formulas)', (name, build) => {
    expect(build()).toBe(expected(name));
  });

  test('the builders do not depend on the order the records come in', () => {
    const shuffled = { clips: [...sampleClips].reverse(), articles: [kent, lambeth, hackney] };
    expect(buildClipsCsv(shuffled)).toBe(buildClipsCsv(sample));
    expect(buildOutcomesCsv(shuffled)).toBe(buildOutcomesCsv(sample));
    expect(buildMarkdown(shuffled, NOW)).toBe(buildMarkdown(sample, NOW));
    expect(buildJson(shuffled, NOW)).toBe(buildJson(sample, NOW));
    expect(buildJsonLd(shuffled, NOW)).toBe(buildJsonLd(sample, NOW));
  });
});

describe('CSV', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 20', "'+44 20"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a=b', 'a=b'],
    ['اردو 中文 🧒', 'اردو 中文 🧒'],
  ])('cell %j is written %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('UTF-8 byte-order mark, CRLF rows, one row per clip with every field a reader asked for', () => {
    const text = buildClipsCsv(sample);
    expect(text.startsWith('\uFEFFArticle title,URL,Site,Published,Council,ONS code,Grade,')).toBe(true);
    const rows = readCsv(text.slice(1));
    expect(rows).toHaveLength(1 + sampleClips.length);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    const head = rows[0];
    const lambethRow = Object.fromEntries(head.map((h, i) => [h, rows[3][i]]));
    expect(lambethRow).toMatchObject({
      Council: 'Lambeth; Southwark',
      'ONS code': 'E09000022; E09000028',
      Grade: 'inadequate',
      'Current or previous': 'current',
      Year: '2025',
      Quote: 'Lambeth and Southwark were both judged\n“inadequate”',
      Tags: '#urgent',
      'Edited (UTC)': '2026-11-21T09:30:00Z',
    });
    const formula = Object.fromEntries(head.map((h, i) => [h, rows[2][i]]));
    expect(formula.Note).toBe('\'=HYPERLINK("http://evil.example","click")');
  });

  test('the outcomes table has one row per distinct outcome, from saved records and clipped grades', () => {
    const rows = readCsv(buildOutcomesCsv(sample).slice(1));
    const councils = rows.slice(1).map((r) => `${r[0]} ${r[2]} ${r[3]} ${r[4]}`);
    // Kent was saved only as an inspection record; Southwark only through a clip about two councils.
    expect(councils).toContain('Kent outstanding current 2026');
    expect(councils).toContain('Southwark inadequate current 2025');
    expect(councils).toContain('Hackney good previous 2022');
    const again = buildOutcomesCsv({ clips: [...sampleClips, ...sampleClips], articles: sample.articles });
    expect(again).toBe(buildOutcomesCsv(sample));
  });
});

/**
 * A passage saved from its council card, then from its grade card (the store gathers the second
 * finding's councils and grades into the clip), and a clip that names a council only by its code.
 */
const gathered = {
  clips: [
    clip(6, {
      category: 'council',
      quote: 'Hackney and Essex were both rated good',
      finding: { kind: 'council', councils: [{ code: 'E09000012', name: 'Hackney' }] },
      councilCodes: ['E09000012', 'E10000012'],
      grades: ['good'],
    }),
    clip(7, { quote: 'the county council', councilCodes: ['E10000012'], grades: [] }),
  ],
  articles: [hackney],
};

describe('a passage saved from several findings', () => {
  test('the clips CSV lists every council and grade the passage gathered, by name', () => {
    const rows = readCsv(buildClipsCsv(gathered).slice(1));
    const row = (i: number) => Object.fromEntries(rows[0].map((h, k) => [h, rows[i][k]]));
    expect(row(1)).toMatchObject({ Council: 'Hackney; Essex', 'ONS code': 'E09000012; E10000012', Grade: 'good' });
    expect(row(2)).toMatchObject({ Council: 'Essex', 'ONS code': 'E10000012', Grade: '' });
  });

  test('the Markdown lists the passage under each council by name, with the grade it gathered', () => {
    const md = buildMarkdown(gathered, NOW);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Essex (E10000012)', '## Hackney (E09000012)']);
    expect(md.match(/Grade: good/g)).toHaveLength(2);
    const graded = buildMarkdown(
      { ...gathered, clips: [{ ...sampleClips[1], grades: ['requires improvement', 'good'] }] },
      NOW,
    );
    expect(graded).toContain('Grade: requires improvement (current, 2026, overall effectiveness) · Also graded: good');
  });
});

describe('Markdown', () => {
  test('markup in a note or a quote is shown as written, never as a link, image or heading', () => {
    const md = buildMarkdown(sample, NOW);
    expect(md).toContain('\\<img src=x onerror="alert(1)"\\>');
    expect(md).toContain('\\[link\\](javascript:alert(1))');
    expect(md).not.toMatch(/^# not a heading/m);
    expect(md).not.toMatch(/[^\\]\[link\]/);
  });

  test('grouped by council then article; a clip about two councils is under each; no council last', () => {
    const md = buildMarkdown(sample, NOW);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Hackney (E09000012)',
      '## Lambeth (E09000022)',
      '## Southwark (E09000028)',
      '## No council named',
    ]);
    expect(md.match(/both judged/g)).toHaveLength(2);
  });
});

describe('JSON', () => {
  test('versioned, with every field of every clip and article', () => {
    const doc = JSON.parse(buildJson(sample, NOW));
    expect(doc).toMatchObject({ format: JSON_FORMAT, version: JSON_VERSION, exported: '2026-11-29T12:00:00.000Z' });
    expect(doc.articles).toEqual([hackney, lambeth, kent]);
    const byId = new Map(sampleClips.map((c) => [c.id, c]));
    for (const c of doc.clips) expect(c).toEqual(byId.get(c.id));
    for (const field of CLIP_FIELDS.filter((f) => f !== 'finding')) expect(doc.clips[0]).toHaveProperty(field);
  });

  test('a partial export says which filter made it', () => {
    expect(JSON.parse(buildJson(sample, NOW, { council: 'E09000022' })).filter).toEqual({ council: 'E09000022' });
    expect(JSON.parse(buildJson(sample, NOW, {})).filter).toBeUndefined();
  });
});

// The Web Annotation data model's required shapes, checked here without fetching the context.
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];
/** Terms the anno.jsonld context defines that this export uses; any other key would be dropped by a JSON-LD processor. */
const TERMS = new Set([
  '@context',
  'id',
  'type',
  'label',
  'total',
  'first',
  'startIndex',
  'items',
  'motivation',
  'created',
  'modified',
  'body',
  'target',
  'source',
  'selector',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'value',
  'purpose',
  'format',
]);
// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, read loosely by the checker
type Json = any;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function webAnnotationProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, `${at}[${i}]`);
      });
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (!TERMS.has(k)) problems.push(`${at}.${k} is not a term of the context`);
        walk(x, `${at}.${k}`);
      }
  };
  walk(doc, '$');
  const d = doc as Json;
  if (d['@context'] !== 'http://www.w3.org/ns/anno.jsonld') problems.push('@context');
  if (d.type !== 'AnnotationCollection') problems.push('type');
  if (typeof d.id !== 'string' || !/^[a-z][a-z0-9+.-]*:/.test(d.id)) problems.push('collection id is not an IRI');
  const items: Json[] = d.first?.items ?? [];
  if (d.total !== items.length) problems.push('total');
  if (items.length && d.first.type !== 'AnnotationPage') problems.push('first.type');
  items.forEach((a, i) => {
    const at = `items[${i}]`;
    if (a.type !== 'Annotation') problems.push(`${at}.type`);
    if (typeof a.id !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/.test(a.id)) problems.push(`${at}.id`);
    if (!MOTIVATIONS.includes(a.motivation)) problems.push(`${at}.motivation`);
    if (!DATE_TIME.test(a.created) || !DATE_TIME.test(a.modified)) problems.push(`${at}.created/modified`);
    if (!/^https?:\/\//.test(a.target?.source)) problems.push(`${at}.target.source`);
    const sels: Json[] = a.target?.selector ?? [];
    const q = sels.find((s) => s.type === 'TextQuoteSelector');
    const p = sels.find((s) => s.type === 'TextPositionSelector');
    if (!q || typeof q.exact !== 'string' || typeof q.prefix !== 'string' || typeof q.suffix !== 'string')
      problems.push(`${at} TextQuoteSelector`);
    if (!p || !Number.isInteger(p.start) || !Number.isInteger(p.end) || p.end < p.start)
      problems.push(`${at} TextPositionSelector`);
    for (const b of a.body ?? []) {
      if (b.type !== 'TextualBody' || typeof b.value !== 'string') problems.push(`${at} body type/value`);
      if (!MOTIVATIONS.includes(b.purpose)) problems.push(`${at} body purpose ${b.purpose}`);
    }
  });
  return problems;
}

describe('Web Annotation (JSON-LD)', () => {
  const doc = JSON.parse(buildJsonLd(sample, NOW));

  test('has the shapes the Web Annotation model requires, with only terms of its context', () => {
    expect(webAnnotationProblems(doc)).toEqual([]);
    expect(doc.first.items).toHaveLength(sampleClips.length);
  });

  test('the checker catches what it is for', () => {
    const broken = structuredClone(doc);
    broken.first.items[0].target.selector.pop();
    broken.first.items[1].body[0].purpose = 'noting';
    broken.first.items[2].extra = 1;
    expect(webAnnotationProblems(broken)).toEqual([
      '$.first.items[2].extra is not a term of the context',
      'items[0] TextPositionSelector',
      'items[1] body purpose noting',
    ]);
  });

  test('note, tags and the classification are bodies a consumer can read', () => {
    const a = doc.first.items.find((x: { id: string }) => x.id.endsWith(':clip-3'));
    expect(a.target).toEqual({ source: sampleClips[2].url, selector: sampleClips[2].selectors });
    expect(
      a.body.filter((b: { purpose: string }) => b.purpose === 'commenting').map((b: { value: string }) => b.value),
    ).toEqual([sampleClips[2].note]);
    expect(
      a.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value),
    ).toEqual(['#urgent']);
    const classification = JSON.parse(a.body.find((b: { purpose: string }) => b.purpose === 'classifying').value);
    expect(classification).toEqual({
      category: 'grade',
      finding: {
        kind: 'grade',
        grade: 'inadequate',
        councils: [
          { code: 'E09000022', name: 'Lambeth' },
          { code: 'E09000028', name: 'Southwark' },
        ],
        current: true,
        year: 2025,
      },
    });
  });

  test('an empty collection is still a valid collection', () => {
    expect(webAnnotationProblems(JSON.parse(buildJsonLd({ clips: [], articles: [] }, NOW)))).toEqual([]);
  });
});

test.each([
  ['json', 'inspection-lens-clips-2026-11-29.json'],
  ['jsonld', 'inspection-lens-annotations-2026-11-29.jsonld'],
  ['csv', 'inspection-lens-clips-2026-11-29.csv'],
  ['outcomes', 'inspection-lens-outcomes-2026-11-29.csv'],
  ['markdown', 'inspection-lens-clips-2026-11-29.md'],
] as const)('the %s download is named %s', (kind, name) => {
  expect(exportFileName(kind, new Date(2026, 10, 29, 12))).toBe(name);
});
