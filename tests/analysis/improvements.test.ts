import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { CUE_TABLE, NAMED_KEYS } from '../../lib/analysis/cue-table.generated';
import {
  keyOf,
  parseModel,
  resetStrongest,
  strongestFeatures,
  useModel,
  weightOfKey,
  wordScore,
} from '../../lib/analysis/improvement-model';
import { MODEL, MODEL_TABLE } from '../../lib/analysis/improvement-model.generated';
import {
  AGAINST,
  CUES,
  cueTable,
  findImprovementAreas,
  improvementListBlocks,
  improvementScore,
  NAMED,
  TOPICS,
  topicOf,
} from '../../lib/analysis/improvements';
import { type BlockKind, prepareText } from '../../lib/analysis/text';
import { ungatedScore } from '../support/ungated-score';

const isImprovement = (s: string) =>
  findImprovementAreas(prepareText({ title: 'T', blocks: [s] }).sentences).length > 0;

describe('sentences saying what must improve', () => {
  test.each([
    'The visit identified three areas for improvement: social work caseloads, minimising delays, and recording.',
    'In cases seen, risk assessment of males or dominant partners is not sufficiently robust.',
    'Hackney needs to take swift and decisive action to address the timeliness of social work practice.',
    'There should also be greater consideration of men, including abusive partners, in risk assessments.',
    'Ofsted recommended the service considers how to better engage young people.',
    'But inspectors said areas of weaker practice remained, with the pace of change “too slow”.',
    'Independent chairs are beginning to monitor cases, but the impact to improve outcomes is not consistent.',
    'Work with avoidant parents lacks timely action, and inspectors saw drift and delay.',
    'Inspectors found widespread and serious failures in the help given to children.',
    'The quality of supervision remains inconsistent across the service.',
    'Some care plans were not specific enough about what needed to happen and by when.',
    'Leaders have not ensured that all children in care have an up-to-date health assessment.',
    'Return home interviews are not consistently completed for children who go missing.',
    'Progress in improving services for care leavers has been slow.',
    'The service would benefit from a clearer focus on the voice of the child.',
    'The report said the council could further improve support for young people leaving care.',
    'Inspectors noted that performance information was not used effectively by managers.',
    'Not all children have an up-to-date care plan that reflects their needs.',
    'Some care leavers are living in unsuitable accommodation, the report said.',
    'Further work is needed to ensure that children’s voices are heard and acted on.',
    'Inspectors said that some children’s records were not kept up to date.',
    'Ofsted’s regional director said some children had waited too long for help.',
    'In its report, Ofsted said children in care were well supported, but that the response to children who go missing from home needed to be strengthened.',
    'Recruitment of permanent social workers remains a challenge, with a reliance on agency staff in the assessment teams.',
    'The inspectorates asked the partnership to improve the quality of return home interviews and the use of disruption tactics.',
    'The letter said there is no shared understanding across agencies of the prevalence of child criminal exploitation.',
    'Some children were left in neglectful homes for years, the report said.',
    'The report highlights some areas where we can do even better, including making sure that all children in care have timely access to mental health support.',
    'Kent County Council praised in Ofsted inspection but told to improve help for disabled children',
    'Some children experience multiple changes of social worker, which makes it difficult for them to build trusting relationships.',
    'Audits focus on compliance rather than on the difference made to children.',
    'Some children are placed in unregistered children’s homes.',
    'Direct work with children is limited.',
    'The watchdog said plans were "too vague".',
    'Help for care leavers was described as “patchy”.',
    'In particular, inspectors were critical of the support for children at risk of criminal exploitation.',
    'Inspectors expressed concern at the high number of children subject to child protection plans for a second time.',
    'The report found that some young people had been placed in hotels.',
    'Ofsted said it was “not assured” that all children at risk were being identified.',
    'Pathway plans were often "out of date".',
    'Inspectors raised questions over the council’s use of agency staff.',
    'In a small number of cases, step-down from child protection plans to child in need plans happens too quickly, before changes have been sustained.',
    'There is effective oversight in some areas of its work, but the board needs to further improve its monitoring of frontline practice.',
    'Inspectors said recruitment of permanent social workers remained a challenge, with agency staff making up around 40 per cent of the workforce.',
    'The letter said personal advisers’ caseloads had risen and were "limiting the time they can spend with young people".',
    'Inspectors also want to see quicker decisions when children’s circumstances deteriorate.',
    'They also called for better help for 16 and 17-year-olds who present as homeless.',
    'It also found "missed opportunities" to listen to what children were saying about their lives.',
    'According to the report, leaders "have not yet ensured that all children benefit from consistently strong management oversight".',
    'Although caseloads had reduced, inspectors noted that the trust remained heavily reliant on agency social workers.',
    'Inspectors found that pre-proceedings work was “drifting” for some families.',
    'Newly qualified social workers in some teams were holding cases that were too complex for their level of experience.',
    'A small number of children in care had experienced more placement moves than the council would want.',
    'Inspectors found some children had waited several days for a decision on their referral.',
    'Another found that the council still relied heavily on agency staff, with some teams seeing a different social worker every few months.',
    'It comes after inspectors praised the council’s work with children in care but said it needed to do more to help care leavers into stable jobs.',
    'Inspectors wrote that plans for children are not sufficiently specific and it is not always clear what needs to change.',
    'They found that some children had waited more than a year for a decision about where they would live permanently.',
    'Windsor and Maidenhead has held on to its good rating, although inspectors say there is still work to do for young people leaving care.',
    'The report found that some care leavers were living in accommodation that was not suitable for their needs.',
    'A shortage of permanent social workers meant that some children had four or more social workers in a year.',
  ])('%s', (s) => {
    expect(isImprovement(s)).toBe(true);
  });
});

describe('praise and neutral reporting are not improvement areas', () => {
  test.each([
    'Social workers know their families well and visit them regularly.',
    'Staff morale is good, social workers feel valued and do not feel overwhelmed by complex cases.',
    'The local authority has a strong focus on auditing and self-evaluation to improve practice.',
    'Inspectors praised the council’s exceptional early help services.',
    'The council said it would publish an action plan within 70 working days.',
    'Children no longer able to live with their families benefited from decisive action.',
    'Inspectors found no delays in decision-making for children at risk.',
    'Inspectors found that help for families was effective and timely.',
    'Not all of the recommendations from the last inspection were relevant this time, inspectors said.',
    'Further work is needed, inspectors said in their report this week.',
  ])('%s', (s) => {
    expect(isImprovement(s)).toBe(false);
  });
});

