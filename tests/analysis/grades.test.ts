import { describe, expect, test } from 'vitest';
import { findGrades } from '../../lib/analysis/grades';
import { prepareText } from '../../lib/analysis/text';

const grades = (sentence: string) => {
  const p = prepareText({ title: '', blocks: [sentence] });
  return findGrades(p.sentences).map((g) => ({
    grade: g.grade,
    text: g.text,
    current: g.current,
    year: g.year,
    area: g.area,
  }));
};

describe('grade words used as judgements', () => {
  test.each([
    ['Ofsted rated the council’s children’s services ‘good’ overall.', 'good', '‘good’'],
    ['Children’s services in Bradford have been judged inadequate.', 'inadequate', 'inadequate'],
    ['The council was rated "outstanding" in its latest inspection.', 'outstanding', '"outstanding"'],
    ["It received a 'good' rating from Ofsted.", 'good', "'good'"],
    [
      'Services were judged to require improvement to be good.',
      'requires improvement',
      'require improvement to be good',
    ],
    [
      'Nottingham and Plymouth councils both maintained ‘requires improvement’ grades.',
      'requires improvement',
      '‘requires improvement’',
    ],
    ['Hillingdon’s services for children remain good, inspectors said.', 'good', 'good'],
    ['The council remains inadequate despite some progress.', 'inadequate', 'inadequate'],
    ['Staff at ‘outstanding’ council say duties match their reasons for joining.', 'outstanding', '‘outstanding’'],
    ['It is one of two inadequate councils in the region.', 'inadequate', 'inadequate'],
    ['The authority received an inadequate rating in 2019.', 'inadequate', 'inadequate'],
    ['Leeds was rated outstanding overall.', 'outstanding', 'outstanding'],
    ['Services for looked after children were judged ‘adequate’.', 'other:adequate', '‘adequate’'],
    [
      'Doncaster was again judged to be performing poorly by the council assessment.',
      'other:poor',
      'performing poorly',
    ],
  ])('%s → %s', (sentence, grade, text) => {
    expect(grades(sentence)).toEqual([expect.objectContaining({ grade, text })]);
  });

  test('a move from one grade to another gives two grades, the first previous', () => {
    expect(grades('A children’s services has progressed from ‘inadequate’ to ‘requires improvement’.')).toEqual([
      expect.objectContaining({ grade: 'inadequate', current: false }),
      expect.objectContaining({ grade: 'requires improvement', current: true }),
    ]);
  });

  test('a downgrade "from outstanding to good" gives both grades, the second current', () => {
    expect(grades('Support for care leavers in Devon was downgraded from outstanding to good.')).toEqual([
      expect.objectContaining({ grade: 'outstanding', current: false }),
      expect.objectContaining({ grade: 'good', current: true }),
    ]);
  });

  test('grades listed "from outstanding to inadequate" as the scale are not grades', () => {
    expect(grades('Inspectors grade each area on a range from outstanding to inadequate.')).toEqual([]);
  });

  // The corpus labelling rules: "good with outstanding features" is two grades sharing the quote
  // (this test expected only 'good' before those rules were written down).
  test('a verb with its object, and a second grade joined by "with": two grades', () => {
    expect(
      grades('Ofsted rates Warrington children’s services good with outstanding care leavers support').map(
        (g) => g.grade,
      ),
    ).toEqual(['good', 'outstanding']);
  });

  test('"good or outstanding" is two grades', () => {
    expect(grades('The proportion of councils rated good or outstanding has risen.').map((g) => g.grade)).toEqual([
      'good',
      'outstanding',
    ]);
  });
});

describe('the same words in ordinary prose are not grades', () => {
  test.each([
    'Essex council made good use of the public law outline.',
    'Children were placed in good-quality placements.',
    'Pace of change is not strong enough to achieve good outcomes for all children.',
    'This is a good example of partnership working.',
    'The council will focus on the outstanding actions from the report.',
    'There are still outstanding issues with the budget.',
    'Families were living in inadequate housing.',
    'Staff morale is good, social workers feel valued.',
    'Inspectors saw creative and excellent in-house clinical work.',
    'It was a good day for children in Kent.',
    'Social workers made good progress with families.',
    'The manager is good at listening to staff.',
  ])('%s', (sentence) => {
    expect(grades(sentence)).toEqual([]);
  });
});

describe('current or previous, year and area', () => {
  test.each([
    [
      'Services in Lambeth were rated ‘inadequate’ in 2015, but since then Ofsted has seen an improvement.',
      false,
      2015,
    ],
    ['Essex council, which scored a ‘good’ rating when the regulator last called in 2014, was praised.', false, 2014],
    ['In 2016, services for children in need of help and protection were judged to be good.', false, 2016],
    ['The council was previously rated inadequate.', false, undefined],
    ['Inspectors said a new approach had helped since the council was rated ‘inadequate’.', false, undefined],
    ['Torbay exits inadequate after re-inspection.', false, undefined],
    ['The council’s performance on adoption was still ‘inadequate’, inspectors said.', true, undefined],
    ['The council has been rated outstanding.', true, undefined],
    ['Following an inspection in March 2024, the council has been rated good.', true, 2024],
    ['Hull was rated inadequate in 2019.', false, 2019],
    // "for the first time since 2012": not the year of the grade.
    ['Ealing is rated good for the first time since 2012.', true, undefined],
    ['Ealing has been rated good since 2019.', true, 2019],
    ['Birmingham making steady progress after inadequate rating', false, undefined],
    ['It is the first time services have not been rated inadequate since 2013.', false, 2013],
    [
      'Neighbouring Dudley, which was rated requires improvement in 2022, is due to be inspected later this year.',
      false,
      2022,
    ],
    ['Bury’s services were judged to require improvement to be good in 2024.', false, 2024],
    // The year the sentence opens with, far from its first grade.
    [
      'An inspection in 2015 concluded that there were no widespread or serious failures for looked-after children and young people, and said the services “require improvement to be good”.',
      false,
      2015,
    ],
    // A year in an aside about the subject is not the grade's.
    [
      'The council, which has been under government intervention since 2017, was rated inadequate in March.',
      true,
      undefined,
    ],
    [
      'Cumbria, which was abolished in 2023, had been graded requires improvement at its last inspection.',
      false,
      undefined,
    ],
  ])('%s', (sentence, current, year) => {
    const [g] = grades(sentence);
    expect(g).toBeDefined();
    expect(g.current).toBe(current);
    expect(g.year).toBe(year);
  });

  test.each([
    ['The Local Safeguarding Children’s Board (LSCB) became the first to be rated ‘outstanding’.', 'LSCB'],
    ['The council’s performance on adoption was still ‘inadequate’.', 'adoption'],
    ['The experiences and progress of care leavers were judged to require improvement to be good.', 'care leavers'],
    ['Ofsted rated the council’s children’s services ‘good’ overall.', undefined],
  ])('area of %s', (sentence, area) => {
    expect(grades(sentence)[0]?.area).toBe(area);
  });
});
