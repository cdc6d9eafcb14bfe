// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { findingsOf } from '../../lib/analysis/findings';
import { parseHtml } from '../../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../../lib/page/extract';
import { inTextOrder } from '../../lib/page/lens';

const pagesDir = path.join(import.meta.dirname, '../fixtures/pages');

describe('findings in text order', () => {
  test('the merge of the kinds orders every fixture page exactly as a stable sort by start does', () => {
    let compared = 0;
    for (const name of fs.readdirSync(pagesDir).filter((f) => f.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(pagesDir, name), 'utf8');
      const analysis = analyzeDocument(toSourceDocument(extractArticle(parseHtml(html))));
      const sorted = findingsOf(analysis).sort((x, y) => x.start - y.start);
      expect(
        inTextOrder(analysis).map((f) => f.id),
        name,
      ).toEqual(sorted.map((f) => f.id));
      compared += sorted.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
