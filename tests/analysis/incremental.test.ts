import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Analysis, analyzeDocument, analyzeSteps, toResult } from '../../lib/analysis/analyze';
import { AnalysisCache } from '../../lib/analysis/cache';
import { DETECT_CHARS } from '../../lib/analysis/detect';
import { findingsOf } from '../../lib/analysis/findings';
import { improvementListBlocks } from '../../lib/analysis/improvements';
import { runSteps } from '../../lib/analysis/steps';
import { type BlockKind, documentFromPlainText, type SourceDocument } from '../../lib/analysis/text';
import { mulberry32 } from '../support/fuzz';

// A re-run takes the unchanged start of the page from the last run and analyses only what
// changed: after any sequence of edits (a block added, changed, removed, moved; the headline
// changed) its analysis must be exactly a fresh run's, down to every offset and explanation.
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const read = (dir: string) =>
  fs
    .readdirSync(path.join(fixtures, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => documentFromPlainText(fs.readFileSync(path.join(fixtures, dir, f), 'utf8')));
const seeds = read('seeds');
const cases = read('cases');
const pool = [...seeds, ...cases].flatMap((d) => d.blocks);

/** The same edits on every run of the test. */
const random = mulberry32;

const KINDS: BlockKind[] = ['text', 'text', 'text', 'item', 'heading'];

/** One random edit of the document (a new object; the old one is not changed). */
function edit(doc: SourceDocument, rnd: () => number): SourceDocument {
  const blocks = [...doc.blocks];
  const kinds = [...(doc.blockKinds ?? blocks.map(() => 'text' as BlockKind))];
  const at = (extra = 0) => Math.floor(rnd() * (blocks.length + extra));
  const pick = () => pool[Math.floor(rnd() * pool.length)];
  const kind = () => KINDS[Math.floor(rnd() * KINDS.length)];
  let title = doc.title;
  const r = rnd();
  if (r < 0.3) {
    const i = at(1);
    blocks.splice(i, 0, pick());
    kinds.splice(i, 0, kind());
  } else if (r < 0.45) {
    blocks.push(`Update: ${pick()}`);
    kinds.push(kind());
  } else if (r < 0.65 && blocks.length) {
    const i = at();
    blocks[i] = rnd() < 0.5 ? `${blocks[i]} Leaders must now improve supervision.` : pick();
  } else if (r < 0.8 && blocks.length > 1) {
    const i = at();
    blocks.splice(i, 1);
    kinds.splice(i, 1);
  } else if (r < 0.84 && blocks.length) {
    const i = at();
    kinds[i] = kind();
  } else if (r < 0.9) {
    // A list's heading comes or goes: the items after it change role (read as a list or not).
    // An item turned into running text (or back) ends the list there: the items after it,
    // unchanged themselves, are no longer read as a list.
    const heading = blocks.indexOf('What needs to improve:');
    const i = at(1);
    if (heading >= 0 && heading + 1 < blocks.length && rnd() < 0.7)
      kinds[heading + 1] = kinds[heading + 1] === 'item' ? 'text' : 'item';
    else if (kinds[i] === 'heading' && /improve/.test(blocks[i])) {
      blocks.splice(i, 1);
      kinds.splice(i, 1);
    } else {
      blocks.splice(
        i,
        0,
        'What needs to improve:',
        'Supervision of social workers and the quality of plans',
        'Help for care leavers',
      );
      kinds.splice(i, 0, 'heading', 'item', 'item');
    }
  } else if (r < 0.95 && blocks.length > 1) {
    const [b] = blocks.splice(at(), 1);
    blocks.splice(at(), 0, b);
    kinds.splice(0, kinds.length, ...blocks.map(() => kind()));
  } else title = rnd() < 0.5 ? `${title} (updated)` : 'Ofsted rates Southwark children’s services good';
  return { title, blocks, blockKinds: kinds };
}

/** Everything a reader or the command line sees of an analysis. */
const seen = (a: Analysis) => ({
  analysis: a,
  result: toResult('x', a, a.prepared.sentences[0]?.text ?? ''),
  findings: findingsOf(a),
});

describe('re-runs after random edits', () => {
  const starts: [string, SourceDocument][] = [
    ...seeds.map((d, i): [string, SourceDocument] => [`seed ${i}`, d]),
    ...cases.slice(0, 6).map((d, i): [string, SourceDocument] => [`case ${i}`, d]),
    // Longer than detection reads (60,000 characters): a re-run past it keeps the detection.
    [
      'a long article',
      {
        title: seeds[3].title,
        blocks: Array.from({ length: 40 }, (_, i) => seeds[3].blocks.map((b) => `${b} (note ${i})`)).flat(),
      },
    ],
  ];
  test.each(starts)('%s: 25 random edits, each re-run equal to a fresh analysis', (name, start) => {
    const rnd = random([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));
    const cache = new AnalysisCache();
    let doc = start;
    for (let step = 0; step <= 25; step++) {
      const again = runSteps(analyzeSteps(doc, 7, cache));
      expect(seen(again), `after edit ${step}`).toEqual(seen(analyzeDocument(doc)));
      // The list items (read again only from the first change on) are the whole scan's.
      const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);
      expect(sorted(cache.lastRun?.listBlocks ?? []), `after edit ${step}`).toEqual(sorted(improvementListBlocks(doc)));
      doc = edit(doc, rnd);
    }
  });

  test('a list of bare lines that grows one line at a time is read as the whole scan reads it', () => {
    const cache = new AnalysisCache();
    const lead = seeds[0].blocks.slice(0, 3);
    const lines = ['The timeliness of assessments', 'Management oversight of plans', 'Help for care leavers'];
    // One bare line after the introduction is no list; the second makes both one; a full stop ends it.
    for (const blocks of [
      [...lead, 'What needs to improve:', lines[0]],
      [...lead, 'What needs to improve:', lines[0], lines[1]],
      [...lead, 'What needs to improve:', lines[0], lines[1], lines[2]],
      [...lead, 'What needs to improve:', lines[0], `${lines[1]}.`, lines[2]],
    ]) {
      const doc = { title: seeds[0].title, blocks, blockKinds: blocks.map((): BlockKind => 'text') };
      const again = runSteps(analyzeSteps(doc, 7, cache));
      expect(seen(again)).toEqual(seen(analyzeDocument(doc)));
      expect([...(cache.lastRun?.listBlocks ?? [])].sort((a, b) => a - b)).toEqual(
        [...improvementListBlocks(doc)].sort((a, b) => a - b),
      );
    }
    const items = (blocks: string[]) =>
      analyzeDocument({ title: 'x', blocks, blockKinds: blocks.map((): BlockKind => 'text') }).improvements.map(
        (a) => a.sentence.text,
      );
    expect(items([...lead, 'What needs to improve:', lines[0], lines[1]])).toEqual(
      expect.arrayContaining(lines.slice(0, 2)),
    );
    expect(items([...lead, 'What needs to improve:', lines[0]])).not.toContain(lines[0]);
  });

  test('a re-run of a long page gives detection the text’s first 60,000 characters, joined from its blocks', () => {
    const [, long] = starts[starts.length - 1];
    const cache = new AnalysisCache();
    runSteps(analyzeSteps({ title: long.title, blocks: long.blocks.slice(0, 5) }, 50, cache));
    // Carriage returns in the blocks after the unchanged start (the text has them as new lines).
    const blocks = long.blocks.map((b, i) => (i > 6 && i % 5 === 0 ? `${b}\r\nA second line.\rA third.` : b));
    const again = runSteps(analyzeSteps({ title: long.title, blocks }, 50, cache));
    expect(again.prepared.text.length).toBeGreaterThan(DETECT_CHARS);
    expect(cache.lastRun?.detection.input.text).toBe(again.prepared.text.slice(0, DETECT_CHARS));
    expect(seen(again)).toEqual(seen(analyzeDocument({ title: long.title, blocks })));
  });

  test('an edit near the end of a long page analyses only that block and reuses the start whole', () => {
    const [, long] = starts[starts.length - 1];
    const cache = new AnalysisCache();
    runSteps(analyzeSteps(long, 50, cache));
    const first = cache.lastRun;
    // A paragraph with no grade or council in it: what detection reads stays the same.
    const blocks = [...long.blocks, 'Readers can leave a comment below this story.'];
    const again = runSteps(analyzeSteps({ title: long.title, blocks }, 50, cache));
    expect(cache.analysed).toBe(1);
    expect(cache.reused).toBe(long.blocks.length + 1);
    // The unchanged start is the last run's own sentences and findings, not copies.
    expect(again.prepared.sentences[5]).toBe(first?.prepared.sentences[5]);
    expect(again.councils[0]).toBe(first?.councils[0]);
    expect(again.detection).toBe(first?.detection.result);
    expect(seen(again)).toEqual(seen(analyzeDocument({ title: long.title, blocks })));
  });

  test('blocks added on a re-run, read in their own text, give what a fresh run gives (carriage returns, names at their ends)', () => {
    const [, long] = starts[starts.length - 1];
    const cache = new AnalysisCache();
    runSteps(analyzeSteps(long, 50, cache));
    const added = [
      'Hackney\r\nchildren’s services were rated good by Ofsted, the council said.\r\nLeaders in Hackney Council must improve supervision of social workers.',
      'Ofsted rated Southwark Council’s services for children inadequate in 2024, said leaders in Southwark',
      'Kent',
    ];
    const doc = { title: long.title, blocks: [...long.blocks, ...added] };
    const again = runSteps(analyzeSteps(doc, 50, cache));
    expect(cache.analysed).toBe(added.length);
    const fresh = analyzeDocument(doc);
    expect(fresh.grades.length).toBeGreaterThan(runSteps(analyzeSteps(long, 50)).grades.length);
    expect(seen(again)).toEqual(seen(fresh));
  });
});
