import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Clip } from '../../lib/clips';
import { IMPORT_LIMITS, parseImport } from '../../lib/export/import';
import { buildJson } from '../../lib/export/json';
import { buildJsonLd } from '../../lib/export/jsonld';
import { collectPages } from '../../lib/export/records';
import { importRecords, readExportPage } from '../../lib/store/import';
import { NOW, sample, sampleClips } from './sample';

const good = buildJson(sample, NOW);
const doc = () => JSON.parse(good);
const errorsOf = (text: string) => {
  const r = parseImport(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
};
const snapshot = () => collectPages((cursor) => readExportPage(cursor, 1000));

/** What the Import button does: check the whole file, then write it. */
async function importText(text: string) {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  return { ok: true as const, result: await importRecords(parsed.records) };
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await importRecords(sample);
});

describe('a bad file gets a clear error naming where, and writes nothing', () => {
  const hostile: [string, () => string, RegExp][] = [
    ['truncated', () => good.slice(0, good.length / 2), /not complete JSON/],
    ['empty', () => '', /not complete JSON/],
    [
      'a newer format version',
      () => JSON.stringify({ ...doc(), version: 2 }),
      /format version 2; this version of Inspection Lens reads version 1/,
    ],
    ['no version', () => JSON.stringify({ ...doc(), version: undefined }), /no format version/],
    ['not an export (a CSV)', () => 'Article title,URL\r\nx,y\r\n', /not complete JSON/],
    ['not an export (other JSON)', () => JSON.stringify([{ id: 1 }]), /not an Inspection Lens export/],
    [
      'a note of the wrong type',
      () => {
        const d = doc();
        d.clips[1].note = 42;
        return JSON.stringify(d);
      },
      /^Clip 2 \(id "clip-2"\), field "note": should be text, not a number\.$/,
    ],
    [
      'selectors of the wrong type',
      () => {
        const d = doc();
        d.clips[0].selectors[1].end = 'ten';
        return JSON.stringify(d);
      },
      /^Clip 1 \(id "clip-1"\), field "selectors\[1\]\.end": should be a whole number/,
    ],
    [
      'clips not a list',
      () => JSON.stringify({ ...doc(), clips: { a: 1 } }),
      /"clips" should be a list, not an object/,
    ],
    [
      'a 10 MB note',
      () => {
        const d = doc();
        d.clips[2].note = 'x'.repeat(10 * 1024 * 1024);
        return JSON.stringify(d);
      },
      /^Clip 3 \(id "clip-3"\), field "note": is too long \(10,485,760 characters; at most 100,000\)\.$/,
    ],
    [
      'a __proto__ key in a clip',
      () => good.replace('{"id":"clip-2",', '{"__proto__":{"polluted":true},"id":"clip-2",'),
      /^Clip 2 \(id "clip-2"\), field "clip": has a forbidden key "__proto__"\.$/,
    ],
    [
      'a constructor key in a finding',
      () => good.replace('"finding":{"kind":"grade",', '"finding":{"constructor":{"prototype":{}},"kind":"grade",'),
      /^Clip 2 \(id "clip-2"\), field "finding": has a forbidden key "constructor"\.$/,
    ],
    ['a __proto__ key at the top', () => good.replace('{\n', '{"__proto__": {"x": 1},\n'), /forbidden key "__proto__"/],
    [
      'a javascript: URL',
      () => good.replace('"url":"https://news.example/hackney","quote"', '"url":"javascript:alert(1)","quote"'),
      /^Clip 1 \(id "clip-1"\), field "url": should be an http or https address\.$/,
    ],
    [
      'an unknown field',
      () => good.replace('{"id":"clip-4",', '{"onclick":"alert(1)","id":"clip-4",'),
      /^Clip 4 \(id "clip-4"\), field "clip": has an unknown field "onclick"\.$/,
    ],
    [
      'a clip whose article is missing',
      () => {
        const d = doc();
        d.articles = d.articles.slice(1);
        return JSON.stringify(d);
      },
      /^Clip \d \(id "clip-\d"\), field "articleId": no article with this id in the file\.$/,
    ],
    [
      'an article with a bad outcome',
      () => {
        const d = doc();
        d.articles[0].outcomes[1].current = 'yes';
        return JSON.stringify(d);
      },
      /^Article 1 \(id "https:\/\/news.example\/hackney"\), field "outcomes\[1\]\.current": should be true or false/,
    ],
    [
      'a Web Annotation without a quote selector',
      () => {
        const d = JSON.parse(buildJsonLd(sample, NOW));
        d.first.items[3].target.selector = [{ type: 'CssSelector', value: 'p' }];
        return JSON.stringify(d);
      },
      /^Annotation 4 \(id "urn:inspection-lens:clip:clip-4"\), field "target.selector": has no TextQuoteSelector\.$/,
    ],
  ];

  test.each(hostile)('%s', async (_name, make, message) => {
    const before = await snapshot();
    const errors = errorsOf(make());
    expect(errors[0]).toMatch(message);
    expect(errors[0].length).toBeLessThan(400);
    const attempt = await importText(make());
    expect(attempt.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an oversized file is refused before it is parsed', () => {
    const limit = IMPORT_LIMITS.fileChars;
    IMPORT_LIMITS.fileChars = 1000;
    try {
      expect(errorsOf(good)[0]).toMatch(
        /^The file is too large \(\d KB; Inspection Lens imports files up to 1 KB\)\.$/,
      );
    } finally {
      IMPORT_LIMITS.fileChars = limit;
    }
  });

  test('many bad records: the first ten are named, then how many more', () => {
    const d = doc();
    for (const c of d.clips) c.colour = 'tartan';
    d.clips = Array.from({ length: 25 }, (_, i) => ({ ...d.clips[0], id: `c${i}` }));
    const errors = errorsOf(JSON.stringify(d));
    expect(errors).toHaveLength(11);
    expect(errors[0]).toBe('Clip 1 (id "c0"), field "colour": should be one of yellow, green, blue, pink, orange.');
    expect(errors[10]).toBe('…and 15 more problems.');
  });

  test('markup in a note is kept as the reader’s text, as written', () => {
    const r = parseImport(good);
    expect(r.ok && r.records.clips.find((c) => c.id === 'clip-3')?.note).toBe(sampleClips[2].note);
  });
});

describe('writing an import', () => {
  test('the same file imported twice: nothing doubled', async () => {
    const before = await snapshot();
    const r = await importText(good);
    expect(r).toEqual({
      ok: true,
      result: { clipsAdded: 0, clipsMerged: 0, clipsUnchanged: 5, articlesAdded: 0, articlesMerged: 0 },
    });
    expect(await snapshot()).toEqual(before);
  });

  test('the same quote of the same article under another id is merged: tags joined, the newer note kept', async () => {
    const d = doc();
    d.clips = [{ ...d.clips[0], id: 'from-another-browser', tags: ['hackney'], note: 'newer note', updated: 2e12 }];
    d.articles = [d.articles[0]];
    const r = await importText(JSON.stringify(d));
    expect(r).toMatchObject({ ok: true, result: { clipsAdded: 0, clipsMerged: 1 } });
    const { clips } = await snapshot();
    expect(clips).toHaveLength(5);
    expect(clips.find((c) => c.id === 'clip-1')).toMatchObject({
      tags: ['caseloads', 'drift, delay', 'hackney'],
      note: 'newer note',
      updated: 2e12,
      created: sampleClips[0].created,
    });
  });

  test('a page that prints a passage twice: a clip of each copy, in one file, are two clips', async () => {
    const d = doc();
    const [a] = sampleClips;
    const twin = {
      ...a,
      id: 'the-second-copy',
      selectors: [a.selectors[0], { type: 'TextPositionSelector', start: 900, end: 900 + a.quote.length }],
      note: 'the caption under the photo',
    };
    d.clips = [{ ...a, id: 'the-first-copy' }, twin];
    d.articles = [d.articles[0]];
    globalThis.indexedDB = new IDBFactory();
    const r = await importText(JSON.stringify(d));
    expect(r).toMatchObject({ ok: true, result: { clipsAdded: 2, clipsMerged: 0, clipsUnchanged: 0 } });
    const { clips } = await snapshot();
    expect(clips.map((c) => [c.id, c.note]).sort()).toEqual([
      ['the-first-copy', a.note],
      ['the-second-copy', 'the caption under the photo'],
    ]);
  });

  test('clips of up to 50 councils, as the collection keeps them, are imported', async () => {
    const d = doc();
    const councils = Array.from({ length: 30 }, (_, i) => ({
      code: `E0900${String(i + 1).padStart(4, '0')}`,
      name: `Borough ${i + 1}`,
    }));
    d.clips = [
      {
        ...d.clips[1],
        id: 'round-up',
        quote: 'Thirty boroughs were rated inadequate',
        selectors: [
          { type: 'TextQuoteSelector', exact: 'Thirty boroughs were rated inadequate', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 37 },
        ],
        finding: { ...d.clips[1].finding, councils },
        councilCodes: councils.map((c) => c.code),
      },
    ];
    d.articles = [d.articles[0]];
    const r = await importText(JSON.stringify(d));
    expect(r).toMatchObject({ ok: true, result: { clipsAdded: 1 } });
    const { clips } = await snapshot();
    expect(clips.find((c) => c.id === 'round-up')?.councilCodes).toHaveLength(30);
  });

  test('a failure part way through leaves the collection as it was', async () => {
    const before = await snapshot();
    const many: Clip[] = Array.from({ length: 1200 }, (_, i) => ({ ...sampleClips[0], id: `n${i}`, quote: `q${i}` }));
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 900) throw new DOMException('quota', 'QuotaExceededError');
      return original.apply(this, args);
    };
    try {
      await expect(importRecords({ clips: many, articles: [] })).rejects.toThrow(/quota/);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await snapshot()).toEqual(before);
  });

  test('a cancelled import (the panel closed) writes nothing; progress is reported on the way', async () => {
    const before = await snapshot();
    const many: Clip[] = Array.from({ length: 3000 }, (_, i) => ({ ...sampleClips[0], id: `n${i}`, quote: `q${i}` }));
    const ctl = new AbortController();
    const seen: number[] = [];
    await expect(
      importRecords(
        { clips: many, articles: [] },
        {
          signal: ctl.signal,
          onProgress: (done) => {
            seen.push(done);
            if (done >= 1500) ctl.abort();
          },
        },
      ),
    ).rejects.toThrow(/cancelled: nothing was written/);
    expect(seen).toEqual([500, 1000, 1500]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('reading the collection in pages', () => {
  test('small pages give every clip once and every article, record-only ones too', async () => {
    const pages: number[] = [];
    const all = await collectPages(
      (cursor) => readExportPage(cursor, 2),
      (n) => pages.push(n),
    );
    expect(all.clips.map((c) => c.id).sort()).toEqual(sampleClips.map((c) => c.id));
    expect(all.articles.map((a) => a.id).sort()).toEqual(sample.articles.map((a) => a.id).sort());
    expect(pages.slice(0, 3)).toEqual([2, 4, 5]);
  });

  test('a filter exports only its clips and their articles', async () => {
    const part = await collectPages((cursor) => readExportPage(cursor, 2, { council: 'E09000022' }));
    expect(part.clips.map((c) => c.id)).toEqual(['clip-3', 'clip-4']);
    expect(part.articles.map((a) => a.id)).toEqual(['https://news.example/lambeth?id=4']);
    const tagged = await collectPages((cursor) => readExportPage(cursor, 2, { tag: 'caseloads' }));
    expect(tagged.clips.map((c) => c.id)).toEqual(['clip-1']);
  });
});

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
