import { describe, expect, test } from 'vitest';
import type { Article, Clip } from '../lib/clips';
import {
  clipBelongsTo,
  mayWriteArticle,
  mayWriteClip,
  ownCanonical,
  pageQuery,
  sameOrigin,
  toPageClip,
} from '../lib/ownership';
import { RateLimit } from '../lib/rate-limit';

const page = 'https://news.example.org/story?id=1#top';
const own = 'https://news.example.org/story?id=1';

const article = (over: Partial<Article> = {}): Article => ({
  id: own,
  url: own,
  canonicalUrl: own,
  title: 'Story',
  site: 'news.example.org',
  outcomes: [],
  created: 1,
  updated: 1,
  ...over,
});

const clip = (over: Partial<Clip> = {}): Clip => ({
  id: 'c1',
  articleId: own,
  url: own,
  quote: 'rated good',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'rated good', prefix: 'was ', suffix: ' by' },
    { type: 'TextPositionSelector', start: 4, end: 14 },
  ],
  textModel: 'article',
  category: 'selection',
  councilCodes: ['E09000012'],
  grades: ['good'],
  note: 'my private note',
  tags: ['private-tag'],
  colour: 'pink',
  created: 1,
  updated: 1,
  orphaned: false,
  ...over,
});

describe('same origin', () => {
  test('scheme, host and port must all match; anything not http(s) never matches', () => {
    expect(sameOrigin('https://a.org/x', 'https://a.org/y?q')).toBe(true);
    expect(sameOrigin('https://a.org/x', 'http://a.org/x')).toBe(false);
    expect(sameOrigin('https://a.org/x', 'https://a.org:8443/x')).toBe(false);
    expect(sameOrigin('https://a.org/x', 'https://b.a.org/x')).toBe(false);
    expect(sameOrigin('file:///x', 'file:///x')).toBe(false);
    expect(sameOrigin('not a url', 'not a url')).toBe(false);
  });
});

describe('a canonical link counts only on the page’s own origin', () => {
  test('same origin: kept (relative links resolved, fragment dropped)', () => {
    expect(ownCanonical(page, 'https://news.example.org/story')).toBe('https://news.example.org/story');
    expect(ownCanonical(page, '/story#x')).toBe('https://news.example.org/story');
  });
  test('another site, another scheme, a malformed or missing link: none', () => {
    expect(ownCanonical(page, 'https://other.example.com/story')).toBeUndefined();
    expect(ownCanonical(page, 'http://news.example.org/story')).toBeUndefined();
    expect(ownCanonical(page, 'javascript:alert(1)')).toBeUndefined();
    expect(ownCanonical(page, 'http://[bad')).toBeUndefined();
    expect(ownCanonical(page, null)).toBeUndefined();
  });
});

describe('what a page may ask for', () => {
  test('its own URL, with a same-origin canonical', () => {
    expect(pageQuery(page, { url: own, canonicalUrl: 'https://news.example.org/story' })).toEqual({
      url: own,
      canonicalUrl: 'https://news.example.org/story',
    });
  });
  test('a canonical on another site is dropped: the page still gets its own clips, not that site’s', () => {
    expect(pageQuery(page, { url: own, canonicalUrl: 'https://victim.example.com/a' })).toEqual({ url: own });
  });
  test('another page’s URL: refused', () => {
    expect(pageQuery(page, { url: 'https://victim.example.com/a' })).toBeNull();
    expect(pageQuery(page, { url: 'https://news.example.org/story?id=2' })).toBeNull();
  });
  test('a sender with no web URL asks for nothing', () => {
    expect(pageQuery('', { url: '' })).toBeNull();
  });
});

describe('what a page may save', () => {
  test('a clip and article of its own page, canonical its own or same-origin', () => {
    expect(mayWriteClip(page, clip(), article())).toBe(true);
    expect(mayWriteClip(page, clip(), article({ canonicalUrl: 'https://news.example.org/story' }))).toBe(true);
    expect(mayWriteArticle(page, article())).toBe(true);
  });
  test('any of clip URL, clip article, article id, article URL or canonical elsewhere: refused', () => {
    const elsewhere = 'https://victim.example.com/a';
    expect(mayWriteClip(page, clip({ url: elsewhere }), article())).toBe(false);
    expect(mayWriteClip(page, clip({ articleId: elsewhere }), article())).toBe(false);
    expect(mayWriteClip(page, clip(), article({ id: elsewhere }))).toBe(false);
    expect(mayWriteClip(page, clip(), article({ url: elsewhere }))).toBe(false);
    expect(mayWriteClip(page, clip(), article({ canonicalUrl: elsewhere }))).toBe(false);
    expect(mayWriteArticle(page, article({ canonicalUrl: elsewhere }))).toBe(false);
    expect(mayWriteArticle(page, article({ canonicalUrl: 'http://news.example.org/story' }))).toBe(false);
  });
});

describe('what a page gets back', () => {
  test('only ids, quotes and selectors: no note, tags, colour or finding', () => {
    const c = clip({ finding: { kind: 'grade', grade: 'good', councils: [{ code: 'E09000012', name: 'Hackney' }] } });
    const sent = toPageClip(c);
    expect(Object.keys(sent).sort()).toEqual(['id', 'orphaned', 'quote', 'selectors', 'textModel']);
    expect(JSON.stringify(sent)).not.toMatch(/private|pink|Hackney|E09000012/);
  });
  test('a stored clip of another site never belongs to the page, even when the store matched it', () => {
    expect(clipBelongsTo(page, clip())).toBe(true);
    expect(
      clipBelongsTo(page, clip({ url: 'https://victim.example.com/a', articleId: 'https://victim.example.com/a' })),
    ).toBe(false);
  });
});

describe('rate limit', () => {
  test('at most `max` in the window per key; others unaffected; room again once the window has passed', () => {
    const limit = new RateLimit<number>(3, 60_000);
    expect([0, 1, 2, 3].map((i) => limit.allow(7, 1000 + i))).toEqual([true, true, true, false]);
    expect(limit.allow(8, 1005)).toBe(true);
    expect(limit.allow(7, 30_000)).toBe(false);
    expect(limit.allow(7, 61_001)).toBe(true);
    limit.forget(7);
    expect([limit.allow(7, 61_002), limit.allow(7, 61_003)]).toEqual([true, true]);
  });
});
