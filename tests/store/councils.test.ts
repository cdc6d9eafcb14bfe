import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Article, Clip } from '../../lib/clips';
import { ClipStore } from '../../lib/store/clip-store';
import { closeCouncilConnections, councilHistory, listCouncils } from '../../lib/store/councils';
import { testClip } from '../support/clip';

const LAMBETH = { code: 'E09000022', name: 'Lambeth' };
const HACKNEY = { code: 'E09000012', name: 'Hackney' };

let n = 0;
function clip(over: Partial<Clip> = {}): Clip {
  n++;
  return testClip(
    `Quote ${n}`,
    { url: over.url ?? 'https://news.example/a', start: n * 10, end: n * 10 + 7, created: 1000 + n },
    { id: `clip-${n}`, ...over },
  );
}
function article(url: string, over: Partial<Article> = {}): Article {
  return {
    id: url,
    url,
    canonicalUrl: url,
    title: `Story at ${url}`,
    site: 'news.example',
    outcomes: [],
    created: 1,
    updated: 1,
    ...over,
  };
}

describe('councilHistory', () => {
  test('one row per council with its grades from every article, oldest first, each naming its article', () => {
    const a2019 = article('https://news.example/2019', {
      published: '2019-03-14',
      outcomes: [{ council: LAMBETH, grade: 'inadequate', current: true, year: 2019 }],
    });
    const a2023 = article('https://news.example/2023', {
      published: '2023-06-20',
      outcomes: [{ council: LAMBETH, grade: 'good', current: true, year: 2023 }],
    });
    const a2021 = article('https://news.example/2021');
    const clips = [
      clip({
        url: a2021.url,
        councilCodes: [LAMBETH.code],
        grades: ['requires improvement'],
        finding: { kind: 'grade', grade: 'requires improvement', councils: [LAMBETH], current: true, year: 2021 },
      }),
      clip({ url: a2021.url, councilCodes: [HACKNEY.code], finding: { kind: 'council', councils: [HACKNEY] } }),
    ];
    const rows = councilHistory([a2023, a2019, a2021], clips);
    expect(rows.map((r) => r.name)).toEqual(['Hackney', 'Lambeth']);
    const lambeth = rows[1];
    expect(lambeth).toMatchObject({ code: LAMBETH.code, urn: '80506', clips: 1 });
    expect(lambeth.points.map((p) => `${p.year} ${p.grade} ${p.source} ${p.url}`)).toEqual([
      '2019 inadequate record https://news.example/2019',
      '2021 requires improvement clip https://news.example/2021',
      '2023 good record https://news.example/2023',
    ]);
    expect(lambeth.points[0].title).toBe('Story at https://news.example/2019');
    // A council named only in a clip gets a row, with no grades.
    expect(rows[0]).toMatchObject({ code: HACKNEY.code, clips: 1, points: [] });
  });

  test('a clip repeating its article’s outcome is one point; a previous grade comes before a current one', () => {
    const a = article('https://news.example/x', {
      outcomes: [
        { council: LAMBETH, grade: 'good', current: true, year: 2023 },
        { council: LAMBETH, grade: 'inadequate', current: false, year: 2023 },
      ],
    });
    const repeat = clip({
      url: a.url,
      councilCodes: [LAMBETH.code],
      grades: ['good'],
      finding: { kind: 'grade', grade: 'good', councils: [LAMBETH], current: true, year: 2023 },
    });
    const [row] = councilHistory([a], [repeat]);
    expect(row.points.map((p) => `${p.grade} ${p.current ? 'current' : 'previous'}`)).toEqual([
      'inadequate previous',
      'good current',
    ]);
  });

  test('an inspection reported by two articles is one point, with the other article as a second source', () => {
    const a2019 = article('https://news.example/2019', {
      published: '2019-03-14',
      outcomes: [{ council: LAMBETH, grade: 'inadequate', current: true, year: 2019 }],
    });
    // Four years on, the council's new grade, and the 2019 one recalled as its previous.
    const a2023 = article('https://news.example/2023', {
      published: '2023-06-20',
      outcomes: [
        { council: LAMBETH, grade: 'good', current: true, year: 2023 },
        { council: LAMBETH, grade: 'inadequate', current: false, year: 2019 },
      ],
    });
    // A third article recalls the 2019 grade too, naming the area it remembers: the same inspection.
    const a2024 = article('https://news.example/2024', {
      published: '2024-01-10',
      outcomes: [{ council: LAMBETH, grade: 'inadequate', current: false, year: 2019, area: 'leadership' }],
    });
    // And a 2019 grade of another word (another judgement of that year) stays a point of its own.
    const other = article('https://news.example/2019b', {
      published: '2019-03-20',
      outcomes: [{ council: LAMBETH, grade: 'requires improvement', current: true, year: 2019, area: 'care leavers' }],
    });
    const [row] = councilHistory([a2023, a2024, a2019, other], []);
    expect(row.points.map((p) => `${p.year} ${p.grade} ${p.current ? 'current' : 'previous'} ${p.url}`)).toEqual([
      '2019 inadequate current https://news.example/2019',
      '2019 requires improvement current https://news.example/2019b',
      '2023 good current https://news.example/2023',
    ]);
    expect(row.points[0].area).toBeUndefined();
    expect(row.points[0].alsoIn).toEqual([
      { articleId: a2023.id, url: a2023.url, title: 'Story at https://news.example/2023' },
      { articleId: a2024.id, url: a2024.url, title: 'Story at https://news.example/2024' },
    ]);
    expect(row.points[2].alsoIn).toBeUndefined();
    // Told only as a previous grade: the earliest article tells it, the later one is a second source.
    const [recalled] = councilHistory([a2024, a2023], []).map((r) => r.points.filter((p) => p.year === 2019));
    expect(recalled.map((p) => [p.url, p.alsoIn?.map((o) => o.url)])).toEqual([
      ['https://news.example/2023', ['https://news.example/2024']],
    ]);
  });

  test('a council with no known Ofsted URN has none', () => {
    const [row] = councilHistory([], [clip({ councilCodes: ['E99999999'] })]);
    expect(row.urn).toBeUndefined();
    expect(row.name).toBe('E99999999');
  });
});

