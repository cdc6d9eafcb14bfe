// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { pageCanonical, pageIdentity } from '../../lib/page/canonical';

function withCanonical(href: string | null) {
  document.head.innerHTML = href === null ? '' : `<link rel="canonical" href="${href}">`;
  return document;
}

describe('the page’s identity: article id without fragment, canonical on its own origin only', () => {
  test.each([
    ['no canonical link', 'https://news.example/a?x=1#top', null, { url: 'https://news.example/a?x=1' }],
    [
      'a relative canonical',
      'https://news.example/a?x=1#top',
      '/a',
      { url: 'https://news.example/a?x=1', canonicalUrl: 'https://news.example/a' },
    ],
    [
      'a canonical with a fragment',
      'https://news.example/a',
      'https://news.example/story#p2',
      { url: 'https://news.example/a', canonicalUrl: 'https://news.example/story' },
    ],
    [
      'another site’s canonical is ignored',
      'https://news.example/a',
      'https://other.example/a',
      { url: 'https://news.example/a' },
    ],
    [
      'another scheme is another origin',
      'https://news.example/a',
      'http://news.example/a',
      { url: 'https://news.example/a' },
    ],
    ['a malformed canonical is ignored', 'https://news.example/a', 'http://[bad', { url: 'https://news.example/a' }],
  ])('%s', (_why, url, href, expected) => {
    const doc = withCanonical(href);
    expect(pageIdentity(doc, url)).toEqual(expected);
    expect(pageCanonical(doc, url)).toBe((expected as { canonicalUrl?: string }).canonicalUrl);
  });
});
