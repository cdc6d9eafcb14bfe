import { describe, expect, test } from 'vitest';
import { describeFinding } from '../lib/analysis/describe';
import type { Finding } from '../lib/analysis/findings';
import { OTHER_GRADE_STYLE } from '../lib/data/grades';
import { councilTypeWords, howSure, judgementWords, regionWords } from '../lib/data/wording';

describe('plain words for the reader', () => {
  test.each([
    [true, 0.97, 'very likely an inspection article'],
    [true, 0.6, 'likely an inspection article'],
    [false, 0.45, 'possibly an inspection article, but not sure enough to highlight it'],
    [false, 0.15, 'probably not an inspection article'],
    [false, 0.02, 'very likely not an inspection article'],
  ])('how sure: article %s, %s → %s', (isArticle, p, words) => {
    expect(howSure(isArticle, p)).toBe(words);
    expect(howSure(isArticle, p)).not.toMatch(/\d|%/);
  });

  test.each([
    ['london', 'London borough'],
    ['metropolitan', 'metropolitan borough'],
    ['county', 'county council'],
    ['unitary', 'unitary authority'],
    ['other', ''],
    [undefined, ''],
  ])('council type %s → "%s"', (type, words) => expect(councilTypeWords(type)).toBe(words));

  test.each([
    ['London', 'London'],
    ['North West', 'North West'],
    ['Yorkshire and The Humber', 'Yorkshire and the Humber'],
    [undefined, ''],
  ])('region %s → "%s"', (region, words) => expect(regionWords(region)).toBe(words));

  test.each([
    ['children in care', 'the experiences and progress of children in care'],
    ['help and protection', 'the experiences and progress of children who need help and protection'],
    ['care leavers', 'the experiences and progress of care leavers'],
    ['leadership', 'the impact of leaders on social work practice with children and families'],
    ['overall', 'overall effectiveness'],
    ['adoption', 'adoption'],
    [undefined, ''],
  ])('judgement area %s → "%s"', (area, words) => expect(judgementWords(area)).toBe(words));

  test('older-framework grades are named with examples', () => {
    expect(OTHER_GRADE_STYLE.label).toBe("Grades from Ofsted's older frameworks (adequate, poor)");
  });
});

const grade = (over: Partial<Finding>): Finding => ({
  id: 'g',
  kind: 'grade',
  highlight: 'il-grade-good',
  start: 0,
  end: 4,
  text: 'good',
  sentence: 'Hackney was rated good.',
  grade: 'good',
  councils: [],
  current: true,
  ...over,
});

describe('the card shows nothing for an unknown field', () => {
  test('a grade with no council and no judgement area has no such rows', () => {
    const card = describeFinding(grade({}), []);
    const labels = card.rows.map(([l]) => l);
    expect(labels).not.toContain('Council');
    expect(labels).not.toContain('Judgement');
    expect(JSON.stringify(card.rows)).not.toMatch(/not stated|not identified|Overall \//);
  });

  test('a known judgement area is named as Ofsted names it', () => {
    const card = describeFinding(grade({ area: 'children in care' }), []);
    expect(card.rows).toContainEqual(['Judgement', 'the experiences and progress of children in care']);
  });

  test('a council reads as people write it: London borough, London', () => {
    const card = describeFinding(
      {
        ...grade({}),
        kind: 'council',
        highlight: 'il-council',
        councils: [{ code: 'E09000012', name: 'Hackney' }] as Finding['councils'],
      },
      [],
    );
    expect(card.rows).toContainEqual(['Kind', 'London borough']);
    expect(card.rows).toContainEqual(['Region', 'London']);
    expect(JSON.stringify(card.rows)).not.toMatch(/london,/);
  });

  test('an improvement area with no topic shows no "general" topic', () => {
    const card = describeFinding(
      { ...grade({}), kind: 'improvement', highlight: 'il-improvement', grade: undefined },
      [],
    );
    expect(card.rows).toEqual([]);
  });
});
