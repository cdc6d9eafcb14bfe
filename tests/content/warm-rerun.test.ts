// @vitest-environment happy-dom
// A long article's idle re-run (lib/content/warm-rerun.ts): once after the first run, with the page
// unchanged, the runner runs again while the page is idle; it takes everything from the last run,
// draws nothing new, tells the background nothing, and the next real change is still reported.
// And the page report, sent only when it changed, and again when the background asks for it.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPageRunner } from '../../lib/content/runner';
import { WARM_CHARS, whenIdle } from '../../lib/content/warm-rerun';
import { context, fakeBackground, loadPage, until } from './helpers';

// happy-dom has no Highlight API: a registry of sets of ranges stands in for it, so the runner
// works as in a browser (the page's text nodes untouched, changes tracked block by block).
const registry = new Map<string, Set<Range>>();
class FakeHighlight extends Set<Range> {
  priority = 0;
}
const fake = { CSS: { highlights: registry }, Highlight: FakeHighlight };
const own = Object.fromEntries(Object.keys(fake).map((k) => [k, Object.getOwnPropertyDescriptor(window, k)]));
beforeEach(() => {
  fakeBrowser.reset();
  registry.clear();
  for (const [k, value] of Object.entries(fake))
    Object.defineProperty(window, k, { value, configurable: true, writable: true });
});
afterEach(() => {
  for (const [k, d] of Object.entries(own))
    if (d) Object.defineProperty(window, k, d);
    else delete (window as unknown as Record<string, unknown>)[k];
});

/** The text of every highlight drawn, category by category. */
const drawnTexts = () => [...registry].flatMap(([name, h]) => [...h].map((r) => `${name}: ${r.toString()}`)).sort();

const reports = (sent: { type: string; data: unknown }[]) => sent.filter((m) => m.type === 'pageReport');

/** The seed article with its paragraphs repeated (each copy numbered) until its text passes `chars`. */
function loadLongPage(chars: number) {
  loadPage();
  const article = document.querySelector('article') as Element;
  const paras = [...article.querySelectorAll('p')];
  for (let i = 1; (article.textContent ?? '').length < chars; i++)
    for (const p of paras) {
      const copy = p.cloneNode(true) as Element;
      copy.append(` (note ${i})`);
      article.append(copy);
    }
}

const settled = async (sent: { type: string; data: unknown }[]) => {
  for (let n = -1; n !== reports(sent).length; ) {
    n = reports(sent).length;
    await new Promise((r) => setTimeout(r, 400));
  }
};

describe('the idle re-run of a long article', () => {
  test('runs once after the first run: nothing analysed again, the same highlights, no report; a later change is reported', async () => {
    const sent = fakeBackground();
    loadLongPage(WARM_CHARS + 5_000);
    const cx = context();
    // The stored settings read first: the only reports are the runs' own.
    await cx.gate.ready;
    const runner = startPageRunner(cx, { worth: true, isOurs: () => false });
    await until(() => reports(sent).length > 0, 20_000);
    const lens = runner.lens;
    const first = lens?.analysis;
    const drawn = drawnTexts();
    expect(drawn.length).toBeGreaterThan(20);
    expect(lens?.lastRun.analysed).toBeGreaterThan(20);
    await until(() => lens?.analysis !== first, 5_000);
    await settled(sent);
    // The idle re-run: every block taken from the last run, nothing analysed, nothing reported.
    expect(lens?.lastRun.analysed).toBe(0);
    expect(lens?.lastRun.reused).toBeGreaterThan(20);
    expect(reports(sent).length).toBe(1);
    expect(drawnTexts()).toEqual(drawn);
    // A real change afterwards is analysed, drawn and reported as before.
    const p = document.createElement('p');
    p.textContent = 'Ofsted rated Leeds children’s services outstanding in a later inspection.';
    document.querySelector('article')?.append(p);
    await until(() => reports(sent).length > 1, 10_000);
    expect(lens?.lastRun.analysed).toBe(1);
    expect(drawnTexts()).toEqual(expect.arrayContaining([...drawn, 'il-grade-outstanding: outstanding']));
    cx.controller.abort();
  }, 60_000);

  test('a short article gets none: its last run stays the first', async () => {
    const sent = fakeBackground();
    loadPage();
    const cx = context();
    // The stored settings read first, as above: the only reports are the run's own (a loaded CI
    // machine once read the settings after the run had started, and the first report came
    // before the run's analysis).
    await cx.gate.ready;
    const runner = startPageRunner(cx, { worth: true, isOurs: () => false });
    await until(() => reports(sent).length > 0);
    const first = runner.lens?.analysis;
    expect(first).toBeTruthy();
    await new Promise((r) => setTimeout(r, 600));
    expect(runner.lens?.analysis).toBe(first);
    cx.controller.abort();
  });

  test('whenIdle runs its function once, and not at all once the signal has aborted', async () => {
    let runs = 0;
    whenIdle(window, () => runs++, new AbortController().signal);
    const stopped = new AbortController();
    whenIdle(window, () => runs++, stopped.signal);
    stopped.abort();
    await until(() => runs > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toBe(1);
  });
});

describe('the page report (lib/content/report-sender.ts), with the Highlight API', () => {
  const pageReports = (sent: { type: string; data: unknown }[]) => reports(sent).map((m) => m.data);
  test('a change that finds nothing new sends no report; asked again (the background restarted), the page sends it', async () => {
    // The background's answer (a report not answered is sent again next time).
    const sent = fakeBackground((m) => (m.type === 'pageReport' ? { ok: true } : undefined));
    loadPage();
    const cx = context();
    await cx.gate.ready;
    const runner = startPageRunner(cx, { worth: true, isOurs: () => false });
    await until(() => pageReports(sent).length > 0);
    const first = runner.last;
    const p = document.createElement('p');
    p.textContent = 'The weather was fine for the rest of the week.';
    document.querySelector('article')?.append(p);
    await until(() => runner.last !== first);
    await new Promise((r) => setTimeout(r, 50));
    expect(pageReports(sent)).toHaveLength(1);
    await runner.reportAgain();
    expect(pageReports(sent)).toHaveLength(2);
    expect(pageReports(sent)[1]).toEqual(pageReports(sent)[0]);
    // A change that does find something is reported.
    const q = document.createElement('p');
    q.textContent = 'Ofsted rated Leeds children’s services outstanding in a later inspection.';
    document.querySelector('article')?.append(q);
    await until(() => pageReports(sent).length > 2);
    cx.controller.abort();
  });
});
