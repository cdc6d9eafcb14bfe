// The reader's names of the highlight categories, in display order (settings and options page).
// Apart from lib/settings.ts so that the content script, which reads the settings on every page,
// does not load the grade vocabulary's tables with them.
import { GRADE_STYLES, type GradeStyle, MARK_STYLES, type MarkStyle } from './grades';

type CategoryName = GradeStyle['highlight'] | MarkStyle['highlight'];

/** Human labels for the categories, in display order. */
export const CATEGORY_LABELS: [CategoryName, string][] = [
  ...GRADE_STYLES.map((g): [CategoryName, string] => [g.highlight, g.label]),
  ...MARK_STYLES.map((m): [CategoryName, string] => [m.highlight, m.label]),
];
