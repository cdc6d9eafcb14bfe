// Council context rules: when a bare place name names the authority and when it does not. One
// row per rule, each with sentences (our own words) it must accept and refuse; accepted
// mentions say why.
import { describe, expect, test } from 'vitest';
import { findCouncilMentions, groupMentions } from '../../lib/analysis/councils';
import { prepareText } from '../../lib/analysis/text';

const mentions = (text: string) => {
  const p = prepareText({ title: '', blocks: [text] });
  return findCouncilMentions(p.text, p.sentences);
};

interface ContextRow {
  rule: string;
  /** [sentence, council name expected] */
  accept: [string, string][];
  /** Sentences in which no council may be found. */
  refuse: string[];
}

const RULES: ContextRow[] = [
  {
    rule: 'a council word makes any name the authority',
    accept: [
      ['Reading Borough Council was inspected in May.', 'Reading'],
      ['The London Borough of Sutton responded.', 'Sutton'],
      ['Bury Council said it accepted the findings.', 'Bury'],
    ],
    refuse: ['Colchester Borough Council approved new bins.', 'Mid Devon District Council met on Monday.'],
  },
  {
    rule: 'a common word opening a sentence before a determiner is the word',
    accept: [['Inspectors found that Bury had improved.', 'Bury']],
    refuse: ['Reading the letter, the director said she was pleased.', 'Bury the past, the leader urged.'],
  },
  {
    rule: "a person's name is the person",
    accept: [['Services in Sutton were rated good.', 'Sutton']],
    refuse: ['Cllr Dudley said he welcomed the report.', 'Amy Bradford, the director, spoke first.'],
  },
  {
    rule: 'clubs, newspapers, police forces and institutions named after a place are not the council',
    accept: [['Leeds was judged outstanding.', 'Leeds']],
    refuse: [
      'The Manchester Evening News first reported the findings.',
      'Kent Police took part in the joint inspection.',
      'Sheffield United won on Saturday.',
      'The Hull Daily Mail asked the council for a comment.',
      'The Camden New Journal reported the story.',
      'He told BBC Radio Kent the report was fair.',
      'A lecturer at the University of Nottingham led the review.',
    ],
  },
  {
    rule: "a place name that starts another place's name is that place",
    accept: [
      ['Ofsted Rates Enfield Children’s Services Good', 'Enfield'],
      ['Inspectors said Brent had improved.', 'Brent'],
    ],
    refuse: [
      'The family moved to Stoke Newington last year.',
      'Nottingham Forest won the derby.',
      'Shops at Brent Cross reopened.',
    ],
  },
  {
    rule: 'a service or setting named after the place is not the council',
    accept: [["Surrey's youth offending service was inspected separately.", 'Surrey']],
    refuse: [
      'Surrey YOS was rated good by probation inspectors.',
      'An Enfield primary school was rated outstanding.',
      "The Darlington children's home was downgraded.",
      'Wiltshire Youth Offending Service welcomed the report.',
      'Items raised by the Rutland Local Safeguarding Children Board were discussed.',
      'Derby Safeguarding Children Partnership published its review.',
    ],
  },
  {
    rule: 'a place paired with a region that is not an authority on a short line is a section label',
    accept: [
      ['Kent & Medway', 'Kent'],
      ['Telford & Wrekin', 'Telford and Wrekin'],
      ['Services in Leeds and the Dales were praised.', 'Leeds'],
    ],
    refuse: ['Bristol & West Country', 'Newcastle and the North Pennines'],
  },
  {
    rule: 'the Thames-side boroughs go by the town name alone',
    accept: [
      ['Ofsted said services in Kingston had improved.', 'Kingston upon Thames'],
      ['Richmond was rated good at its last inspection.', 'Richmond upon Thames'],
    ],
    refuse: ['Kingston-based charities welcomed the news.'],
  },
];

describe('council context rules', () => {
  test.each(RULES.map((r) => [r.rule, r] as const))('%s', (_, row) => {
    for (const [sentence, name] of row.accept) {
      const found = mentions(sentence).filter((m) => m.councils.some((c) => c.name === name));
      expect(found.length, sentence).toBeGreaterThan(0);
      expect(found[0].why, sentence).toMatch(/\S/);
    }
    for (const sentence of row.refuse) expect(mentions(sentence), sentence).toEqual([]);
  });

  test('a compass word elided before a shared name names both councils', () => {
    const [m] = mentions('Inspectors wrote to North and West Northamptonshire councils.');
    expect(m.text).toBe('North and West Northamptonshire');
    expect(m.councils.map((c) => c.name)).toEqual(['North Northamptonshire', 'West Northamptonshire']);
    // No council is called "South Berkshire": West Berkshire alone.
    const [w] = mentions('Families in South and West Berkshire were asked.');
    expect(w.councils.map((c) => c.name)).toEqual(['West Berkshire']);
  });

  test("a trust running a council's services names it, marked as the trust", () => {
    const [m] = mentions('Sandwell Children’s Trust was judged good.');
    expect(m.councils.map((c) => c.name)).toEqual(['Sandwell']);
    expect(m.body).toBe(true);
    expect(m.why).toMatch(/trust or company/);
  });

  test('a council named only through its trust is not listed as named; named as well, it is', () => {
    const listed = (text: string) => groupMentions(mentions(text)).map((g) => g.council.name);
    expect(listed('Sandwell Children’s Trust was judged good.')).toEqual([]);
    expect(listed('Sandwell Children’s Trust runs the service for Sandwell Council.')).toEqual(['Sandwell']);
  });
});
