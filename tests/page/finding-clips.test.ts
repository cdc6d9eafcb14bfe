// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { findingsOf } from '../../lib/analysis/findings';
import { buildClip, buildFindingClip, passageClipId, withOverlappedFindings } from '../../lib/page/clipper';
import { reportedFindings } from '../../lib/page/panel-requests';
import { SHOWN_SENTENCE, SHOWN_TEXT } from '../../lib/reports';

const doc = {
  title: "Ofsted rates Lambeth children's services inadequate",
  blocks: [
    "Lambeth council's children's services have been rated inadequate by Ofsted following an inspection in February 2019.",
    'Inspectors found that social workers had high caseloads and that management oversight of casework was weak.',
    'The council must improve the quality of assessments and the timeliness of child protection visits.',
  ],
};
const analysis = analyzeDocument(doc);
const text = analysis.prepared.text;
const url = 'https://news.example/lambeth#top';

describe('what a clip holds', () => {
  test('a clip saved from a grade keeps the whole sentence and the finding', () => {
    const grade = findingsOf(analysis).find((f) => f.kind === 'grade' && text.slice(f.start - 6, f.start) === 'rated ');
    if (!grade) throw new Error('no grade found');
    const clip = buildFindingClip(url, text, analysis.prepared.sentences, grade);
    expect(clip.quote).toBe(doc.blocks[0]);
    expect(clip).toMatchObject({
      category: 'grade',
      councilCodes: ['E09000022'],
      grades: ['inadequate'],
      finding: { kind: 'grade', grade: 'inadequate', current: true, year: 2019, councils: [{ name: 'Lambeth' }] },
    });
  });

  test('a selection gets the findings it overlaps (a grade first), and none when it overlaps none', () => {
    const start = text.indexOf('rated inadequate');
    const plain = buildClip(url, text, { start, end: start + 16 }, 'article', 'selection');
    const clip = withOverlappedFindings(plain, findingsOf(analysis));
    expect(clip).toMatchObject({ category: 'selection', councilCodes: ['E09000022'], grades: ['inadequate'] });
    expect(clip.finding).toMatchObject({ kind: 'grade', grade: 'inadequate' });
    const s2 = text.indexOf('Ofsted rates');
    const other = withOverlappedFindings(
      buildClip(url, text, { start: s2, end: s2 + 12 }, 'article', 'selection'),
      findingsOf(analysis),
    );
    expect(other.finding).toBeUndefined();
    expect(other.councilCodes).toEqual([]);
  });

  test('the same passage of the same article has the same clip id; another passage or article, another', () => {
    const span = { start: 10, end: 30 };
    const a = buildClip(url, text, span, 'article', 'selection');
    expect(buildClip(`${url.split('#')[0]}#later`, text, span, 'article', 'selection').id).toBe(a.id);
    expect(buildClip(url, text, { start: 11, end: 30 }, 'article', 'selection').id).not.toBe(a.id);
    expect(buildClip('https://news.example/other', text, span, 'article', 'selection').id).not.toBe(a.id);
    expect(passageClipId('x', 'article', span, 'q')).not.toBe(passageClipId('x', 'body', span, 'q'));
  });
});

describe('findings reported to the panel', () => {
  test('in page order, with sentences, councils, grades and improvement topics', () => {
    const found = reportedFindings(analysis);
    expect(found.map((f) => f.start)).toEqual([...found.map((f) => f.start)].sort((x, y) => x - y));
    expect(found.some((f) => f.kind === 'grade' && f.grade === 'inadequate' && f.sentence === doc.blocks[0])).toBe(
      true,
    );
    expect(found.some((f) => f.kind === 'improvement' && f.sentence === doc.blocks[2])).toBe(true);
  });

  test('a sentence of thousands of characters is reported as the panel shows it, and saved whole', () => {
    // A list with no full stop: one "sentence" of about 5,000 characters around the grade.
    const items = Array.from({ length: 60 }, (_, i) => `item ${i + 1} of the action plan for the service`);
    const long = `Lambeth council's children's services were rated inadequate by Ofsted in 2019, with ${items.join(', ')}`;
    const a = analyzeDocument({ title: doc.title, blocks: [long, doc.blocks[2]] });
    expect(long.length).toBeGreaterThan(2500);
    const grade = reportedFindings(a).find((f) => f.kind === 'grade' && f.sentence.startsWith('Lambeth'));
    expect(grade?.sentence.length).toBe(SHOWN_SENTENCE);
    expect(grade?.sentence).toBe(`${long.slice(0, SHOWN_SENTENCE - 1)}…`);
    for (const f of reportedFindings(a)) expect(f.text.length).toBeLessThanOrEqual(SHOWN_TEXT);
    // The clip the panel asks the page for is built from the page's own finding: the whole sentence.
    const found = findingsOf(a).find((f) => f.kind === 'grade' && f.id === grade?.id);
    if (!found) throw new Error('no grade found');
    expect(buildFindingClip(url, a.prepared.text, a.prepared.sentences, found).quote).toBe(long);
  });

  test('none for a page that is not an inspection article', () => {
    expect(
      reportedFindings(analyzeDocument({ title: 'Allotments', blocks: ['The allotments open on Saturday.'] })),
    ).toEqual([]);
    expect(reportedFindings(null)).toEqual([]);
  });
});
