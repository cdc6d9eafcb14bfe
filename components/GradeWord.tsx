import { gradeName } from '../lib/data/grades';

/** The CSS class of a grade's colour (`grade-requires-improvement`). */
export const gradeClass = (grade: string) => `grade grade-${gradeName(grade).replace(/\s+/g, '-')}`;

/** A grade as a word, in its colour with a mark of its own shape (never colour alone). */
export function GradeWord({ grade }: { grade: string }) {
  return <span class={gradeClass(grade)}>{gradeName(grade)}</span>;
}

/** "current (2023)", "previous", "current". */
export function whenOf(o: { current?: boolean; year?: number }): string {
  const when = o.current === false ? 'previous' : o.current ? 'current' : '';
  return [when, o.year ? (when ? `(${o.year})` : String(o.year)) : ''].filter(Boolean).join(' ');
}
