// @vitest-environment happy-dom
// What the merged work added to the content script, now in its feature modules: the page report
// lists the findings (for the side panel's "This page"), the engine answers the panel's requests
// (show a finding, save it as a clip) and the panel's "show this clip" for a clip not on the page.
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeQuote } from '../../lib/anchor/match-quote';
import { startEngine } from '../../lib/content/engine';
import * as reader from '../../lib/content/engine-reader';
import { HAS_CLIPS_KEY } from '../../lib/storage-keys';
import { context, fakeBackground, loadPage, marks, type Sent, until } from './helpers';

/** The engine's second part, as the built engine imports it from its own file. */
const readerPart = async () => reader;

beforeEach(() => {
  fakeBrowser.reset();
  document.getSelection()?.removeAllRanges();
});

const lastReport = (sent: Sent[]) =>
  sent.filter((m) => m.type === 'pageReport').at(-1)?.data as
    | { isInspectionArticle: boolean; findings: { id: string; kind: string; sentence: string }[] }
    | undefined;

test('the page report lists the article’s findings, in page order', async () => {
  const sent = fakeBackground();
  loadPage();
  const cx = context();
  startEngine(cx, { worth: true }, readerPart);
  await until(() => !!lastReport(sent)?.isInspectionArticle);
  const findings = lastReport(sent)?.findings ?? [];
  expect(findings.length).toBeGreaterThan(3);
  expect(new Set(findings.map((f) => f.kind))).toContain('grade');
  cx.controller.abort();
});

test('the side panel’s requests: a finding saved as a clip keeps its sentence; an unknown finding is refused in words', async () => {
  const sent = fakeBackground((m) => (m.type === 'saveClip' ? { ok: true, created: true, id: 'x' } : undefined));
  loadPage();
  const cx = context();
  const engine = startEngine(cx, { worth: true }, readerPart);
  await until(() => !!lastReport(sent)?.isInspectionArticle);
  const grade = lastReport(sent)?.findings.find((f) => f.kind === 'grade');
  expect(grade).toBeDefined();
  expect(await engine.answer({ type: 'clipFinding', data: { findingId: grade?.id } })).toEqual({ ok: true });
  const saved = sent.find((m) => m.type === 'saveClip')?.data as {
    clip: { quote: string; finding?: { kind: string } };
  };
  expect(grade?.sentence).toContain(saved.clip.quote.trim().slice(0, 40));
  expect(saved.clip.finding?.kind).toBe('grade');
  expect(await engine.answer({ type: 'showFinding', data: { findingId: 'not-a-finding' } })).toEqual({
    ok: false,
    error: 'This finding is no longer on the page (it may have changed).',
  });
  // A message of another direction is not the page's to answer.
  expect(engine.answer({ type: 'saveClip', data: {} })).toBeNull();
  cx.controller.abort();
  expect(marks()).toEqual([]);
});

test('showing a saved clip that is not on the page says so (once its clips were looked for)', async () => {
  await fakeBrowser.storage.local.set({ [HAS_CLIPS_KEY]: true });
  const gone = {
    id: 'gone',
    quote: 'Chill overnight',
    selectors: describeQuote('Chill overnight', 0, 15),
    textModel: 'article' as const,
    orphaned: false,
  };
  const sent = fakeBackground((m) => (m.type === 'clipsForPage' ? [gone] : undefined));
  loadPage();
  const cx = context();
  const engine = startEngine(cx, { worth: true }, readerPart);
  await until(() => sent.some((m) => m.type === 'setClipStates'));
  expect(await engine.answer({ type: 'showClip', data: { clipId: 'gone' } })).toEqual({
    ok: false,
    error: 'This clip’s passage was not found on the page.',
  });
  cx.controller.abort();
});
