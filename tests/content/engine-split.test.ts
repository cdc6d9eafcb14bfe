// @vitest-environment happy-dom
// The engine in two parts (lib/content/engine.ts, engine-reader.ts): the first highlights do not
// wait for the second part (the card, the Clip button, re-finding), and what the reader does before
// it has run is not lost.
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEngine } from '../../lib/content/engine';
import * as reader from '../../lib/content/engine-reader';
import { context, fakeBackground, loadPage, marks, until } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
  document.getSelection()?.removeAllRanges();
});

/**
 * The second part's load, held until the test lets it arrive. Each call records the highlights on
 * the page then (`calls`) and, given a frame counter, the frames rendered before it (`framesAt`).
 */
function heldReader(frames?: { count: number }) {
  let arrive = () => {};
  const calls: number[] = [];
  const framesAt: number[] = [];
  const load = () => {
    calls.push(marks().length);
    framesAt.push(frames?.count ?? -1);
    return new Promise<typeof reader>((resolve) => {
      arrive = () => resolve(reader);
    });
  };
  return { load, calls, framesAt, arrive: () => arrive() };
}

/** The engine started on an article page, its second part held back. */
function startOnArticle() {
  fakeBackground();
  loadPage();
  const cx = context();
  const held = heldReader();
  startEngine(cx, { worth: true }, held.load);
  return { cx, held };
}

/** An event as the reader's own input makes it (happy-dom marks a script's events untrusted). */
function byReader<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

/** Counts the frames rendered from now on (`restore` puts the page's requestAnimationFrame back). */
function countFrames() {
  const raf = window.requestAnimationFrame.bind(window);
  const out = {
    count: 0,
    restore: () => {
      window.requestAnimationFrame = raf;
    },
  };
  window.requestAnimationFrame = (f) =>
    raf((t) => {
      out.count++;
      f(t);
    });
  return out;
}

const uiHost = () => document.querySelector('[data-inspection-lens-ui]');
const card = () => uiHost()?.shadowRoot?.querySelector('[role="dialog"]') ?? null;

test('the first highlights do not wait for the second part, nor for asking for its file', async () => {
  fakeBackground();
  loadPage();
  const cx = context();
  const frames = countFrames();
  const held = heldReader(frames);
  try {
    startEngine(cx, { worth: true }, held.load);
    // Its file is not asked for with the run (on a machine slow enough, the run's first slice may
    // give the thread back before the highlights are drawn: what is asserted is when it is asked for)…
    expect(held.calls).toHaveLength(0);
    // …but once the highlights are drawn and their frame rendered, once; and they are there while
    // it has not arrived.
    await until(() => held.calls.length > 0);
    expect(held.calls[0]).toBeGreaterThan(0);
    expect(held.framesAt[0]).toBeGreaterThan(0);
    expect(held.calls).toEqual([marks().length]);
    expect(uiHost()).toBeNull();
  } finally {
    frames.restore();
    cx.controller.abort();
  }
});

test('on a long article the second part is asked for only once the first screens are painted', async () => {
  fakeBackground();
  loadPage();
  // Seed 003's paragraphs eight times over (some 37,000 characters): its top is drawn first.
  const article = document.querySelector('article') as Element;
  const paragraphs = [...article.querySelectorAll('p')];
  for (let i = 1; i < 8; i++) for (const p of paragraphs) article.append(p.cloneNode(true));
  expect((article.textContent ?? '').length).toBeGreaterThan(30_000);
  const cx = context();
  const frames = countFrames();
  const held = heldReader(frames);
  // No layout in happy-dom: every block is laid out below the first screens (the top is drawn first).
  const rect = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = () => new DOMRect(0, 5000, 600, 20);
  try {
    startEngine(cx, { worth: true }, held.load);
    // The first screens' highlights wait for their frame: the file is not asked for with the run…
    expect(held.calls).toHaveLength(0);
    // …but after that frame, with the first screens' highlights on the page, and the rest still to come.
    await until(() => held.calls.length > 0);
    expect(held.framesAt[0]).toBeGreaterThan(0);
    expect(held.calls).toHaveLength(1);
    expect(held.calls[0]).toBeGreaterThan(0);
    held.arrive();
    await until(() => marks().length > held.calls[0]);
  } finally {
    frames.restore();
    Element.prototype.getBoundingClientRect = rect;
    cx.controller.abort();
  }
});

test('the card key pressed before the second part ran opens the card when it arrives', async () => {
  const { cx, held } = startOnArticle();
  await until(() => marks().length > 0);
  // The highlights are shown once the settings are read (until then the card has nothing to step to).
  await cx.gate.ready;
  const key = byReader(new KeyboardEvent('keydown', { code: 'KeyN', altKey: true, shiftKey: true, cancelable: true }));
  document.dispatchEvent(key);
  // Taken for the card, not left to the page.
  expect(key.defaultPrevented).toBe(true);
  expect(card()).toBeNull();
  held.arrive();
  await until(() => !!card());
  expect(card()?.getAttribute('aria-label')).toBeTruthy();
  cx.controller.abort();
  expect(uiHost()).toBeNull();
});

test('a selection made before the second part ran is offered the Clip button when it arrives', async () => {
  const { cx, held } = startOnArticle();
  await until(() => marks().length > 0);
  const p = document.querySelector('main p, article p, p') as HTMLElement;
  const range = document.createRange();
  range.selectNodeContents(p);
  document.getSelection()?.addRange(range);
  document.dispatchEvent(byReader(new MouseEvent('mouseup', { bubbles: true })));
  await new Promise((r) => setTimeout(r, 20));
  expect(uiHost()).toBeNull();
  held.arrive();
  await until(() => !!uiHost()?.shadowRoot?.querySelector('button'));
  expect(uiHost()?.shadowRoot?.textContent).toMatch(/clip/i);
  cx.controller.abort();
});
