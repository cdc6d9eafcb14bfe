import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { councilByCode } from '../../lib/data/gazetteer';

test('the generated gazetteer matches lib/data/source', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  expect(execFileSync('node', ['scripts/build-gazetteer.mjs', '--check'], { cwd: root, encoding: 'utf8' })).toMatch(
    /up to date/,
  );
});

test.each([
  ['E09000012', 'Hackney'],
  ['E06000010', 'Kingston upon Hull'],
  ['E08000016', 'Barnsley'], // retired code maps to the same authority
  ['E10000021', 'Northamptonshire'], // former authority
])('%s is %s', (code, name) => {
  expect(councilByCode(code)?.name).toBe(name);
});
