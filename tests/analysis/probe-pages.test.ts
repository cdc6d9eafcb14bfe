import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { analyzeInput } from '../../lib/cli/analyze';
import { type Gold, probePageFile, score } from '../../scripts/score';

// Probe pages (tests/fixtures/probes/README.md): pages in other kinds than the corpus holds most of,
// labelled by helpers from the labelling rules. They keep what they found fixed: each set must stay
// at or above its floors.
const probes = path.resolve(import.meta.dirname, '../fixtures/probes');
const sets = fs.readdirSync(probes).filter((d) => fs.existsSync(path.join(probes, d, 'gold')));

test('there are probe sets to read', () => {
  expect(sets.length).toBeGreaterThanOrEqual(28);
});

/** Each set's floors: its figures when its fixes went in, less about 0.03 (set r's and u's outcomes
 * are low partly where their labels depart from the corpus's practice: named neighbours, trusts). */
const FLOORS: Record<
  string,
  { grades: number; outcomes: number; councils: number; improvements: number; detection?: number }
> = {
  aa: { grades: 0.92, outcomes: 0.93, councils: 0.97, improvements: 0.85 },
  ab: { grades: 0.9, outcomes: 0.86, councils: 0.97, improvements: 0.9 },
  a: { grades: 0.95, outcomes: 0.9, councils: 0.96, improvements: 0.9 },
  b: { grades: 0.96, outcomes: 0.81, councils: 0.97, improvements: 0.95 },
  c: { grades: 0.97, outcomes: 0.85, councils: 0.97, improvements: 0.86 },
  d: { grades: 0.91, outcomes: 0.9, councils: 0.96, improvements: 0.79 },
  e: { grades: 0.97, outcomes: 0.89, councils: 0.92, improvements: 0.88 },
  f: { grades: 0.97, outcomes: 0.9, councils: 0.95, improvements: 0.9 },
  g: { grades: 0.94, outcomes: 0.82, councils: 0.97, improvements: 0.89 },
  // Hard near misses: a budget story reporting this week's grade in its second paragraph, a court
  // case and an annual report using the vocabulary are still read wrongly.
  h: { grades: 0.93, outcomes: 0.88, councils: 0.97, improvements: 0.9, detection: 0.86 },
  i: { grades: 0.96, outcomes: 0.87, councils: 0.97, improvements: 0.88 },
  j: { grades: 0.95, outcomes: 0.79, councils: 0.94, improvements: 0.82 },
  l: { grades: 0.96, outcomes: 0.89, councils: 0.96, improvements: 0.9 },
  k: { grades: 0.89, outcomes: 0.82, councils: 0.84, improvements: 0.89 },
  m: { grades: 0.93, outcomes: 0.81, councils: 0.94, improvements: 0.83 },
  n: { grades: 0.9, outcomes: 0.89, councils: 0.92, improvements: 0.82 },
  o: { grades: 0.97, outcomes: 0.97, councils: 0.97, improvements: 0.94 },
  p: { grades: 0.96, outcomes: 0.94, councils: 0.97, improvements: 0.92 },
  q: { grades: 0.95, outcomes: 0.93, councils: 0.97, improvements: 0.94 },
  r: { grades: 0.96, outcomes: 0.82, councils: 0.92, improvements: 0.88 },
  s: { grades: 0.96, outcomes: 0.95, councils: 0.93, improvements: 0.93 },
  t: { grades: 0.95, outcomes: 0.94, councils: 0.97, improvements: 0.94 },
  u: { grades: 0.94, outcomes: 0.74, councils: 0.97, improvements: 0.89 },
  v: { grades: 0.95, outcomes: 0.84, councils: 0.92, improvements: 0.91 },
  w: { grades: 0.95, outcomes: 0.84, councils: 0.97, improvements: 0.95 },
  x: { grades: 0.93, outcomes: 0.9, councils: 0.95, improvements: 0.92 },
  y: { grades: 0.93, outcomes: 0.85, councils: 0.95, improvements: 0.87 },
  z: { grades: 0.91, outcomes: 0.8, councils: 0.95, improvements: 0.87 },
};

test.each(sets)('probe set %s stays above its floors', (set) => {
  const dir = path.join(probes, set);
  const golds: Gold[] = fs
    .readdirSync(path.join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'gold', f), 'utf8')));
  expect(golds.length).toBeGreaterThanOrEqual(20);
  const results = golds.map((g) => {
    // A page as text, or as a whole web page (its markup and clutter read by the extraction).
    const file = probePageFile(dir, g.id);
    return analyzeInput(file, () => fs.readFileSync(file), { extract: true });
  });
  const s = score(golds, results);
  const floor = FLOORS[set];
  expect(floor, `floors for probe set ${set}`).toBeDefined();
  expect(s.detection).toBeGreaterThanOrEqual(floor.detection ?? 0.95);
  expect(s.figures.grades.f1).toBeGreaterThanOrEqual(floor.grades);
  expect(s.figures.outcomes.f1).toBeGreaterThanOrEqual(floor.outcomes);
  expect(s.figures.councils.f1).toBeGreaterThanOrEqual(floor.councils);
  expect(s.figures.improvements.f1).toBeGreaterThanOrEqual(floor.improvements);
});
