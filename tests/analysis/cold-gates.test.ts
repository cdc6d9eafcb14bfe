import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { normalise } from '../../lib/analysis/councils';
import { detectInspectionArticle, PASSING_CUES, splitAtSentenceEnds, weightOf } from '../../lib/analysis/detect';
import { AGAINST, CUES, improvementScore } from '../../lib/analysis/improvements';
import { setRuleNeeds } from '../../lib/analysis/needs';
import { GENERIC_PLURAL, GENERIC_PLURAL_NEEDS } from '../../lib/analysis/outcomes';
import {
  childrensServices,
  endsIntroducing,
  judgementAfter,
  judgingBefore,
  leadThenPhrase,
  listIntro,
  lowerLettersOf,
  type Matcher,
  opensWithQuote,
  opensWithTypedBullet,
  presentTenseBefore,
} from '../../lib/analysis/scan';
import { documentFromPlainText, prepareText } from '../../lib/analysis/text';
import { GRADE_WORDS, gradeOfWords } from '../../lib/data/grades';
import { mulberry32 } from '../support/fuzz';
import { ungatedScore } from '../support/ungated-score';

// A page's first analysis compiles every pattern it runs (V8 compiles a pattern on its first
// runs), so the gates in front of the patterns decide much of a typical article's cost: a
// cue's longer triggers (read from a word's start) and a passing cue's words (looked up in the
// title's and lead's lower-case copies). A gate may spare a pattern, never change a decision.

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const docs = ['seeds', 'cases'].flatMap((dir) =>
  fs
    .readdirSync(path.join(fixtures, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => documentFromPlainText(fs.readFileSync(path.join(fixtures, dir, f), 'utf8'))),
);

/** Random texts of `words`, now and then in capitals or with the Kelvin sign and a dotted capital I. */
function randomTexts(words: string[], n: number, seed: number, longest = 24): string[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const len = 2 + Math.floor(rnd() * longest);
    let s = Array.from({ length: len }, () => words[Math.floor(rnd() * words.length)]).join(' ');
    const r = rnd();
    if (r < 0.1) s = s.toUpperCase();
    else if (r < 0.15) s = s.replace(/k/g, '\u212a').replace(/i/g, '\u0130');
    else if (r < 0.2) s = s.replace(/ /g, '  ');
    return `${s}.`;
  });
}

/** Checks a reading against the pattern it replaces on `texts`: the same answer on each, and both answers often. */
function expectSameAnswers(reading: (t: string) => boolean, before: RegExp, texts: string[], often: number): void {
  let matched = 0;
  for (const t of texts) {
    const a = reading(t);
    expect([t, a]).toEqual([t, before.test(t)]);
    if (a) matched++;
  }
  expect(matched).toBeGreaterThan(often);
  expect(matched).toBeLessThan(texts.length - often);
}

describe('improvement cues: the longer triggers change no score', () => {
  // The cues' own words, their triggers cut into words, and the words around them.
  const words = [...CUES, ...AGAINST]
    .flatMap((c) => [...c.examples, ...c.triggers].flatMap((e) => e.split(' ')))
    .concat(
      'the council children plans were not is are could can more need needs needed there should must in too many still only early stages concern concerns concerned raised made progress improvement improvements has have been would benefit scope for to'.split(
        ' ',
      ),
    )
    .filter(Boolean);

  test('6,000 random sentences of the cues’ words score as with every pattern run', () => {
    const sentences = randomTexts(words, 6000, 151);
    let scored = 0;
    for (const s of sentences) {
      const gated = improvementScore(s);
      expect([s, gated]).toEqual([s, ungatedScore(s)]);
      if (gated !== 0) scored++;
    }
    // The sentences reach the cues: a good share of them is scored.
    expect(scored).toBeGreaterThan(1000);
  });

  test('every sentence of the seed and case articles scores as with every pattern run', () => {
    const sentences = docs.flatMap((d) => prepareText(d).sentences.map((s) => s.text));
    for (const s of sentences) expect([s, improvementScore(s)]).toEqual([s, ungatedScore(s)]);
  });

  test('a sentence holding a cue’s first word but none of its phrases does not run its pattern', () => {
    const needsTo = CUES.find((c) => c.name === 'needs-to');
    const couldImprove = CUES.find((c) => c.name === 'could-improve');
    if (!needsTo || !couldImprove) throw new Error('cue renamed');
    const a = vi.spyOn(needsTo.pattern, 'test');
    const b = vi.spyOn(couldImprove.pattern, 'test');
    try {
      // "needs" and "can", but not "needs to …" or "can improve …".
      expect(improvementScore('The needs of children can be met; plans are weak and poorly recorded.')).toBe(2);
      expect(a).not.toHaveBeenCalled();
      expect(b).not.toHaveBeenCalled();
      // With the phrases, both run and both count.
      expect(improvementScore('The council needs to act, and plans can be strengthened with weak areas.')).toBe(7);
      expect(a).toHaveBeenCalled();
      expect(b).toHaveBeenCalled();
    } finally {
      a.mockRestore();
      b.mockRestore();
    }
  });
});

