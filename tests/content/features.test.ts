// @vitest-environment happy-dom
// The content script's features on a seed article in happy-dom (no Highlight API here: the
// highlighter's <mark> fallback shows what is drawn): the page runner, the finding card,
// clipping and re-finding clips, each started with a context and undone by aborting it.
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeQuote } from '../../lib/anchor/match-quote';
import { startFindingCard } from '../../lib/content/card';
import { startClipping } from '../../lib/content/clipping';
import { startEngine } from '../../lib/content/engine';
import * as reader from '../../lib/content/engine-reader';
import { startRefinding } from '../../lib/content/refind';
import { startPageRunner } from '../../lib/content/runner';
import { createPageUi } from '../../lib/content/ui';
import { pageText } from '../../lib/page/clip-anchoring';
import { FLASH_LAYER_ATTR } from '../../lib/page/show-clip';
import { HAS_CLIPS_KEY, SETTINGS_KEY } from '../../lib/storage-keys';
import { context, fakeBackground, loadPage, loadPlainPage, marks, until } from './helpers';

/** The engine's second part, as the built engine imports it from its own file. */
const readerPart = async () => reader;

beforeEach(() => {
  fakeBrowser.reset();
  document.getSelection()?.removeAllRanges();
});

const reports = (sent: { type: string; data: unknown }[]) =>
  sent
    .filter((m) => m.type === 'pageReport')
    .map((m) => m.data as { isInspectionArticle: boolean; highlighting: boolean });

describe('the page runner', () => {
  test('on an article: highlights, reports it to the background, and takes every highlight away when aborted', async () => {
    const sent = fakeBackground();
    loadPage();
    const cx = context();
    const runner = startPageRunner(cx, { worth: true, isOurs: () => false });
    await until(() => reports(sent).some((r) => r.isInspectionArticle));
    expect(runner.last?.isInspectionArticle).toBe(true);
    expect(marks().length).toBeGreaterThan(5);
    expect(reports(sent).at(-1)?.highlighting).toBe(true);
    cx.controller.abort();
    expect(marks()).toEqual([]);
  });

  test("the report waits for the highlights' frame (or 250 ms without one); a hidden tab reports at once", async () => {
    const held: FrameRequestCallback[] = [];
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = (f) => held.push(f);
    const flush = () => {
      for (const f of held.splice(0)) f(performance.now());
    };
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      for (const mode of ['frame', 'no frame', 'hidden']) {
        const hidden = mode === 'hidden';
        if (hidden) Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        fakeBrowser.reset();
        const sent = fakeBackground();
        loadPage();
        const cx = context();
        await cx.gate.ready;
        let ran = 0;
        const runner = startPageRunner(cx, { worth: true, isOurs: () => false });
        runner.on('ran', () => (ran = performance.now()), cx.signal);
        await until(() => ran > 0);
        await wait(50);
        // Not yet sent (unless hidden) while the 250 ms timer cannot have fired: on a machine so
        // loaded that 50 ms took 200 more, the timer may rightly have sent it already.
        if (hidden || performance.now() - ran < 200)
          expect(reports(sent).some((r) => r.isInspectionArticle)).toBe(hidden);
        if (mode === 'frame') flush();
        // Sent at the frame, or by the timer when no frame comes.
        await until(() => reports(sent).some((r) => r.isInspectionArticle));
        cx.controller.abort();
      }
    } finally {
      window.requestAnimationFrame = raf;
      Reflect.deleteProperty(document, 'visibilityState');
    }
  });

  test('a flash laid over a passage is not a change to the page (no re-run); a new paragraph is', async () => {
    const sent = fakeBackground();
    loadPage();
    const cx = context();
    startPageRunner(cx, { worth: true, isOurs: () => false });
    await until(() => reports(sent).some((r) => r.isInspectionArticle));
    // Settled: no report for half a second.
    for (let n = -1; n !== reports(sent).length; ) {
      n = reports(sent).length;
      await new Promise((r) => setTimeout(r, 500));
    }
    const before = reports(sent).length;
    const layer = document.createElement('div');
    layer.setAttribute(FLASH_LAYER_ATTR, '');
    layer.append(document.createElement('div'));
    document.body.append(layer);
    await new Promise((r) => setTimeout(r, 400));
    layer.remove();
    await new Promise((r) => setTimeout(r, 400));
    expect(reports(sent).length).toBe(before);
    const p = document.createElement('p');
    p.textContent = 'Ofsted rated Leeds children’s services outstanding in a later inspection.';
    document.querySelector('article')?.append(p);
    await until(() => reports(sent).length > before);
    cx.controller.abort();
  });

  test('the settings switched off: nothing is analysed, the page is reported as not an article', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: false } });
    const sent = fakeBackground();
    loadPage();
    const cx = context();
    const runner = startPageRunner(cx, { worth: false, isOurs: () => false });
    await until(() => reports(sent).length > 0);
    await new Promise((r) => setTimeout(r, 20));
    for (const r of reports(sent))
      expect(r).toEqual(expect.objectContaining({ isInspectionArticle: false, highlighting: false }));
    expect(runner.lens).toBeNull();
    expect(marks()).toEqual([]);
    cx.controller.abort();
  });

  test('pausing the site takes the highlights away and tells the background nothing of the page', async () => {
    const sent = fakeBackground();
    loadPage();
    const cx = context();
    startPageRunner(cx, { worth: true, isOurs: () => false });
    await until(() => marks().length > 0 && reports(sent).some((r) => r.isInspectionArticle));
    await fakeBrowser.storage.local.set({ 'il-paused-sites': [new URL(location.href).hostname] });
    await until(() => marks().length === 0);
    expect(reports(sent).at(-1)).toEqual(expect.objectContaining({ isInspectionArticle: false }));
    cx.controller.abort();
  });
});

