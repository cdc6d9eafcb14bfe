// Site furniture inside the article container: each rule's own examples and near misses, and
// the extraction leaving those lines out of a page while keeping captions and credits.
import { describe, expect, test } from 'vitest';
import { FURNITURE_RULES, furnitureFlags, furnitureRule } from '../../lib/analysis/furniture';

describe('furniture rules', () => {
  test.each(FURNITURE_RULES.map((r) => [r.name, r] as const))('%s', (_, rule) => {
    for (const e of rule.examples) expect(furnitureRule(e)?.name, e).toBe(rule.name);
    for (const e of rule.nearMisses) expect(furnitureRule(e), e).toBeNull();
  });

  test('the quicker tests before each rule never change which rule a line matches', () => {
    // Every rule's own expression tried in order, as the rules read: the answer furnitureRule must give.
    const plain = (line: string) =>
      FURNITURE_RULES.find((r) => line.trim().length <= r.maxLength && r.re.test(line.trim()))?.name ?? null;
    const lines = FURNITURE_RULES.flatMap((r) => [...r.examples, ...r.nearMisses]);
    lines.push(
      '  Accept all cookies  ',
      'We use COOKIES; change your settings at any time.',
      'Inspectors said the service would continue reading case files, and Ofsted sign up to the plan.',
      'Sign up to our weekly bulletin for council news',
      'Related: Ofsted rates Kent good',
      'The council said: read more about the plan in the report.',
    );
    for (const line of lines) expect(furnitureRule(line)?.name ?? null, line).toBe(plain(line));
  });

  test.each(FURNITURE_RULES.filter((r) => r.hint).map((r) => [r.name, r] as const))(
    "%s: every example passes the rule's quicker test",
    (_, rule) => {
      for (const e of rule.examples) expect(rule.hint?.test(e), e).toBe(true);
    },
  );

  test('a long paragraph is story text whatever its first words', () => {
    const long = `Read more: ${'the inspectors said the council must improve its front door. '.repeat(8)}`;
    expect(furnitureRule(long)).toBeNull();
  });

  test.each([
    'Photo: Barnsley Council',
    'Picture: Ken Smith - Credit: Hackney Council',
    'Sheffield City Council offices in the city centre',
  ])('a caption or credit is kept: %s', (line) => {
    expect(furnitureRule(line)).toBeNull();
  });
});

describe('teasers under a related-stories heading', () => {
  const rows: { name: string; blocks: [string, boolean][] }[] = [
    {
      name: 'short lines under "More like this" are other stories, up to a finished sentence',
      blocks: [
        ['Inspectors praised the front door team.', false],
        ['More like this', true],
        ['Wigan Youth Workers', true],
        ['“Senior practitioner roles across the district”', true],
        ['The council said it would publish an action plan.', false],
        ['Next steps', false],
      ],
    },
    {
      name: 'a "Read more:" link with its own headline opens no list: the heading after it stays',
      blocks: [
        ['READ MORE: Bury school rated inadequate by inspectors', true],
        ['What inspectors found', false],
        ['Social workers knew their children well.', false],
      ],
    },
  ];
  test.each(rows)('$name', ({ blocks }) => {
    expect(furnitureFlags(blocks.map(([b]) => b))).toEqual(blocks.map(([, f]) => f));
  });
  test('a share line padded with any kind of white space past the long-paragraph length is still furniture', () => {
    // Every character `\s` matches: the padding is trimmed before the rules are tried.
    const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    for (const ch of spaces) {
      const hex = ch.charCodeAt(0).toString(16);
      expect(furnitureFlags([`Share this article${ch.repeat(300)}`]), `after U+${hex}`).toEqual([true]);
      expect(furnitureFlags([`${ch.repeat(300)}Share this article`]), `before U+${hex}`).toEqual([true]);
    }
    // Not white space: a long block, story text.
    expect(furnitureFlags([`Share this article${'\u200b'.repeat(300)}`])).toEqual([false]);
  });
  test('a whole page body (no extraction) keeps the list, dropping only the heading', () => {
    expect(furnitureFlags(['Most read', 'Kent foster carers get pay rise'], false)).toEqual([true, false]);
  });
});
