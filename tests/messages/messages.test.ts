// The message boundary: limits that fit real pages, refusals in the reader's words, records
// rebuilt with known fields only, and seeded fuzzing with random and hostile shapes.
import { describe, expect, test } from 'vitest';
import type { Article, Clip } from '../../lib/clips';
import { parseMessage, refusalReason } from '../../lib/messages';
import { LIMITS, readArticle, readClip } from '../../lib/store/records';
import { mulberry32, randomValue } from '../support/fuzz';

const url = 'https://news.example/story';
function clip(over: Partial<Clip> = {}): Clip {
  return {
    id: 'c1',
    articleId: url,
    url,
    quote: 'caseloads were too high',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'caseloads were too high', prefix: 'Inspectors found ', suffix: '.' },
      { type: 'TextPositionSelector', start: 17, end: 40 },
    ],
    textModel: 'article',
    category: 'grade',
    finding: { kind: 'grade', grade: 'inadequate', councils: [{ code: 'E09000022', name: 'Lambeth' }], year: 2019 },
    councilCodes: ['E09000022'],
    grades: ['inadequate'],
    note: '',
    tags: [],
    colour: 'yellow',
    created: 1,
    updated: 1,
    orphaned: false,
    ...over,
  };
}
const article = (over: Partial<Article> = {}): Article => ({
  id: url,
  url,
  canonicalUrl: url,
  title: 'Lambeth rated inadequate',
  site: 'news.example',
  outcomes: [],
  created: 1,
  updated: 1,
  ...over,
});
const outcomes = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    council: { code: `E0${String(i).padStart(7, '0')}`, name: `Council ${i}` },
    grade: 'good' as const,
    current: true,
    year: 2020,
  }));
const saveClip = (c: unknown, a: unknown = article()) => ({ type: 'saveClip', data: { clip: c, article: a } });

describe('limits that fit real pages', () => {
  test('a round-up page with 600 outcomes can be clipped; past the limit its outcomes are trimmed', () => {
    const m = parseMessage(saveClip(clip(), article({ outcomes: outcomes(600) })));
    expect(m?.type === 'saveClip' && m.data.article.outcomes.length).toBe(600);
    const big = parseMessage({
      type: 'saveRecord',
      data: { article: article({ outcomes: outcomes(LIMITS.outcomes + 100) }) },
    });
    expect(big?.type === 'saveRecord' && big.data.article.outcomes.length).toBe(LIMITS.outcomes);
  });

  test('a URL over 8,192 characters and a selection over 100,000 characters are accepted', () => {
    const long = `${url}?${'ref=abc&'.repeat(1500)}`;
    expect(long.length).toBeGreaterThan(8192);
    const quote = 'a'.repeat(150_000);
    const c = clip({
      url: long,
      articleId: long,
      quote,
      selectors: [{ ...clip().selectors[0], exact: quote }, clip().selectors[1]],
    });
    expect(parseMessage(saveClip(c, article({ id: long, url: long, canonicalUrl: long })))).not.toBeNull();
  });

  test('past the limits the refusal names the cause, in words a reader understands', () => {
    const tooLong = `${url}?${'x'.repeat(LIMITS.url)}`;
    const m = saveClip(clip({ url: tooLong, articleId: tooLong }), article({ id: tooLong, url: tooLong }));
    expect(parseMessage(m)).toBeNull();
    expect(refusalReason(m)).toMatch(/page’s address is too long to save \(65,5\d\d characters; the limit is 65,536\)/);
    const q = 'q'.repeat(LIMITS.quote + 1);
    const huge = saveClip(clip({ quote: q }));
    expect(parseMessage(huge)).toBeNull();
    expect(refusalReason(huge)).toMatch(
      /selection is too long to clip \(1,000,001 characters; the limit is 1,000,000\)/,
    );
    expect(refusalReason(saveClip({ ...clip(), colour: 'ultraviolet' }))).toMatch(/could not read this clip/);
    expect(refusalReason(saveClip(clip({ articleId: 'https://other.example/' })))).toMatch(/does not belong/);
    expect(refusalReason({ type: 'nonsense' })).toMatch(/could not read this request/);
  });
});

