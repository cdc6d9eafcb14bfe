// @vitest-environment happy-dom
// The gov.uk site a page is on, read from the page (a council's release names its council by it).
import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import { siteOf } from '../../lib/page/extract';
import { createHighlighter } from '../../lib/page/highlighter';
import { PageLens } from '../../lib/page/lens';

const page = (head: string) =>
  parseHtml(`<!doctype html><html><head>${head}</head><body><article><h1>Our services for children are good</h1>
  <p>We are delighted that Ofsted has judged our services for children and families as good, up from requires improvement at the last inspection.</p>
  <p>Inspectors said children in care are well supported and that social workers know their children well.</p></article></body></html>`);

describe('siteOf', () => {
  test.each([
    ['<link rel="canonical" href="https://www.swindon.gov.uk/news/ofsted">', 'www.swindon.gov.uk'],
    ['<meta property="og:url" content="https://news.leeds.gov.uk/news/x">', 'news.leeds.gov.uk'],
    ['<title>Ofsted judges our services good | swindon.gov.uk</title>', 'swindon.gov.uk'],
    ['<title>Ofsted judges our services good - democracy.thurrock.gov.uk</title>', 'democracy.thurrock.gov.uk'],
    ['<link rel="canonical" href="https://www.swindonadvertiser.co.uk/news/1">', undefined],
    ['<title>Ofsted judges council services good | Swindon Advertiser</title>', undefined],
    ['<link rel="canonical" href="::not a url::">', undefined],
  ])('%s → %s', (head, site) => {
    expect(siteOf(page(head))).toBe(site);
  });
});

describe('the page lens on a council’s site', () => {
  test('a release naming no council is given the council of the site it is on', () => {
    document.documentElement.innerHTML = page(
      '<link rel="canonical" href="https://www.swindon.gov.uk/news/ofsted">',
    ).documentElement.innerHTML;
    const report = new PageLens(document, createHighlighter(document, { forceMarks: true })).run();
    expect(report.isInspectionArticle).toBe(true);
    const outcomes = report.analysis?.outcomes.map((o) => [o.council?.name, o.grade, o.current]);
    expect(outcomes).toContainEqual(['Swindon', 'good', true]);
  });
});
