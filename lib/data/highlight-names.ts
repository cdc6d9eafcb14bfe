// The highlight names of the categories, alone: the settings (read by the content script on every
// page) need only these names, not the grade vocabulary's tables, colours and word patterns
// (lib/data/grades.ts, whose patterns are compiled when its module runs). A unit test checks they
// are the vocabulary's own names, in its order (tests/settings.test.ts).
import type { GradeHighlightName } from './grades';

/** The grades' highlight names, in display order (GRADE_HIGHLIGHT_NAMES of lib/data/grades.ts). */
export const GRADE_HIGHLIGHTS = [
  'il-grade-outstanding',
  'il-grade-good',
  'il-grade-requires-improvement',
  'il-grade-inadequate',
  'il-grade-other',
] as const satisfies readonly GradeHighlightName[];

/** Every category's highlight name (HIGHLIGHT_NAMES of lib/analysis/findings.ts). */
export const CATEGORY_HIGHLIGHTS = [...GRADE_HIGHLIGHTS, 'il-council', 'il-improvement', 'il-clip'] as const;
