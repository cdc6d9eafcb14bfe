import { describe, expect, test } from 'vitest';
import { findImprovementAreas, topicOf } from '../../lib/analysis/improvements';
import { prepareText } from '../../lib/analysis/text';

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

test('the word triggers never skip a cue that matches (checked on every fixture sentence)', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { AGAINST, CUES, improvementScore } = await import('../../lib/analysis/improvements');
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
  for (const s of sentences) {
    let reference = 0;
    for (const [re, w] of CUES) if (re.test(s)) reference += w;
    if (reference > 0) for (const [re, w] of AGAINST) if (re.test(s)) reference -= w;
    expect([s, improvementScore(s)]).toEqual([s, s.length < 25 ? 0 : reference]);
  }
});
