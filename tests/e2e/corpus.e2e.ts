// The reader sees what the scorer reads: on every labelled real page of ../shared/corpus (news
// sites, trade press, council releases, minutes, 2009–2025), the extension in Chromium finds what
// the command-line analyser finds in Node in the same HTML: article or not, the findings per
// highlight, the outcomes, and the words each highlight drawn in the page covers. Skipped where the corpus is not beside the project (a user's clone).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useExtensionBrowser } from './harness';
import { compareWithNode, corpusPages, corpusPagesDir } from './parity';

// Every other page in CI (60), to keep .ci/run short on a loaded machine; all 120 agreed when
// this was written (`npm run eval:browser` compares them all, with the same checks).
const pages = corpusPages().filter((_, i) => i % 2 === 0);

describe('the labelled corpus in Chromium', () => {
  const env = useExtensionBrowser();
  let panel: Page;
  /** One tab for every page, as a reader goes from article to article. */
  let tab: Page;
  beforeAll(async () => {
    panel = await env.ext.openSidePanel();
    tab = await env.ext.context.newPage();
  });
  afterAll(async () => {
    await tab?.close();
    await panel?.close();
  });

  test('a difference is seen: an article a page script writes is found in Chromium, not in the saved HTML', async () => {
    const article = fs.readFileSync(
      path.join(import.meta.dirname, '../fixtures/pages/003_7373dea24638aad1.html'),
      'utf8',
    );
    const body = article.slice(article.indexOf('<body'), article.lastIndexOf('</body>') + 7);
    const scripted = `<!doctype html><html><head><title>News</title></head><body><p>Loading…</p><script>
      document.body.outerHTML = ${JSON.stringify(body).replace(/</g, '\\u003c')};</script></body></html>`;
    const { report, differences } = await compareWithNode(env.ext, env.server, panel, 'scripted.html', scripted);
    expect(report?.isInspectionArticle).toBe(true);
    expect(differences).toContain('article: browser true, Node false');
  });

  test.skipIf(!pages.length).each(pages)('%s: the same in Chromium as in Node', async (file) => {
    const html = fs.readFileSync(path.join(corpusPagesDir, file), 'utf8');
    const { report, differences, wordDifferences, pageErrors } = await compareWithNode(
      env.ext,
      env.server,
      panel,
      file,
      html,
      tab,
    );
    expect(report).not.toBeNull();
    expect(differences).toEqual([]);
    // The highlights drawn cover the findings' own words (the text-to-Range mapping on real pages).
    expect(wordDifferences).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
