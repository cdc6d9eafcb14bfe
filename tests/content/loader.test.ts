// @vitest-environment happy-dom
// The part of the content script every page runs: it loads the engine only when the page may be
// an article, the reader clips, or the page has saved clips; otherwise it only reports the page.
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Engine, EngineStart } from '../../lib/content/engine';
import { startLoader } from '../../lib/content/loader';
import { HAS_CLIPS_KEY } from '../../lib/storage-keys';
import { context, fakeBackground, loadPage, loadPlainPage, until } from './helpers';

beforeEach(() => fakeBrowser.reset());

/** A request from the background (fakeBrowser's own sendMessage names no sender). */
function fromBackground(msg: unknown, sender = { id: fakeBrowser.runtime.id }): Promise<unknown> {
  return new Promise((resolve) => {
    fakeBrowser.runtime.onMessage.trigger(msg, sender, resolve).then((r) => {
      if (!(r as unknown[]).some((x) => x === true)) resolve('not answered');
    });
  });
}

/** A stand-in engine that records how it was started and what it answered. */
function fakeEngine() {
  const started: EngineStart[] = [];
  const answered: unknown[] = [];
  const load = async () => ({
    startEngine: (_cx: unknown, how: EngineStart): Engine => {
      started.push(how);
      return {
        answer: (raw) => {
          answered.push(raw);
          return Promise.resolve({ ok: true });
        },
        offerClip: () => {},
      };
    },
  });
  return { started, answered, load };
}

describe('the engine loader', () => {
  test('a page that is not an article: no engine, the page reported as not an article', async () => {
    const sent = fakeBackground();
    loadPlainPage();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, false, fake.load);
    await until(() => sent.some((m) => m.type === 'pageReport'));
    expect(sent.find((m) => m.type === 'pageReport')?.data).toEqual(
      expect.objectContaining({ isInspectionArticle: false, highlighting: true }),
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(fake.started).toEqual([]);
    cx.controller.abort();
  });

  test('asked for its report again (the background restarted), a page that is not an article sends it without loading the engine', async () => {
    const sent = fakeBackground();
    loadPlainPage();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, false, fake.load);
    await until(() => sent.some((m) => m.type === 'pageReport'));
    expect(await fromBackground({ type: 'sendReport', data: null })).toEqual({ ok: true });
    const reports = sent.filter((m) => m.type === 'pageReport');
    expect(reports).toHaveLength(2);
    expect(reports[1].data).toEqual(reports[0].data);
    expect(fake.started).toEqual([]);
    cx.controller.abort();
  });

  test('a page that may be an article: the engine starts at once', async () => {
    fakeBackground();
    loadPage();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, true, fake.load);
    await until(() => fake.started.length > 0);
    expect(fake.started).toEqual([{ worth: true }]);
    cx.controller.abort();
  });

  test('the shortcut or context menu on a plain page loads the engine, which answers', async () => {
    loadPlainPage();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, false, fake.load);
    // A page's script posing as another extension is not listened to.
    expect(await fromBackground({ type: 'clipSelection', data: null }, { id: 'other' })).toBe('not answered');
    expect(fake.started).toEqual([]);
    const reply = await fromBackground({ type: 'clipSelection', data: null });
    expect(reply).toEqual({ ok: true });
    expect(fake.started).toEqual([{ worth: false }]);
    expect(fake.answered).toEqual([{ type: 'clipSelection', data: null }]);
    cx.controller.abort();
  });

  test("the side panel's requests to the page (show a clip, show or clip a finding) load the engine, which answers", async () => {
    loadPlainPage();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, false, fake.load);
    const requests = [
      { type: 'showClip', data: { clipId: 'c1' } },
      { type: 'showFinding', data: { findingId: 'f1' } },
      { type: 'clipFinding', data: { findingId: 'f1' } },
    ];
    for (const r of requests) expect(await fromBackground(r)).toEqual({ ok: true });
    expect(fake.started).toEqual([{ worth: false }]);
    expect(fake.answered).toEqual(requests);
    // A kind the page does not answer is left alone (and loads nothing more).
    expect(await fromBackground({ type: 'pageReport', data: {} })).toBe('not answered');
    cx.controller.abort();
  });

  test('saved clips on this page load the engine with them; a reader whose clips are elsewhere loads nothing', async () => {
    await fakeBrowser.storage.local.set({ [HAS_CLIPS_KEY]: true });
    const clip = { id: 'a', quote: 'Bake', selectors: [], textModel: 'article', orphaned: false };
    let answer: unknown[] = [clip];
    fakeBackground((m) => (m.type === 'clipsForPage' ? answer : undefined));
    loadPlainPage();
    const first = fakeEngine();
    const cx = context();
    startLoader(cx, false, first.load);
    await until(() => first.started.length > 0);
    expect(first.started).toEqual([{ worth: false, clips: [clip] }]);
    cx.controller.abort();

    answer = [];
    const second = fakeEngine();
    const cx2 = context();
    startLoader(cx2, false, second.load);
    await cx2.gate.ready;
    await new Promise((r) => setTimeout(r, 30));
    expect(second.started).toEqual([]);
    cx2.controller.abort();
  });

  test('once aborted it answers nothing', async () => {
    fakeBackground();
    loadPlainPage();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, false, fake.load);
    cx.controller.abort();
    expect(await fromBackground({ type: 'clipSelection', data: null })).toBe('not answered');
    expect(fake.started).toEqual([]);
  });
});

