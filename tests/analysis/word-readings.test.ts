import { describe, expect, test } from 'vitest';
import {
  COMPILED_READINGS,
  currentCueIn,
  gradeWordsIn,
  opensWithGoodProseNoun,
  readCurrentCue,
  readGradeWords,
  readListIntroLead,
  readOutcome,
  reportsOutcome,
} from '../../lib/analysis/scan';
import { GRADE_WORDS, gradeOfWords, gradeWordsRegExp } from '../../lib/data/grades';
import { mulberry32 } from '../support/fuzz';
import { lines, sentences } from '../support/texts';

// Patterns of whole words that match on most inspection articles (so no gate could spare their
// compile in a new tab) are read word by word for a page's first runs (the compiled pattern is
// faster past a few hundred): the grade words (every sentence), the time cues that mark a grade as
// current, the outcome verbs of detection, the leads of an improvement list's introduction and
// the nouns that make "good" ordinary prose. Each reading is
// checked here against its pattern, kept in full, on examples, every line and sentence of the
// fixtures and of the corpus (when present) and generated texts (any case, the Kelvin sign, dotted
// capital I and long s, curly quotes, digits and underscores at word ends, odd spaces).

const GLUE = [
  ' ',
  ' ',
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  '-',
  '’s ',
  "'s ",
  '  ',
  '_',
  '1 ',
  '\u00a0',
  '\t',
  ' ‘',
  '’ ',
  '"',
  '',
];

/**
 * Checks a reading against its pattern input by input (the same answer for each) and that the
 * pattern found something at least `often` times in all (inputs it never matches would prove
 * nothing). What an answer found: the matches it lists, or one when it is a match at all.
 */
function sameAnswers<T>(byPattern: (s: string) => T, byReading: (s: string) => T) {
  return (inputs: string[], often: number) => {
    let found = 0;
    for (const s of inputs) {
      const want = byPattern(s);
      expect([s, byReading(s)]).toEqual([s, want]);
      found += Array.isArray(want) ? want.length : want ? 1 : 0;
    }
    expect(found).toBeGreaterThanOrEqual(often);
  };
}

/** Random texts from `words`, joined by spaces, punctuation and look-alikes, in any case. */
function generated(words: string[], n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: n }, () => {
    const len = 1 + Math.floor(rnd() * 10);
    let s = '';
    for (let i = 0; i < len; i++) s += (i ? pick(GLUE) : '') + pick(words);
    const r = rnd();
    if (r < 0.1) s = s.toUpperCase();
    else if (r < 0.15) s = s.replace(/k/g, '\u212a').replace(/i/g, '\u0130');
    else if (r < 0.2) s = s.replace(/s/g, '\u017f');
    else if (r < 0.25) s = s.replace(/^./, (c) => c.toUpperCase());
    else if (r < 0.3) s = s.replace(/e/g, 'é');
    return rnd() < 0.5 ? s : `${s}.`;
  });
}

/** The words of a pattern's source (runs of ASCII letters), cut and grown a little, and a few from around it. */
const wordsOf = (source: string) => {
  const ws: string[] = source.match(/[A-Za-z]+/g) ?? [];
  return [
    ...new Set(
      ws
        .concat(ws.map((w) => `${w}s`))
        .concat(ws.map((w) => w.slice(0, -1)))
        .concat('the council children services was is our and in to be of a by Ofsted rated improvement'.split(' ')),
    ),
  ];
};

describe('grade words: read word by word as gradeWordsRegExp() finds them', () => {
  const re = gradeWordsRegExp();
  const byPattern = (s: string) => {
    const out: string[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) out.push(`${m.index}-${m.index + m[0].length} ${gradeOfWords(m[0])}`);
    return out;
  };
  const byReading = (s: string) => {
    return readGradeWords(s).map((m) => `${m.start}-${m.end} ${GRADE_WORDS[m.row].grade}`);
  };
  const expectSame = sameAnswers(byPattern, byReading);

  test('the examples of every row, and words that are not grades', () => {
    const examples = GRADE_WORDS.flatMap((w) => w.examples);
    expect(byReading('Kent requires improvement to be good; Luton REQUIRING IMPROVEMENT to be goods.')).toEqual([
      '5-36 requires improvement',
      '44-65 requires improvement',
    ]);
    expect(byReading('goodness, good_, goods, 2good, performs  well, perform well')).toEqual(['47-59 other:well']);
    expect(byReading('\u212aent was g\u017fod, an outstanding1 result')).toEqual([]);
    expectSame([...examples, ...examples.map((e) => `It was ${e}.`)], examples.length * 2);
  });

  test('every line and sentence of the fixtures and corpus', () => {
    expectSame(lines, 200);
    expectSame(sentences, 200);
  });

  test('40,000 generated texts', () => {
    const words = wordsOf(re.source).concat(['to be good', 'improvement to be good', 'perform well']);
    expectSame(generated(words, 40_000, 1601), 20_000);
  });
});

