import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { afterLast, beforeFirst } from '../../lib/analysis/cut';
import { SUBJECT_CUES, subjectsIn } from '../../lib/analysis/detect';
import { findGrades, gradeDecisions, JUDGEMENT_RULES, PREVIOUS_CUES, REFUSALS } from '../../lib/analysis/grades';
import { CUES, TOPICS, topicOf } from '../../lib/analysis/improvements';
import { setRuleNeeds } from '../../lib/analysis/needs';
import { documentFromPlainText, prepareText } from '../../lib/analysis/text';
import { mulberry32 } from '../support/fuzz';

// The grade rules (and the improvement topics and page subjects) share one look at each
// sentence: its lower-case copy, in which a rule looks up the words its pattern cannot match
// without, instead of running the pattern on the words around every grade word (for a list's
// first sentences: see needs.ts). Nothing a rule decides may change: every sentence below is
// decided as it is with every pattern run on every grade word.

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const texts = (dir: string) =>
  fs
    .readdirSync(path.join(fixtures, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => documentFromPlainText(fs.readFileSync(path.join(fixtures, dir, f), 'utf8')));

const examples = [...REFUSALS, ...JUDGEMENT_RULES, ...PREVIOUS_CUES].flatMap((r) => r.examples);
const articles = [...texts('seeds'), ...texts('cases')].flatMap((d) => [d.title, ...d.blocks]);

/** Words the rules read, grade words and filler, for random sentences. */
const WORDS = (
  'rated judged graded found deemed been was were is are has have had not no never none nor yet to be ' +
  'before until unless if so that could would might will should aims ambition hope plans push ' +
  'between above below better than worse short of scale ranging from grades ratings judgements mean means indicates ' +
  'school homes children’s home youth offending police adult care fostering adoption agency send ' +
  'previously formerly once having last earlier former old no longer shed lost out of exits left leaving ' +
  'since being it after following when the council services had noted said that ago time ' +
  'LSCB safeguarding board leaders leadership care leavers children in care looked after permanence help and protection ' +
  'overall effectiveness: – — - 2014 2019 1998 in its latest now still remains ' +
  'good Good outstanding Outstanding inadequate ‘good’ ‘inadequate’ "outstanding" requires improvement Requires improvement ' +
  'adequate poor performing well Ofsted Sefton Hackney , ; . and but while whereas'
).split(' ');

function randomSentences(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 3 + Math.floor(rnd() * 28);
    const words: string[] = [];
    for (let k = 0; k < len; k++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]);
    let s = words.join(' ').replace(/ ([,;.])/g, '$1');
    // Now and then in capitals, or with characters whose case is unusual (Kelvin sign, dotted I).
    const r = rnd();
    if (r < 0.1) s = s.toUpperCase();
    else if (r < 0.15) s = s.replace(/k/g, '\u212a').replace(/i/g, '\u0130');
    out.push(`${s}.`);
  }
  return out;
}

const decideAll = (sentences: string[]) => {
  const decisions = sentences.map((s) => gradeDecisions(s));
  const found = findGrades(prepareText({ title: '', blocks: sentences }).sentences);
  return { decisions, found: found.map(({ sentence, ...g }) => ({ ...g, sentence: sentence.text })) };
};

function sameWithAndWithoutNeeds(sentences: string[]) {
  setRuleNeeds('off');
  const every = decideAll(sentences);
  setRuleNeeds('always');
  expect(decideAll(sentences)).toEqual(every);
  // As on a page: the words looked up for the first sentences only, then the patterns just run.
  setRuleNeeds('cold');
  expect(decideAll(sentences)).toEqual(every);
}

describe('grade rules: the shared word look-up changes no decision', () => {
  afterEach(() => setRuleNeeds('cold'));

  test('the rules’ own examples', () => sameWithAndWithoutNeeds(examples));

  test('the seed and case articles, sentence by sentence', () => {
    const found = decideAll(articles).found;
    expect(found.length).toBeGreaterThan(50);
    sameWithAndWithoutNeeds(articles);
  });

  test('4,000 random sentences of the rules’ words, in capitals now and then', () =>
    sameWithAndWithoutNeeds(randomSentences(4000, 15)));

  test('a rule whose words are missing is not run, and one whose words are there still decides', () => {
    // 'negated' needs a negation: without one the grade is a judgement, with one it is refused.
    expect(gradeDecisions('Sefton has yet been judged inadequate.')[0].rule).toBe('rating verb');
    expect(gradeDecisions('Sefton has never been judged inadequate.')[0].refused).toBe('negated');
    expect(gradeDecisions('SEFTON HAS NEVER BEEN JUDGED INADEQUATE.')[0].refused).toBe('negated');
    // An area is read only from a sentence that names one.
    const [g] = findGrades(prepareText({ title: '', blocks: ['Adoption services were judged good.'] }).sentences);
    expect(g.area).toBe('adoption');
    const [h] = findGrades(prepareText({ title: '', blocks: ['Children’s services were judged good.'] }).sentences);
    expect(h.area).toBeUndefined();
  });
});

