import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import { isJunkName, isSkipped, JUNK } from '../../lib/page/element-rules';
import { mulberry32 } from '../support/fuzz';

// Extraction skips an element whose class or id names page furniture. That used to be one pattern
// (454 characters, compiled by every article page in a new tab); it is now read by hand
// (`isJunkName`). The pattern is kept here in full and both must agree on every class and id of the
// fixture and corpus pages, on the pattern's own words and on generated names.
const before =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommended|more-stories|newsletter|signup|sign-up|subscribe|promo|advert|adverts?|ads?|advertisement|sponsor\w*|cookie\w*|consent|comments?|footer|sidebar|widget|popular|trending|tags?|author-bio|byline|masthead|site-header|skip-link|visually-hidden|sr-only|print-only|read-more|readmore|more-from|also-read|inline-related|recirc|outbrain|taboola|paywall|subscription)(?:[-_\s]|$)/i;

test('the pattern extraction switches to after its first 512 names is this one', () => {
  expect(JUNK).toEqual(before);
});

const fixturePages = path.resolve(import.meta.dirname, '../fixtures/pages');
const corpusPages = path.resolve(import.meta.dirname, '../../../shared/corpus/pages');
const pageFiles = [fixturePages, corpusPages]
  .filter((d) => fs.existsSync(d))
  .flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith('.html'))
      .map((f) => path.join(d, f)),
  );

/** Every class and id attribute of every page, and the string extraction reads (class, a space, id). */
function namesOfPages(): string[] {
  const out = new Set<string>();
  for (const f of pageFiles) {
    const doc = parseHtml(fs.readFileSync(f, 'utf8'));
    for (const el of doc.querySelectorAll('[class], [id]')) {
      const cls = el.getAttribute('class') ?? '';
      const id = el.getAttribute('id') ?? '';
      out.add(cls);
      out.add(id);
      out.add(`${cls} ${id}`);
    }
  }
  return [...out];
}

const words = (before.source.match(/[A-Za-z]+(?:-[A-Za-z]+)*/g) ?? ([] as string[])).concat(
  'ad ads tag tags comment breadcrumb advert adverts sponsored cookiebar cookie1 article header main content story body post entry x'.split(
    ' ',
  ),
);
// Every character `\s` matches, one that it does not (U+200B) and other joins.
const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const glue = ['-', '_', '--', '\u200b', '\u180e', '.', ':', '', '1', 'é', '__', ...spaces, ...spaces.slice(0, 3)];
const shapes: ((w: string) => string)[] = [
  (w) => w,
  (w) => w.toUpperCase(),
  (w) => w.replace(/^./, (c) => c.toUpperCase()),
  (w) => w.replace(/k/g, '\u212a'),
  (w) => w.replace(/i/g, '\u0130'),
  (w) => w.replace(/s/g, '\u017f'),
  (w) => `${w}s`,
  (w) => `${w}_x`,
  (w) => `${w}9`,
  (w) => `${w}0z`,
  (w) => `${w}é`,
  (w) => w.slice(1),
  (w) => w.slice(0, -1),
];

/** Class and id strings of a few words joined by separators and look-alikes, in any case. */
function generatedNames(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: n }, () => {
    const len = 1 + Math.floor(rnd() * 4);
    let s = rnd() < 0.2 ? pick(glue) : '';
    for (let i = 0; i < len; i++) s += (i ? pick(glue) : '') + pick(shapes)(pick(words));
    return rnd() < 0.2 ? s + pick(glue) : s;
  });
}

function expectSame(inputs: string[]): number {
  let matched = 0;
  for (const s of inputs) {
    const want = before.test(s);
    expect([s, isJunkName(s)]).toEqual([s, want]);
    if (want) matched++;
  }
  return matched;
}

describe('furniture class and id names, read by hand as the pattern read them', () => {
  test('the examples', () => {
    const yes = [
      'nav',
      'site-nav',
      'Main_Menu',
      'share-tools',
      'more-stories',
      'sign-up-box',
      'SponsoredContent',
      'cookie-banner',
      'cookiebar2',
      'ad',
      'ads',
      'tags',
      'x inline-related',
      'page skip-link',
      'visually-hidden',
      'a\u00a0footer',
    ];
    const no = [
      'navigation',
      'menus',
      'sign',
      'up',
      'more',
      'stories',
      'sponsoré',
      'cookie.x',
      'headline',
      'advertising',
      '',
      'ad.',
    ];
    for (const s of yes) expect([s, isJunkName(s)]).toEqual([s, true]);
    for (const s of no) expect([s, isJunkName(s)]).toEqual([s, false]);
    expectSame([...yes, ...no]);
  });

  test('every class and id of the fixture and corpus pages', () => {
    const names = namesOfPages();
    expect(names.length).toBeGreaterThan(50);
    expect(expectSame(names)).toBeGreaterThan(15);
  });

  test('every word and hyphened pair of the pattern, alone and between separators', () => {
    const inputs = words.flatMap((w) =>
      shapes.flatMap((f) => glue.flatMap((g) => [f(w), `${g}${f(w)}${g}`, `x${g}${f(w)}`])),
    );
    expect(expectSame(inputs)).toBeGreaterThan(500);
  });

  test('60,000 generated names', () => {
    expect(expectSame(generatedNames(60_000, 1716))).toBeGreaterThan(10_000);
  });

  test('an element is skipped by its furniture class or id, not by an article one', () => {
    const doc = parseHtml(
      '<body><div class="share-bar">a</div><div id="Cookie_notice">b</div><div class="navigation">c</div><div class="related article">d</div></body>',
    );
    const skipped = [...doc.querySelectorAll('div')].map((el) => isSkipped(el));
    expect(skipped).toEqual([true, true, false, false]);
  });
});

describe('past its first 512 elements, extraction hands over to the pattern with the same answers', () => {
  test('1,200 elements with furniture and article classes', () => {
    const names = generatedNames(1_200, 1717);
    const doc = parseHtml(`<body>${names.map(() => '<div>x</div>').join('')}</body>`);
    const divs = [...doc.querySelectorAll('div')];
    divs.forEach((el, i) => {
      el.setAttribute('class', names[i]);
    });
    const want = names.map((n) => before.test(`${n} `) && !/article|story-body|post-body|entry-content/i.test(`${n} `));
    expect(divs.map((el) => isSkipped(el))).toEqual(want);
    expect(want.filter(Boolean).length).toBeGreaterThan(200);
  });
});