describe('current-time cues: read word by word as the pattern found them', () => {
  const before =
    /\b(?:latest|most recent|new|now|this (?:week|month|year)|today|yesterday|still|remains?|remained|maintained|retained|kept|published|first time|once again)\b/i;
  const expectSame = sameAnswers((s: string) => before.exec(s)?.[0] ?? null, readCurrentCue);

  test('the pattern long pages switch to is this one', () => {
    expect(COMPILED_READINGS.currentCue).toEqual(before);
  });

  test('examples', () => {
    expect(readCurrentCue('It was rated good, and remains GOOD')).toBe('remains');
    expect(readCurrentCue('this  week, thisweek, This Month')).toBe('This Month');
    expect(readCurrentCue('renewed, newly, new_, Most recently, most recent')).toBe('most recent');
    expect(readCurrentCue('first timer, once again')).toBe('once again');
    expect(readCurrentCue('\u212aept, ſtill, nowhere')).toBe(null);
    expectSame(['the latest inspection', 'kept', 'yesterday', 'published in 2020', 'for the first time'], 5);
  });

  test('every line and sentence of the fixtures and corpus', () => {
    expectSame(lines, 200);
    expectSame(sentences, 200);
  });

  test('40,000 generated texts', () => {
    expectSame(generated(wordsOf(before.source), 40_000, 1602), 10_000);
  });
});

describe('outcome verbs of detection: read word by word as the pattern tested them', () => {
  const before =
    /\b(?:rated|rates|judged|graded|deemed|ruled|rules|criticis(?:ed|es)|praised|praises|branded|warns|warned|concluded|downgraded|upgraded|slumped|found|finds|inadequate|requires? improvement|(?:say|says|said) (?:inspectors|ofsted)|inspectors (?:say|said|warn|warned))\b/i;
  const expectSame = sameAnswers((s: string) => before.test(s), readOutcome);

  test('the pattern long pages switch to is this one', () => {
    expect(COMPILED_READINGS.outcome).toEqual(before);
  });

  test('examples', () => {
    const yes = [
      'Council rated inadequate',
      'says Ofsted',
      'INSPECTORS WARN',
      'services require improvement',
      'criticises',
    ];
    const no = [
      'rating',
      'say inspector',
      'inspectors  said',
      'found_',
      'requires improvements',
      'OFSTED SAYS',
      'ſlumped',
    ];
    for (const s of yes) expect([s, readOutcome(s)]).toEqual([s, true]);
    for (const s of no) expect([s, readOutcome(s)]).toEqual([s, false]);
    expectSame([...yes, ...no], yes.length);
  });

  test('every line and sentence of the fixtures and corpus', () => {
    expectSame(lines, 200);
    expectSame(sentences, 200);
  });

  test('40,000 generated texts', () => {
    expectSame(generated(wordsOf(before.source), 40_000, 1603), 10_000);
  });
});

