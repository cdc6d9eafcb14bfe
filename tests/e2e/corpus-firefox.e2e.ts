// The labelled corpus in Firefox (Debian's firefox-esr, the Firefox build as a temporary add-on):
// on real pages of ../shared/corpus the extension finds what the analyser finds in Node in the
// same HTML, as in Chromium (corpus.e2e.ts). Every twelfth page (10, most kinds of the corpus's
// ranges among them), to keep CI short: all 120 agreed when this was written (71 s).
// Skipped where the corpus is not beside the project.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PageReport } from '../../lib/messages';
import { type FirefoxBrowser, type FirefoxTab, launchFirefox, pollUntil } from './firefox';
import { type FixtureServer, serveFixtures } from './harness';
import { corpusPages, corpusPagesDir, differencesFrom, nodeView, REPORT_OF } from './parity';

const pages = corpusPages().filter((_, i) => i % 12 === 3);

describe.skipIf(!pages.length)('the labelled corpus in Firefox', () => {
  let server: FixtureServer;
  let firefox: FirefoxBrowser;
  let panel: FirefoxTab;
  /** One tab for every page, as a reader goes from article to article. */
  let tab: FirefoxTab;
  beforeAll(async () => {
    server = await serveFixtures();
    firefox = await launchFirefox();
    panel = await firefox.openExtensionPage('sidepanel.html');
    tab = await firefox.newTab();
  });
  afterAll(async () => {
    await tab?.close();
    await panel?.close();
    await firefox?.close();
    await server?.close();
  });

  test.each(pages)('%s: the same in Firefox as in Node', async (file) => {
    const html = fs.readFileSync(path.join(corpusPagesDir, file), 'utf8');
    const node = nodeView(file, html);
    server.extra.set(`/corpus/${file}`, html);
    const url = `${server.origin}/corpus/${file}`;
    const errorsBefore = tab.errors.length;
    await tab.goto(url);
    // No performance marks here: the report is read until it agrees, or 8 s have passed.
    const report = await pollUntil(
      () => panel.evaluate<PageReport | null>(REPORT_OF(url)),
      (r) => differencesFrom(r, node).length === 0,
    );
    const errors = tab.errors.slice(errorsBefore);
    server.extra.delete(`/corpus/${file}`);
    expect(differencesFrom(report, node)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
