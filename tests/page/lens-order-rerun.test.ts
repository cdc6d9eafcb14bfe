import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Analysis, analyzeDocument } from '../../lib/analysis/analyze';
import { documentFromPlainText } from '../../lib/analysis/text';
import { inTextOrder, inTextOrderAfter } from '../../lib/page/lens';

// A re-run's lens takes the start of the last run's findings in text order as it is, up to the
// first grade, council mention or improvement area that is not the last run's own object, and
// merges only the rest: the order must be exactly inTextOrder's, whichever kind changed where.
const seeds = path.resolve(import.meta.dirname, '../fixtures/seeds');
const analyses = fs
  .readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => analyzeDocument(documentFromPlainText(fs.readFileSync(path.join(seeds, f), 'utf8'))));

const copies = <T extends object>(list: T[], from: number) => list.map((x, i) => (i < from ? x : { ...x }));

describe('the findings in text order, taken from the last order', () => {
  const cases: [string, (a: Analysis) => Analysis][] = [
    // Every grade attributed again (the article's main council changed): the council mentions
    // after the first grade, the same objects as last time, must still be merged after it.
    ['every grade new, the rest the same', (a) => ({ ...a, grades: copies(a.grades, 0) })],
    [
      'the second half of each kind new',
      (a) => ({
        ...a,
        grades: copies(a.grades, a.grades.length >> 1),
        councils: copies(a.councils, a.councils.length >> 1),
        improvements: copies(a.improvements, a.improvements.length >> 1),
      }),
    ],
    ['the last mention gone', (a) => ({ ...a, councils: a.councils.slice(0, -1) })],
    ['improvements new from the first', (a) => ({ ...a, improvements: copies(a.improvements, 0) })],
    ['nothing changed', (a) => ({ ...a })],
  ];
  test.each(cases)('%s: the order is inTextOrder’s, its start the last order’s', (_name, change) => {
    let checked = 0;
    for (const a of analyses) {
      const last = inTextOrderAfter(a, null);
      expect(last.findings).toEqual(inTextOrder(a));
      const b = change(a);
      const next = inTextOrderAfter(b, last);
      const whole = inTextOrder(b);
      expect(next.findings.length).toBe(whole.length);
      expect(next.findings.findIndex((f, i) => f !== whole[i])).toBe(-1);
      for (let i = 0; i < next.same; i++) expect(next.findings[i]).toBe(last.findings[i]);
      if (next.same > 0) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('a kind out of text order is sorted whole, as inTextOrder does', () => {
    const a = analyses.find((x) => x.councils.length > 2) as Analysis;
    const last = inTextOrderAfter(a, null);
    const b = { ...a, councils: [...a.councils.slice(1), { ...a.councils[0] }] };
    const next = inTextOrderAfter(b, last);
    expect(next.same).toBe(0);
    expect(next.findings).toEqual(inTextOrder(b));
  });
});
