// The furniture rules' quick test (lib/analysis/furniture.ts): a short block is tried against a
// rule anchored at the start only when its first two characters begin one of the rule's `starts`,
// the literal beginnings of its expression. These tests check the reading of beginnings from a
// source (tests/support/literal-starts.ts), each rule's list against it, and that on every kind of
// line the rule found is the one the expressions alone find.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FURNITURE_RULES, furnitureRule } from '../../lib/analysis/furniture';
import { mulberry32 } from '../support/fuzz';
import { literalStarts } from '../support/literal-starts';

/** The answer with no quick test: every rule's own expression tried in order. */
const plain = (line: string) => {
  const t = line.trim();
  if (!t || t.length > 300) return null;
  return FURNITURE_RULES.find((r) => t.length <= r.maxLength && r.re.test(t))?.name ?? null;
};

describe('literal beginnings read from an expression', () => {
  test.each([
    ['^(?:read more|see also)\\s*$', ['read more', 'see also']],
    ['^(?:share(?: this (?:article|page))?|tweet)\\s*$', ['share', 'tweet']],
    [
      '\\b(?:get (?:daily|our) (?:\\w+ )?news|log ?in to (?:read|go))\\b',
      ['get daily ', 'get our ', 'log in to read', 'log in to go', 'login to read', 'login to go'],
    ],
    ["^(?:related(?: articles?)?|editor['’]s picks?)", ['related', 'editor']],
    ['\\bcookies?\\b.*\\bok', ['cookies', 'cookie']],
    ['^(?:ab+c|x?y)', ['ab', 'xy', 'y']],
  ])('%s', (source, starts) => {
    expect(literalStarts(source)?.sort()).toEqual([...starts].sort());
  });

  test.each([
    '^(?:\\w+ news|read)',
    '^(?:[a-z]+|read)',
    '^(?:(?:read )?more|see)',
    '^(?:.|read)',
    '(?:)',
    '^(?:x{0,2}y|read)',
  ])('a source whose matches need not begin with a literal gives none: %s', (source) => {
    expect(literalStarts(source)).toBeNull();
  });

  test("every rule anchored at the start lists its expression's beginnings, and each example starts with one", () => {
    for (const rule of FURNITURE_RULES) {
      const anchoredRule = rule.re.source.startsWith('^');
      expect(rule.starts === undefined, rule.name).toBe(!anchoredRule);
      if (!anchoredRule) continue;
      expect([...(rule.starts ?? [])].sort(), rule.name).toEqual(literalStarts(rule.re.source)?.sort());
      for (const e of rule.examples)
        expect(
          rule.starts?.some((s) => e.trim().toLowerCase().startsWith(s)),
          `${rule.name}: ${e}`,
        ).toBe(true);
    }
  });
});

describe('the quick tests change no answer', () => {
  // Words of the rules' own sources, examples and near misses, and of story text around them.
  const words = [
    ...FURNITURE_RULES.flatMap((r) => [
      ...(r.re.source.match(/[a-z']+/gi) ?? []),
      ...r.examples.flatMap((e) => e.split(/\s+/)),
      ...r.nearMisses.flatMap((e) => e.split(/\s+/)),
    ]),
    ...'the council said inspectors found children services were rated good inadequate by ofsted in its report : | - » — and of to'.split(
      ' ',
    ),
  ].filter((w) => w && w !== 'i' && w !== 'b' && w !== 'w' && w !== 's');

  const examples = FURNITURE_RULES.flatMap((r) => r.examples);

  test('20,000 random lines of those words get the same rule as with every expression tried', () => {
    const rnd = mulberry32(915);
    let furniture = 0;
    for (let n = 0; n < 20_000; n++) {
      const len = 1 + Math.floor(rnd() * 12);
      let line = Array.from({ length: len }, () => words[Math.floor(rnd() * words.length)]).join(' ');
      // Half of them open with the first words of an example (of any rule).
      if (rnd() < 0.5) {
        const e = examples[Math.floor(rnd() * examples.length)].split(' ');
        line = `${e.slice(0, 1 + Math.floor(rnd() * e.length)).join(' ')} ${line}`;
      }
      const r = rnd();
      if (r < 0.15) line = line.toUpperCase();
      else if (r < 0.2) line = line.replace(/i/g, '\u0130').replace(/k/g, '\u212a');
      else if (r < 0.3) line = `  ${line}\t`;
      else if (r < 0.35) line = line.replace(/ /g, '\u00a0');
      const got = furnitureRule(line)?.name ?? null;
      expect([line, got]).toEqual([line, plain(line)]);
      if (got) furniture++;
    }
    // The lines reach the rules: many are furniture, most are not.
    expect(furniture).toBeGreaterThan(2000);
    expect(furniture).toBeLessThan(18_000);
  });

  test('every short line of the corpus pages gets the same rule as with every expression tried', () => {
    const dir = path.join(__dirname, '../../../shared/corpus/pages');
    const pages = fs.existsSync(dir) ? fs.readdirSync(dir).slice(0, 120) : [];
    const fixtures = path.join(__dirname, '../fixtures/pages');
    const files = [
      ...pages.map((f) => path.join(dir, f)),
      ...(fs.existsSync(fixtures) ? fs.readdirSync(fixtures).map((f) => path.join(fixtures, f)) : []),
    ].filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(10);
    let lines = 0;
    let furniture = 0;
    for (const f of files)
      for (const piece of fs.readFileSync(f, 'utf8').split(/<[^>]*>/)) {
        if (!piece.trim() || piece.length > 400) continue;
        lines++;
        const got = furnitureRule(piece)?.name ?? null;
        expect([piece, got]).toEqual([piece, plain(piece)]);
        if (got) furniture++;
      }
    expect(lines).toBeGreaterThan(5000);
    expect(furniture).toBeGreaterThan(20);
  });
});