describe('records rebuilt with known fields only', () => {
  test('unknown fields, __proto__ and constructor keys are dropped, and nothing is polluted', () => {
    const raw = JSON.parse(
      JSON.stringify(saveClip({ ...clip(), junk: 'x'.repeat(1000) }, { ...article(), extra: 1 })).replace(
        '"junk"',
        '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"junk"',
      ),
    );
    const m = parseMessage(raw);
    expect(m?.type).toBe('saveClip');
    if (m?.type !== 'saveClip') return;
    expect(Object.keys(m.data.clip)).not.toContain('junk');
    expect(Object.hasOwn(m.data.clip, '__proto__')).toBe(false);
    expect(Object.hasOwn(m.data.clip, 'constructor')).toBe(false);
    expect(Object.keys(m.data.article)).not.toContain('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(m.data.clip).toEqual(readClip(clip()));
  });

  test('a null inside finding.councils is refused', () => {
    const c = clip();
    expect(parseMessage(saveClip({ ...c, finding: { ...c.finding, councils: [null] } }))).toBeNull();
  });

  test('edits carry the version they were made on; a malformed version is refused', () => {
    expect(
      parseMessage({ type: 'updateClip', data: { id: 'c1', note: 'n', rev: 3, base: { note: '' } } }),
    ).not.toBeNull();
    expect(parseMessage({ type: 'updateClip', data: { id: 'c1', note: 'n', rev: -1 } })).toBeNull();
    expect(parseMessage({ type: 'updateClip', data: { id: 'c1', note: 'n', rev: 1, base: { tags: [1] } } })).toBeNull();
    expect(parseMessage({ type: 'listClips', data: { after: { created: 5, id: 'c1' }, pageSize: 20 } })).not.toBeNull();
    expect(parseMessage({ type: 'listClips', data: { after: { created: 'x', id: 'c1' } } })).toBeNull();
  });
});

describe('fuzzing the message boundary (seeded, reproducible)', () => {
  const valid = () => saveClip(clip(), article({ outcomes: outcomes(3) }));

  /** Replaces a random path inside `v` with a random value, or deletes it. */
  function mutate(v: unknown, rnd: () => number, depth = 0): unknown {
    if (typeof v !== 'object' || v === null || depth > 6 || rnd() < 0.15) return randomValue(rnd, 3);
    const copy: Record<string, unknown> | unknown[] = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (!keys.length) return copy;
    const k = keys[Math.floor(rnd() * keys.length)];
    if (rnd() < 0.1) delete (copy as Record<string, unknown>)[k];
    else (copy as Record<string, unknown>)[k] = mutate((copy as Record<string, unknown>)[k], rnd, depth + 1);
    return copy;
  }

  test('3,000 mutated saves: never an uncaught error; each is accepted clean or refused with a reason', () => {
    const rnd = mulberry32(17);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const raw = mutate(valid(), rnd);
      const m = parseMessage(raw);
      if (m === null) {
        expect(refusalReason(raw)).toMatch(/\w/);
        continue;
      }
      accepted++;
      if (m.type === 'saveClip') {
        // What passes is a well-formed record: reading it again gives the same record.
        expect(readClip(m.data.clip)).toEqual(m.data.clip);
        expect(readArticle(m.data.article)).toEqual(m.data.article);
      }
    }
    expect(accepted).toBeGreaterThan(50);
  });

  test('random and hostile values of every message type: refused or accepted, never thrown', () => {
    const rnd = mulberry32(4242);
    const types = [
      'ping',
      'pageReport',
      'saveClip',
      'saveRecord',
      'clipsForPage',
      'setClipStates',
      'listClips',
      'updateClip',
      'openArticle',
      '__proto__',
      'constructor',
      'toString',
    ];
    for (let i = 0; i < 3000; i++) {
      const raw =
        rnd() < 0.2
          ? randomValue(rnd, 4)
          : { type: types[Math.floor(rnd() * types.length)], data: randomValue(rnd, 4) };
      expect(() => parseMessage(raw)).not.toThrow();
      expect(() => refusalReason(raw)).not.toThrow();
    }
  });

  test('getters that throw, proxies, deep nesting and huge strings are refused without an error', () => {
    const throwing = {
      type: 'saveClip',
      data: {
        get clip() {
          throw new Error('boom');
        },
        article: article(),
      },
    };
    expect(parseMessage(throwing)).toBeNull();
    expect(refusalReason(throwing)).toMatch(/could not read/);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(parseMessage({ type: 'saveClip', data: revoked.proxy })).toBeNull();
    let deep: unknown = 'end';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const t0 = performance.now();
    expect(parseMessage(saveClip({ ...clip(), tags: deep }))).toBeNull();
    expect(parseMessage({ type: 'updateClip', data: { id: 'c1', base: { note: deep } } })).toBeNull();
    expect(parseMessage(saveClip({ ...clip(), note: 'n'.repeat(50_000_000) }))).toBeNull();
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