describe('cutting a clause without splitting', () => {
  const PIECES = [
    'but',
    ' but ',
    ', but ',
    ',  and ',
    ', while',
    'whereas',
    ';',
    ':',
    '.',
    '—',
    '–',
    '\n',
    ',',
    'x',
    ' ',
    'Rated',
    'rated',
  ];
  const rnd = mulberry32(7);
  const strings = Array.from({ length: 2000 }, () =>
    Array.from({ length: Math.floor(rnd() * 12) }, () => PIECES[Math.floor(rnd() * PIECES.length)]).join(''),
  );
  const seps = [
    /[.;:!?]|,\s+(?:but|while|whereas)\b|\bbut\b/,
    /[,;:—–]/,
    /[;]|,\s+(?:but|while|whereas|and)\b/,
    /[,;]|\b(?:and|but)\b/,
    /\b(?:rated|judged|graded|was|were|is|are|remains?|given|received|get|got|scored)\b/i,
    /[:–—\n]/,
  ];

  test('the text before the first separator is split()[0]', () => {
    for (const sep of seps) for (const s of strings) expect(beforeFirst(s, sep)).toBe(s.split(sep)[0]);
  });

  test('the text after the last separator is split().pop()', () => {
    for (const sep of seps) {
      const global = new RegExp(sep.source, `${sep.flags}g`);
      for (const s of strings) expect(afterLast(s, global)).toBe(s.split(sep).pop());
    }
  });
});

describe('improvement topics: the word look-up changes no topic', () => {
  afterEach(() => setRuleNeeds('cold'));
  const topicWords = TOPICS.flatMap((t) => t.needs).concat(WORDS, ['of', 'the', 'to', 'Care', 'LEAVERS', 'Plans']);
  const rnd = mulberry32(21);
  const random = Array.from({ length: 4000 }, () => {
    const n = 2 + Math.floor(rnd() * 14);
    const s = Array.from({ length: n }, () => topicWords[Math.floor(rnd() * topicWords.length)]).join(' ');
    return rnd() < 0.1 ? s.toUpperCase() : s;
  });
  const sentences = [...TOPICS.flatMap((t) => t.examples), ...CUES.flatMap((c) => c.examples), ...articles, ...random];
  const topics = () => sentences.map((s) => topicOf(`${s} `));

  test('every sentence gets the topic it gets with every pattern run', () => {
    setRuleNeeds('off');
    const every = topics();
    setRuleNeeds('always');
    const shared = topics();
    expect(shared).toEqual(every);
    expect(new Set(shared).size).toBeGreaterThan(TOPICS.length);
  });

  test('a topic is still found in capitals, and a sentence with none of the words has none', () => {
    expect(topicOf('CASELOADS ARE TOO HIGH')).toBe('caseloads');
    expect(topicOf('The report was published on Tuesday.')).toBeUndefined();
  });
});

describe('page subjects: the word look-up changes no subject', () => {
  afterEach(() => setRuleNeeds('cold'));
  const cueWords = SUBJECT_CUES.flatMap((c) => [...c.needs, ...c.examples.flatMap((e) => e.split(' '))]).concat(WORDS, [
    'SEND',
    'Wales',
    'Prince of Wales',
    'virtual',
    'CQC',
    'FE',
    'Standard & Poor’s',
    'GP',
    'HMICFRS',
  ]);
  const rnd = mulberry32(33);
  const random = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(rnd() * 12) }, () => cueWords[Math.floor(rnd() * cueWords.length)]).join(' '),
  );
  const texts = [...SUBJECT_CUES.flatMap((c) => [...c.examples, ...c.nearMisses]), ...articles, ...random];
  // The subjects of a text are remembered by text: each side reads its own copy (trailing spaces).
  const subjects = (pad: string) =>
    texts.flatMap((t) => (['title', 'body'] as const).map((zone) => [...subjectsIn(`${t}${pad}`, zone)].sort()));

  test('every text names the subjects it names with every pattern run', () => {
    setRuleNeeds('off');
    const every = subjects(' ');
    setRuleNeeds('always');
    const shared = subjects('  ');
    expect(shared).toEqual(every);
    expect(new Set(shared.flat()).size).toBeGreaterThanOrEqual(10);
  });
});