test.each([
  ['The visit identified areas for improvement in social work caseloads.', 'caseloads'],
  ['The quality of managerial oversight and supervision is not consistent.', 'management oversight'],
  ['Planning for children is not strong enough.', 'planning'],
])('topic of %s is %s', (s, topic) => {
  expect(topicOf(s)).toBe(topic);
});

describe('each topic row: its examples get its label (the first row that matches)', () => {
  test.each(TOPICS.flatMap((row) => row.examples.map((example) => [row.topic, example] as const)))(
    '%s: %s',
    (topic, example) => {
      expect(topicOf(example)).toBe(topic);
    },
  );
});

test('a sentence naming no area gets no topic', () => {
  expect(topicOf('Inspectors said the council must do better than this.')).toBeUndefined();
});

test('the word triggers never skip a cue that matches (checked on every fixture sentence)', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { improvementScore } = await import('../../lib/analysis/improvements');
  const { documentFromPlainText } = await import('../../lib/analysis/text');
  const dir = path.resolve(import.meta.dirname, '../fixtures');
  const sentences: string[] = [];
  for (const sub of ['seeds', 'cases'])
    for (const f of fs.readdirSync(path.join(dir, sub)))
      sentences.push(
        ...prepareText(documentFromPlainText(fs.readFileSync(path.join(dir, sub, f), 'utf8'))).sentences.map(
          (s) => s.text,
        ),
      );
  expect(sentences.length).toBeGreaterThan(150);
  for (const s of sentences) expect([s, improvementScore(s)]).toEqual([s, ungatedScore(s)]);
});

