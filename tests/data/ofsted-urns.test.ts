import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ofstedReportsUrl, ofstedUrn } from '../../lib/data/ofsted';

test('the generated Ofsted URN table matches lib/data/source/ofsted-la-urns.csv (else: node scripts/build-ofsted-urns.mjs)', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  expect(execFileSync('node', ['scripts/build-ofsted-urns.mjs', '--check'], { cwd: root, encoding: 'utf8' })).toMatch(
    /up to date \(156 councils\)/,
  );
});

test.each([
  ['E06000001', '80473'], // Hartlepool
  ['E06000010', '80477'], // Kingston upon Hull, City of (a quoted name in the CSV)
  ['E06000058', '2532287'], // Bournemouth, Christchurch and Poole
])('council %s has the Ofsted URN %s and a reports link', (code, urn) => {
  expect(ofstedUrn(code)).toBe(urn);
  expect(ofstedReportsUrl(code)).toBe(`https://reports.ofsted.gov.uk/provider/44/${urn}`);
});

test('a council without a known URN gets no link', () => {
  expect(ofstedReportsUrl('E99999999')).toBeUndefined();
  expect(ofstedReportsUrl('')).toBeUndefined();
});