describe('the second look at 1.5 s', () => {
  /** Counts the quick check's text samples (each walks the page's text with a TreeWalker). */
  function countSamples() {
    const calls = { n: 0 };
    const own = document.createTreeWalker.bind(document);
    document.createTreeWalker = ((...args: Parameters<Document['createTreeWalker']>) => {
      calls.n++;
      return own(...args);
    }) as Document['createTreeWalker'];
    return calls;
  }

  test('an article body that arrives after the first check is found, and the engine starts', async () => {
    fakeBackground();
    loadPlainPage();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, false, fake.load);
    await cx.gate.ready;
    const p = document.createElement('p');
    p.textContent = 'Ofsted rated the council’s children’s services inadequate.';
    setTimeout(() => document.body.append(p), 100);
    await until(() => fake.started.length > 0, 3000);
    expect(fake.started).toEqual([{ worth: true }]);
    cx.controller.abort();
  });

  test('a page that did not change is not sampled again', async () => {
    fakeBackground();
    loadPlainPage();
    const samples = countSamples();
    const cx = context();
    const fake = fakeEngine();
    startLoader(cx, false, fake.load);
    await cx.gate.ready;
    await new Promise((r) => setTimeout(r, 1700));
    expect(samples.n).toBe(0);
    expect(fake.started).toEqual([]);
    cx.controller.abort();
    Reflect.deleteProperty(document, 'createTreeWalker');
  });

  test('a page whose text changed in place is sampled again', async () => {
    fakeBackground();
    loadPlainPage();
    const samples = countSamples();
    const cx = context();
    startLoader(cx, false, fakeEngine().load);
    await cx.gate.ready;
    const text = document.querySelector('p')?.firstChild as Text;
    text.data = 'Zest three lemons.';
    await new Promise((r) => setTimeout(r, 1700));
    expect(samples.n).toBe(1);
    cx.controller.abort();
    Reflect.deleteProperty(document, 'createTreeWalker');
  });

  describe('single-page navigation', () => {
    /** A Navigation API stand-in on the window, counting how often the page's script reaches for it. */
    function fakeNavigation() {
      const nav = new EventTarget();
      const seen = { n: 0 };
      Object.defineProperty(window, 'navigation', {
        configurable: true,
        get: () => {
          seen.n++;
          return nav;
        },
      });
      return { nav, seen };
    }
    const articleBody = () => {
      const p = document.createElement('p');
      p.textContent = 'Ofsted rated the council’s children’s services inadequate.';
      return p;
    };
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

    test('after the page changed, a navigation by script (later than the second look) is looked at again', async () => {
      fakeBackground();
      loadPlainPage();
      const { nav } = fakeNavigation();
      const cx = context();
      const fake = fakeEngine();
      startLoader(cx, false, fake.load);
      await cx.gate.ready;
      document.body.append(document.createElement('aside'));
      await wait(1700);
      expect(fake.started).toEqual([]);
      // The application renders its next view and its navigation succeeds.
      document.body.append(articleBody());
      nav.dispatchEvent(new Event('navigatesuccess'));
      await until(() => fake.started.length > 0, 1000);
      expect(fake.started).toEqual([{ worth: true }]);
      cx.controller.abort();
      Reflect.deleteProperty(window, 'navigation');
    });

    test('a navigation by script before the page first changed is seen by the address when it changes', async () => {
      fakeBackground();
      loadPlainPage();
      fakeNavigation();
      const startUrl = location.href;
      const cx = context();
      const fake = fakeEngine();
      startLoader(cx, false, fake.load);
      await cx.gate.ready;
      await wait(1600);
      history.pushState(null, '', '/news/next-story');
      document.body.append(articleBody());
      await until(() => fake.started.length > 0, 1000);
      expect(fake.started).toEqual([{ worth: true }]);
      cx.controller.abort();
      Reflect.deleteProperty(window, 'navigation');
      history.replaceState(null, '', startUrl);
    });

    test('a page that never changes does not reach for the Navigation API', async () => {
      fakeBackground();
      loadPlainPage();
      const { seen } = fakeNavigation();
      const cx = context();
      startLoader(cx, false, fakeEngine().load);
      await cx.gate.ready;
      await wait(50);
      expect(seen.n).toBe(0);
      cx.controller.abort();
      Reflect.deleteProperty(window, 'navigation');
    });
  });
});