describe('the finding card', () => {
  test('opens on a highlight with what it is, and closes', async () => {
    fakeBackground();
    loadPage();
    const cx = context();
    const ui = createPageUi(document, cx.signal);
    const runner = startPageRunner(cx, { worth: true, isOurs: (n) => n === ui.host });
    const card = startFindingCard(cx, runner, ui);
    await until(() => !!runner.last);
    const grade = runner.lens?.all().find((e) => e.finding.kind === 'grade');
    expect(grade).toBeDefined();
    card.show(grade!);
    const dialog = ui.host?.shadowRoot?.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toMatch(/good|outstanding|requires improvement|inadequate/i);
    expect(dialog?.textContent).toContain('Save clip');
    card.hide();
    expect(ui.host?.shadowRoot?.querySelector('[role="dialog"]')).toBeNull();
    card.show(grade!);
    cx.gate.setPageEnabled(false);
    expect(ui.host?.shadowRoot?.querySelector('[role="dialog"]')).toBeNull();
    cx.controller.abort();
    expect(document.querySelector('[data-inspection-lens-ui]')).toBeNull();
  });
});

describe('clipping', () => {
  function select(text: string) {
    const walker = document.createTreeWalker(document.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(text);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + text.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return;
    }
    throw new Error(`no text ${text}`);
  }

  test('with nothing selected, says so and saves nothing', async () => {
    const sent = fakeBackground();
    loadPlainPage();
    const cx = context();
    const ui = createPageUi(document, cx.signal);
    const runner = startPageRunner(cx, { worth: false, isOurs: (n) => n === ui.host });
    const clipping = startClipping(cx, runner, ui);
    expect(await clipping.clipSelection()).toEqual({ ok: false, error: 'no selection' });
    expect(sent.filter((m) => m.type === 'saveClip')).toEqual([]);
    // No Clip button was offered, so none appears to say it.
    expect(document.querySelector('[data-inspection-lens-ui]')).toBeNull();
    cx.controller.abort();
  });

  test('saves the selected passage with its quote and draws it as a clip', async () => {
    const sent = fakeBackground((m) => (m.type === 'saveClip' ? { ok: true, created: true, id: 'x' } : undefined));
    loadPlainPage();
    const cx = context();
    const ui = createPageUi(document, cx.signal);
    const runner = startPageRunner(cx, { worth: false, isOurs: (n) => n === ui.host });
    const clipping = startClipping(cx, runner, ui);
    await cx.gate.ready;
    select('whisk them with eggs');
    expect(await clipping.clipSelection()).toEqual({ ok: true });
    const saved = sent.find((m) => m.type === 'saveClip')?.data as { clip: { quote: string; url: string } };
    expect(saved.clip.quote).toBe('whisk them with eggs');
    expect(marks().map((m) => m.textContent)).toEqual(['whisk them with eggs']);
    cx.controller.abort();
    expect(marks()).toEqual([]);
  });
});

describe('re-finding saved clips', () => {
  test('shows the clips still on the page and tells the store which ones are gone', async () => {
    await fakeBrowser.storage.local.set({ [HAS_CLIPS_KEY]: true });
    loadPlainPage();
    const text = pageText(document, 'article').text;
    const at = text.indexOf('Bake for');
    const found = {
      id: 'a',
      quote: 'Bake for',
      selectors: describeQuote(text, at, at + 8),
      textModel: 'article' as const,
      orphaned: false,
    };
    const gone = { ...found, id: 'b', quote: 'Chill overnight', selectors: describeQuote('Chill overnight', 0, 15) };
    const sent = fakeBackground((m) => (m.type === 'clipsForPage' ? [found, gone] : undefined));
    const cx = context();
    const runner = startPageRunner(cx, { worth: false, isOurs: () => false });
    await startRefinding(cx, runner).refind();
    expect(marks().map((m) => m.textContent)).toEqual(['Bake for']);
    const states = sent.find((m) => m.type === 'setClipStates')?.data as { states: unknown[] };
    expect(states.states).toEqual([
      { id: 'a', orphaned: false },
      { id: 'b', orphaned: true },
    ]);
    cx.controller.abort();
  });

  test('a reader with no clips never asks the background', async () => {
    const sent = fakeBackground(() => []);
    loadPlainPage();
    const cx = context();
    const runner = startPageRunner(cx, { worth: false, isOurs: () => false });
    await startRefinding(cx, runner).refind();
    expect(sent.filter((m) => m.type === 'clipsForPage')).toEqual([]);
    cx.controller.abort();
  });
});

describe('the engine', () => {
  test('answers the per-page switch from the background and ignores what is not for the page', async () => {
    const sent = fakeBackground();
    loadPage();
    const cx = context();
    const engine = startEngine(cx, { worth: true }, readerPart);
    await until(() => marks().length > 0);
    expect(engine.answer({ type: 'pageReport', data: {} })).toBeNull();
    // Asked for its report again, it sends it.
    const reportsBefore = reports(sent).length;
    expect(await engine.answer({ type: 'sendReport', data: null })).toEqual({ ok: true });
    expect(reports(sent).length).toBe(reportsBefore + 1);
    expect(await engine.answer({ type: 'setHighlighting', data: { enabled: false } })).toEqual({ ok: true });
    expect(cx.gate.highlighting()).toBe(false);
    cx.controller.abort();
    expect(marks()).toEqual([]);
  });
});