describe('"good" in ordinary prose: the noun after it read as the pattern tested it', () => {
  const before =
    /^\s*(?:[-‐]?\s*quality|support|care|enough|faith|news|luck|practice|use|work|progress|example|evidence|reason|idea|start|job|understanding|relationships?|outcomes?|level|standard|deal|morning|afternoon|help|day|responses?|range|mix|grasp|knowledge|communication|links|partnership|value|number|reputation|feedback|access|attendance|service)\b/i;
  const expectSame = sameAnswers((s: string) => before.test(s), opensWithGoodProseNoun);
  /** The text after each "good" (and after each word) of a text: what the rule reads. */
  const afterWords = (ts: string[]) =>
    ts.flatMap((t) => [...t.matchAll(/\b\w+/g)].map((m) => t.slice(m.index + m[0].length)));

  test('examples', () => {
    const yes = [' progress', ' - quality', '\u2010\u00a0Quality', '  SUPPORT.', ' outcomes', ' day', ' relationship,'];
    const no = [
      ' practices',
      ' -support',
      ' - - quality',
      ' quality_',
      ' \u212aeep',
      ' use1',
      ' day-to-day'.slice(4),
      ' the help',
      '',
    ];
    for (const s of yes) expect([s, opensWithGoodProseNoun(s)]).toEqual([s, true]);
    for (const s of no) expect([s, opensWithGoodProseNoun(s)]).toEqual([s, false]);
    expectSame([...yes, ...no], yes.length);
  });

  test('after every word of every line of the fixtures and corpus', () => {
    expectSame(afterWords(lines), 100);
  });

  test('40,000 generated texts', () => {
    const rnd = mulberry32(1604);
    const lead = [' ', '', '  ', ' - ', '-', '\u2010', ' \u2010 ', '\u00a0', '\t', '_', ', ', '—'];
    const texts = generated(wordsOf(before.source), 40_000, 1604).map((t) => lead[Math.floor(rnd() * lead.length)] + t);
    expectSame(texts, 4_000);
  });
});

describe('the leads of an improvement list introduction: read word by word as the pattern found them', () => {
  const before =
    /\b(?:(needs?|needed|areas?|work|should|must|what|wants?|wanted) |(?:recommendations?|recommend(?:ed|s)|priority actions?|weaknesses)\b)/gi;
  /** Every match, scanning on from one character after each (as listIntro did). */
  const byPattern = (s: string) => {
    const out: string[] = [];
    before.lastIndex = 0;
    for (let m = before.exec(s); m; m = before.exec(s)) {
      out.push(`${m.index} ${m[1]?.toLowerCase() ?? ''} ${m.index + m[0].length}`);
      before.lastIndex = m.index + 1;
    }
    return out;
  };
  const byReading = (s: string) => {
    const out: string[] = [];
    for (let m = readListIntroLead(s, 0); m; m = readListIntroLead(s, m.index + 1))
      out.push(`${m.index} ${m.word} ${m.at}`);
    return out;
  };
  const expectSame = sameAnswers(byPattern, byReading);

  test('the pattern long pages switch to is this one (it once lacked "recommended": lists after the 64th call were lost)', () => {
    expect(COMPILED_READINGS.listIntroLead).toEqual(before);
  });

  test('examples', () => {
    expect(byReading('What needs to improve: Priority Actions, recommendation_ needs\tx')).toEqual([
      '0 what 5',
      '5 needs 11',
      '23  39',
    ]);
    expectSame(
      ['Areas for improvement', 'work needs', 'WEAKNESSES', 'priority action1', 'should  ensure', 'Recommendations:'],
      4,
    );
  });

  test('every line and sentence of the fixtures and corpus', () => {
    expectSame(lines, 200);
    expectSame(sentences, 200);
  });

  test('40,000 generated texts', () => {
    expectSame(generated(wordsOf(before.source), 40_000, 1605), 15_000);
  });
});

describe('past their first runs, the readings hand over to their patterns with the same answers', () => {
  test('grade words, current cues and outcomes on 600 sentences', () => {
    const re = gradeWordsRegExp();
    const current =
      /\b(?:latest|most recent|new|now|this (?:week|month|year)|today|yesterday|still|remains?|remained|maintained|retained|kept|published|first time|once again)\b/i;
    const outcome =
      /\b(?:rated|rates|judged|graded|deemed|ruled|rules|criticis(?:ed|es)|praised|praises|branded|warns|warned|concluded|downgraded|upgraded|slumped|found|finds|inadequate|requires? improvement|(?:say|says|said) (?:inspectors|ofsted)|inspectors (?:say|said|warn|warned))\b/i;
    const some = sentences.slice(0, 600);
    expect(some.length).toBe(600);
    for (const s of some) {
      const words: string[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s))
        words.push(`${m.index}-${m.index + m[0].length} ${gradeOfWords(m[0])}`);
      const got = gradeWordsIn(s).map((m) => `${m.start}-${m.end} ${GRADE_WORDS[m.row].grade}`);
      expect([s, got, currentCueIn(s), reportsOutcome(s)]).toEqual([
        s,
        words,
        current.exec(s)?.[0] ?? null,
        outcome.test(s),
      ]);
    }
  });
});
