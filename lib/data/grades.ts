// The grade vocabulary, defined once: Ofsted's grade words and what they normalise to, the names
// shown to the reader, the highlight name each grade is drawn with, its paint priority and its
// colours. The analysis, the highlighter, the settings, the card and the side panel all read it
// from here; the two style sheets (which cannot import) are checked against it by a unit test.

/** A grade as the contract spells it: the four current words, or an older framework's word. */
export type Grade = 'outstanding' | 'good' | 'requires improvement' | 'inadequate' | `other:${string}`;

export type MainGrade = 'outstanding' | 'good' | 'requires improvement' | 'inadequate';

export type GradeHighlightName =
  | 'il-grade-outstanding'
  | 'il-grade-good'
  | 'il-grade-requires-improvement'
  | 'il-grade-inadequate'
  | 'il-grade-other';

export interface GradeStyle {
  /** Highlight and `<mark>` name (`::highlight(il-grade-good)`). */
  highlight: GradeHighlightName;
  /** The reader's name for the category (settings, options page). */
  label: string;
  /** Paint order where highlights overlap (higher on top). */
  priority: number;
  /** Underline colour in the page, and text colour in the side panel's outcome table. */
  line: string;
  /** Underline style: every grade has its own, so they are told apart without colour. */
  lineStyle: 'double' | 'solid' | 'dashed' | 'wavy' | 'dotted';
  /** Highlight background in the page. */
  fill: string;
  /** Swatch colour in the settings list. */
  swatch: string;
  /** The card's left border. */
  card: string;
}

/** The four grades of the current frameworks, best first, with their styles. */
export const MAIN_GRADES: readonly (GradeStyle & { grade: MainGrade })[] = [
  {
    grade: 'outstanding',
    highlight: 'il-grade-outstanding',
    label: 'Outstanding',
    priority: 5,
    line: '#1a7f37',
    lineStyle: 'double',
    fill: 'rgba(26, 127, 55, 0.28)',
    swatch: 'rgba(26, 127, 55, 0.5)',
    card: '#1a7f37',
  },
  {
    grade: 'good',
    highlight: 'il-grade-good',
    label: 'Good',
    priority: 5,
    line: '#4e8a35',
    lineStyle: 'solid',
    fill: 'rgba(106, 168, 79, 0.28)',
    swatch: 'rgba(106, 168, 79, 0.5)',
    card: '#6aa84f',
  },
  {
    grade: 'requires improvement',
    highlight: 'il-grade-requires-improvement',
    label: 'Requires improvement',
    priority: 5,
    line: '#b87400',
    lineStyle: 'dashed',
    fill: 'rgba(245, 166, 35, 0.32)',
    swatch: 'rgba(245, 166, 35, 0.6)',
    card: '#d98e04',
  },
  {
    grade: 'inadequate',
    highlight: 'il-grade-inadequate',
    label: 'Inadequate',
    priority: 5,
    line: '#c62828',
    lineStyle: 'wavy',
    fill: 'rgba(214, 48, 49, 0.26)',
    swatch: 'rgba(214, 48, 49, 0.5)',
    card: '#c62828',
  },
];

/** Every `other:` grade (older frameworks' words) shares one style. */
export const OTHER_GRADE_STYLE: GradeStyle = {
  highlight: 'il-grade-other',
  label: "Grades from Ofsted's older frameworks (adequate, poor)",
  priority: 4,
  line: '#7b5ea7',
  lineStyle: 'dotted',
  fill: 'rgba(123, 94, 167, 0.22)',
  swatch: 'rgba(123, 94, 167, 0.45)',
  card: '#7b5ea7',
};

/** All grade styles in display order (best first, older frameworks last). */
export const GRADE_STYLES: readonly GradeStyle[] = [...MAIN_GRADES, OTHER_GRADE_STYLE];

/** The highlight names of grades, in display order. */
export const GRADE_HIGHLIGHT_NAMES = GRADE_STYLES.map((s) => s.highlight) as readonly GradeHighlightName[];

/**
 * The words a page uses for a grade, each with the grade it means. `pattern` is a regular
 * expression source (no groups), matched whole-word and case-insensitively; `examples` are words
 * it must match (tested).
 */
