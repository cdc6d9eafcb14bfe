// Findings: what the analysis highlights, one per grade, council mention and improvement area,
// with what was understood about it. The same shape feeds the highlighter, the hover card, the
// badge and (later) clips.
import type { Council } from '../data/gazetteer';
import { GRADE_HIGHLIGHT_NAMES, type Grade, gradeStyle } from '../data/grades';
import type { Analysis } from './analyze';
import { sentenceIndexAt } from './text';

/** The registered highlight names, one per category (also used by the `<mark>` fallback). */
export const HIGHLIGHT_NAMES = [...GRADE_HIGHLIGHT_NAMES, 'il-council', 'il-improvement', 'il-clip'] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];

export type FindingKind = 'grade' | 'council' | 'improvement';

export interface Finding {
  /** Stable within one analysis of one text: kind, offsets and text. */
  id: string;
  kind: FindingKind;
  highlight: HighlightName;
  /** Offsets into the analysed text. */
  start: number;
  end: number;
  text: string;
  sentence: string;
  grade?: Grade;
  /** The authorities a grade is about, or the one a council mention names. */
  councils: Council[];
  current?: boolean;
  year?: number;
  area?: string;
  topic?: string;
  /** The rule or cues that made this finding (shown by `analyze --explain` and on the card). */
  why?: string;
}

/** A finding's `why` when its step gives one (every step may, none has to). */
const whyOf = (x: object): { why?: string } => {
  const why = (x as { why?: unknown }).why;
  return typeof why === 'string' && why ? { why } : {};
};

/** The highlight name for a grade. */
export function highlightForGrade(grade: Grade): HighlightName {
  return gradeStyle(grade).highlight;
}

/**
 * The finding made from each grade, council mention and improvement area: a re-run of a page
 * passes on the last run's own objects for the part of the page that did not change (see
 * analyzeSteps), and gets the same finding objects for them. A finding depends only on its
 * object and the sentence around it, which is in the same unchanged part.
 */
const MADE = new WeakMap<object, Finding>();

/** Lists the findings of an analysis, in text order within each kind. */
export function findingsOf(analysis: Analysis): Finding[] {
  const [grades, councils, improvements] = findingsByKind(analysis);
  return [...grades, ...councils, ...improvements];
}

/**
 * The findings of each kind (grades, council mentions, improvement areas) from the given index
 * of each of the analysis's lists on (findingsOf's, kind by kind): a re-run's lens makes only
 * those after the unchanged start of the page.
 */
export function findingsByKind(analysis: Analysis, from: readonly number[] = [0, 0, 0]): Finding[][] {
  const sentences = analysis.prepared.sentences;
  const sentenceText = (start: number) => sentences[sentenceIndexAt(sentences, start)]?.text ?? '';
  const made = <T extends object>(list: readonly T[], at: number, make: (x: T) => Finding): Finding[] => {
    const out: Finding[] = [];
    for (let i = at; i < list.length; i++) {
      const x = list[i];
      let f = MADE.get(x);
      if (!f) {
        f = make(x);
        MADE.set(x, f);
      }
      out.push(f);
    }
    return out;
  };
  return [
    made(analysis.grades, from[0], (g) => ({
      id: `g:${g.start}:${g.end}:${g.grade}`,
      kind: 'grade',
      highlight: highlightForGrade(g.grade),
      start: g.start,
      end: g.end,
      text: g.text,
      sentence: g.sentence.text,
      grade: g.grade,
      councils: g.councils,
      current: g.current,
      ...(g.year ? { year: g.year } : {}),
      ...(g.area ? { area: g.area } : {}),
      ...whyOf(g),
    })),
    made(analysis.councils, from[1], (m) => ({
      id: `c:${m.start}:${m.end}:${m.councils.map((c) => c.code).join('+')}`,
      kind: 'council',
      highlight: 'il-council',
      start: m.start,
      end: m.end,
      text: m.text,
      sentence: sentenceText(m.start),
      councils: m.councils,
      ...whyOf(m),
    })),
    made(analysis.improvements, from[2], (i) => ({
      id: `i:${i.sentence.start}:${i.sentence.end}`,
      kind: 'improvement',
      highlight: 'il-improvement',
      start: i.sentence.start,
      end: i.sentence.end,
      text: i.sentence.text,
      sentence: i.sentence.text,
      councils: [],
      ...(i.topic ? { topic: i.topic } : {}),
      ...whyOf(i),
    })),
  ];
}

/** Counts findings per highlight name. */
export function countByHighlight(findings: Finding[]): Partial<Record<HighlightName, number>> {
  const counts: Partial<Record<HighlightName, number>> = {};
  for (const f of findings) counts[f.highlight] = (counts[f.highlight] ?? 0) + 1;
  return counts;
}
