import { expect, test } from 'vitest';
import { isPaused, parsePausedSites, siteOf, withSitePaused } from '../lib/pause';

test('a site is its host name; pages that are not http(s) have none', () => {
  expect(siteOf('https://News.Example.org:8443/a?b#c')).toBe('news.example.org');
  expect(siteOf('http://127.0.0.1:3000/x')).toBe('127.0.0.1');
  expect(siteOf('file:///home/a.html')).toBeNull();
  expect(siteOf('chrome-extension://abc/sidepanel.html')).toBeNull();
  expect(siteOf('not a url')).toBeNull();
});

test('pausing and resuming one site leaves the others; the stored list is cleaned of anything odd', () => {
  let list: unknown;
  list = withSitePaused(list, 'a.org', true);
  list = withSitePaused(list, 'b.org', true);
  list = withSitePaused(list, 'a.org', true);
  expect(list).toEqual(['b.org', 'a.org']);
  expect(isPaused(list, 'a.org')).toBe(true);
  expect(isPaused(list, 'c.org')).toBe(false);
  expect(isPaused(list, null)).toBe(false);
  list = withSitePaused(list, 'a.org', false);
  expect(list).toEqual(['b.org']);
  expect(isPaused(list, 'a.org')).toBe(false);
  expect(parsePausedSites(['ok.org', 42, null, 'has space', '<script>', 'ok.org'])).toEqual(['ok.org']);
  expect(parsePausedSites('a.org')).toEqual([]);
});
