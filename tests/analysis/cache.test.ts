import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument, analyzeSteps, toResult } from '../../lib/analysis/analyze';
import { AnalysisCache } from '../../lib/analysis/cache';
import { findingsOf } from '../../lib/analysis/findings';
import { runSteps } from '../../lib/analysis/steps';
import { documentFromPlainText, type SourceDocument } from '../../lib/analysis/text';

// Re-analysis of a changed page reuses the unchanged blocks' sentence-level results: the
// outcome must be exactly what a fresh analysis gives, while only changed blocks are analysed.
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const docs: [string, SourceDocument][] = ['seeds', 'cases'].flatMap((dir) =>
  fs
    .readdirSync(path.join(fixtures, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f): [string, SourceDocument] => [
      f,
      documentFromPlainText(fs.readFileSync(path.join(fixtures, dir, f), 'utf8')),
    ]),
);

const withCache = (doc: SourceDocument, cache: AnalysisCache) => runSteps(analyzeSteps(doc, 50, cache));
/** Everything a reader sees: the contract's result and every highlight with its offsets. */
const seen = (a: ReturnType<typeof analyzeDocument>) => ({
  result: toResult('x', a, a.prepared.sentences[0]?.text ?? ''),
  findings: findingsOf(a).map((f) => [f.start, f.end, f.highlight, f.text, f.current, f.year, f.topic]),
});

describe('the block cache', () => {
  test.each(docs)('%s: a second run reuses every block and finds the same', (_f, doc) => {
    const cache = new AnalysisCache();
    const first = withCache(doc, cache);
    // Every block analysed once (a block repeated word for word is analysed once, then reused).
    expect(cache.analysed + cache.reused).toBe(doc.blocks.length + 1);
    expect(cache.analysed).toBe(new Set([doc.title, ...doc.blocks]).size);
    const second = withCache(doc, cache);
    expect(cache.analysed).toBe(0);
    expect(cache.reused).toBe(doc.blocks.length + 1);
    expect(seen(second)).toEqual(seen(analyzeDocument(doc)));
    expect(seen(first)).toEqual(seen(second));
  });

  test.each(docs)('%s: a paragraph added and one edited: two blocks analysed, the rest reused', (_f, doc) => {
    if (doc.blocks.length < 3) return;
    const cache = new AnalysisCache();
    withCache(doc, cache);
    const blocks = [...doc.blocks];
    blocks.splice(1, 0, 'Inspectors said Southwark’s services were rated ‘good’ in 2019 and must improve supervision.');
    blocks[3] = `${blocks[3]} Leaders must now act.`;
    const changed: SourceDocument = { title: doc.title, blocks };
    const again = withCache(changed, cache);
    // The two changed blocks, plus any block whose role moved (a list that lost its heading).
    expect(cache.analysed).toBeGreaterThanOrEqual(2);
    expect(cache.analysed).toBeLessThanOrEqual(3);
    expect(cache.reused).toBe(blocks.length + 1 - cache.analysed);
    expect(seen(again)).toEqual(seen(analyzeDocument(changed)));
  });

  test('blocks no longer on the page are forgotten', () => {
    const [, doc] = docs[0];
    const cache = new AnalysisCache();
    withCache(doc, cache);
    withCache({ title: doc.title, blocks: doc.blocks.slice(0, 1) }, cache);
    withCache(doc, cache);
    expect(cache.analysed).toBe(doc.blocks.length - 1);
  });
});
