// What the hover card says about a finding: the grade and which council it is about, current or
// previous, year and service; the council's canonical name, codes and grades in this article;
// the topic of an improvement area. Pure: the card only renders these rows.
import { councilDetails } from '../data/gazetteer';
import { gradeLabel } from '../data/grades';
import { councilTypeWords, judgementWords, regionWords } from '../data/wording';
import type { Finding } from './findings';
import type { Outcome } from './outcomes';

export interface FindingDescription {
  heading: string;
  /** Label/value rows, in display order. */
  rows: [string, string][];
  quote: string;
}

/** Describes a finding for the reader; `outcomes` are the article's outcomes. */
export function describeFinding(f: Finding, outcomes: Outcome[]): FindingDescription {
  const rows: [string, string][] = [];
  if (f.kind === 'grade' && f.grade) {
    rows.push(['Grade', gradeLabel(f.grade)]);
    // A field that is not known is not shown (no "not identified", no "not stated").
    if (f.councils.length)
      rows.push([
        f.councils.length > 1 ? 'Councils' : 'Council',
        f.councils.map((c) => `${c.name} (${c.code})`).join(', '),
      ]);
    rows.push(['When', `${f.current ? 'Current grade' : 'Previous grade'}${f.year ? `, ${f.year}` : ''}`]);
    const judgement = judgementWords(f.area);
    if (judgement) rows.push(['Judgement', judgement]);
    if (f.why) rows.push(['Why', f.why]);
    return { heading: `Grade: ${gradeLabel(f.grade)}`, rows, quote: f.sentence };
  }
  if (f.kind === 'council') {
    for (const c of f.councils) {
      const { record, former } = councilDetails(c.code);
      rows.push(['Council', c.name]);
      rows.push(['ONS code', c.code]);
      if (record) {
        rows.push(['DfE code', record.dfeCode]);
        const type = councilTypeWords(record.type);
        const region = regionWords(record.region);
        if (type) rows.push(['Kind', type]);
        if (region) rows.push(['Region', region]);
      }
      if (former) rows.push(['Former authority', `until ${former.endedYear}`]);
      const grades = outcomes.filter((o) => o.council.code === c.code);
      for (const o of grades)
        rows.push([
          o.current ? 'Grade here' : 'Earlier grade',
          `${gradeLabel(o.grade)}${o.year ? ` (${o.year})` : ''}${o.area ? ` — ${judgementWords(o.area)}` : ''}`,
        ]);
    }
    return { heading: `Council: ${f.councils.map((c) => c.name).join(' / ')}`, rows, quote: f.sentence };
  }
  if (f.topic) rows.push(['Topic', f.topic]);
  return { heading: 'Improvement area', rows, quote: f.sentence };
}
