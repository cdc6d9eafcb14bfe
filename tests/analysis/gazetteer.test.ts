import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildNameIndex, councilOfCode, nameIndexRows } from '../../lib/analysis/councils';
import { councilByCode } from '../../lib/data/gazetteer';
import { gazetteerData } from '../../lib/data/gazetteer.generated';
import { nameIndexData } from '../../lib/data/name-index.generated';

test('the generated gazetteer matches lib/data/source', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  expect(execFileSync('node', ['scripts/build-gazetteer.mjs', '--check'], { cwd: root, encoding: 'utf8' })).toMatch(
    /up to date/,
  );
});

test('the stored council name index is the one the gazetteer gives (else: npm run gen:names)', () => {
  const NAME_INDEX = nameIndexData();
  expect(NAME_INDEX).toEqual(buildNameIndex());
  // Sanity: the index reaches the names pages use, longest variant first.
  const hackney = NAME_INDEX.find(([first]) => first === 'hackney')?.[1] ?? [];
  expect(hackney.map(([key]) => key)).toContain('hackney');
  expect(hackney.every((e, i) => i === 0 || hackney[i - 1][0].length >= e[0].length)).toBe(true);
});

test('a page reads each row of the stored name index as the index holds it', () => {
  const rows = nameIndexRows();
  const data = nameIndexData();
  expect([...rows.keys()]).toEqual(data.map(([first]) => first));
  for (const [first, list] of data)
    expect(rows.get(first)).toEqual(
      list.map(([key, codes, formal, ambiguity, body]) => ({
        key,
        codes,
        formal: formal === 1,
        ambiguity: ambiguity ? ambiguity.split(';') : [],
        body: body === 1,
      })),
    );
});

test('the analysis reads every ONS code as the gazetteer does (else: npm run gen:names)', () => {
  const { councils, formerCouncils, retiredCodes } = gazetteerData();
  const codes = [
    ...councils.map((c) => c.code),
    ...formerCouncils.map((c) => c.code),
    ...retiredCodes.flat(),
    'E99999999',
    'E0600000',
    '',
    'Hackney',
  ];
  expect(codes.length).toBeGreaterThan(150);
  for (const code of codes) expect(councilOfCode(code)).toEqual(councilByCode(code));
});

test.each([
  ['E09000012', 'Hackney'],
  ['E06000010', 'Kingston upon Hull'],
  ['E08000016', 'Barnsley'], // retired code maps to the same authority
  ['E10000021', 'Northamptonshire'], // former authority
])('%s is %s', (code, name) => {
  expect(councilByCode(code)?.name).toBe(name);
});
