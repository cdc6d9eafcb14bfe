// The page report is sent only when it changed (lib/content/report-sender.ts), and the background,
// having lost its reports (a restart), asks the page for its report again (lib/reports.ts).
import { describe, expect, test } from 'vitest';
import { createReportSender, type ReportParts } from '../../lib/content/report-sender';
import type { PageReport, ReportedFinding } from '../../lib/messages';
import { reportOrAsk } from '../../lib/reports';

const finding = (id: string) => ({ id });
const parts = (over: Partial<ReportParts['head']> = {}, sources: readonly { id: string }[] = []): ReportParts => ({
  head: {
    url: 'https://news.example/a',
    title: 'Lambeth rated good',
    isInspectionArticle: true,
    confidence: 0.9,
    counts: { 'il-council': 2 },
    outcomes: [],
    highlighting: true,
    ...over,
  },
  sources,
  findings: () => sources.map((f) => ({ id: f.id }) as ReportedFinding),
});

describe('the page report is sent when it changed', () => {
  test('the same report twice is sent once; each change of count, title, highlighting or outcome is sent', async () => {
    const sent: PageReport[] = [];
    const r = createReportSender(async (p) => sent.push(p), 300);
    const a = finding('a');
    await r.send(parts({}, [a]));
    await r.send(parts({}, [a]));
    expect(sent).toHaveLength(1);
    expect(sent[0].findings).toEqual([{ id: 'a' }]);
    await r.send(parts({ counts: { 'il-council': 3 } }, [a]));
    await r.send(parts({ counts: { 'il-council': 3 }, title: 'Lambeth rated outstanding' }, [a]));
    await r.send(parts({ counts: { 'il-council': 3 }, title: 'Lambeth rated outstanding', highlighting: false }, [a]));
    const outcome = { council: { code: 'E09000022', name: 'Lambeth' }, grade: 'good', current: true };
    await r.send(
      parts(
        { counts: { 'il-council': 3 }, title: 'Lambeth rated outstanding', highlighting: false, outcomes: [outcome] },
        [a],
      ),
    );
    expect(sent).toHaveLength(5);
    expect(r.skipped).toBe(1);
  });

  test('a finding replaced by another (a new object), added or removed among the first ones is sent; beyond the limit it is not', async () => {
    const sent: PageReport[] = [];
    const r = createReportSender(async (p) => sent.push(p), 2);
    const [a, b, c] = [finding('a'), finding('b'), finding('c')];
    await r.send(parts({}, [a, b]));
    await r.send(parts({}, [a, finding('b')]));
    await r.send(parts({}, [a]));
    await r.send(parts({}, [a, b]));
    expect(sent).toHaveLength(4);
    // A third finding, past the two the report carries: the report is the same.
    await r.send(parts({}, [a, b, c]));
    expect(sent).toHaveLength(4);
  });

  test('forced, it is sent again; a report that failed to go is sent next time even if the same', async () => {
    const sent: PageReport[] = [];
    let fail = true;
    const r = createReportSender(async (p) => {
      if (fail) throw new Error('no receiver');
      sent.push(p);
    }, 300);
    await r.send(parts());
    fail = false;
    await r.send(parts());
    expect(sent).toHaveLength(1);
    await r.send(parts());
    expect(sent).toHaveLength(1);
    await r.send(parts(), true);
    expect(sent).toHaveLength(2);
  });
});

describe('a report whose findings did not change does not carry them again', () => {
  test('a count changed and the findings the same: sent without its findings, which are not even built', async () => {
    const sent: PageReport[] = [];
    let built = 0;
    const r = createReportSender(async (p) => sent.push(p), 300);
    const a = finding('a');
    const counted = (n: number) => ({
      ...parts({ counts: { 'il-council': n } }, [a]),
      findings: () => {
        built++;
        return [{ id: 'a' } as ReportedFinding];
      },
    });
    await r.send(counted(1));
    await r.send(counted(2));
    await r.send(counted(3));
    expect(sent.map((p) => [p.counts['il-council'], p.findings?.length, p.sameFindings])).toEqual([
      [1, 1, undefined],
      [2, undefined, true],
      [3, undefined, true],
    ]);
    expect(built).toBe(1);
    expect(r.last).toBe('same-findings');
    await r.send(counted(3));
    expect(r.last).toBe('skipped');
    // A finding replaced: sent with the findings.
    await r.send(parts({ counts: { 'il-council': 3 } }, [finding('a')]));
    expect(r.last).toBe('whole');
    expect(sent.at(-1)?.findings).toEqual([{ id: 'a' }]);
    expect(sent.at(-1)?.sameFindings).toBeUndefined();
  });

  test('the first report of a page carries its findings even when there are none to compare with', async () => {
    const sent: PageReport[] = [];
    const r = createReportSender(async (p) => sent.push(p), 300);
    await r.send(parts({}, []));
    expect(sent).toHaveLength(1);
    expect(sent[0].findings).toEqual([]);
    expect(sent[0].sameFindings).toBeUndefined();
  });

  test('a background without the findings answers resend, and gets them; after a failed send they go again', async () => {
    const sent: PageReport[] = [];
    let kept = false;
    let fail = false;
    const r = createReportSender(async (p) => {
      if (fail) throw new Error('no receiver');
      sent.push(p);
      if (p.sameFindings && !kept) return { ok: true, resend: true };
      kept = true;
      return { ok: true };
    }, 300);
    const a = finding('a');
    await r.send(parts({ counts: { 'il-council': 1 } }, [a]));
    kept = false; // the background restarted
    await r.send(parts({ counts: { 'il-council': 2 } }, [a]));
    expect(sent.map((p) => [p.counts['il-council'], p.findings?.length, p.sameFindings])).toEqual([
      [1, 1, undefined],
      [2, undefined, true],
      [2, 1, undefined],
    ]);
    fail = true;
    await r.send(parts({ counts: { 'il-council': 3 } }, [a]));
    fail = false;
    await r.send(parts({ counts: { 'il-council': 4 } }, [a]));
    expect(sent.at(-1)?.findings).toEqual([{ id: 'a' }]);
  });
});

describe('the background asks the page again for a report it does not have', () => {
  test('a kept report is answered without asking; a missing one is asked for and answered once the page sent it', async () => {
    const reports = new Map<number, { title: string }>([[1, { title: 'kept' }]]);
    const asked: number[] = [];
    const ask = async (tabId: number) => {
      asked.push(tabId);
      // The page answers by sending its report, which the background keeps before the reply arrives.
      reports.set(tabId, { title: `sent again by tab ${tabId}` });
    };
    expect(await reportOrAsk(1, reports, ask)).toEqual({ title: 'kept' });
    expect(asked).toEqual([]);
    expect(await reportOrAsk(2, reports, ask)).toEqual({ title: 'sent again by tab 2' });
    expect(asked).toEqual([2]);
  });

  test('a tab with no content script (the ask fails) gets null', async () => {
    const ask = () => Promise.reject(new Error('Could not establish connection'));
    expect(await reportOrAsk(5, new Map(), ask)).toBeNull();
  });
});