describe('each cue row: its examples match it and hold one of its trigger words', () => {
  const rows = [...CUES.map((c) => ['cue', c] as const), ...AGAINST.map((c) => ['against', c] as const)];
  test.each(
    rows.flatMap(([kind, cue]) => cue.examples.map((example) => [`${kind}:${cue.name}`, example, cue] as const)),
  )('%s matches "%s"', (_name, example, cue) => {
    expect(cue.pattern.test(example)).toBe(true);
    const prefixes = example
      .toLowerCase()
      .split(/[^a-z'’]+/)
      .filter(Boolean)
      .map((w) => w.slice(0, 4));
    // A longer trigger is read from the start of a word.
    const wordStarts = [...example.toLowerCase().matchAll(/(?<![a-z'’])[a-z]/g)].map((m) => m.index);
    const holds = (t: string) =>
      t.length <= 4 ? prefixes.includes(t) : wordStarts.some((at) => example.toLowerCase().startsWith(t, at));
    expect(cue.triggers.some(holds)).toBe(true);
  });
});

describe('the trigger gate keeps every cue whose pattern matches (examples in sentences, any case)', () => {
  const rows = [...CUES, ...AGAINST].flatMap((cue) => cue.examples.map((example) => [cue.name, example] as const));
  test.each(rows)('%s: "%s"', (_name, example) => {
    // Counter-cues count only beside a cue: a cue's words are put before each example.
    for (const s of [
      `Inspectors found that ${example}.`,
      `Inspectors found weak planning; ${example.toUpperCase()}.`,
      `Plans were poor and ${example.replace(/\b[a-z]/g, (c) => c.toUpperCase())} here.`,
    ])
      expect([s, improvementScore(s)]).toEqual([s, ungatedScore(s)]);
  });
  test.each([
    'Inspectors said the workforce shortages had left high caseloads in the north of the county.',
    'Staff turnover in the assessment teams remains very high, the letter said.',
    'Practice in the disabled children’s team was under-developed and the plans were not good.',
    'Leaders have not yet made sure that managers are not always overseeing plans, and outcomes did not improve.',
    'Inspectors rated it graderequiresimprovement for care leavers and plans were weak, though staff did not feel overwhelmed.',
    'It is a matter for the council whether families should have waited, and the workforce is stable.',
    'Managers DO NOT routinely review plans, and some children Were Not safeguarded by the service.',
    'The out-of-hours team is not as responsive as it should be, the letter said.',
  ])('a sentence with long triggers is scored as with no gate: %s', (s) => {
    expect(improvementScore(s)).toBe(ungatedScore(s));
    expect(improvementScore(s)).not.toBe(0);
  });
});

// Phrasings in our own words, as a page reporting an inspection writes them.
const inArticle = (blocks: string[], blockKinds?: BlockKind[]) => {
  const doc = { title: 'Council children’s services inspected', blocks, blockKinds };
  const prepared = prepareText(doc);
  return findImprovementAreas(prepared.sentences, [], improvementListBlocks(doc), prepared.text).map(
    (a) => a.sentence.text,
  );
};

describe('improvement areas in reported speech and lists are found', () => {
  test.each([
    ['a short sentence naming what is weak', 'Care planning is ineffective.'],
    [
      'inspectors saying what the council needed to improve (not the council speaking)',
      'However, they said the council needed to improve how quickly it responded when children went missing from home or care.',
    ],
    [
      'caseloads counted',
      'Social workers in these teams were often responsible for over thirty children, with a few having caseloads of up to forty.',
    ],
    [
      'high levels of exclusions',
      'It also found high levels of fixed-term exclusions from school among children with learning disabilities.',
    ],
    [
      'still varies',
      'The quality of social work practice is improving in the safeguarding teams, although it still varies in quality.',
    ],
    [
      'a serious barrier',
      'Inspectors said the high workloads of social workers present “a serious barrier to providing effective services for children”.',
    ],
    [
      'learning from complaints',
      'The department also needs to demonstrate a better learning from complaints within three months.',
    ],
    ['reported finding', 'Inspectors found that some children waited too long for a first visit from a social worker.'],
    ['watchdog said', 'Ofsted said too many assessments in Dudley lacked a clear analysis of risk.'],
    ['must improve how', 'The council must improve how it tracks children placed out of area.'],
    [
      'needed strengthening, reported',
      'The report also said that the response to children who are privately fostered needed to be strengthened.',
    ],
    [
      'the council’s work described as weak (not the council’s voice)',
      'The council’s response to private fostering arrangements was described as underdeveloped.',
    ],
    [
      'yet to deliver',
      'Inspectors noted that the local authority’s sufficiency strategy has yet to deliver enough local homes.',
    ],
    ['too reliant', 'Inspectors also highlighted that the authority is too reliant on agency social workers.'],
    [
      'waiting months',
      'Inspectors also found that some disabled children were waiting months for an assessment of their needs.',
    ],
    [
      'a weakness after praise and "although"',
      'Social workers said they felt well supported by their managers, although caseloads in some teams were described as “unmanageable”.',
    ],
    [
      'recommendations, including that',
      'The report makes six recommendations, including that the council improves the timeliness of permanence planning and the quality of supervision.',
    ],
    [
      'shortcomings in how the council responded to something',
      'There were shortcomings in the way the council responded to allegations against professionals.',
    ],
    ['falls short', 'The report said the quality of work with 16 and 17-year-olds who are homeless falls short.'],
    [
      'caseloads remain high',
      'Inspectors said caseloads remain too high for some social workers in the assessment teams.',
    ],
    ['high turnover', 'The service has a high turnover of social workers, with a vacancy rate of 30 per cent.'],
    [
      'a council’s release reporting the inspectors',
      'Inspectors also identified some areas where we can do better, including making sure that care leavers have access to suitable accommodation.',
    ],
    ['asked to improve', 'Ofsted has asked the council to improve the consistency of management oversight.'],
    ['requires strengthening', 'The partnership’s response to children missing education requires strengthening.'],
    ['do not achieve', 'Repeated assessments and interventions do not achieve sustainable change for these families.'],
    [
      'bed and breakfast',
      'Some homeless 16- and 17-year-olds are placed in bed and breakfast accommodation for weeks at a time.',
    ],
    ['left at risk, two words between', 'This leaves vulnerable children at risk of harm, the letter says.'],
    ['situations of risk', 'Inspectors found that some children remain in situations of unassessed risk for too long.'],
    [
      'areas where improvements were identified, with what',
      'There were some areas where improvements were identified, such as ensuring every child in need had an up-to-date plan.',
    ],
    ['do not attend', 'The police do not always attend initial child protection conferences, inspectors found.'],
    ['weaknesses not yet tackled', 'Leaders have not yet tackled the weaknesses identified at the last inspection.'],
    ['concerns not resolved', 'Delays in assessments, a concern at the last inspection, have not been resolved.'],
    [
      'more to do, as the inspectors report leaders saying',
      'Senior leaders acknowledge that there is more to do to improve the sufficiency of local placements.',
    ],
    ['not been updated', 'Inspectors found that some children’s plans had not been updated for more than a year.'],
    [
      'little evidence',
      'Inspectors said they had seen “little evidence” that the views of children informed their plans.',
    ],
    ['concern', 'Inspectors were concerned that management oversight of cases was not consistent.'],
    ['recommendation', 'The report recommended that leaders improve the quality of supervision for frontline staff.'],
    ['weakness', 'The letter identified weaknesses in how the council tracks children who go missing from care.'],
    [
      'failing area in a grade sentence',
      'Services for care leavers in Bolton were rated inadequate, with too few young people in suitable homes.',
    ],
    ['failing area in a judgement', 'Services for care leavers in Sefton were judged to require improvement.'],
    [
      'what children do not get',
      'Inspectors said many disabled children do not receive a timely review of their plans.',
    ],
    ['criticism', 'The service was criticised for leaving some care leavers without a personal adviser for months.'],
    [
      'children left at risk',
      'The letter said some children remain at risk of harm because referrals pass between teams.',
    ],
    ['decline', 'Inspectors said the quality of practice had deteriorated since the last visit.'],
    [
      'what must improve, with its area',
      'Ofsted said the council still needs to improve the timeliness of its assessments.',
    ],
    ['children not served', 'Inspectors said some teenagers in Wigan are not getting the support they need.'],
    ['not protected', 'The report says babies in the borough are not being protected from neglect.'],
    ['inconsistencies remain', 'Return home interviews are happening more often, but inconsistencies remain.'],
    ['underdeveloped', 'Inspectors said the help for young carers in Dorset remains underdeveloped.'],
    ['could still be made', 'However, the report said improvements could still be made in assessing risk at night.'],
    ['more could be done', 'More could also be done to make sure plans for disabled children are reviewed.'],
    ['attention needed', 'The letter says particular attention is needed for care leavers living out of area.'],
    ['let down', 'Inspectors said vulnerable teenagers in Bury were still being let down by the council.'],
    ['warned', 'Ofsted had warned that some children in Luton were living with chronic neglect.'],
    [
      'recommendations not acted on',
      'The letter says most recommendations from the 2017 inspection have not been actioned.',
    ],
    [
      'concerned that, despite praise',
      'Most foster carers are well supported, but inspectors are concerned that “reviews are not as timely” for teenagers.',
    ],
    ['recommendations with their content', 'Inspectors made recommendations to improve the way visits are recorded.'],
    ['left at risk', 'Inspectors said delays in strategy meetings meant some children were left at risk.'],
    ['unacceptable', 'Some sixteen-year-olds are housed in hostels, which is unacceptable practice.'],
    [
      'failing areas after the grade',
      'Barnsley was judged inadequate in two areas, child protection and children in care.',
    ],
    ['plural areas that require improvement', 'The letter notes that leadership and governance require improvement.'],
    [
      'a letter to the council, not the council speaking',
      'The letter to the council, sent on Monday, says supervision remains variable.',
    ],
  ])('%s: %s', (_label, s) => {
    expect(inArticle([s])).toEqual([s]);
  });

  test('a bullet under a "what needs to improve" heading', () => {
    const found = inArticle(
      [
        'Ofsted published its findings on Tuesday.',
        'What needs to improve',
        'The timeliness of initial health assessments for children entering care',
      ],
      ['text', 'heading', 'item'],
    );
    expect(found).toContain('The timeliness of initial health assessments for children entering care');
  });

  test('a sentence listing the areas the one before announced, not one listing praised areas', () => {
    expect(
      inArticle([
        'The letter named three aspects of the service needing improvement. These were the health checks of children in care, visits to care leavers and the recording of decisions.',
      ]),
    ).toEqual([
      'These were the health checks of children in care, visits to care leavers and the recording of decisions.',
    ]);
    expect(
      inArticle(['Two areas were singled out by inspectors. These were early help and the adoption service.']),
    ).toEqual([]);
  });

  test('bullets typed into paragraphs under "areas for improvement", and not under another introduction', () => {
    const blocks = [
      'The committee heard that inspectors had noted two areas for improvement, which were:',
      '·   The recording of visits to children placed out of the county',
      '·   How quickly disabled children get a short-break assessment',
      'The inspectors also reported that:',
      '·   Children were visited regularly by their social workers',
    ];
    const kinds: BlockKind[] = ['text', 'text', 'text', 'text', 'text'];
    expect(inArticle(blocks, kinds)).toEqual([
      'The recording of visits to children placed out of the county',
      'How quickly disabled children get a short-break assessment',
    ]);
  });

  test('a list written as lines of one paragraph (a page’s <br>), after a line introducing it', () => {
    const block =
      'Ofsted said the council needs to improve:\n• the timeliness of permanence planning\n• the quality and consistency of supervision';
    const bare =
      'Areas for improvement:\nThe help given to disabled children\nReturn home interviews for children who go missing';
    expect(inArticle(['Ofsted published its findings on Tuesday.', block, bare])).toEqual([
      'the timeliness of permanence planning',
      'the quality and consistency of supervision',
      'The help given to disabled children',
      'Return home interviews for children who go missing',
    ]);
    // After praise, or once a line ends a sentence, lines are not items.
    expect(
      inArticle([
        'Inspectors highlighted these strengths:\nStable, skilled social workers\nA strong early help offer',
        'Areas for improvement:\nThe help given to disabled children.\nThe council said it would act quickly on the report',
      ]),
    ).toEqual(['The help given to disabled children.']);
    // Bulleted lines may end with full stops; the first line with no bullet ends the list, as
    // does, in a list of bare lines, a line that ends a sentence after the first.
    expect(
      inArticle([
        'Areas for improvement:\n• The quality of plans.\n• The timeliness of visits.\nCouncil leader Colin Lambert said the authority accepted the findings.',
        'What needs to improve:\nThe help given to disabled children\nCouncil leader Colin Lambert said the authority accepted the findings.',
      ]),
    ).toEqual(['The quality of plans.', 'The timeliness of visits.', 'The help given to disabled children']);
    // Lines ended by full stops are items when each reads as one (a noun phrase or an instruction),
    // as such paragraphs are; a line of prose still ends the list.
    expect(
      inArticle([
        'The report said the local authority should improve:\nThe timeliness of initial health assessments.\nThe consistency of management oversight of children in need.\nEnsure that plans are reviewed.\nThe council said it accepted the findings.',
      ]),
    ).toEqual([
      'The timeliness of initial health assessments.',
      'The consistency of management oversight of children in need.',
      'Ensure that plans are reviewed.',
    ]);
  });

  test('a list set as paragraphs with full stops (noun phrases or instructions), under an introduction or a question', () => {
    const kinds = (n: number): BlockKind[] => Array(n).fill('text');
    // A letter's areas, one paragraph each, after "…two areas for improvement:".
    const letter = [
      'Ofsted carried out a focused visit in June.',
      'However, the letter sets out two areas for improvement:',
      'The quality and timeliness of written plans for children in need.',
      'The consistency of supervision, so that it challenges and progresses plans for children.',
      'Rotherham was rated good at its last full inspection in 2022, having come out of intervention in 2018.',
    ];
    const found = inArticle(letter, kinds(5));
    expect(found).toEqual(expect.arrayContaining(letter.slice(2, 4)));
    expect(found).not.toContain(letter[4]);
    // Instructions are items too; a question set as a paragraph introduces a list as a colon does.
    const lists = [
      'Under the heading “What needs to improve in this local authority?”, the report lists:',
      'The timeliness and quality of assessments for children in need.',
      'The response to children who are privately fostered.',
    ];
    expect(inArticle(lists, ['text', 'item', 'item'])).toEqual(lists.slice(1));
    const named = [
      'Inspectors said Manchester still needed to:',
      'reduce caseloads in its locality teams, some of which are too high',
      'improve the timeliness of assessments for children in need',
    ];
    expect(inArticle(named, ['text', 'item', 'item'])).toEqual(named.slice(1));
    const asked = [
      'What needs to improve?',
      'Ensure that plans are reviewed when children’s circumstances change.',
      'Oversight of children placed in unregistered children’s homes.',
      'Gateshead Council said it would publish an action plan in the summer.',
    ];
    expect(inArticle(asked, kinds(4))).toEqual(asked.slice(1, 3));
    const items = ['What needs to improve?', 'The timeliness of permanence planning', 'The quality of pathway plans'];
    expect(inArticle(items, ['text', 'item', 'item'])).toEqual(items.slice(1));
    // Paragraphs of prose after an introduction are not items (they have their verbs).
    expect(
      inArticle(
        [
          'Inspectors identified several areas for improvement:',
          'The council said it welcomed the report.',
          'Children in the borough are supported by a new team.',
        ],
        kinds(3),
      ),
    ).toEqual([]);
  });

  test("an older report's recommendations: a hand-over line ended by a full stop, sub-headings of when, lower-case instructions ended by semicolons", () => {
    const blocks = [
      'Areas for improvement',
      '4. In order to improve the quality of provision, the local authority and its partners should take the following action.',
      'Immediately:',
      'ensure that all contacts and referrals are screened by a qualified social worker.',
      'Within three months:',
      'ensure that core assessments are completed within timescales and include a thorough analysis of risk;',
      'ensure that child protection plans contain clear, measurable outcomes and timescales;',
      'Services for looked after children',
      'The overall effectiveness of services for looked after children is good.',
    ];
    const kinds: BlockKind[] = ['heading', 'text', 'text', 'text', 'text', 'text', 'text', 'heading', 'text'];
    expect(inArticle(blocks, kinds)).toEqual([blocks[3], blocks[5], blocks[6]]);
    // A numbered list under "Priority and immediate action" after the question that introduces it.
    const numbered = [
      'What does the local authority need to improve?',
      'Priority and immediate action',
      'Ensure that strategy discussions take place for all children where there is reasonable cause to suspect significant harm.',
      'Ensure that senior managers have accurate information about the quality of practice.',
    ];
    expect(inArticle(numbered, ['heading', 'heading', 'item', 'item'])).toEqual(numbered.slice(2));
    // Sub-headings of when are not items, and lower-case prose after them is not one either.
    expect(
      inArticle(
        ['What needs to improve:', 'Within six months:', 'the council said it would act quickly.'],
        ['text', 'text', 'text'],
      ),
    ).toEqual([]);
  });

  test("a joint letter's list under each agency's name; sub-headings as a paragraph's first line; items numbered (i), (ii)", () => {
    const agencies = [
      'What needs to improve for each agency?',
      'Southwark Council',
      '- The consistency with which return home interviews are completed for children who go missing.',
      'Metropolitan Police Service',
      '- The quality of recording of the voice of the child in police records.',
      'Next steps',
      '- The partnership will publish its plan in the spring.',
    ];
    const kinds: BlockKind[] = ['heading', 'heading', 'item', 'heading', 'item', 'heading', 'item'];
    expect(inArticle(agencies, kinds)).toEqual([agencies[2].slice(2), agencies[4].slice(2)]);
    const firstLine = [
      'Areas for improvement',
      'Within three months:\n- ensure that the views of children are routinely recorded in assessments\n- improve the timeliness of initial child protection conferences.',
    ];
    expect(inArticle(firstLine)).toEqual([
      'ensure that the views of children are routinely recorded in assessments',
      'improve the timeliness of initial child protection conferences.',
    ]);
    const roman = [
      'The report sets out the following areas for improvement:',
      '(i) the timeliness and quality of assessments and plans for children in need;',
      '(ii) the use of quality assurance findings to improve practice.',
    ];
    expect(inArticle(roman)).toEqual(roman.slice(1).map((b) => b.slice(b.indexOf(' ') + 1)));
  });

  test('"Ofsted wants the council to:" and "The watchdogs want the partners to make sure that:" head lists; "wanted the council to know:" does not', () => {
    const a = [
      'Ofsted wants the council to:',
      '• increase the number and range of local foster carers',
      '• improve awareness of private fostering among professionals and communities',
    ];
    expect(inArticle(a, ['text', 'item', 'item'])).toEqual(a.slice(1).map((b) => b.slice(2)));
    const b = [
      'The watchdogs want the partners to make sure that:',
      '- health information is shared at every strategy meeting',
      '- the impact of multi-agency training on frontline practice is evaluated',
    ];
    expect(inArticle(b, ['text', 'item', 'item'])).toEqual(b.slice(1).map((x) => x.slice(2)));
    // What a reader wants is no introduction.
    expect(
      inArticle(
        ['Parents said they wanted the council to know:', '- the school run is hard', '- buses are late'],
        ['text', 'item', 'item'],
      ),
    ).toEqual([]);
  });

  test('an introduction ending in what the council must do ("…inspectors said the council must:", "Ofsted has asked us to focus on:") heads a list; one of what parents must do does not', () => {
    const blocks = [
      'Under the heading “What does the local authority need to improve?”, inspectors said the council must:',
      '• ensure that all referrals are screened by a qualified social worker and that decisions are recorded within 24 hours',
      '• reduce caseloads in the safeguarding teams so that social workers can visit children within required timescales',
    ];
    expect(inArticle(blocks, ['text', 'item', 'item'])).toEqual(blocks.slice(1).map((b) => b.slice(2)));
    const lists = [
      'Under the heading “What needs to improve in this local authority?”, the report lists:',
      'The timeliness and quality of assessments for children in need.',
      'The response to children who are privately fostered.',
    ];
    expect(inArticle(lists, ['text', 'item', 'item'])).toEqual(lists.slice(1));
    const named = [
      'Inspectors said Manchester still needed to:',
      'reduce caseloads in its locality teams, some of which are too high',
      'improve the timeliness of assessments for children in need',
    ];
    expect(inArticle(named, ['text', 'item', 'item'])).toEqual(named.slice(1));
    const asked = [
      'Ofsted has asked us to focus on:',
      'the timeliness of initial health assessments for children coming into care',
      'the sufficiency of local homes for children in care, so that fewer live a long way from home',
    ];
    expect(inArticle(asked, ['text', 'item', 'item'])).toEqual(asked.slice(1));
    expect(
      inArticle(
        ['The club says parents must:', '• bring a packed lunch on Saturdays', '• collect children by four o’clock'],
        ['text', 'item', 'item'],
      ),
    ).toEqual([]);
  });

  test('a question heading, then "Recommendations", then numbered paragraphs: each an area; "leaders should focus on:" heads a list', () => {
    const blocks = [
      'What does the local authority need to improve?',
      'Recommendations',
      '1. Ensure that all children who are the subject of child protection enquiries are seen and spoken to alone.',
      '2. Improve the quality of pathway plans so that they are specific and measurable.',
    ];
    expect(inArticle(blocks, ['text', 'heading', 'text', 'text'])).toEqual(blocks.slice(2).map((b) => b.slice(3)));
    const focus = [
      'Inspectors said leaders should focus on:',
      'Ensuring that managers’ decisions are recorded and followed through.',
      'Reducing the number of changes of social worker for children on child protection plans.',
    ];
    expect(inArticle(focus, ['text', 'item', 'item'])).toEqual(focus.slice(1));
    // Numbered paragraphs with no introduction are not a list of what must improve.
    expect(
      inArticle(
        ['1. The council opened two new children’s homes this year.', '2. Foster carers were thanked at a dinner.'],
        ['text', 'text'],
      ),
    ).toEqual([]);
  });

  test('an introduction with an adverb ("the council must urgently improve:") heads a list', () => {
    const blocks = [
      'Ofsted said the council must urgently improve:',
      '- the timeliness and quality of strategy meetings when children are at risk of exploitation',
      '- the use of return home interviews to understand and reduce risk when children go missing',
    ];
    expect(inArticle(blocks, ['text', 'item', 'item'])).toEqual(blocks.slice(1).map((b) => b.slice(2)));
  });

  test('a heading, then a line handing over to the list ("The report sets out the following areas:"); a quote ending the list', () => {
    const blocks = [
      'What needs to improve',
      'The report sets out the following areas:',
      'The consistency of written records of management decisions and supervision',
      'The quality of return home interviews for children who go missing',
      'Together for Children chief executive Jill Colbert said: "We are proud of how far we have come, but we know there is more to do."',
    ];
    expect(inArticle(blocks, ['heading', 'text', 'text', 'text', 'text'])).toEqual(blocks.slice(2, 4));
  });

  test('list items that are noun phrases with a clause after them; introductions with "needed to improve", "for further improvement", "areas where … could be stronger"', () => {
    const kinds = (n: number): BlockKind[] => Array(n).fill('text');
    const a = [
      'The report set out three areas in which the council needed to improve:',
      'The timeliness of permanence planning for children in care, including the use of early permanence.',
      'The response to children aged 16 and 17 who are homeless or at risk of homelessness.',
      'The quality of plans for disabled children, so that they are specific and measurable.',
      'Leaders, who know the service well, have already begun this work.',
    ];
    expect(inArticle(a, kinds(5))).toEqual(a.slice(1, 4));
    const b = [
      'Ofsted identified two areas for further improvement:',
      'the consistency of return home interviews',
      'the quality of written plans',
    ];
    expect(inArticle(b, kinds(3))).toEqual(b.slice(1));
    const c = [
      'The report identified two areas where practice could be stronger:',
      'the consistency of recording',
      'the timeliness of health assessments',
    ];
    expect(inArticle(c, kinds(3))).toEqual(c.slice(1));
    expect(
      inArticle(
        ['Inspectors highlighted areas where practice was strong:', 'the front door', 'the fostering team'],
        kinds(3),
      ),
    ).toEqual([]);
  });

  test('a list’s heading with no colon ("What needs to improve in this area of social work practice") is not an area; its items are', () => {
    const blocks = [
      'Ofsted carried out a focused visit to Lincolnshire in May.',
      'What needs to improve in this area of social work practice',
      '- The timeliness of initial child protection conferences.',
      '- The quality of written plans for children in need.',
    ];
    expect(inArticle(blocks, ['text', 'heading', 'item', 'item'])).toEqual(
      [
        '- The timeliness of initial child protection conferences.',
        '- The quality of written plans for children in need.',
      ].map((b) => b.slice(2)),
    );
  });

  test('a list written as bare lines under "What needs to improve:", as a web page or a text file gives it', () => {
    const blocks = [
      'Ofsted published its findings on Tuesday.',
      'What needs to improve:',
      'The timeliness and quality of assessments',
      'Management oversight and supervision of social workers;',
      'Placement sufficiency for children in care',
      'A council spokesperson said the authority was disappointed.',
    ];
    const items = blocks.slice(2, 5);
    // As paragraphs of a page, and as a text file's lines (no kinds given: short lines read as headings).
    expect(inArticle(blocks, ['text', 'text', 'text', 'text', 'text', 'text'])).toEqual(items);
    expect(inArticle(blocks)).toEqual(items);
    // "recommended" introduces a list too.
    const recommended = [
      'Ofsted recommended that Medway improve:',
      'the quality and consistency of supervision',
      'the suitability of accommodation for care leavers',
    ];
    expect(inArticle(recommended, ['text', 'item', 'item'])).toEqual(recommended.slice(1));
    expect(inArticle(recommended)).toEqual(recommended.slice(1));
    // One bare line after the introduction is a sub-heading, not a list; nor are lines after praise.
    expect(inArticle(['What needs to improve:', 'Leadership', 'Leaders know their services well.'])).toEqual([]);
    expect(
      inArticle([
        'Inspectors highlighted these strengths:',
        'Stable, skilled social workers',
        'A strong early help offer',
      ]),
    ).toEqual([]);
  });
});

describe('near misses are refused', () => {
  test.each([
    ['praise', 'Inspectors praised the skilled and caring social workers who know their children well.'],
    ['progress', 'Ofsted said the council had made good progress since its last inspection in 2019.'],
    ['no weakness found', 'Inspectors found no delays in decision-making for children at risk.'],
    ['leader’s promise', 'We will now focus on the areas for improvement, said the cabinet member for children.'],
    ['bare grade', 'Rutland County Council’s children’s services have been rated good by Ofsted.'],
    ['"when they need to": nothing named', 'Children come into care when they need to, and decisions are timely.'],
    [
      'a joint letter’s standing line',
      'This should be a multi-agency response involving the individuals and agencies that this report is addressed to.',
    ],
    [
      'a committee asked to note',
      'Recommendations: Cabinet is asked to NOTE the outcome of the inspection and to ENDORSE the improvement plan at Appendix B.',
    ],
    [
      'reliance reduced',
      'The council has reduced its heavy reliance on agency staff in the assessment teams since 2022.',
    ],
    [
      'praise, then a need with no area',
      'Ofsted recognised positive changes to children’s services, but says more needs to be done.',
    ],
    [
      'leaders know their weaknesses',
      '“Leaders are aware of these weaknesses and have plans in place to address them,” the report said.',
    ],
    ['a weakness denied', 'There are no children placed in unregistered homes.'],
    ['plans up to date', 'There were no out-of-date plans among the cases inspectors sampled this month.'],
    ['a weakness reduced', 'Delays in care proceedings, which were a concern in 2019, have been reduced.'],
    ['little reliance', 'The council now has a stable workforce and very low reliance on agency staff.'],
    [
      'services turned around',
      'The council was told it must improve in 2017, and has since turned its services around.',
    ],
    [
      'a failing grade denied',
      'None of the three councils was judged inadequate for the experiences of children in care.',
    ],
    [
      'the annual assessment’s bands',
      'The assessment places each council in one of four bands - performs excellently, performs well, performs adequately or performs poorly.',
    ],
    [
      'leaders know their weaknesses',
      'They said leaders had an accurate understanding of the weaknesses in practice and had made a realistic start.',
    ],
    [
      'a council’s reaction',
      'Whilst it remained a big challenge to achieve good services, it was disappointing that the report had not taken account of improvements.',
    ],
    [
      'an opposition spokesman',
      'Labour’s children’s spokesman, Mike Smith-Clare, said the result was welcome but warned that social worker caseloads were "still far too high".',
    ],
    ['a group leader', 'Conservative group leader David Thomas said the pace of change was "simply not good enough".'],
    [
      'an improvement adviser',
      'Medway’s improvement adviser, Eleanor Brazil, said in her final report that some practice "still needs to be strengthened", particularly around neglect.',
    ],
    [
      'years of failure as background',
      'Birmingham Children’s Trust, which took over social care from Birmingham City Council in 2018 after more than a decade of failure, was inspected in March.',
    ],
    [
      'a commissioner appointed',
      'Education secretary Gavin Williamson has appointed a children’s services commissioner to decide whether services should be removed from the council’s control.',
    ],
    ['criticism announced, none named', 'The report was not without criticism.'],
    [
      'a funding gap',
      'The figures come as councils face a £1.9bn funding gap for children’s services by 2020, according to the Local Government Association.',
    ],
    ['an introduction ending in a colon', 'The letter sets out two areas for priority action:'],
    [
      'what a visit looked at',
      'Two inspectors spent two days at the council’s offices in July, looking at the experiences of children in care, including those living in unregistered children’s homes.',
    ],
    [
      'a report’s purpose in minutes',
      '1.1 To inform Cabinet of the outcome of the inspection and to seek approval of the action plan that must be submitted to Ofsted within 70 working days.',
    ],
    [
      'a letter’s process',
      'Instead, inspectors write to the partners setting out what is working well and what needs to improve.',
    ],
    [
      'no priority actions',
      'Ofsted also published three focused visit letters this month, all of which found no areas for priority action.',
    ],
    [
      'areas announced, none named, to improve further',
      'As with all inspections, Ofsted has identified some areas where the council can improve further.',
    ],
    [
      'a condition: when children are at risk',
      'Strategy discussions are convened promptly when children are at risk of significant harm.',
    ],
    [
      'strengths and areas for development understood',
      'There is a clear understanding of the strengths and areas for development in the front door.',
    ],
    [
      'progress: beginning to challenge drift',
      'Independent reviewing officers now have lower caseloads and are beginning to challenge drift more effectively.',
    ],
    [
      'too early to tell',
      'A new legal gateway panel was introduced in June 2023, but it is too early to see its impact.',
    ],
    [
      'the council’s plan to come',
      'The council will publish an action plan responding to the areas for improvement within the next 70 working days.',
    ],
    [
      'a charity’s warning',
      'Youth homelessness charity Centrepoint has warned that a rising number of 16 and 17-year-olds are approaching councils as homeless.',
    ],
    [
      'a bare grade naming a place, not an area',
      'Services for vulnerable children in Wiltshire are judged to require improvement, according to a report published by Ofsted today.',
    ],
    [
      'a condition: when concerns are raised',
      'Inspectors say the council’s front door team makes quick, well-informed decisions when concerns are raised about a child.',
    ],
    [
      'a demand of national government',
      'And the government should make care experience a protected characteristic, so that young people are not left to fight discrimination alone.',
    ],
    [
      'an MP’s constituents',
      'Families in my constituency have told me of waiting weeks for a call back from the front door.',
    ],
    [
      'support promised',
      'The commissioner will provide the challenge and support needed to make sure these failings are addressed as quickly as possible.',
    ],
    [
      'a letter’s form',
      'Instead it publishes a letter setting out strengths and areas for improvement, making direct comparisons across the border difficult.',
    ],
    [
      'a condition: when it falls short',
      'Inspectors said leaders have an accurate understanding of where practice needs to improve and act quickly when it falls short.',
    ],
    [
      'areas announced, none named, still to improve',
      'But inspectors also found a number of areas where Wirral still needed to improve.',
    ],
    [
      'a union’s words',
      'Unison’s Tameside branch said caseloads were still too high in some teams and called for more investment in permanent staff.',
    ],
    ['a council’s “we know”', 'He said: "We know that some children have waited too long and that is not acceptable."'],
    ['the plan to be sent', 'The council must send Ofsted a plan setting out how it will tackle the weaknesses.'],
    [
      'children who need care',
      'They highlighted the low number of children who need to come into care and the stability of the workforce.',
    ],
    ['areas announced, none named', 'Inspectors also identified some areas where the council should do better.'],
    [
      'a member’s statement in minutes',
      'A member said that caseloads in the assessment teams were still too high and needed to come down.',
    ],
    [
      'a member’s question',
      'Members asked whether the council was on track to address the weaknesses in help and protection.',
    ],
    [
      'a scrutineer’s voice',
      'The partnership’s independent scrutineer said: "We need to get much better at sharing information."',
    ],
    [
      'an officer’s view',
      'The Executive Director considers that the proposed actions will address the area for priority action.',
    ],
    [
      'the plan’s name',
      '4.1 Ofsted requires the local authority to submit a priority action plan within 70 working days.',
    ],
    [
      'a condition, not a decline',
      'When children’s circumstances deteriorate, social workers act quickly to escalate concerns.',
    ],
    ['procedure', 'The inspection took place over two weeks in March and looked at 120 case files.'],
    ['councillors’ concerns', 'Opposition councillors raised concerns about the cost of the improvement plan.'],
    ['council’s reaction', 'The council said it was disappointed and would address the areas of concern.'],
    ['progress after a slow start', 'Inspectors said the council had begun to make progress after a slow start.'],
    ['a list’s introduction', 'The letter set out several areas for improvement, listed below:'],
    ['a question heading', 'What does the council need to improve in its work with families?'],
    ['a report’s question heading', 'What needs to improve in this local authority?'],
    ['no priority action', 'Areas for priority action were not identified at this visit.'],
    ['the grade scale', 'Ofsted uses four grades - outstanding, good, requires improvement, and inadequate.'],
    ['the grade scale, numbered', '(1) Outstanding, (2) Good, (3) Requires Improvement and (4) Inadequate'],
    ['a short heading with no full stop', 'High workloads and turnover'],
    [
      'leaders know where to improve',
      'The report said senior leaders had a clear understanding of where practice needed to get better.',
    ],
    ['none found', 'Inspectors did not identify any areas for priority action in the letter.'],
    ['improvement needed, no area', 'Ofsted said the council still needs to improve further and faster.'],
    ['no serious failures', 'The report found no widespread or serious failures that leave children at risk of harm.'],
    [
      'recommendations acted on',
      'All of the recommendations from the last visit have been implemented, officers said.',
    ],
    ['recommendations accepted', 'The panel accepted all the Ofsted recommendations at its meeting in May.'],
    ['director’s reaction', 'The director for children and families said pupils had been let down in the past.'],
    ['a judgement table row', 'Children who need help and protection Inadequate'],
    [
      'recommendations counted in minutes',
      'Members were invited to comment on the nine recommendations before the meeting closed.',
    ],
    ['a downgrade, no area', 'Children’s services in Suffolk have been downgraded by Ofsted this week.'],
    ['the council’s director', 'Bury’s director said some children had waited too long, and apologised.'],
    [
      'more to do, in the council’s voice',
      'We know there is more to do, and we will not rest until every child is safe.',
    ],
    ['a weakness put right', 'Delays in assessments, a concern at the last inspection, have been resolved.'],
    ['no longer', 'Social workers are no longer overwhelmed by high caseloads, inspectors found.'],
    ['weaknesses tackled', 'Leaders have tackled the weaknesses identified at the last inspection.'],
    [
      'what got better, said as a comparison',
      'Inspectors found some examples of strong analytical assessments, and the more timely escalation of actions to address concerns for some children.',
    ],
  ])('%s: %s', (_label, s) => {
    expect(inArticle([s])).toEqual([]);
  });
});

test('each improvement area says why it was taken, and the contract output does not carry it', async () => {
  const { analyzeDocument, toResult } = await import('../../lib/analysis/analyze');
  const doc = {
    title: 'Inspection finds delays',
    blocks: ['Inspectors found that plans for children in care were not reviewed often enough.'],
  };
  const analysis = analyzeDocument(doc);
  expect(analysis.improvements.length).toBe(1);
  expect(analysis.improvements[0].why).toMatch(/^(?:rule|model)/);
  expect(JSON.stringify(toResult('x.txt', analysis, doc.title))).not.toContain('why');
});

test('the fast word scan reads the same words as the names it lists', () => {
  const s = 'Inspectors said the council’s “planning” for care-leavers is not strong enough, and too slow.';
  const names: string[] = [];
  const fast = wordScore(s);
  expect(wordScore(s, names)).toBe(fast);
  expect(names).toEqual(
    "inspectors said the council's planning for care leavers is not strong enough and too slow".split(' '),
  );
  let sum = 0;
  for (const n of names) sum += weightOfKey(keyOf(n));
  expect(sum).toBeCloseTo(fast, 4);
});

test('the stored trigger table is the one the cues make (else: npx tsx scripts/build-cue-table.ts)', () => {
  const table = cueTable();
  expect(CUE_TABLE).toEqual(table);
  expect(NAMED_KEYS).toEqual(NAMED.map(keyOf));
  // Every trigger of every cue is filed: a long one under its first word, with the trigger to read.
  const filed = (list: number, reads: number, cues: typeof CUES) =>
    cues.map((_, index) =>
      table
        .filter((row) => (row[list] as number[]).includes(index))
        .flatMap((row) => (row[reads] as (string | null)[]).filter((_, j) => (row[list] as number[])[j] === index)),
    );
  expect(filed(2, 3, CUES).map((reads) => reads.length)).toEqual(CUES.map((c) => c.triggers.length));
  expect(filed(4, 5, AGAINST).map((reads) => reads.length)).toEqual(AGAINST.map((c) => c.triggers.length));
});

test('the stored model table scores and names features as the model text parsed', () => {
  const parsed = parseModel(MODEL);
  expect(MODEL_TABLE.keys).toEqual(parsed.features.map(([name]) => keyOf(name)));
  expect(MODEL_TABLE.weights).toEqual(parsed.features.map(([, w]) => w));
  expect(MODEL_TABLE.names).toEqual(parsed.features.map(([name]) => name));
  expect([MODEL_TABLE.bias, MODEL_TABLE.threshold, MODEL_TABLE.veto]).toEqual([
    parsed.bias,
    parsed.threshold,
    parsed.veto,
  ]);
  const sentences = [
    'Inspectors said the council’s planning for care leavers is not strong enough, and too slow.',
    'Children wait too long for assessments and managers do not ensure that plans are reviewed.',
    'The council was graded requires improvement; leaders accept the findings.',
  ];
  const read = () =>
    sentences.map((s) => {
      resetStrongest();
      const score = wordScore(s) + weightOfKey(keyOf('ctx:list')) + weightOfKey(keyOf('cue:weak-or-failing'));
      return { score, strongest: strongestFeatures() };
    });
  try {
    useModel(parsed);
    const fromText = read();
    useModel();
    expect(read()).toEqual(fromText);
    expect(fromText.every((r) => /^\S+ \+\d/.test(r.strongest))).toBe(true);
  } finally {
    useModel();
  }
});

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
test.skipIf(!fs.existsSync(corpus))('the committed improvement model is what the training script makes', async () => {
  const { generatedModel } = await import('../../scripts/train-improvements');
  const committed = fs.readFileSync(
    path.resolve(import.meta.dirname, '../../lib/analysis/improvement-model.generated.ts'),
    'utf8',
  );
  expect(generatedModel()).toBe(committed);
});

describe('a grade sentence that names a failing area is an improvement area', () => {
  const found = (blocks: string[]) =>
    analyzeDocument({ title: 'Ofsted inspects Thurrock children’s services', blocks }).improvements.map(
      (a) => a.sentence.text,
    );
  test.each([
    'Meanwhile, services for young people needing help to leave care and find work were described as “inadequate”.',
    'Three of the four areas reviewed were given requires improvement – the impact of leaders on social work practice and the experiences and progress of children who need help and protection.',
    'However, the report added the help and protection which children and young people receive requires improvement.',
    'Children’s services in Stockport have been judged good – but the Local Safeguarding Children Board ‘requires improvement’.',
    'This comes six months after a damning report condemned child protection in Haringey as inadequate.',
  ])('%s', (s) => {
    expect(found(['Ofsted published its report on Thurrock Council on Tuesday.', s])).toContain(s);
  });

  test('not a judgement table’s row, an area graded good, the overall grade alone, nor the title', () => {
    const rows = [
      'The experiences and progress of children in care – Requires improvement to be good.',
      'The experiences and progress of children who need help and protection: Inadequate',
      'Services for care leavers in Thurrock were rated good by inspectors this month.',
      'Thurrock Council’s children’s services have been rated inadequate by Ofsted inspectors.',
      'Children’s services at Thurrock Council still require improvement to be good, according to inspectors.',
      'The watchdog’s overall verdict is that children’s services in Thurrock remain inadequate.',
    ];
    expect(found(['Ofsted published its report on Thurrock Council on Tuesday.', ...rows])).toEqual([]);
    expect(
      analyzeDocument({
        title: 'Child protection in Thurrock requires improvement, inspectors have found this week',
        blocks: ['Ofsted published its report on Tuesday.'],
      }).improvements,
    ).toEqual([]);
  });
});
