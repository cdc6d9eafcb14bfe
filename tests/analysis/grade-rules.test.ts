// Every row of the grade rule tables carries its own examples; each example is run here and must be
// decided by that very row (a refusal refuses a word, a judgement rule names the word's rule, a
// time cue makes the grade previous), so a row that stops working fails its own test.
import { describe, expect, test } from 'vitest';
import {
  findGrades,
  gradeDecisions,
  JOINED,
  JUDGEMENT_RULES,
  PREVIOUS_CUES,
  REFUSALS,
} from '../../lib/analysis/grades';
import { prepareText } from '../../lib/analysis/text';

const grades = (text: string) => findGrades(prepareText({ title: '', blocks: [text] }).sentences);

describe('refusals: each example has a grade word refused by that row', () => {
  for (const row of REFUSALS)
    test.each(row.examples)(`${row.name}: %s`, (example) => {
      expect(gradeDecisions(example).map((d) => d.refused)).toContain(row.name);
      expect(grades(example)).toEqual([]);
    });
});

describe('judgement rules: each example has a grade accepted by that row', () => {
  for (const row of JUDGEMENT_RULES)
    test.each(row.examples)(`${row.name}: %s`, (example) => {
      expect(gradeDecisions(example).map((d) => d.rule)).toContain(row.name);
      expect(grades(example).some((g) => g.why?.startsWith(`${row.name};`))).toBe(true);
    });
});

describe('joins: each example has a second grade accepted by being joined to the first', () => {
  for (const row of JOINED)
    test.each(row.examples)(`${row.name}: %s`, (example) => {
      const decisions = gradeDecisions(example);
      expect(decisions.length).toBeGreaterThanOrEqual(2);
      expect(decisions.map((d) => d.rule)).toContain(row.name);
    });
});

describe('previous-time cues: each example gives a previous grade, for that reason', () => {
  for (const cue of PREVIOUS_CUES)
    test.each(cue.examples)(`${cue.name}: %s`, (example) => {
      const found = grades(example);
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((g) => !g.current && g.why?.includes(`; ${cue.name}`))).toBe(true);
    });
});
