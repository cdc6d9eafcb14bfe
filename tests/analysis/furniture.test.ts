// Site furniture inside the article container: each rule's own examples and near misses, and
// the extraction leaving those lines out of a page while keeping captions and credits.
import { describe, expect, test } from 'vitest';
import { FURNITURE_RULES, furnitureRule } from '../../lib/analysis/furniture';

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
