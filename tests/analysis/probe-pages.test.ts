import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { analyzeInput } from '../../lib/cli/analyze';
import { type Gold, score } from '../../scripts/score';

// Probe pages (tests/fixtures/probes/README.md): pages in other kinds than the corpus holds most of,
// labelled by helpers from the labelling rules. They keep what they found fixed: each set must stay
// at or above these floors (their figures when the fixes went in, less a margin).
const probes = path.resolve(import.meta.dirname, '../fixtures/probes');
const sets = fs.readdirSync(probes).filter((d) => fs.existsSync(path.join(probes, d, 'gold')));

test('there are probe sets to read', () => {
  expect(sets.length).toBeGreaterThanOrEqual(4);
});

test.each(sets)('probe set %s stays above its floors', (set) => {
  const dir = path.join(probes, set);
  const golds: Gold[] = fs
    .readdirSync(path.join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'gold', f), 'utf8')));
  expect(golds.length).toBeGreaterThanOrEqual(20);
  const results = golds.map((g) => {
    const file = path.join(dir, `${g.id}.txt`);
    return analyzeInput(file, () => fs.readFileSync(file), { extract: true });
  });
  const s = score(golds, results);
  expect(s.detection).toBeGreaterThanOrEqual(0.95);
  expect(s.figures.grades.f1).toBeGreaterThanOrEqual(0.92);
  expect(s.figures.outcomes.f1).toBeGreaterThanOrEqual(0.8);
  expect(s.figures.councils.f1).toBeGreaterThanOrEqual(0.93);
  expect(s.figures.improvements.f1).toBeGreaterThanOrEqual(0.88);
});
