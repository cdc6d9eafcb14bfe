// Seeded fuzzing of the analyser through the command line's own entry (analyzeInput): random and
// hostile documents, as text, HTML and raw bytes. Nothing may throw, every result must have the
// contract's shape, and time must grow linearly with size. Each case's seed is in its name, so a
// failure is reproduced by running the same test again.
import { Parser } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { analyzeInput } from '../../lib/cli/analyze';
import { flattenDeepNesting } from '../../lib/cli/flatten-nesting';
import { contractProblems } from '../cli/contract-shape';

/** mulberry32: a tiny seeded PRNG, so every run draws the same documents. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const WORDS = [
  'Ofsted',
  'rated',
  'judged',
  'inspectors',
  'said',
  'the',
  'council',
  "council's",
  'children’s',
  'services',
  'good',
  'outstanding',
  'inadequate',
  'requires improvement',
  'requires',
  'improvement',
  'adequate',
  'previously',
  'in 2019',
  'from',
  'to',
  'no longer',
  'still',
  'remains',
  'focused visit',
  'monitoring visit',
  'JTAI',
  'must',
  'improve',
  'should',
  'recommended',
  'areas for improvement',
  'caseloads',
  'management oversight',
  'Hackney',
  'Essex',
  'Lambeth',
  'Kingston upon Hull',
  'Hull',
  'Birmingham',
  'Reading',
  'Bury',
  'Kent',
  'Northamptonshire',
  'Children’s Trust',
  'London Borough of',
  'County Council',
  'was',
  'not',
  'a',
  'good example',
  'of',
  'and',
  'with',
] as const;
const ODD = [
  '‘',
  '’',
  '“',
  '”',
  '"',
  "'",
  '(',
  ')',
  '—',
  '–',
  '…',
  '.',
  '!',
  '?',
  ';',
  ':',
  ',',
  '\n',
  '\n\n',
  '\t',
  '\u0001',
  '\u0007',
  '\u001b[31m',
  '\u001b]0;x\u0007',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  'é',
  'ß',
  'İ',
  'ﬁ',
  'ǅ',
  'Ⅻ',
  '٣',
  '漢字',
  'עברית',
  '👩‍👧',
  '🏳️‍🌈',
  'e\u0301\u0301\u0301',
  '&amp;',
  '&#x1F600;',
  '&bogus;',
  '<',
  '>',
  '1.',
  '-',
  '•',
  'Mr.',
  'e.g.',
  'St.',
  '2015.',
  'No.',
] as const;

function sentence(r: Rng, words: number) {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(r.next() < 0.8 ? r.pick(WORDS) : r.pick(ODD));
  return out.join(r.next() < 0.9 ? ' ' : '');
}

/** A text document: a title line, then paragraphs (some huge, some empty, some all grade words). */
function textDoc(r: Rng, paragraphs: number) {
  const blocks = [sentence(r, 3 + r.int(12))];
  for (let i = 0; i < paragraphs; i++) {
    const kind = r.int(10);
    if (kind === 0)
      blocks.push(sentence(r, 2000 + r.int(3000))); // one huge sentence
    else if (kind === 1)
      blocks.push(
        Array.from({ length: 200 + r.int(500) }, () =>
          r.pick(['good', 'inadequate', '‘outstanding’', 'requires improvement']),
        ).join(' '),
      );
    else if (kind === 2) blocks.push('');
    else blocks.push(Array.from({ length: 1 + r.int(6) }, () => `${sentence(r, 4 + r.int(30))}.`).join(' '));
  }
  return blocks.join('\n\n');
}

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'b',
  'li',
  'ul',
  'table',
  'tr',
  'td',
  'h1',
  'h2',
  'article',
  'main',
  'section',
  'svg',
  'g',
  'math',
  'title',
  'script',
  'style',
  'textarea',
  'br',
  'img',
  'nav',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'blockquote',
  'font',
  'select',
  'option',
];

/** Tag soup: unclosed, misnested and self-closed tags, deep runs, comments, raw text, attributes. */
function htmlDoc(r: Rng, pieces: number) {
  const out = [`<html><head><title>${sentence(r, 6)}</title></head><body>`];
  for (let i = 0; i < pieces; i++) {
    const k = r.int(12);
    const tag = r.pick(TAGS);
    if (k < 3) out.push(sentence(r, 3 + r.int(25)));
    else if (k < 6)
      out.push(`<${tag}${r.next() < 0.3 ? ` class="x ${r.pick(ODD)}" data-a='>'` : ''}${r.next() < 0.1 ? '/' : ''}>`);
    else if (k < 8) out.push(`</${tag}>`);
    else if (k === 8) out.push(`<!-- ${sentence(r, 4)} -->`);
    else if (k === 9) {
      const n = 50 + r.int(3000); // a deep run, closed or not
      out.push(`<${tag}>`.repeat(n), sentence(r, 8), r.next() < 0.5 ? `</${tag}>`.repeat(n) : '');
    } else if (k === 10) out.push(`<p>${sentence(r, 10)}</p>`);
    else out.push(r.pick(['<', '</', '<!', '<?x', '<![CDATA[', ']]>', '<p', '="', '</ p>', '<svg/>']));
  }
  return out.join('');
}

const load = (source: string, bytes: Uint8Array) =>
  analyzeInput(source, () => bytes, { extract: true, warn: () => {} });

