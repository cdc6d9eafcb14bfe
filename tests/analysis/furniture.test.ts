// Site furniture inside the article container: each rule's own examples and near misses, and
// the extraction leaving those lines out of a page while keeping captions and credits.
import { describe, expect, test } from 'vitest';
import { FURNITURE_RULES, furnitureFlags, furnitureRule } from '../../lib/analysis/furniture';

describe('furniture rules', () => {
  test.each(FURNITURE_RULES.map((r) => [r.name, r] as const))('%s', (_, rule) => {
    for (const e of rule.examples) expect(furnitureRule(e)?.name, e).toBe(rule.name);
    for (const e of rule.nearMisses) expect(furnitureRule(e), e).toBeNull();
  });

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
  test('a whole page body (no extraction) keeps the list, dropping only the heading', () => {
    expect(furnitureFlags(['Most read', 'Kent foster carers get pay rise'], false)).toEqual([true, false]);
  });
});