describe('passing cues: the word look-up changes no detection', () => {
  afterEach(() => setRuleNeeds('cold'));

  // The cues' phrasings, written out from their patterns (random words alone seldom make one).
  const phrases = [
    'presented with an award',
    'scoops the award',
    'winners',
    'takes over',
    'takes on',
    'appoints',
    'appointment of',
    'appointed as',
    'new interim director',
    'steps down',
    'to step down',
    'resigns',
    'joins as',
    'took up the role',
    'preparing for',
    'ready for',
    'readiness',
    'ahead of its next inspection',
    'mock inspection',
    'was expected later',
    'would be looking',
    'new inspection framework',
    'launched a new',
    'came into force',
    'changes to the way',
    'consultation on',
    'pilots selected',
    'will be assessed',
    'will inspect',
    'to be assessed',
    'proposals to reform',
    'plan to scrap',
    'to overhaul the ratings',
    'reflects on',
    'my team',
    'I believe',
  ];
  const words = PASSING_CUES.flatMap((c) => [...c.needs, ...c.examples, ...c.nearMisses].flatMap((e) => e.split(' ')))
    .concat(phrases, phrases)
    .concat(
      'Ofsted rated Barchester council children’s services inadequate good inspection inspectors found the a new I we my'.split(
        ' ',
      ),
    )
    .filter(Boolean);

  test('whatever a cue matches holds one of its words (examples and 8,000 random texts)', () => {
    const texts = [...PASSING_CUES.flatMap((c) => c.examples), ...randomTexts(words, 8000, 77, 14)];
    let matched = 0;
    for (const t of texts)
      for (const cue of PASSING_CUES)
        if (cue.re.test(t)) {
          matched++;
          const lower = t.toLowerCase();
          expect([cue.label, t, cue.needs.some((w) => lower.includes(w))]).toEqual([cue.label, t, true]);
        }
    expect(matched).toBeGreaterThan(1500);
  });

  test('the seed and case articles, and random titles and leads, are detected as with every pattern run', () => {
    const inputs = [
      ...docs.map((d) => ({ title: d.title, text: [d.title, ...d.blocks].join('\n') })),
      ...randomTexts(words, 600, 78, 10).map((title, i, all) => ({
        title,
        text: `${title}\n${all[(i + 1) % all.length]} ${all[(i + 2) % all.length]}`,
      })),
    ].map((x) => ({ ...x, councilCount: 1, gradeCount: 1 }));
    setRuleNeeds('off');
    const every = inputs.map((x) => detectInspectionArticle(x));
    setRuleNeeds('always');
    expect(inputs.map((x) => detectInspectionArticle(x))).toEqual(every);
    // Some of them read as a passing mention.
    expect(every.filter((d) => d.reasons.some((r) => r.includes(' reads as '))).length).toBeGreaterThan(50);
  });

  test('a title and lead with none of the words run no passing cue', () => {
    const spies = PASSING_CUES.map((c) => vi.spyOn(c.re, 'test'));
    try {
      setRuleNeeds('always');
      const d = detectInspectionArticle({
        title: 'Barchester children’s services rated inadequate by Ofsted',
        text: 'Barchester children’s services rated inadequate by Ofsted\nInspectors found widespread failures in the council’s help for children.',
        councilCount: 1,
        gradeCount: 1,
      });
      expect(d.isInspectionArticle).toBe(true);
      for (const s of spies) expect(s).not.toHaveBeenCalled();
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

describe('a grade word’s grade: one pattern for every row, read as the rows one by one', () => {
  /** The rows tried in turn, each pattern whole: the first that matches names the grade. */
  const reference = (words: string) => {
    const w = words.replace(/\s+/g, ' ').trim();
    for (const row of GRADE_WORDS) if (new RegExp(`^(?:${row.pattern})$`, 'i').test(w)) return row.grade;
    return `other:${w.toLowerCase()}`;
  };
  const pieces = [
    ...GRADE_WORDS.flatMap((r) => r.examples),
    'requires',
    'improvement',
    'to be good',
    'performs',
    'performing',
    'well',
    'poorly',
    'very good',
    ' ',
    '\n',
    'GOOD',
    'Outstanding!',
  ];

  test('every example and 3,000 random runs of grade words get the grade the rows give', () => {
    const rnd = mulberry32(303);
    const words = [
      ...GRADE_WORDS.flatMap((r) => r.examples),
      ...Array.from({ length: 3000 }, () =>
        Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(' '),
      ),
    ];
    const grades = new Set<string>();
    for (const w of words) {
      const g = gradeOfWords(w);
      expect([w, g]).toEqual([w, reference(w)]);
      grades.add(g);
    }
    // Every row's grade is met, and words that are no grade too.
    for (const row of GRADE_WORDS) expect(grades).toContain(row.grade);
    expect([...grades].some((g) => !GRADE_WORDS.some((r) => r.grade === g))).toBe(true);
  });
});

test('a council name’s normalisation, read by character codes, is the two replacements it was', () => {
  const reference = (t: string) =>
    t
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/[-‐‑–]/g, ' ');
  const chars = ['’', '‘', '`', "'", '-', '‐', '‑', '–', '—', 'A', 'b', 'É', '\u0130', '\u212a', ' ', '&', '.', '1'];
  const rnd = mulberry32(404);
  const texts = ['', 'Stockton-on-Tees', 'King’s Lynn', 'Bath & North East Somerset'].concat(
    Array.from({ length: 3000 }, () =>
      Array.from({ length: Math.floor(rnd() * 12) }, () => chars[Math.floor(rnd() * chars.length)]).join(''),
    ),
  );
  for (const t of texts) expect([t, normalise(t)]).toEqual([t, reference(t)]);
});

describe('detection’s own readings by character codes are the patterns they were', () => {
  const rnd = mulberry32(505);
  const randomOf = (pieces: string[], n: number, longest: number) =>
    Array.from({ length: n }, () =>
      Array.from({ length: Math.floor(rnd() * longest) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''),
    );

  test('the lead split at sentence ends and line breaks (4,000 random texts and the articles’ leads)', () => {
    const pieces = [
      '.',
      '!',
      '?',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\t',
      '\u00a0',
      '\u2028',
      '\r',
      'a',
      'Ofsted',
      'x.y',
      '…',
      ';',
    ];
    const texts = [
      '',
      ...randomOf(pieces, 4000, 14),
      ...docs.map((d) => [d.title, ...d.blocks].join('\n').slice(0, 900)),
    ];
    let pieceCount = 0;
    for (const t of texts) {
      const parts = splitAtSentenceEnds(t);
      expect([t, parts]).toEqual([t, t.split(/(?<=[.!?])\s+|\n+/)]);
      pieceCount += parts.length;
    }
    expect(pieceCount).toBeGreaterThan(texts.length * 2);
  });

  test('a reason’s weight: the signed number ending it, else 0', () => {
    const pieces = ['+', '-', '1', '2.5', '.', '0', ' ', 'x', '×', ':'];
    const reasons = [
      'subject: title names children’s services +2.5',
      'outcome: no inspection or visit is reported -3',
      'subject: names no council 0',
      '',
      ...randomOf(pieces, 4000, 8),
    ];
    const reference = (r: string) => Number(/[-+][\d.]+$/.exec(r)?.[0] ?? 0);
    for (const r of reasons) expect([r, weightOf(r)]).toEqual([r, reference(r)]);
    expect(weightOf('subject: title names children’s services +2.5')).toBe(2.5);
    expect(weightOf('outcome: no inspection or visit is reported -3')).toBe(-3);
  });
});

describe('a sentence’s small readings by character codes are the patterns they replace', () => {
  const pieces = [
    ' ',
    '\u00a0',
    '\n',
    '\t',
    '•',
    '·',
    '▪',
    '◦',
    '‣',
    '-',
    ':',
    '?',
    '"',
    "'",
    '“',
    '‘',
    '”',
    '’',
    'a',
    'Z',
    'é',
    '1',
    '.',
    'grade',
  ];
  const rnd = mulberry32(606);
  const texts = [
    '',
    '·  The plan was weak.',
    'What needs to improve:',
    'Is it good?”',
    ...docs.flatMap((d) => [d.title, ...d.blocks]),
    ...Array.from({ length: 6000 }, () =>
      Array.from({ length: Math.floor(rnd() * 9) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''),
    ),
  ];
  const cases: [string, (t: string) => unknown, (t: string) => unknown][] = [
    ['/^\\s*[•·▪◦‣]\\s/', opensWithTypedBullet, (t) => /^\s*[•·▪◦‣]\s/.test(t)],
    ['/^["\'“‘]/', opensWithQuote, (t) => /^["'“‘]/.test(t)],
    ['/[:?]["\'”’]?\\s*$/', endsIntroducing, (t) => /[:?]["'”’]?\s*$/.test(t)],
    ['/[^a-z]/g removed', lowerLettersOf, (t) => t.replace(/[^a-z]/g, '')],
  ];
  test.each(cases)('%s', (_name, scan, pattern) => {
    const answers = new Set<unknown>();
    for (const t of texts) {
      const a = scan(t);
      expect([t, a]).toEqual([t, pattern(t)]);
      answers.add(a);
    }
    expect(answers.size).toBeGreaterThan(1);
  });
});

describe('improvement cues read as a lead and a phrase are the patterns they were', () => {
  // The patterns as they would be written (a long alternation of words compiled slowly).
  const before: Record<string, RegExp> = {
    'must-or-should':
      /\b(?:must|should)(?: also| still| now| urgently)? (?:be|have|ensure|improve|make|take|address|develop|strengthen|consider|review|increase|reduce|focus|act|do|work|continue|establish|prioriti[sz]e|tackle|provide|put)\b/i,
    'do-not-do':
      /\b(?:do|does|did|are|is|were|was|have|has) not (?:always |consistently |routinely |fully |properly |carefully |all |clearly )?(?:have|provide|receive|get|understand|know|evaluate|consider|record|review|visit|see|meet|reflect|address|protect|respond|take|keep|reduce|benefit|ensure|include|know|achieve|attend|analyse|analyze|assess|set out|show|capture|demonstrate|explain|held|shared|linked|completed|offered|updated|followed|considered|assessed|addressed|understood|explored|recorded|reviewed|met)\b/i,
    'not-good-enough':
      /\b(?:not|never) (?:always |yet |consistently |sufficiently |been |being |as |fully |routinely |well |effectively |used |applied |working |kept )*(?:robust|robustly|consistent|effective|effectively|timely|sufficient|strong enough|good enough|clear|specified|completed|given sufficient|given enough|sustained|understood|addressed|embedded|followed|recorded|considered|reviewed|updated|prioriti[sz]ed|improv\w*|met|visited|seen|challenged|escalated|focused|specific|swift|quick|actioned|implemented|up-to-date|acted (?:on|upon)|up to date)\b/i,
    'not-served':
      /\b(?:are|is|were|was|been) not (?:being |always |yet |currently )?(?:safeguarded|protected|supported|getting|heard|listened to|appropriate|appro|at the (?:centre|center|heart))\b|\bnot as (?:responsive|effective|timely|strong|robust)\b/i,
  };
  // Texts built around each pattern's shape: noise, a lead (or a near miss), an in-between word or
  // not, a phrase (or a near miss), a run-on or a stop; in capitals, with odd spaces, now and then.
  const phrasesOf = (re: RegExp) =>
    re.source
      .replace(/\\b|\(\?:|\)|\?|\|/g, ' ')
      .split(/\s+/)
      .filter((w) => /^[a-z]+$/.test(w));
  const shapes: [string[], string[], string[]][] = [
    [
      ['must', 'should', 'Must', 'mus', 'musts', 'xmust', 'should also', 'must-'],
      ['also', 'still', 'now', 'urgently', 'Now', 'then'],
      [...phrasesOf(before['must-or-should']), 'prioritise', 'prioritize', 'prioritiSe', 'prioritie'],
    ],
    [
      [
        'do not',
        'does not',
        'did not',
        'are not',
        'is not',
        'were not',
        'was not',
        'have not',
        'has not',
        'not',
        'this not',
        'Do Not',
        'do  not',
      ],
      ['always', 'consistently', 'routinely', 'fully', 'properly', 'carefully', 'all', 'clearly', 'often'],
      phrasesOf(before['do-not-do']),
    ],
    [
      ['are not', 'is not', 'were not', 'was not', 'been not', 'not as', 'not', 'Not As', 'been'],
      ['being', 'always', 'yet', 'currently', 'now'],
      [
        ...phrasesOf(before['not-served']),
        'listened to',
        'at the centre',
        'at the center',
        'at the heart',
        'at the',
        'listened',
        'appropriately',
      ],
    ],
    [
      ['not', 'never', 'Never', 'NOT', 'knot', 'not-', 'nota', 'not  '],
      'always yet consistently sufficiently been being as fully routinely well effectively often Always'.split(' '),
      [
        ...phrasesOf(before['not-good-enough']),
        ...'prioritised prioritized prioritiSed improve improving improv impro Improvements strong good given acted'.split(
          ' ',
        ),
        ...['strong enough', 'good enough', 'given sufficient', 'given enough', 'acted on', 'acted upon', 'acted  on'],
      ],
    ],
  ];
  const rnd = mulberry32(707);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const noise = 'the council children plans not be have and x 2 _'.split(' ');
  const ends = ['', '', '', 's', '_', '2', 'ly', 'ed', ',', '.', ';', '-'];
  const texts = [
    ...Array.from({ length: 16000 }, () => {
      const [leads, mids, phrases] = pick(shapes);
      const parts: string[] = [];
      for (let n = Math.floor(rnd() * 3); n > 0; n--) parts.push(pick(noise));
      parts.push(pick(leads));
      if (rnd() < 0.4) parts.push(pick(mids));
      if (rnd() < 0.1) parts.push(pick(mids));
      parts.push(pick(phrases) + pick(ends));
      for (let n = Math.floor(rnd() * 3); n > 0; n--) parts.push(pick(noise));
      let t = parts.join(' ');
      const r = rnd();
      if (r < 0.1) t = t.toUpperCase();
      else if (r < 0.15) t = t.replace(/k/g, '\u212a').replace(/i/g, '\u0130');
      else if (r < 0.2) t = t.replace(/ /g, rnd() < 0.5 ? '  ' : '\u00a0');
      else if (r < 0.25) t = t.replace(/ /g, () => (rnd() < 0.3 ? '' : ' '));
      return t;
    }),
    ...docs.flatMap((d) => prepareText(d).sentences.map((s) => s.text)),
  ];
  const cue = (name: string) => CUES.find((c) => c.name === name)?.pattern as Matcher;

  test.each(Object.keys(before))(
    '%s: the same answer on 16,000 random texts and every seed and case sentence',
    (name) => {
      expectSameAnswers((t) => cue(name).test(t), before[name], texts, 300);
    },
  );

  test('the texts catch a wrong reading: a phrase or an in-between word left out, or no word end checked', () => {
    // The right reading's words (as the cue gives them), then three readings each wrong in one way.
    const verbs = [
      'be',
      'have',
      'ensure',
      'improve',
      'make',
      'take',
      'address',
      'develop',
      'strengthen',
      'consider',
      'review',
      'increase',
      'reduce',
      'focus',
      'act',
      'do',
      'work',
      'continue',
      'establish',
      'prioritise',
      'prioritize',
      'tackle',
      'provide',
      'put',
    ];
    const between = ['also ', 'still ', 'now ', 'urgently '];
    const wrong = [
      leadThenPhrase(/\b(?:must|should) /gi, between.slice(0, 3), verbs), // an in-between word left out
      leadThenPhrase(
        /\b(?:must|should) /gi,
        between,
        verbs.filter((w) => w !== 'prioritize'),
      ), // a phrase left out
      leadThenPhrase(/(?:must|should) /gi, between, verbs), // no word start checked
    ];
    const wrongWordEnd: Matcher = {
      test: (t) => /\b(?:must|should)(?: also| still| now| urgently)? (?:be|have|act)/i.test(t),
    };
    for (const [i, m] of [...wrong, wrongWordEnd].entries())
      expect([i, texts.some((t) => m.test(t) !== before['must-or-should'].test(t))]).toEqual([i, true]);
  });
});

test('a grade given in the present tense, read by character codes, is the pattern it was (20,000 texts)', () => {
  const before =
    /\b(?:(?:has|have)\s+(?:now\s+|again\s+|also\s+|just\s+)?(?:been\s+)?(?:rated|judged|graded|awarded|given|received|achieved|secured|earned|retained|kept|maintained)|(?:is|are)\s+(?:now\s+|still\s+)?(?:rated|judged|graded))\b[^.;]*$/i;
  const rnd = mulberry32(909);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const leads = ['has', 'have', 'is', 'are', 'Has', 'HAVE', 'this', 'hasn', 'xis', 'was', 'had'];
  const middles = ['now', 'again', 'also', 'just', 'still', 'been', 'Been', 'now been', 'still been', 'nowbeen', 'not'];
  const verbs =
    'rated judged graded awarded given received achieved secured earned retained kept maintained found ratedly rate'.split(
      ' ',
    );
  const spaces = [' ', ' ', ' ', '  ', '\u00a0', '\n', '\t', '\u2003', ''];
  const tails = ['', '', ' good', ' inadequate by Ofsted', '.', '; and', ' again.', '_x', 's', '2', ', it said'];
  const texts = Array.from({ length: 20000 }, () => {
    let t = rnd() < 0.3 ? pick(['The council ', 'It. ', 'Services; ', 'In 2019 the service ', '']) : '';
    t += pick(leads);
    for (let n = Math.floor(rnd() * 3); n > 0; n--) t += pick(spaces) + pick(middles);
    t += pick(spaces) + pick(verbs) + pick(tails);
    if (rnd() < 0.1) t = t.toUpperCase();
    if (rnd() < 0.05) t = t.replace(/k/g, '\u212a');
    return t;
  }).concat(docs.flatMap((d) => prepareText(d).sentences.map((s) => s.text)));
  expectSameAnswers(presentTenseBefore, before, texts, 1000);
});

test('a judging verb or phrase before a grade word, read from the end by look-ups, is the pattern it was', () => {
  const before =
    /\b(?:rated|rates|rate|re-rated|ranked|judged by (?:ofsted|inspectors)(?: to be| as)?|rated by (?:ofsted|inspectors)(?: as)?|found|rating(?:s)?(?: of| as)?|judged|judgement(?: of)?|judgment(?: of)?|graded|grade of|deemed|assessed as|found to be|declared|branded|labelled|described as|classed as|classified as|awarded|given|gave|received|receives|receiving|gained|achieved|achieves|achieving|earned|earns|secured|scored|scores|scooped|got|gets|get|retained|retains|retain|kept|keeps|maintained|maintains|regained|lost|loses|shed|sheds|losing|dropped(?: back)? to|drops to|fell to|falls to|slipped to|slips to|plunged to|slump to|drop to|fall to|slip to|plunge to|sink to|tumble to|climb to|rise to|slumped to|slumps to|plummeted to|sank to|slid to|tumbled to|crashed to|downgraded(?: from)?(?: to)?|upgraded(?: from)?(?: to)?|uplifted(?: from)?(?: to)?|improved(?: from)?(?: to)?|improves? to|improving to|moved(?: up| out)?(?: from)?(?: to)?|rose to|risen to|raised to|lifted to|jumped to|climbed to|returned to|went to|go(?:ne)? to|up to|back to|as|from|exits?|exited|exiting|escaped?|escapes|escaping|leaves|left|leaving|out of|emerged from|emerges from|ditch(?:es|ed)?|shook off|shakes off|no longer)(?:\s+(?:an?|the|its|their|his|her|overall|as|to be|be|been|being|again|also|all|both|still|now|previously|only|currently|officially|once|judged|rated|graded|consistently|securely|solidly|straight|merely|just|at least|the lowest|the highest|a much-coveted|much-coveted))*\s*$/i;
  // The pattern's own words (so its phrases, cut and joined), near misses, and the text before
  // every word of the seed and case articles.
  const words = [
    ...new Set(before.source.match(/[a-z-]+/g) ?? []),
    'Rated',
    'JUDGED',
    'ofsted',
    'x',
    'ratedx',
    '_rated',
    '2',
    'much',
    'coveted',
    'lowest',
    'least',
    'goo',
    'to',
    'be',
    'by',
  ].filter((w) => w !== 's' && w !== 'b');
  const rnd = mulberry32(1010);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const spaces = [' ', ' ', ' ', ' ', '  ', '\n', '\u00a0', '', '-', '.'];
  const texts = Array.from({ length: 20000 }, () => {
    let t = rnd() < 0.5 ? pick(['The council was ', 'It ', '', 'Services. ']) : '';
    for (let n = 1 + Math.floor(rnd() * 5); n > 0; n--) t += pick(words) + (n > 1 ? pick(spaces) : '');
    t += pick(['', '', ' ', '  ', '\t', ' x', '.']);
    if (rnd() < 0.1) t = t.toUpperCase();
    if (rnd() < 0.05) t = t.replace(/k/g, '\u212a').replace(/s/g, '\u017f');
    return t;
  });
  for (const d of docs)
    for (const { text } of prepareText(d).sentences)
      for (const m of text.matchAll(/\s\S/g)) texts.push(text.slice(Math.max(0, m.index - 110), m.index + 1));
  expectSameAnswers(judgingBefore, before, texts, 2000);
});

test("an improvement list's introduction, read from a lead by character codes, is the pattern it was (16,000 texts)", () => {
  const before =
    /\b(?:what (?:needs|need) to improve|(?:needs?|needed) to improve|areas? (?:for|of) (?:improvement|priority action|development|further improvement|further development)|areas? requiring (?:further )?improvement|areas? (?:where|in which)\b[^.!?:]{0,60}\b(?:improve|improvement|stronger|better|develop|strengthen|strengthened)|recommendations?|priority actions?|should (?:(?:urgently |also |further |now )?improve|ensure|address)|must (?:(?:urgently |also |further |now )?improve|address)|weaknesses|what (?:the council|the local authority|leaders|the authority) (?:needs|need|should|must)|what (?:does|do|should|must) (?:the )?(?:council|local authority|authority|leaders|lscb|partners|board)\b[^.!?]{0,30}\b(?:need|improve)|(?:further |more )?work (?:needs|is needed|is required)|(?:needs?|needed) to be (?:done|addressed|improved)|want(?:s|ed)? (?:the )?(?:council|local authority|authority|partners|partnership|trust|leaders|borough|county) to(?: (?:improve|make sure|ensure|address|do)(?: that)?)?(?=\s*[:?]))\b[^.!?]*[:?]?\s*$/i;
  // The pattern's own words (so its phrases, cut and joined), near misses, stops and their ends.
  const words = [
    ...new Set(before.source.match(/[a-z]+/g) ?? []),
    'What',
    'NEEDS',
    'Areas',
    'recommendationsx',
    'weakness',
    'needed',
    'improvements',
    'x',
    '_need',
    '2',
    'the',
    'we',
  ].filter((w) => w.length > 1 || w === 'x');
  // Whole phrases of each alternative, the window's among them ("what does the council need").
  const phrases = [
    'what needs to improve',
    'what need to improve',
    'need to improve',
    'needs to be done',
    'need to be improved',
    'needs to be addressed',
    'area for improvement',
    'areas of priority action',
    'areas for development',
    'area requiring improvement',
    'recommendation',
    'priority actions',
    'should ensure',
    'must address',
    'what the local authority must',
    'what the council needs',
    'What the council should',
    'what leaders need',
    'what the authority should',
    'what does the council need',
    'what do leaders and partners in the area improve',
    'what must the lscb do to ensure practice and need',
    'what should board need',
    'further work needs',
    'more work is required',
    'work is needed',
    'wants the council to:',
    'want the partners to make sure that:',
    'wanted the local authority to improve :',
    'Ofsted wants the trust to ensure',
    'wanted the council to know:',
    'What does Ofsted want the council to do?',
  ];
  const rnd = mulberry32(1111);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const spaces = [' ', ' ', ' ', ' ', ' ', '  ', '\n', '\u00a0', '', '-', '.', '!', '?', ':', ','];
  const texts = Array.from({ length: 16000 }, () => {
    let t = rnd() < 0.3 ? pick(['Ofsted. ', 'Why? ', 'Next steps: ', 'Wow! ', '']) : '';
    for (let n = 1 + Math.floor(rnd() * 6); n > 0; n--)
      t += (rnd() < 0.2 ? pick(phrases) : pick(words)) + (n > 1 ? pick(spaces) : '');
    t += pick(['', '', ':', '?', ' ?', '? ', ':\n', '.', '!', '?:', '??', ' x', ' \u2003']);
    if (rnd() < 0.1) t = t.toUpperCase();
    if (rnd() < 0.05) t = t.replace(/k/g, '\u212a').replace(/s/g, '\u017f');
    return t;
  });
  for (const d of docs) {
    for (const b of d.blocks) texts.push(b, b.trim());
    for (const { text } of prepareText(d).sentences) texts.push(text);
  }
  expectSameAnswers(listIntro, before, texts, 1500);
});

/** Random texts of `pieces` joined by `joins`, now and then in capitals, with the Kelvin sign or a long s, or odd spaces. */
function piecedTexts(pieces: string[], joins: string[], n: number, seed: number, longest: number): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  return Array.from({ length: n }, () => {
    let t = '';
    for (let k = 1 + Math.floor(rnd() * longest); k > 0; k--) t += pick(pieces) + (k > 1 ? pick(joins) : '');
    const r = rnd();
    if (r < 0.1) t = t.toUpperCase();
    else if (r < 0.15) t = t.replace(/k/g, '\u212a').replace(/s/g, '\u017f');
    else if (r < 0.2) t = t.replace(/ /g, '\u00a0');
    return t;
  });
}

/** Every title, block and sentence of the seed and case articles. */
const articleTexts = docs.flatMap((d) => [d.title, ...d.blocks, ...prepareText(d).sentences.map((s) => s.text)]);

test("detection's children's services, read from a lead by character codes, is the pattern it was (20,000 texts)", () => {
  const before =
    /\bchildren['’]?s? (?:social )?(?:services?|social care|social work|services department)\b|\bchild protection(?: services?| arrangements)?\b|\bservices for (?:vulnerable )?children\b|\bsafeguarding (?:services|arrangements|children)\b|\bsocial care services\b/i;
  // The pattern's words, cut and joined, its leads and phrases whole, and near misses.
  const pieces = [
    ...new Set(before.source.match(/[a-z]+/g) ?? []),
    "children's",
    'children’s',
    "children'",
    'childrens',
    'Children’S',
    'childrens’',
    'child protection',
    'social care services',
    'services for',
    'services for vulnerable',
    'social services',
    'social care',
    'social work',
    'services department',
    'service',
    'safeguarding services',
    'safeguarding arrangements',
    'safeguarding children',
    'safeguarding arrangementsx',
    'safeguarding servicesx',
    'children’s service',
    'children service_',
    'childrenx',
    'xchildren',
    '_safeguarding',
    'servicesx',
    'service2',
    'the',
    'x',
  ].filter((w) => w.length > 1 || w === 'x');
  const texts = piecedTexts(pieces, [' ', ' ', ' ', ' ', '  ', '', '-', '.', "'", '’', '\n'], 20000, 1212, 5).concat(
    articleTexts,
  );
  expectSameAnswers((t) => childrensServices.test(t), before, texts, 2000);
});

test('what after a grade word makes it a judgement, read from the start by character codes, is the pattern it was (24,000 texts)', () => {
  const before =
    /^['’"”]?\s*(?:overall\b|(?:ofsted\s+|inspection\s+)?(?:rating|ratings|grade|grades|grading|judgement|judgment|judgements|judgments|verdict|label|status|mark|score)\b|by ofsted|from ofsted|from inspectors|by inspectors|(?:in|at|following|after|during) (?:its|their|the|a|an|this|that|last|latest|recent|previous|most recent)?\s*(?:\w+ ){0,3}(?:inspection|re-inspection|ilacs))/i;
  const pieces = [
    ...new Set(before.source.match(/[a-z-]+/g) ?? []),
    'most recent',
    'by ofsted',
    'from inspectors',
    'in its last',
    'at the',
    'in theory',
    'in most recent',
    'during recent',
    'following latest',
    'x y z',
    'a b',
    'recentinspection',
    'ainspection',
    'x y z inspection',
    'most recentre-inspection',
    'inspections',
    'ratingx',
    'overall_',
    'Ofsted',
    'OVERALL',
    'ofstedx',
    '2019',
    'x',
    'the',
    'council',
  ].filter((w) => w.length > 1 || w === 'a' || w === 'x');
  const rnd = mulberry32(1414);
  const opens = ['', '', '', ' ', "'", '’', '"', '”', '‘', "' ", '’  ', '\n', '\u00a0', ',', '.'];
  const texts = piecedTexts(pieces, [' ', ' ', ' ', ' ', '  ', '', '\n', '\u00a0', '-', ','], 24000, 1415, 5)
    .map((t) => opens[Math.floor(rnd() * opens.length)] + t)
    .concat(articleTexts.flatMap((t) => [...t.matchAll(/[\s’'"”]/g)].map((m) => t.slice(m.index, m.index + 70))));
  expectSameAnswers(judgementAfter, before, texts, 3000);
});

test("whatever the outcomes' councils-in-general pattern matches holds one of its words (24,000 texts)", () => {
  // The pattern's words, cut and joined, its phrases whole, numbers and near misses.
  const pieces = [
    ...new Set(GENERIC_PLURAL.source.match(/[a-z]+/g) ?? []),
    'local authorities',
    'one in',
    'per cent',
    'number of',
    '%',
    '5%',
    '10',
    'x3',
    "council's",
    'rock-bottom',
    'COUNCILS',
    'Boroughs',
    'councilsx',
    'the',
    'x',
  ].filter((w) => w.length > 1 || w === 'x' || w === '%');
  const joins = [' ', ' ', ' ', ' ', '  ', '\n', '\u00a0', '', '.', ',', '-', '’', '%'];
  const texts = piecedTexts(pieces, joins, 24000, 1313, 6).concat(articleTexts);
  let matched = 0;
  for (const t of texts)
    if (GENERIC_PLURAL.test(t)) {
      matched++;
      const lower = t.toLowerCase();
      expect([t, GENERIC_PLURAL_NEEDS.some((w) => lower.includes(w))]).toEqual([t, true]);
    }
  expect(matched).toBeGreaterThan(1500);
});

test('a grade sentence without those words does not run the pattern; one with them does', () => {
  const spy = vi.spyOn(GENERIC_PLURAL, 'test');
  try {
    setRuleNeeds('always');
    const a = analyzeDocument({
      title: 'Ofsted',
      blocks: ['Hackney was rated inadequate by Ofsted, and Sefton was rated good.'],
    });
    expect(a.grades.length).toBe(2);
    expect(spy).not.toHaveBeenCalled();
    const b = analyzeDocument({
      title: 'Ofsted',
      blocks: ['Hackney and two other councils were rated inadequate by Ofsted.'],
    });
    expect(b.grades.length).toBe(1);
    expect(spy).toHaveBeenCalled();
  } finally {
    spy.mockRestore();
    setRuleNeeds('cold');
  }
});
