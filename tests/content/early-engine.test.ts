// @vitest-environment happy-dom
// The early start of the engine's load (document_start): on a page whose address or head looks
// like an inspection article the import begins while the page is still being parsed; on any
// other page nothing is loaded, and the watching stops once the body has begun.
import { afterEach, describe, expect, test } from 'vitest';
import { startEarlyEngineLoad } from '../../lib/content/early-engine';
import { EARLY_IMPORT_SLOT, type EarlyImport, ENGINE_SLOT } from '../../lib/content/engine-slot';
import { importEngine } from '../../lib/content/loader';

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g[EARLY_IMPORT_SLOT];
  delete g[ENGINE_SLOT];
});

/** An empty document still being parsed, and a window at `path`. */
function loadingPage(path = '/news/recipes') {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.replaceChildren();
  Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
  const win = Object.assign(new EventTarget(), { location: { pathname: path } }) as unknown as Window;
  const loads: number[] = [];
  const load = async () => {
    loads.push(performance.now());
    g[ENGINE_SLOT] = { startEngine: () => null };
  };
  return { doc, win, loads, load };
}

/** Lets the observer's callbacks (microtasks) run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** Adds elements as the parser would: `head` with its children, then `body`, then paragraphs. */
function parse(doc: Document, title: string, meta: Record<string, string> = {}) {
  const head = doc.createElement('head');
  doc.documentElement.append(head);
  const t = doc.createElement('title');
  head.append(t);
  t.append(doc.createTextNode(title));
  for (const [name, content] of Object.entries(meta)) {
    const m = doc.createElement('meta');
    m.setAttribute('name', name);
    m.setAttribute('content', content);
    head.append(m);
  }
  const body = doc.createElement('body');
  doc.documentElement.append(body);
  return (text: string, tag = 'p') => {
    const p = doc.createElement(tag);
    body.append(p);
    p.append(doc.createTextNode(text));
  };
}

const early = () => g[EARLY_IMPORT_SLOT] as EarlyImport | undefined;

describe('the engine starts loading before document_idle on evidence', () => {
  test('an address that names an inspection: at once', async () => {
    const page = loadingPage('/news/ofsted-rates-council-inadequate');
    startEarlyEngineLoad(page.doc, page.win, page.load);
    expect(page.loads).toHaveLength(1);
    expect(early()?.by).toBe('path');
    await early()?.done;
    expect(early()?.loadedAt).toBeGreaterThanOrEqual(early()?.startedAt ?? Number.POSITIVE_INFINITY);
  });

  test('a title that names an inspection: as soon as the title is parsed, before the body', async () => {
    const page = loadingPage();
    startEarlyEngineLoad(page.doc, page.win, page.load);
    expect(page.loads).toHaveLength(0);
    const head = page.doc.createElement('head');
    page.doc.documentElement.append(head);
    const t = page.doc.createElement('title');
    head.append(t);
    t.append(page.doc.createTextNode("Children's services rated good after inspection"));
    await settle();
    expect(page.loads).toHaveLength(1);
    expect(early()?.by).toBe('head');
  });

  test('description metadata: once the head is whole (the body has begun)', async () => {
    const page = loadingPage();
    startEarlyEngineLoad(page.doc, page.win, page.load);
    parse(page.doc, 'Council news', { description: 'Ofsted found the council good' });
    await settle();
    expect(early()?.by).toBe('head');
  });

  test("a page that is not an article: nothing loads, and the body's text is left to the idle quick check", async () => {
    const page = loadingPage();
    startEarlyEngineLoad(page.doc, page.win, page.load);
    const add = parse(page.doc, 'Ten great walks');
    await settle();
    add('Ofsted is named only in the body.');
    for (let i = 0; i < 5; i++) add('The walk climbs gently through beech woods.');
    await settle();
    page.win.dispatchEvent(new Event('DOMContentLoaded'));
    expect(page.loads).toEqual([]);
    expect(early()).toBeUndefined();
  });

  test('a head that says nothing, then a title set by a script after the body began: not read', async () => {
    const page = loadingPage();
    startEarlyEngineLoad(page.doc, page.win, page.load);
    parse(page.doc, 'Home');
    await settle();
    page.doc.title = 'Ofsted inspection of children’s services';
    await settle();
    expect(page.loads).toEqual([]);
  });

  test('the content script takes the early import instead of importing again', async () => {
    const page = loadingPage('/ofsted/report');
    startEarlyEngineLoad(page.doc, page.win, page.load);
    const engine = await importEngine();
    expect(engine).toBe(g[ENGINE_SLOT]);
    expect(page.loads).toHaveLength(1);
  });
});