describe('listCouncils reads the store', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => closeCouncilConnections());

  test('from saved records and clips, and sees a record saved later', async () => {
    const store = new ClipStore();
    await store.saveRecord(
      article('https://news.example/2019', {
        outcomes: [{ council: LAMBETH, grade: 'inadequate', current: true, year: 2019 }],
      }),
    );
    expect((await listCouncils()).map((r) => r.points.map((p) => p.grade))).toEqual([['inadequate']]);
    await store.saveRecord(
      article('https://news.example/2023', {
        outcomes: [{ council: LAMBETH, grade: 'good', current: true, year: 2023 }],
      }),
    );
    const rows = await listCouncils();
    expect(rows).toHaveLength(1);
    expect(rows[0].points.map((p) => `${p.year} ${p.grade}`)).toEqual(['2019 inadequate', '2023 good']);
    store.close();
  });
});

describe('saving the same passage again', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  test('updates the stored clip (its finding) and keeps the reader’s note; a lesser finding keeps the grade', async () => {
    const store = new ClipStore();
    const a = article('https://news.example/a');
    const first = clip({ url: a.url });
    expect((await store.saveClip(first, a)).created).toBe(true);
    await store.updateClip(first.id, { note: 'mine', rev: 0 });
    const graded = {
      ...first,
      category: 'grade' as const,
      councilCodes: [LAMBETH.code],
      grades: ['inadequate'],
      finding: { kind: 'grade' as const, grade: 'inadequate' as const, councils: [LAMBETH], year: 2019 },
    };
    const again = await store.saveClip(graded, a);
    expect(again).toMatchObject({ created: false, changed: true });
    expect(await store.getClip(first.id)).toMatchObject({
      note: 'mine',
      rev: 1,
      grades: ['inadequate'],
      category: 'grade',
    });
    // The same sentence saved from its council mention: the grade it was saved with stays.
    await store.saveClip(
      {
        ...first,
        category: 'council',
        councilCodes: [HACKNEY.code],
        finding: { kind: 'council', councils: [HACKNEY] },
      },
      a,
    );
    const now = await store.getClip(first.id);
    expect(now?.finding?.grade).toBe('inadequate');
    expect(now?.councilCodes.sort()).toEqual([HACKNEY.code, LAMBETH.code]);
    expect(await store.listClips()).toHaveLength(1);
    store.close();
  });
});
