// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { articleOf, buildClip, saveWithRetry, tooLongToClip } from '../../lib/page/clipper';
import { LIMITS } from '../../lib/store/records';

describe('building clips and articles', () => {
  test('a clip carries both selectors and the finding’s councils and grade for the indexes', () => {
    const text = 'Title\n\nLambeth was rated ‘inadequate’ in 2015 by Ofsted.';
    const start = text.indexOf('‘inadequate’');
    const clip = buildClip('https://n.example/a#x', text, { start, end: start + 12 }, 'article', 'grade', {
      kind: 'grade',
      grade: 'inadequate',
      councils: [{ code: 'E09000022', name: 'Lambeth' }],
      current: false,
      year: 2015,
    });
    expect(clip).toMatchObject({
      articleId: 'https://n.example/a',
      quote: '‘inadequate’',
      councilCodes: ['E09000022'],
      grades: ['inadequate'],
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: '‘inadequate’',
          prefix: 'Title\n\nLambeth was rated ',
          suffix: ' in 2015 by Ofsted.',
        },
        { type: 'TextPositionSelector', start, end: start + 12 },
      ],
    });
    expect(clip.id).toMatch(/^[0-9a-f]{32}$/);
  });

  test('the article record reads canonical URL, title, site and date from the page', () => {
    document.head.innerHTML =
      '<title>Fallback</title><link rel="canonical" href="/story?id=1"><meta property="og:title" content="Lambeth exits inadequate"><meta property="og:site_name" content="CYP Now"><meta property="article:published_time" content="2018-05-01">';
    const a = articleOf(document, 'https://n.example/story?id=1&utm=x#top');
    expect(a).toMatchObject({
      id: 'https://n.example/story?id=1&utm=x',
      canonicalUrl: 'https://n.example/story?id=1',
      title: 'Lambeth exits inadequate',
      site: 'CYP Now',
      published: '2018-05-01',
    });
  });
});

describe('saving with retries', () => {
  const noDelay = () => Promise.resolve();

  test('a background that is restarting is retried until it answers, once', async () => {
    let calls = 0;
    const retries: number[] = [];
    const r = await saveWithRetry(
      async () => {
        calls++;
        if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, created: true, id: 'c1' };
      },
      (a) => retries.push(a),
      6,
      noDelay,
    );
    expect(r).toEqual({ ok: true, created: true, id: 'c1' });
    expect(retries).toEqual([1, 2]);
  });

  test('a full disk is reported at once, not retried', async () => {
    let calls = 0;
    const r = await saveWithRetry(
      async () => {
        calls++;
        return { ok: false, error: 'storage quota exceeded', retry: false };
      },
      () => {},
      6,
      noDelay,
    );
    expect(calls).toBe(1);
    expect(r).toMatchObject({ ok: false, error: 'storage quota exceeded' });
  });

  test('a message too large for the browser to send is reported at once, not retried', async () => {
    let calls = 0;
    const retries: number[] = [];
    const r = await saveWithRetry(
      async () => {
        calls++;
        throw new Error('Message length exceeded maximum allowed length.');
      },
      (a) => retries.push(a),
      6,
      noDelay,
    );
    expect(calls).toBe(1);
    expect(retries).toEqual([]);
    expect(r).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/too large to save/) });
  });

  test('a selection longer than the clip limit is refused before sending, saying why', () => {
    expect(tooLongToClip({ start: 0, end: 150_000 })).toBeNull();
    expect(tooLongToClip({ start: 10, end: 10 + LIMITS.quote + 1 })).toMatch(
      /too long to clip \(1,000,001 characters; the limit is 1,000,000\)/,
    );
  });

  test('a save that hangs (database blocked) is tried again, then reported', async () => {
    let calls = 0;
    const r = await saveWithRetry(
      () => {
        calls++;
        return calls === 1 ? new Promise(() => {}) : Promise.resolve({ ok: true, created: false, id: 'c1' });
      },
      () => {},
      3,
      noDelay,
      20,
    );
    expect(calls).toBe(2);
    expect(r).toEqual({ ok: true, created: false, id: 'c1' });
    const never = await saveWithRetry(
      () => new Promise(() => {}),
      () => {},
      2,
      noDelay,
      10,
    );
    expect(never).toMatchObject({ ok: false, error: expect.stringMatching(/no answer in time/) });
  });

  test('a background that never answers gives a clear failure after the last try', async () => {
    const r = await saveWithRetry(
      () => Promise.reject(new Error('gone')),
      () => {},
      3,
      noDelay,
    );
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/could not reach its storage.*Nothing was saved/),
    });
  });
});