describe('fuzz: the analyser never throws and always answers in the contract shape', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('text documents, seed %i', (seed) => {
    const r = prng(seed);
    for (let i = 0; i < 3; i++) {
      const res = load('fuzz.txt', Buffer.from(textDoc(r, 5 + r.int(40))));
      expect(res.error).toBeUndefined();
      expect(contractProblems(res)).toEqual([]);
    }
  });

  test.each([11, 12, 13, 14, 15, 16])('HTML tag soup, seed %i (also with extraction off)', (seed) => {
    const r = prng(seed);
    for (let i = 0; i < 2; i++) {
      const html = Buffer.from(htmlDoc(r, 40 + r.int(200)));
      for (const extract of [true, false]) {
        const res = analyzeInput('fuzz.html', () => html, { extract, warn: () => {} });
        expect(res.error).toBeUndefined();
        expect(contractProblems(res)).toEqual([]);
      }
    }
  });

  test.each([21, 22, 23])('raw bytes (stray, high, Windows-1252, UTF-16 look-alikes), seed %i', (seed) => {
    const r = prng(seed);
    for (let i = 0; i < 20; i++) {
      const base = Buffer.from(r.next() < 0.5 ? textDoc(r, 4) : htmlDoc(r, 30));
      const bytes = Buffer.from(base);
      const flips = r.int(200);
      for (let k = 0; k < flips; k++) bytes[r.int(bytes.length)] = r.next() < 0.1 ? 0 : 0x80 + r.int(128);
      const source = r.next() < 0.5 ? 'fuzz.html' : r.next() < 0.5 ? 'fuzz.txt' : '-';
      const res = load(source, bytes);
      expect(contractProblems(res)).toEqual([]);
      if (res.error) expect(res.error).toMatch(/binary/); // the only refusal a page of this size can get
    }
  });

  test.each([31, 32, 33, 34])(
    'the depth cap on tag soup: the parser never nests past it, no word is lost, seed %i',
    (seed) => {
      const r = prng(seed);
      const RAW = /^(?:script|style|title|textarea|xmp)$/;
      const parsed = (html: string) => {
        let depth = 0;
        let deepest = 0;
        let raw = 0;
        const words: string[] = [];
        const p = new Parser({
          onopentag: (n) => {
            deepest = Math.max(deepest, ++depth);
            if (RAW.test(n)) raw++;
          },
          onclosetag: (n) => {
            depth--;
            if (RAW.test(n)) raw--;
          },
          ontext: (t) => {
            if (!raw) words.push(t);
          },
        });
        p.write(html);
        p.end();
        return { deepest, text: words.join('').replace(/\s+/g, '') };
      };
      for (let i = 0; i < 8; i++) {
        const html = htmlDoc(r, 30 + r.int(120));
        const cap = 4 + r.int(60);
        const flat = flattenDeepNesting(html, cap);
        const after = parsed(flat.html);
        expect(after.deepest).toBeLessThanOrEqual(cap + 1); // + a void element at the cap
        // Dropping a raw-text element past the cap drops its content (script, style): compare the rest.
        if (!/<(?:script|style|title|textarea|xmp)\b/i.test(html)) expect(after.text).toBe(parsed(html).text);
      }
    },
  );
});

describe('fuzz: time grows linearly with the input', () => {
  /** Best of `runs` timings of one analysis (ms). */
  function best(source: string, bytes: Buffer, runs: number) {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      load(source, bytes);
      min = Math.min(min, performance.now() - t);
    }
    return min;
  }
  /**
   * Per-byte time at 8x the size over per-byte time at 1x: about 1 when linear, 8 when
   * quadratic. The machine is shared, so a noisy measure is taken again (up to five times, each
   * the best of two runs of the large text) and the lowest ratio kept: noise only ever raises it, and superlinear work never gets it down.
   */
  function growth(source: string, make: (n: number) => string, n: number) {
    const small = Buffer.from(make(n));
    const large = Buffer.from(make(n * 8));
    best(source, small, 1); // warm the JIT up
    let ratio = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 5 && ratio >= 2; attempt++) {
      const perByteSmall = best(source, small, 3) / small.length;
      ratio = Math.min(ratio, best(source, large, 2) / large.length / perByteSmall);
    }
    return ratio;
  }

  test.each([
    [
      'one sentence with no full stop',
      'x.txt',
      (n: number) => `Title\n\n${'Ofsted rated Hackney council ‘good’ and '.repeat(n)}`,
      1000,
    ],
    [
      'grade words back to back',
      'x.txt',
      (n: number) => `Title\n\n${'good inadequate ‘outstanding’ requires improvement '.repeat(n)}.`,
      500,
    ],
    [
      'council names back to back',
      'x.txt',
      (n: number) => `Title\n\n${'Hackney, Essex, Kingston upon Hull, Lambeth Council, '.repeat(n)}.`,
      1000,
    ],
    [
      'deep nesting (HTML)',
      'x.html',
      (n: number) =>
        `<html><body>${'<div>'.repeat(n * 5)}<p>Ofsted rated Hackney ‘good’.</p>${'</div>'.repeat(n * 5)}</body></html>`,
      3000,
    ],
    [
      'unclosed inline tags (HTML)',
      'x.html',
      (n: number) => `<html><body><p>${'<b>Ofsted rated Hackney good '.repeat(n)}</p></body></html>`,
      1500,
    ],
  ])('%s', (_label, source, make, n) => {
    // Generous: noise on a shared machine, not a wall-clock budget. Superlinear work gives ~8.
    expect(growth(source, make, n)).toBeLessThan(3);
  });
});
