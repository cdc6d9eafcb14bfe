// The words a reader sees, in one place: how sure Inspection Lens is that a page is an inspection
// article, a council's type and region as people write them, and a judgement area as Ofsted
// names it. Every function returns '' when the field is unknown, and callers then show nothing
// (no "not stated", no "other").

/**
 * How sure the detector is, in words. `isArticle` is the detector's own decision (it highlights
 * only then), `confidence` its probability 0..1.
 */
export function howSure(isArticle: boolean, confidence: number): string {
  if (isArticle) return confidence >= 0.9 ? 'very likely an inspection article' : 'likely an inspection article';
  if (confidence >= 0.3) return 'possibly an inspection article, but not sure enough to highlight it';
  if (confidence >= 0.1) return 'probably not an inspection article';
  return 'very likely not an inspection article';
}

/** The gazetteer's council types, as people write them. */
const COUNCIL_TYPES: Record<string, string> = {
  london: 'London borough',
  metropolitan: 'metropolitan borough',
  county: 'county council',
  unitary: 'unitary authority',
};

/** "London borough", "county council"…; '' for a type with no everyday name. */
export function councilTypeWords(type: string | undefined): string {
  return (type && COUNCIL_TYPES[type]) || '';
}

/** "North West", "Yorkshire and the Humber"; '' when unknown. */
export function regionWords(region: string | undefined): string {
  return (region ?? '').replace(/\bThe Humber\b/, 'the Humber').trim();
}

/** The analysis's judgement areas, named as Ofsted names them in its reports. */
const AREAS: Record<string, string> = {
  'help and protection': 'the experiences and progress of children who need help and protection',
  'children in care': 'the experiences and progress of children in care',
  'care leavers': 'the experiences and progress of care leavers',
  leadership: 'the impact of leaders on social work practice with children and families',
  adoption: 'adoption',
  fostering: 'fostering',
  LSCB: 'the local safeguarding children board',
  SEND: 'special educational needs and disabilities (SEND)',
  overall: 'overall effectiveness',
};

/** A judgement area as Ofsted names it; '' when none was stated. An unknown name is shown as is. */
export function judgementWords(area: string | undefined): string {
  if (!area) return '';
  return AREAS[area] ?? area;
}

/** Keyboard shortcuts, written once for tooltips, the key and the options page. */
export const SHORTCUTS = {
  clip: 'Alt+Shift+C',
  next: 'Alt+Shift+N',
  previous: 'Alt+Shift+P',
  close: 'Esc',
} as const;
