// A council's own web site names the council of a release that names none: the host names read.
import { describe, expect, test } from 'vitest';
import { analyzeDocument, toResult } from '../../lib/analysis/analyze';
import { councilForHost } from '../../lib/data/hosts';

describe('the council whose site a host is', () => {
  test.each([
    ['swindon.gov.uk', 'Swindon'],
    ['www.bracknell-forest.gov.uk', 'Bracknell Forest'],
    ['democracy.thurrock.gov.uk', 'Thurrock'],
    ['news.leeds.gov.uk', 'Leeds'],
    ['performance.westsussex.gov.uk', 'West Sussex'],
    ['telford.gov.uk', 'Telford and Wrekin'],
    ['cornwall.gov.uk', 'Cornwall'], // not the former Cornwall County Council
    ['democracy.somerset.gov.uk', 'Somerset'],
    ['nottinghamcity.gov.uk', 'Nottingham'],
    ['royalgreenwich.gov.uk', 'Greenwich'],
    ['brighton-hove.gov.uk', 'Brighton and Hove'],
    ['hull.gov.uk', 'Kingston upon Hull'],
    ['hants.gov.uk', 'Hampshire'],
    ['bathnes.gov.uk', 'Bath and North East Somerset'],
    ['westmorlandandfurness.gov.uk', 'Westmorland and Furness'],
    ['NEWS.MERTON.GOV.UK.', 'Merton'],
  ])('%s is %s', (host, name) => {
    expect(councilForHost(host)?.name).toBe(name);
  });

  test.each([
    'gov.uk',
    'www.gov.uk',
    'justiceinspectorates.gov.uk',
    'hampshire-pcc.gov.uk',
    'swindon.co.uk',
    'swindonadvertiser.co.uk',
    'bbc.co.uk',
    'ofsted.gov.uk',
    '127.0.0.1',
    '',
  ])('%s is no council', (host) => {
    expect(councilForHost(host)).toBeNull();
  });
});

describe("a release on a council's site", () => {
  const page = {
    title: 'Ofsted judges our children’s services good',
    blocks: [
      'We are delighted that Ofsted has judged our services for children and families as good, up from requires improvement at the last inspection.',
    ],
  };
  const outcomes = (site?: string) =>
    toResult('x', analyzeDocument({ ...page, ...(site ? { site } : {}) }), page.title).grades.map((g) => [
      g.grade,
      g.current,
      g.council?.name ?? null,
    ]);

  test('names its council where it names none', () => {
    expect(outcomes('www.swindon.gov.uk')).toEqual([
      ['good', true, 'Swindon'],
      ['good', true, 'Swindon'],
      ['requires improvement', false, 'Swindon'],
    ]);
  });

  test('names none elsewhere, and a council the page names wins over the site', () => {
    expect(outcomes()).toEqual([
      ['good', true, null],
      ['good', true, null],
      ['requires improvement', false, null],
    ]);
    const named = { ...page, blocks: [`Wiltshire Council said: ${page.blocks[0]}`], site: 'swindon.gov.uk' };
    const r = toResult('x', analyzeDocument(named), named.title);
    expect(r.grades.slice(1).map((g) => g.council?.name)).toEqual(['Wiltshire', 'Wiltshire']);
  });
});
