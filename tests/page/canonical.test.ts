// @vitest-environment happy-dom
// The page's address worked out once: the article id drops the fragment; a canonical link counts
// only on the page's own origin; what a page asks for its clips with, as the background reads it.
import { describe, expect, test } from 'vitest';
import { sameArticle } from '../../lib/clips';
import { clipQueryOf } from '../../lib/content/clip-query';
import { pageQuery } from '../../lib/ownership';
import { canonicalUrlOf, claimedCanonical } from '../../lib/page/canonical';

function page(canonical?: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  if (canonical !== undefined) {
    const link = doc.createElement('link');
    link.rel = 'canonical';
    link.setAttribute('href', canonical);
    doc.head.append(link);
  }
  return doc;
}

const at = 'https://news.example/2024/story?utm_source=x#comments';

describe('the canonical URL a page may claim', () => {
  test.each<[string, string | undefined, string | undefined, string]>([
    ['none', undefined, undefined, 'https://news.example/2024/story?utm_source=x'],
    ['same origin, absolute', 'https://news.example/story', 'https://news.example/story', 'https://news.example/story'],
    ['same origin, relative', '/story#top', 'https://news.example/story', 'https://news.example/story'],
    [
      'its fragment dropped',
      'https://news.example/story#x',
      'https://news.example/story',
      'https://news.example/story',
    ],
    ['another site', 'https://other.example/story', undefined, 'https://news.example/2024/story?utm_source=x'],
    ['another scheme', 'http://news.example/story', undefined, 'https://news.example/2024/story?utm_source=x'],
    ['javascript:', 'javascript:alert(1)', undefined, 'https://news.example/2024/story?utm_source=x'],
    ['empty', '', undefined, 'https://news.example/2024/story?utm_source=x'],
    ['malformed', 'https://[bad', undefined, 'https://news.example/2024/story?utm_source=x'],
  ])('%s', (_, href, claimed, filed) => {
    const doc = page(href);
    expect(claimedCanonical(doc, at)).toBe(claimed);
    expect(canonicalUrlOf(doc, at)).toBe(filed);
  });

  test('a canonical link outside <head> (put there by the page body) is not read', () => {
    const doc = page();
    const link = doc.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://news.example/other';
    doc.body.append(link);
    expect(claimedCanonical(doc, at)).toBeUndefined();
  });
});

test('a page asks for its clips with its URL without fragment, and its canonical only when it may claim it', () => {
  // What the page sends, as the background files it (it resolves and checks the link itself).
  const asked = (doc: Document) => pageQuery(at, clipQueryOf(doc, at));
  expect(asked(page('/story#top'))).toEqual({
    url: 'https://news.example/2024/story?utm_source=x',
    canonicalUrl: 'https://news.example/story',
  });
  expect(asked(page('https://evil.example/'))).toEqual({ url: 'https://news.example/2024/story?utm_source=x' });
  expect(asked(page())).toEqual({ url: 'https://news.example/2024/story?utm_source=x' });
  // The same answer as the claimed canonical URL the engine files the page's clips and record under.
  for (const href of ['/story', 'https://news.example/story#x', 'https://evil.example/', ''])
    expect(asked(page(href))?.canonicalUrl).toBe(claimedCanonical(page(href), at));
});

test.each<[string, string, boolean]>([
  ['https://a.example/x#one', 'https://a.example/x#two', true],
  ['https://a.example/x', 'https://a.example/x#', true],
  ['https://A.example/x', 'https://a.example/x', true],
  ['https://a.example/x?p=1', 'https://a.example/x?p=2', false],
  ['https://a.example/x', 'http://a.example/x', false],
])('same article: %s and %s → %s', (a, b, same) => expect(sameArticle(a, b)).toBe(same));
