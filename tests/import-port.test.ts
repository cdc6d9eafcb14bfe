import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import type { Clip } from '../lib/clips';
import { collectPages } from '../lib/export/records';
import { type PortLike, sendImport, serveImport } from '../lib/import-port';
import { importRecords, readExportPage } from '../lib/store/import';
import { sample, sampleClips } from './export/sample';

/**
 * Two connected ends of a port, like a runtime Port: messages arrive asynchronously, as copies, in
 * order; after one end disconnects, the other still gets what was posted before, then onDisconnect.
 */
function portPair(): [PortLike, PortLike] {
  const make = () => ({ listeners: [] as ((m: unknown) => void)[], gone: [] as (() => void)[], closed: false });
  const a = make();
  const b = make();
  const end = (self: typeof a, other: typeof a): PortLike => ({
    postMessage(m) {
      if (self.closed) throw new Error('disconnected port');
      const copy = structuredClone(m);
      setTimeout(() => {
        for (const f of other.listeners) f(copy);
      });
    },
    disconnect() {
      if (self.closed) return;
      self.closed = true;
      self.listeners = [];
      setTimeout(() => {
        other.closed = true;
        for (const f of other.gone) f();
      });
    },
    onMessage: { addListener: (f) => self.listeners.push(f) },
    onDisconnect: { addListener: (f) => self.gone.push(f) },
  });
  return [end(a, b), end(b, a)];
}

const snapshot = () => collectPages((cursor) => readExportPage(cursor, 1000));
const many = (n: number): Clip[] =>
  Array.from({ length: n }, (_, i) => ({ ...sampleClips[0], id: `p${i}`, quote: `quote ${i}` }));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

test('an import sent in batches over the port is written once, with progress, and reported', async () => {
  const [panel, background] = portPair();
  let written = 0;
  serveImport(background, importRecords, () => written++);
  const progress: number[] = [];
  const result = await sendImport(panel, { clips: many(1200), articles: sample.articles }, (done) =>
    progress.push(done),
  );
  expect(result).toEqual({ clipsAdded: 1200, clipsMerged: 0, clipsUnchanged: 0, articlesAdded: 3, articlesMerged: 0 });
  expect(progress.at(-1)).toBe(1203);
  expect(progress).toEqual([500, 1000, 1203]);
  expect(written).toBe(1);
  expect((await snapshot()).clips).toHaveLength(1200);
});

test('the panel closing during the write leaves the collection as it was', async () => {
  await importRecords(sample);
  const before = await snapshot();
  const [panel, background] = portPair();
  const writes: Promise<unknown>[] = [];
  serveImport(
    background,
    (data, options) => {
      const w = importRecords(data, options);
      writes.push(w);
      return w;
    },
    () => {},
  );
  sendImport(panel, { clips: many(3000), articles: [] }, (done) => {
    if (done >= 1000) panel.disconnect();
  }).catch(() => {});
  await expect.poll(() => writes.length).toBe(1);
  await expect(writes[0]).rejects.toThrow(/cancelled: nothing was written/);
  expect(await snapshot()).toEqual(before);
});

test('a malformed batch is refused at the boundary and nothing is written', async () => {
  const [panel, background] = portPair();
  serveImport(background, importRecords, () => {});
  const bad = { ...sampleClips[0], url: 'javascript:alert(1)' };
  await expect(sendImport(panel, { clips: [sampleClips[1], bad], articles: [] })).rejects.toThrow(
    /malformed record: nothing was imported/,
  );
  expect((await snapshot()).clips).toEqual([]);
});