export const GRADE_WORDS: readonly { grade: Grade; pattern: string; examples: string[] }[] = [
  {
    grade: 'requires improvement',
    pattern: 'requir(?:es|e|ed|ing) improvement(?: to be good)?',
    examples: [
      'requires improvement',
      'require improvement to be good',
      'requiring improvement',
      'required improvement',
    ],
  },
  { grade: 'outstanding', pattern: 'outstanding', examples: ['outstanding', 'Outstanding'] },
  { grade: 'inadequate', pattern: 'inadequate', examples: ['inadequate', 'INADEQUATE'] },
  { grade: 'good', pattern: 'good', examples: ['good', 'Good'] },
  // Older frameworks (annual performance assessments, CSCI star ratings, SIF before 2013).
  { grade: 'other:adequate', pattern: 'adequate', examples: ['adequate', 'Adequate'] },
  { grade: 'other:poor', pattern: 'poor', examples: ['poor', 'Poor'] },
  { grade: 'other:excellent', pattern: 'excellent', examples: ['excellent'] },
  // The annual assessment's bands (2009–2011) by their own word, as older words are labelled
  // (other:<word>): "performing poorly" is other:poor, "performs adequately" other:adequate.
  {
    grade: 'other:excellent',
    pattern: 'perform(?:s|ed|ing)? excellently',
    examples: ['performs excellently', 'performing excellently'],
  },
  { grade: 'other:well', pattern: 'perform(?:s|ed|ing)? well', examples: ['performs well', 'performed well'] },
  {
    grade: 'other:adequate',
    pattern: 'perform(?:s|ed|ing)? adequately',
    examples: ['performs adequately'],
  },
  {
    grade: 'other:poor',
    pattern: 'perform(?:s|ed|ing)? poorly',
    examples: ['performs poorly', 'performing poorly'],
  },
];

/**
 * Every grade word whole, one group per row in GRADE_WORDS's order (made on first use): the first
 * row that matches the words whole is the one whose group is set, as when each row's pattern was
 * tried in turn, but a page compiles one pattern instead of one per grade word it meets.
 */
let wholeWords: RegExp | null = null;

/** One regular expression for every grade word (global, case-insensitive, whole words). */
export function gradeWordsRegExp(): RegExp {
  return new RegExp(`\\b(?:${GRADE_WORDS.map((w) => w.pattern).join('|')})\\b`, 'gi');
}

/** The grade a matched grade word means ("Requiring improvement" → 'requires improvement'). */
export function gradeOfWords(words: string): Grade {
  const w = words.replace(/\s+/g, ' ').trim();
  wholeWords ??= new RegExp(`^(?:${GRADE_WORDS.map((x) => `(${x.pattern})`).join('|')})$`, 'i');
  const m = wholeWords.exec(w);
  if (m) for (let k = 1; k < m.length; k++) if (m[k] !== undefined) return GRADE_WORDS[k - 1].grade;
  return `other:${w.toLowerCase()}`;
}

/** True for the four grades of the current frameworks. */
export function isMainGrade(grade: string): grade is MainGrade {
  return MAIN_GRADES.some((g) => g.grade === grade);
}

/** The style a grade is drawn with. */
export function gradeStyle(grade: Grade): GradeStyle {
  return MAIN_GRADES.find((g) => g.grade === grade) ?? OTHER_GRADE_STYLE;
}

/** The grade's name in running text: 'requires improvement', 'adequate' (no `other:`). */
export function gradeName(grade: string): string {
  return grade.startsWith('other:') ? grade.slice(6) : grade;
}

/** The grade's name as a heading or label: 'Requires improvement', 'Adequate'. */
export function gradeLabel(grade: string): string {
  const name = gradeName(grade);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** How a category other than a grade is drawn: councils, improvement areas, saved clips. */
export interface MarkStyle {
  highlight: 'il-council' | 'il-improvement' | 'il-clip';
  /** The reader's name for the category. */
  label: string;
  /** What it marks, in a few words (the key). */
  meaning: string;
  /** The CSS `text-decoration` the page draws it with (line position, style and colour). */
  decoration: string;
  /** Highlight background in the page ('' for none: a clip never fills). */
  fill: string;
  /** The card's left border. */
  card: string;
}

/** Councils, improvement areas and clips, as the page draws them (the style sheet is tested against these). */
export const MARK_STYLES: readonly MarkStyle[] = [
  {
    highlight: 'il-council',
    label: 'Councils',
    meaning: 'a council named in the article (line above)',
    decoration: 'overline solid #3a8ee6',
    fill: 'rgba(31, 111, 178, 0.16)',
    card: '#1f6fb2',
  },
  {
    highlight: 'il-improvement',
    label: 'Improvement areas',
    meaning: 'what inspectors say must improve (light tint, dotted line)',
    decoration: 'underline dotted #c45bb0',
    fill: 'rgba(176, 74, 154, 0.06)',
    card: '#b04a9a',
  },
  {
    highlight: 'il-clip',
    label: 'Saved clips',
    meaning: 'text you saved (gold lines above and below)',
    decoration: 'underline overline solid #c79a00',
    fill: '',
    card: '#c79a00',
  },
];

/** What each grade's highlight means in the key. */
export function gradeMeaning(style: GradeStyle): string {
  const line = `${style.lineStyle} underline`;
  return style === OTHER_GRADE_STYLE
    ? `an older grade (${line})`
    : `a council graded ${style.label.toLowerCase()} (${line})`;
}
