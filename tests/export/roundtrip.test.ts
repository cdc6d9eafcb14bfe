import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { parseImport } from '../../lib/export/import';
import { buildJson } from '../../lib/export/json';
import { buildJsonLd } from '../../lib/export/jsonld';
import { collectPages } from '../../lib/export/records';
import { ClipStore } from '../../lib/store/clip-store';
import { importRecords, readExportPage } from '../../lib/store/import';
import { kent, NOW, sample, sampleClips } from './sample';

const LATER = new Date(NOW.getTime() + 86_400_000);
const exportOf = (dbName: string) => collectPages((cursor) => readExportPage(cursor, 3, {}, dbName));
const withoutDate = (text: string) => text.replace(/"exported": "[^"]*"|"id": "urn:inspection-lens:export:[^"]*"/, '');

async function importInto(dbName: string, text: string) {
  const parsed = parseImport(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return importRecords(parsed.records, { dbName });
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  // The collection as the extension writes it: clips saved with their articles, a record saved alone.
  const store = new ClipStore('source');
  for (const c of sampleClips) {
    const article = sample.articles.find((a) => a.id === c.articleId);
    if (article) await store.saveClip(c, article);
  }
  await store.saveRecord(kent);
  await store.updateClip('clip-1', { note: 'edited after saving', tags: ['one', 'two'] });
  store.close();
});

test('JSON: export, import into an empty store, export again: the same file but for its date', async () => {
  const first = buildJson(await exportOf('source'), NOW);
  const result = await importInto('fresh', first);
  expect(result).toMatchObject({ clipsAdded: 5, articlesAdded: 3, clipsMerged: 0 });
  const second = buildJson(await exportOf('fresh'), LATER);
  expect(second).not.toBe(first);
  expect(withoutDate(second)).toBe(withoutDate(first));
  // And the store holds exactly what was saved.
  const again = new ClipStore('fresh');
  expect(await again.getClip('clip-1')).toEqual(await new ClipStore('source').getClip('clip-1'));
});

test('Web Annotation: export, import into an empty store, export again: the same for what it carries', async () => {
  const first = buildJsonLd(await exportOf('source'), NOW);
  await importInto('fresh', first);
  const second = buildJsonLd(await exportOf('fresh'), LATER);
  expect(withoutDate(second)).toBe(withoutDate(first));
  const [a, b] = [await new ClipStore('source').getClip('clip-3'), await new ClipStore('fresh').getClip('clip-3')];
  for (const field of [
    'id',
    'url',
    'quote',
    'selectors',
    'category',
    'finding',
    'councilCodes',
    'grades',
    'note',
    'tags',
  ])
    expect(b?.[field as keyof typeof b]).toEqual(a?.[field as keyof typeof a]);
  expect(b?.created).toBe(a?.created);
});

test('importing a Web Annotation export into the collection it came from doubles nothing', async () => {
  const text = buildJsonLd(await exportOf('source'), NOW);
  const r = await importInto('source', text);
  expect(r.clipsAdded).toBe(0);
  expect((await exportOf('source')).clips).toHaveLength(5);
});

test('Web Annotation: a passage saved from two of its findings keeps both findings’ councils and grades', async () => {
  // The sentence's council card, then its grade card: one clip, indexed by both.
  const sentence = sampleClips[1];
  const store = new ClipStore('source');
  const article = sample.articles.find((a) => a.id === sentence.articleId);
  if (!article) throw new Error('no article');
  const asCouncil = {
    ...sentence,
    id: 'passage',
    category: 'council' as const,
    finding: { kind: 'council' as const, councils: [{ code: 'E09000022', name: 'Lambeth' }] },
    councilCodes: ['E09000022'],
    grades: [],
  };
  await store.saveClip(asCouncil, article);
  await store.saveClip({ ...sentence, id: 'passage' }, article);
  const saved = await store.getClip('passage');
  expect(saved?.councilCodes.sort()).toEqual(['E09000012', 'E09000022']);
  store.close();
  await importInto('fresh', buildJsonLd(await exportOf('source'), NOW));
  const back = await new ClipStore('fresh').getClip('passage');
  expect(back?.councilCodes.sort()).toEqual(['E09000012', 'E09000022']);
  expect(back?.grades).toEqual(saved?.grades);
  expect(back?.finding).toEqual(saved?.finding);
});
