// `npm run eval:browser`: the extension in real Chromium on every page of ../shared/corpus,
// against the analyser run in Node on the same HTML (what `npm run eval` scores). A reader sees
// what the content script finds in the live page; the scorer reads what the command-line analyser
// finds in the saved one. This prints where the two differ, page by page: whether the page is an
// article, the findings per highlight, the outcomes, the words each highlight covers
// (tests/e2e/corpus.e2e.ts asserts the same on every other page).
//
//   npm run eval:browser                                      # builds, then every page
//   IL_REUSE_BUILD=1 npm run eval:browser -- t01 t02 --show   # some pages, the last build, each page's figures
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchWithExtension, root, serveFixtures } from '../tests/e2e/harness';
import { compareWithNode, corpusPagesDir, countsLine } from '../tests/e2e/parity';

if (!fs.existsSync(corpusPagesDir)) {
  console.log(
    `eval:browser: no corpus at ${corpusPagesDir} (it sits beside the project in ../shared); nothing to compare.`,
  );
  process.exit(0);
}
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const show = process.argv.includes('--show');
const files = fs
  .readdirSync(corpusPagesDir)
  .filter((f) => f.endsWith('.html') && (!only.length || only.includes(f.replace(/\.html$/, ''))))
  .sort();

if (process.env.IL_REUSE_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });

const server = await serveFixtures();
const ext = await launchWithExtension();
const panel = await ext.openSidePanel();
let same = 0;
let articles = 0;
let findings = 0;
let outcomes = 0;
let errors = 0;
try {
  for (const f of files) {
    const id = f.replace(/\.html$/, '');
    const html = fs.readFileSync(path.join(corpusPagesDir, f), 'utf8');
    const { report, differences, wordDifferences, pageErrors } = await compareWithNode(
      ext,
      server,
      panel,
      f,
      html,
    ).catch((e) => ({
      report: null,
      differences: [`failed: ${(e as Error).message.split('\n')[0]}`],
      wordDifferences: [],
      pageErrors: [],
    }));
    if (report?.isInspectionArticle) {
      articles++;
      findings += Object.values(report.counts).reduce((a, n) => a + n, 0);
      outcomes += report.outcomes.length;
    }
    const lines = [...differences, ...wordDifferences, ...pageErrors.map((e) => `page error: ${e}`)];
    errors += pageErrors.length;
    if (lines.length) console.log(`${id}:\n  ${lines.join('\n  ')}`);
    else {
      same++;
      if (show)
        console.log(
          `${id}: ${report?.isInspectionArticle ? `{${countsLine(report.counts)}}, ${report.outcomes.length} outcomes` : 'not an article'}`,
        );
    }
  }
} finally {
  await panel.close();
  await ext.close();
  await server.close();
}
console.log(
  `\n${files.length} pages (${articles} articles in Chromium, ${findings} findings, ${outcomes} outcomes): ${same} the same in Chromium as in Node (article or not, findings per highlight, outcomes, the words each highlight covers), ${files.length - same} differ; ${errors} page errors`,
);
