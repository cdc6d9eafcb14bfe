// The grade vocabulary is defined once (lib/data/grades.ts). The code imports it; the two style
// sheets cannot, so they are read here and must draw each grade the way the vocabulary says.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeFinding } from '../../lib/analysis/describe';
import { HIGHLIGHT_NAMES, highlightForGrade } from '../../lib/analysis/findings';
import { CATEGORY_LABELS } from '../../lib/data/category-labels';
import {
  GRADE_STYLES,
  GRADE_WORDS,
  gradeLabel,
  gradeName,
  gradeOfWords,
  gradeWordsRegExp,
  MAIN_GRADES,
  MARK_STYLES,
  OTHER_GRADE_STYLE,
} from '../../lib/data/grades';

const root = path.resolve(import.meta.dirname, '../..');
const css = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(sheet: string, selector: string): string {
  const at = sheet.indexOf(`${selector} {`);
  expect(at, `${selector} in the style sheet`).toBeGreaterThanOrEqual(0);
  return sheet.slice(at, sheet.indexOf('}', at));
}

describe('grade words', () => {
  for (const row of GRADE_WORDS)
    test.each(row.examples)(`${row.grade}: %s`, (words) => {
      expect(gradeOfWords(words)).toBe(row.grade);
      // The one regular expression finds the words whole in a sentence.
      const re = gradeWordsRegExp();
      expect(re.exec(`The service was ${words} overall.`)?.[0]).toBe(words);
    });

  test('a word that only starts like a grade word is not one', () => {
    const re = gradeWordsRegExp();
    expect('goodwill, poorly lit and inadequately'.match(re)).toBeNull();
  });
});

describe('grade styles', () => {
  test('every grade has its own highlight name, label and underline style', () => {
    expect(new Set(GRADE_STYLES.map((s) => s.highlight)).size).toBe(GRADE_STYLES.length);
    expect(new Set(GRADE_STYLES.map((s) => s.lineStyle)).size).toBe(GRADE_STYLES.length);
    for (const s of GRADE_STYLES) expect(HIGHLIGHT_NAMES).toContain(s.highlight);
    for (const g of MAIN_GRADES) expect(highlightForGrade(g.grade)).toBe(g.highlight);
    expect(highlightForGrade('other:adequate')).toBe(OTHER_GRADE_STYLE.highlight);
    expect(CATEGORY_LABELS.slice(0, GRADE_STYLES.length)).toEqual(GRADE_STYLES.map((s) => [s.highlight, s.label]));
  });

  test('names for the reader', () => {
    expect(gradeName('other:adequate')).toBe('adequate');
    expect(gradeLabel('requires improvement')).toBe('Requires improvement');
    const card = describeFinding(
      {
        id: 'g',
        kind: 'grade',
        highlight: 'il-grade-other',
        start: 0,
        end: 4,
        text: 'poor',
        sentence: 'Services were judged poor.',
        grade: 'other:poor',
        councils: [],
        current: false,
        why: 'rating verb; previously',
      },
      [],
    );
    expect(card.heading).toBe('Grade: Poor');
    expect(card.rows).toContainEqual(['Why', 'rating verb; previously']);
  });

  test.each(GRADE_STYLES.map((s) => [s.highlight, s] as const))('the page style sheet draws %s as defined', (_, s) => {
    for (const [file, selector] of [
      ['lib/page/highlight-styles.css', `::highlight(${s.highlight})`],
      ['lib/page/highlight-marks.css', `mark[data-il="${s.highlight}"]`],
    ]) {
      const r = rule(css(file), selector);
      expect(r).toContain(`background-color: ${s.fill};`);
      expect(r).toContain(`text-decoration: underline ${s.lineStyle} ${s.line};`);
    }
  });

  test.each(GRADE_STYLES.map((s) => [s.highlight, s] as const))('the side panel draws %s as defined', (_, s) => {
    const sheet = css('entrypoints/sidepanel/style.css');
    expect(rule(sheet, `.${s.highlight} .swatch`)).toContain(`background: ${s.swatch};`);
    const grade = MAIN_GRADES.find((g) => g.highlight === s.highlight);
    if (grade) expect(rule(sheet, `.grade-${grade.grade.replace(/ /g, '-')}`)).toContain(`color: ${s.line};`);
  });
});

describe('councils, improvement areas and clips', () => {
  test.each(MARK_STYLES.map((s) => [s.highlight, s] as const))('the page style sheet draws %s as defined', (_, s) => {
    const sheet = css('lib/page/highlight-styles.css');
    const r = rule(sheet, `::highlight(${s.highlight})`);
    expect(r).toContain(`text-decoration: ${s.decoration};`);
    if (s.fill) expect(r).toContain(`background-color: ${s.fill};`);
    else expect(r).not.toContain('background');
    expect(rule(css('lib/page/highlight-marks.css'), `mark[data-il="${s.highlight}"]`)).toContain(
      `text-decoration: ${s.decoration} 2px;`,
    );
  });

  test('the settings name every category as the key does', () => {
    for (const s of MARK_STYLES) expect(CATEGORY_LABELS).toContainEqual([s.highlight, s.label]);
  });
});
