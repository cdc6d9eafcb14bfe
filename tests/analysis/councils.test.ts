import { describe, expect, test } from 'vitest';
import { findCouncilMentions } from '../../lib/analysis/councils';
import { documentFromPlainText, prepareText } from '../../lib/analysis/text';

const found = (text: string) => {
  const p = prepareText({ title: '', blocks: [text] });
  return findCouncilMentions(p.text, p.sentences).map((m) => ({ text: m.text, codes: m.councils.map((c) => c.code) }));
};
const codes = (text: string) => [...new Set(found(text).flatMap((m) => m.codes))];

describe('council names as people write them', () => {
  test.each([
    ['The London Borough of Hackney was inspected.', 'E09000012', 'London Borough of Hackney'],
    ['Hackney Council’s director welcomed the report.', 'E09000012', 'Hackney Council'],
    ['Essex council, which scored a good rating, was praised.', 'E10000012', 'Essex council'],
    ['Hull City Council was inspected in March.', 'E06000010', 'Hull City Council'],
    ['Kingston upon Hull has a new director.', 'E06000010', 'Kingston upon Hull'],
    ['Bath and North East Somerset was inspected.', 'E06000022', 'Bath and North East Somerset'],
    ['B&NES Council said it welcomed the findings.', 'E06000022', 'B&NES Council'],
    ['St Helens Borough Council was rated good.', 'E08000013', 'St Helens Borough Council'],
    ['Services in St Helens improved.', 'E08000013', 'St Helens'],
    ['Brighton & Hove City Council responded.', 'E06000043', 'Brighton & Hove City Council'],
    ['Stoke-on-Trent City Council was inspected.', 'E06000021', 'Stoke-on-Trent City Council'],
    [
      'The Royal Borough of Kensington and Chelsea was praised.',
      'E09000020',
      'Royal Borough of Kensington and Chelsea',
    ],
    ['Birmingham Children’s Trust runs services for the city.', 'E08000025', 'Birmingham Children’s Trust'],
    ['Reading Borough Council has improved.', 'E06000038', 'Reading Borough Council'],
    ['Inspectors visited Reading in May.', 'E06000038', 'Reading'],
    ['Northamptonshire County Council was rated inadequate in 2019.', 'E10000021', 'Northamptonshire County Council'],
    ['North Yorkshire County Council was rated outstanding.', 'E10000023', 'North Yorkshire County Council'],
    ['Sutton was rated good at its last inspection.', 'E09000029', 'Sutton'],
  ])('%s → %s', (text, code, mention) => {
    expect(found(text)).toContainEqual({ text: mention, codes: [code] });
  });

  test('a body serving two authorities names both', () => {
    expect(codes('Northamptonshire Children’s Trust was inspected.').sort()).toEqual(['E06000061', 'E06000062']);
  });
});

describe('words that only look like council names', () => {
  test.each([
    'Reading the report, the cabinet member said the backlog was large.',
    'Bury the issue and move on, he said.',
    'Jane Sutton, the director, welcomed the report.',
    'Cllr Kent said the council had listened.',
    'Essex Police took part in the joint inspection.',
    'The firm is based in New York.',
    'Newcastle-under-Lyme Borough Council agreed its budget.',
    'Contact us at 1 Example Street, Colchester, Essex CO4 3ZL.',
    'Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD',
    'Tracey Wiltshire, director of children’s services, said the report was fair.',
    'Inspectors visited Ipswich, Lowestoft and Bury St Edmunds over a fortnight in August.',
    'Co-optees: Toni Bromley (Parent Governor Representative)',
    'Please write to the trust at 6 Cumberland Place, Carlisle.',
    'The meeting was held at Devon Terrace in the town centre.',
    'The councils bid for money to improve buses between west Cumbria and the Lake District.',
    'The inspection covered NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board.',
    'It examined the Bristol, Gloucestershire, Somerset and Wiltshire Community Rehabilitation Company and its work.',
    'Officers from Devon and Cornwall Police attended.',
    'Referrals rose sharply after the death of Peter Connelly in Haringey in 2008.',
    'Helen Ashworth (Bristol South-West) (Lab) asked the minister a question.',
    'A council in northern Lincolnshire has been told its services are failing.',
    'The Liverpool Echo reported the story first.',
    'Derby County lost again on Saturday.',
    'Colchester Borough Council approved new bins.',
    'Basingstoke and Deane District Council met on Tuesday.',
    'Hull City won 2-0.',
    'Greater Manchester Police attended the strategy meetings.',
    'A researcher at the University of Bristol led the study.',
    'The Duchess of Cornwall opened the centre.',
    // A place used only as a location (the labelling rules' "a school in Kent").
    'Inspectors visited a primary school in Kent as part of the review.',
    'Children placed in Norfolk were visited regularly by their social workers.',
    'Social workers who had previously worked in Suffolk said the culture was better.',
    'The family moved to Devon last year.',
  ])('%s', (text) => {
    expect(codes(text)).toEqual([]);
  });

  test('the same places as the authority are still found', () => {
    expect(codes('Services in Kent have improved since the last inspection.')).toEqual(['E10000016']);
    expect(codes('The regulator’s work in Birmingham councils starts this year.')).toEqual(['E08000025']);
    expect(codes('Children from Kent were placed in foster homes across the south east.')).toEqual(['E10000016']);
  });
});

test('every current authority is found by its canonical name and as "<name> Council"', async () => {
  const { allCouncils } = await import('../../lib/data/gazetteer');
  const ALL_COUNCILS = allCouncils();
  const missing: string[] = [];
  for (const c of ALL_COUNCILS) {
    const a = codes(`Inspectors visited ${c.name} in May.`);
    const b = codes(`Inspectors said ${c.name} Council had improved.`);
    if (!a.includes(c.code) || !b.includes(c.code)) missing.push(c.name);
  }
  expect(missing).toEqual([]);
  expect(ALL_COUNCILS).toHaveLength(153);
});

test('every name the index knows is looked up, as written, in capitals and before a full stop', async () => {
  const { nameVariants } = await import('../../lib/data/gazetteer');
  const missing: string[] = [];
  for (const v of nameVariants()) {
    if (!/^[A-Z]/.test(v.name)) continue;
    for (const text of [
      `Inspectors said ${v.name} Council had improved.`,
      `INSPECTORS SAID ${v.name.toUpperCase()} COUNCIL HAD IMPROVED.`,
      `Inspectors visited ${v.name}.`,
    ]) {
      const m = found(text).find((x) => v.codes.some((c) => x.codes.includes(c)));
      if (!m && (v.formal || !text.endsWith(`${v.name}.`))) missing.push(text);
    }
  }
  expect(missing).toEqual([]);
});

test('councils in the headline count', () => {
  const p = prepareText(documentFromPlainText('Lambeth exits inadequate\n\nThe council was inspected.'));
  expect(findCouncilMentions(p.text, p.sentences).map((m) => m.text)).toEqual(['Lambeth']);
});

test('a council name is found after sentences with no capital, and not inside a word or at its second capital', () => {
  const quiet = 'services for children were inspected again in the spring. '.repeat(40);
  expect(
    found(`${quiet}then Essex council was praised. ${quiet}and so was hackney council, then Kent council.`),
  ).toEqual([
    { text: 'Essex council', codes: ['E10000012'] },
    { text: 'Kent council', codes: ['E10000016'] },
  ]);
  expect(found('The McEssex council and xKent council were named. Essex council was not.')).toEqual([
    { text: 'Essex council', codes: ['E10000012'] },
  ]);
});
