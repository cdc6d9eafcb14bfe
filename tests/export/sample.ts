// A small collection with the text that breaks naive exports: quotes, commas and line breaks,
// non-Latin text and emoji, formula-looking notes and tags, markup in a note, a clip about two
// councils, an article saved only as an inspection record, and an orphaned clip.
import type { Article, Clip } from '../../lib/clips';
import type { ExportData } from '../../lib/export/records';
import { testClip } from '../support/clip';

const T0 = Date.UTC(2026, 10, 20, 9, 30, 0);

export function clip(n: number, over: Partial<Clip>): Clip {
  const quote = over.quote ?? `Quote ${n}`;
  return testClip(
    quote,
    {
      url: 'https://news.example/hackney',
      start: 100 * n,
      prefix: 'before ',
      suffix: ' after',
      created: T0 + n * 60_000,
    },
    { id: `clip-${n}`, rev: n % 3, ...over },
  );
}

export const hackney: Article = {
  id: 'https://news.example/hackney',
  url: 'https://news.example/hackney',
  canonicalUrl: 'https://news.example/hackney',
  title: 'Overly adult-focused work found at Hackney, says Ofsted',
  site: 'Community Care',
  published: '2026-11-18',
  outcomes: [
    { council: { code: 'E09000012', name: 'Hackney' }, grade: 'requires improvement', current: true, year: 2026 },
    { council: { code: 'E09000012', name: 'Hackney' }, grade: 'good', current: false, year: 2022 },
  ],
  created: T0,
  updated: T0 + 3600_000,
};

export const lambeth: Article = {
  id: 'https://news.example/lambeth?id=4',
  url: 'https://news.example/lambeth?id=4',
  canonicalUrl: 'https://news.example/lambeth',
  title: 'Lambeth "inadequate", again: what now?',
  site: 'news.example',
  outcomes: [],
  created: T0 + 1000,
  updated: T0 + 1000,
};

/** Saved as an inspection record only: no clip points at it. */
export const kent: Article = {
  id: 'https://paper.example/kent',
  url: 'https://paper.example/kent',
  canonicalUrl: 'https://paper.example/kent',
  title: 'Kent children’s services rated outstanding',
  site: 'Kent Paper',
  published: '2026-10-01T08:00:00Z',
  outcomes: [
    {
      council: { code: 'E10000016', name: 'Kent' },
      grade: 'outstanding',
      current: true,
      year: 2026,
      area: 'overall effectiveness',
    },
  ],
  recordSaved: T0 + 5000,
  created: T0 + 5000,
  updated: T0 + 5000,
};

export const sampleClips: Clip[] = [
  clip(1, {
    quote: 'inspectors saw the damaging impact of this drift and delay',
    note: 'Ask about caseloads, "drift" & delay',
    tags: ['caseloads', 'drift, delay'],
  }),
  clip(2, {
    category: 'grade',
    quote: 'requires improvement to be good',
    finding: {
      kind: 'grade',
      grade: 'requires improvement',
      councils: [{ code: 'E09000012', name: 'Hackney' }],
      current: true,
      year: 2026,
      area: 'overall effectiveness',
    },
    councilCodes: ['E09000012'],
    grades: ['requires improvement'],
    note: '=HYPERLINK("http://evil.example","click")',
    tags: ['+44 follow-up', '@team', '-minus'],
  }),
  clip(3, {
    articleId: lambeth.id,
    url: `${lambeth.url}#para-3`,
    category: 'grade',
    quote: 'Lambeth and Southwark were both judged\n“inadequate”',
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
    councilCodes: ['E09000022', 'E09000028'],
    grades: ['inadequate'],
    note: '<img src=x onerror="alert(1)"> *not bold* [link](javascript:alert(1))\n# not a heading',
    tags: ['#urgent'],
    colour: 'pink',
    updated: T0 + 86_400_000,
  }),
  clip(4, {
    articleId: lambeth.id,
    url: lambeth.url,
    category: 'improvement',
    quote: 'Leaders must improve the timeliness of assessments 🧒 — for families whose first language is اردو or 中文',
    finding: { kind: 'improvement', councils: [{ code: 'E09000022', name: 'Lambeth' }], topic: 'assessments' },
    councilCodes: ['E09000022'],
    note: 'Cymraeg: gwasanaethau plant ✅\tTabbed',
    tags: ['\tindented', 'ürgent'],
    orphaned: true,
  }),
  clip(5, { quote: '- a list marker, 1. and a number', note: '\rstarts with a carriage return' }),
];

export const sample: ExportData = { clips: sampleClips, articles: [hackney, lambeth, kent] };
export const NOW = new Date(Date.UTC(2026, 10, 29, 12, 0, 0));
