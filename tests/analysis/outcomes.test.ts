// Outcomes: one per council, grade, current or previous, year and area, built from the grades.
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../lib/analysis/analyze';

const outcomesOf = (...blocks: string[]) =>
  analyzeDocument({ title: 'Inspection news', blocks }).outcomes.map((o) => [
    o.council.name,
    o.grade,
    o.current,
    o.year ?? null,
  ]);

describe('outcomes', () => {
  test.each([
    {
      why: 'the same grade said twice is one outcome, with the year one of them gives',
      page: ['Bolton has been rated good.', 'The good rating for Bolton was published in 2024 by Ofsted.'],
      outcomes: [['Bolton', 'good', true, 2024]],
    },
    {
      why: 'two years of the same previous grade are two outcomes',
      page: ['Walsall was rated inadequate in 2012 and inadequate again in 2015.', 'Walsall has now been rated good.'],
      outcomes: [
        ['Walsall', 'inadequate', false, 2012],
        ['Walsall', 'inadequate', false, 2015],
        ['Walsall', 'good', true, null],
      ],
    },
    {
      why: 'a grade with no council gives no outcome',
      page: ['Across England, the councils rated inadequate this year face intervention.'],
      outcomes: [],
    },
    {
      why: 'a grade given to a counted group of unnamed councils is not the main council’s',
      page: [
        'Wigan children’s services were rated good in March.',
        'Separately, three northern boroughs were rated outstanding this spring.',
      ],
      outcomes: [['Wigan', 'good', true, null]],
    },
    {
      why: 'a grade said of every council in a region is not the council named next',
      page: [
        'Every council-run children’s service in the county is either inadequate or requires improvement.',
        'Halton received the lowest rating of inadequate this month.',
      ],
      outcomes: [['Halton', 'inadequate', true, null]],
    },
    {
      why: 'a grade said of every local authority in a region is not the main council’s',
      page: [
        'Halton children’s services were rated good in March.',
        'Inspectors said every local authority in the region was judged requires improvement or worse before.',
      ],
      outcomes: [['Halton', 'good', true, null]],
    },
    {
      why: 'a company running two councils’ services: its grade is each council’s',
      page: ['Achieving for Children, which runs children’s services in Kingston and Richmond, was rated outstanding.'],
      outcomes: [
        ['Kingston upon Thames', 'outstanding', true, null],
        ['Richmond upon Thames', 'outstanding', true, null],
      ],
    },
    {
      why: '"respectively": each grade is the council’s in the same place of the list',
      page: ['Bolton, Bury and Wigan were rated good, inadequate and outstanding respectively this week.'],
      outcomes: [
        ['Bolton', 'good', true, null],
        ['Bury', 'inadequate', true, null],
        ['Wigan', 'outstanding', true, null],
      ],
    },
    {
      why: 'an aside after the first council starts no clause; a list after a colon; an aside closed before "was rated"',
      page: [
        'Sunderland, whose services are run by Together for Children, and Bexley were both lifted from inadequate to good during the year, while Wandsworth, previously judged to require improvement, was rated outstanding in July.',
        'Only two councils dropped to inadequate this year: Kirklees and Middlesbrough.',
      ],
      outcomes: [
        ['Sunderland', 'inadequate', false, null],
        ['Bexley', 'inadequate', false, null],
        ['Sunderland', 'good', true, null],
        ['Bexley', 'good', true, null],
        ['Wandsworth', 'requires improvement', false, null],
        ['Wandsworth', 'outstanding', true, null],
        ['Kirklees', 'inadequate', true, null],
        ['Middlesbrough', 'inadequate', true, null],
      ],
    },
    {
      why: '"as are those in" after the grade: the councils it names share the grade',
      page: ['Kent County Council’s services are rated good, as are those in Bexley and Bromley.'],
      outcomes: [
        ['Kent', 'good', true, null],
        ['Bexley', 'good', true, null],
        ['Bromley', 'good', true, null],
      ],
    },
    {
      why: '"as was" after the grade: the councils it names share the grade',
      page: [
        'Hull City Council was judged good, as was Brighton & Hove City Council.',
        'Leeds was rated inadequate, as were Bradford and York.',
      ],
      outcomes: [
        ['Kingston upon Hull', 'good', true, null],
        ['Brighton and Hove', 'good', true, null],
        ['Leeds', 'inadequate', true, null],
        ['Bradford', 'inadequate', true, null],
        ['York', 'inadequate', true, null],
      ],
    },
    {
      why: 'a name in an aside between commas is not the subject; "like" gives it the grade too',
      page: [
        'RBWM’s children’s services, run by Achieving for Children, were rated requires improvement.',
        'Bradford, which borders Leeds, was rated good.',
        'Wigan, like Bolton, was judged outstanding.',
      ],
      outcomes: [
        ['Windsor and Maidenhead', 'requires improvement', true, null],
        ['Bradford', 'good', true, null],
        ['Wigan', 'outstanding', true, null],
        ['Bolton', 'outstanding', true, null],
      ],
    },
    {
      why: 'the subject\'s "services" (with no "children\'s") before an aside naming a company',
      page: ['RBWM’s services, run by Achieving for Children, were rated good by Ofsted inspectors.'],
      outcomes: [['Windsor and Maidenhead', 'good', true, null]],
    },
    {
      why: 'a clause after ", and" with its own council once the clause before has its verb; an Oxford comma inside a list of names is not one',
      page: [
        'Gateshead, North Tyneside and Northumberland were all judged outstanding, and South Tyneside was rated good.',
        'Bury, Wigan, and Bolton were all judged requires improvement.',
      ],
      outcomes: [
        ['Gateshead', 'outstanding', true, null],
        ['North Tyneside', 'outstanding', true, null],
        ['Northumberland', 'outstanding', true, null],
        ['South Tyneside', 'good', true, null],
        ['Bury', 'requires improvement', true, null],
        ['Wigan', 'requires improvement', true, null],
        ['Bolton', 'requires improvement', true, null],
      ],
    },
    {
      why: 'counted grades are no named council’s, even after a council was named',
      page: [
        'Middlesbrough, where services were judged inadequate in 2020, has had three monitoring visits since.',
        'Regional picture: 5 outstanding, 4 good, 2 requires improvement, 1 inadequate.',
      ],
      outcomes: [['Middlesbrough', 'inadequate', false, 2020]],
    },
    {
      why: 'a grade with no council in its sentence is the main council’s, not the last of several named in an aside',
      page: [
        'Windsor and Maidenhead report',
        'Windsor and Maidenhead’s children’s services have been rated requires improvement by Ofsted; Windsor and Maidenhead was good in 2019.',
        'Achieving for Children, the company co-owned with Kingston and Richmond councils that runs the borough’s services, accepted the findings.',
        'Help and protection was judged to require improvement, while children in care and care leavers remain good.',
      ],
      outcomes: [
        ['Windsor and Maidenhead', 'requires improvement', true, null],
        ['Windsor and Maidenhead', 'good', false, 2019],
        ['Windsor and Maidenhead', 'requires improvement', true, null],
        ['Windsor and Maidenhead', 'good', true, null],
      ],
    },
    {
      why: 'a clause of its own after ", while" has only its own councils',
      page: [
        'Wolverhampton moved up from requires improvement to good, while Hartlepool and Redcar and Cleveland both improved from inadequate to requires improvement.',
      ],
      outcomes: [
        ['Wolverhampton', 'requires improvement', false, null],
        ['Wolverhampton', 'good', true, null],
        ['Hartlepool', 'inadequate', false, null],
        ['Redcar and Cleveland', 'inadequate', false, null],
        ['Hartlepool', 'requires improvement', true, null],
        ['Redcar and Cleveland', 'requires improvement', true, null],
      ],
    },
    {
      why: 'unitaries called by their town: "Stockton Council", "East Riding Council", "Telford’s children’s services"',
      page: [
        'Stockton Council was rated good, East Riding Council’s children’s services were judged outstanding and Telford’s children’s services remain outstanding.',
        'Council leader Simon Blackburn said the region was doing well.',
      ],
      outcomes: [
        ['Stockton-on-Tees', 'good', true, null],
        ['East Riding of Yorkshire', 'outstanding', true, null],
        ['Telford and Wrekin', 'outstanding', true, null],
      ],
    },
    {
      why: 'counties as local papers shorten them',
      page: ['North Northants was rated inadequate, and Herts County Council was judged outstanding.'],
      outcomes: [
        ['North Northamptonshire', 'inadequate', true, null],
        ['Hertfordshire', 'outstanding', true, null],
      ],
    },
    {
      why: 'national figures counted in inspections are no council’s; an earlier inspection of the council is still its own',
      page: [
        'Gateshead’s children’s services were rated good this month.',
        'Nationally 85 inspections were carried out, and only 20 were graded good and two outstanding.',
        'Its two previous inspections had rated the council requires improvement.',
      ],
      outcomes: [
        ['Gateshead', 'good', true, null],
        ['Gateshead', 'requires improvement', false, null],
      ],
    },
    {
      why: 'the same sentence naming the council keeps the grade',
      page: ['Wigan was one of three councils rated outstanding this spring.'],
      outcomes: [['Wigan', 'outstanding', true, null]],
    },
    {
      why: 'a sentence naming no council takes the one named in the paragraph just before',
      page: [
        'Wigan children’s services were rated outstanding this week.',
        'Its neighbour Bolton was rated inadequate in 2019.',
        'A fresh inspection has now resulted in a good rating.',
      ],
      outcomes: [
        ['Wigan', 'outstanding', true, null],
        ['Bolton', 'inadequate', false, 2019],
        ['Bolton', 'good', true, null],
      ],
    },
  ])('$why', ({ page, outcomes }) => {
    expect(outcomesOf(...page)).toEqual(outcomes);
  });
});
