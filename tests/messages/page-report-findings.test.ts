import { describe, expect, test } from 'vitest';
import { MAX_REPORTED_FINDINGS, parseMessage, type ReportedFinding } from '../../lib/messages';

const finding = (over: Partial<ReportedFinding> = {}): ReportedFinding => ({
  id: 'g:10:20:inadequate',
  kind: 'grade',
  text: 'inadequate',
  sentence: 'Lambeth was rated inadequate in 2019.',
  start: 10,
  grade: 'inadequate',
  councils: [{ code: 'E09000022', name: 'Lambeth' }],
  current: true,
  year: 2019,
  ...over,
});
const report = (findings: unknown) => ({
  type: 'pageReport',
  data: {
    url: 'https://news.example/a',
    title: 'A',
    isInspectionArticle: true,
    confidence: 0.9,
    counts: {},
    outcomes: [],
    highlighting: true,
    findings,
  },
});

describe('a page report carries a bounded, checked list of findings', () => {
  test('well-formed findings pass, and a report without them still does', () => {
    expect(
      parseMessage(report([finding(), finding({ kind: 'improvement', topic: 'caseloads', councils: [] })])),
    ).not.toBeNull();
    expect(parseMessage(report(undefined))).not.toBeNull();
  });

  test('more than the limit, or a malformed finding, is refused', () => {
    expect(parseMessage(report(Array.from({ length: MAX_REPORTED_FINDINGS + 1 }, () => finding())))).toBeNull();
    expect(parseMessage(report([finding({ kind: 'nonsense' as 'grade' })]))).toBeNull();
    expect(parseMessage(report([finding({ sentence: 'x'.repeat(2001) })]))).toBeNull();
    expect(parseMessage(report([{ ...finding(), councils: [{ code: 5 }] }]))).toBeNull();
    expect(parseMessage(report('not a list'))).toBeNull();
  });

  test('"the same findings as last time" is a plain true, and never beside a list of findings', () => {
    const same = (v: unknown, findings?: unknown) => {
      const r = report(findings);
      return parseMessage({ ...r, data: { ...r.data, sameFindings: v } });
    };
    expect(same(true)).not.toBeNull();
    expect(same(true, [finding()])).toBeNull();
    expect(same(false)).toBeNull();
    expect(same('yes')).toBeNull();
    expect(same({ valueOf: () => true })).toBeNull();
  });

  test('the panel’s requests to a page name a finding by a short id', () => {
    expect(parseMessage({ type: 'showFindingInTab', data: { tabId: 3, findingId: 'g:1:2:good' } })).not.toBeNull();
    expect(parseMessage({ type: 'clipFindingInTab', data: { tabId: 3, findingId: 'x'.repeat(201) } })).toBeNull();
    expect(parseMessage({ type: 'listCouncils', data: null })).not.toBeNull();
  });
});
