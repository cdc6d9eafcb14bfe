// Seeded fuzzing of Import: valid exports broken at random places (fields removed, retyped,
// replaced by hostile values, the text cut or spliced). Every file is either read whole or
// refused with messages that say where; nothing throws; a refused file writes nothing; and
// checking a file takes time in proportion to its size.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { parseImport } from '../../lib/export/import';
import { buildJson } from '../../lib/export/json';
import { buildJsonLd } from '../../lib/export/jsonld';
import { collectPages } from '../../lib/export/records';
import { importRecords, readExportPage } from '../../lib/store/import';
import { mulberry32, randomValue } from '../support/fuzz';
import { NOW, sample } from './sample';

const snapshot = () => collectPages((cursor) => readExportPage(cursor, 1000));

/** Every path to a value inside a JSON document (objects and arrays), the root excluded. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(x, p, out);
    }
  }
  return out;
}

/** One random breakage of a JSON text: a value removed, replaced or given a hostile sibling, or the text cut. */
function breakOnce(text: string, rnd: () => number): string {
  const r = rnd();
  if (r < 0.15) return text.slice(0, Math.floor(rnd() * text.length));
  if (r < 0.2) {
    const at = Math.floor(rnd() * text.length);
    return text.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 128)) + text.slice(at + 1);
  }
  const doc = JSON.parse(text);
  const all = paths(doc);
  const path = all[Math.floor(rnd() * all.length)];
  let parent: Record<string | number, unknown> = doc;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1];
  const s = rnd();
  if (s < 0.3) delete parent[key];
  else if (s < 0.8) parent[key] = randomValue(rnd, 3);
  else
    Object.defineProperty(parent, ['__proto__', 'constructor', 'then'][Math.floor(rnd() * 3)], {
      value: randomValue(rnd, 2),
      enumerable: true,
    });
  return JSON.stringify(doc);
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await importRecords(sample);
});

describe.each([
  ['JSON', () => buildJson(sample, NOW)],
  ['Web Annotation', () => buildJsonLd(sample, NOW)],
])('a broken %s export', (_format, build) => {
  test('is read whole or refused with where it is wrong; never throws; a refusal writes nothing', async () => {
    const rnd = mulberry32(20261130);
    const good = build();
    const before = JSON.stringify(await snapshot());
    let refused = 0;
    for (let i = 0; i < 250; i++) {
      let text = good;
      const breaks = 1 + Math.floor(rnd() * 3);
      for (let b = 0; b < breaks && text.startsWith('{'); b++) {
        try {
          text = breakOnce(text, rnd);
        } catch {
          break; // a cut text is no longer JSON: keep it as it is
        }
      }
      const parsed = parseImport(text);
      if (parsed.ok) continue;
      refused++;
      expect(parsed.errors.length).toBeGreaterThan(0);
      for (const e of parsed.errors) expect(typeof e === 'string' && e.length > 10).toBe(true);
    }
    // Most breakages must be caught (a removed optional field or a changed note is still a good file).
    expect(refused).toBeGreaterThan(100);
    expect(JSON.stringify(await snapshot())).toBe(before);
  });
});

test('checking a file takes time in proportion to its size', () => {
  const many = (n: number) => {
    const clips = Array.from({ length: n }, (_, i) =>
      sample.clips.map((c) => ({ ...c, id: `${c.id}-${i}`, quote: `${c.quote} ${i}` })),
    ).flat();
    return buildJson({ clips, articles: sample.articles }, NOW);
  };
  const small = many(50);
  const large = many(800);
  // Best of seven, the two sizes taken in turn, so a busy moment of a shared machine slows both.
  const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let k = 0; k < 8; k++)
    [small, large].forEach((text, i) => {
      const t0 = performance.now();
      expect(parseImport(text).ok).toBe(true);
      if (k > 0) best[i] = Math.min(best[i], performance.now() - t0); // the first round warms up
    });
  const perByteSmall = best[0] / small.length;
  const perByteLarge = best[1] / large.length;
  // Sixteen times the file: quadratic work would take 16x per byte; linear stays near 1x (a wide
  // margin for a loaded machine: this once measured 3.5x with two browser-test workers beside it).
  expect(perByteLarge / perByteSmall).toBeLessThan(6);
});
