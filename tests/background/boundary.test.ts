// The background's trust boundary and answers, as a page or a panel meets them: messages go
// through the same onMessage listener the entry point registers (lib/background/listener.ts),
// over the real ClipStore and Collection on fake-indexeddb; only the browser's effects (tabs,
// toolbar, broadcasts) are fakes that record what they were asked.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, type Mock, test, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { browserEffects, type Deps } from '../../lib/background/deps';
import { messageListener } from '../../lib/background/listener';
import { newTabs, SAVES_PER_MINUTE } from '../../lib/background/tabs';
import type { Article, Clip } from '../../lib/clips';
import type { PageReport } from '../../lib/messages';
import { ClipStore } from '../../lib/store/clip-store';
import { Collection } from '../../lib/store/collection';
import { LIMITS } from '../../lib/store/records';
import { numberedClip } from '../support/clip';

const OWN = { id: 'inspection-lens', pages: 'chrome-extension://inspection-lens/' };
const PANEL: Runtime.MessageSender = { id: OWN.id, url: `${OWN.pages}sidepanel.html` };
const A = 'https://news.example/a';
const B = 'https://news.example/b';

/** A content script in tab `tabId` showing `url`, as the browser names it. */
const pageAt = (url: string, tabId = 1): Runtime.MessageSender => ({
  id: OWN.id,
  url,
  frameId: 0,
  tab: { id: tabId, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
});

const article = (url: string): Article => ({
  id: url,
  url,
  canonicalUrl: url,
  title: 'Council rated good',
  site: 'news.example',
  outcomes: [],
  created: 1,
  updated: 1,
});
const saveClip = (c: Clip, url = c.url) => ({ type: 'saveClip', data: { clip: c, article: article(url) } });

const report = (url: string): PageReport => ({
  url,
  title: 'Council rated good',
  isInspectionArticle: true,
  confidence: 0.9,
  counts: { 'il-grade-good': 2 },
  outcomes: [],
  highlighting: true,
});

let deps: Deps;
let listen: ReturnType<typeof messageListener>;
let clipsChanged: Mock<() => void>;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clipsChanged = vi.fn<() => void>();
  deps = {
    ...browserEffects,
    version: () => '1.2.3',
    store: new ClipStore(),
    collection: new Collection(),
    tabs: newTabs(),
    clipsChanged,
    // No tab has a content script of ours: relayed requests fail as they would.
    sendToTab: async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    broadcast: vi.fn(),
    showPageState: vi.fn(async () => {}),
    focusOrOpen: vi.fn(async () => 5),
  };
  listen = messageListener(OWN, deps);
});

const NEVER = Symbol('no answer');
/** Sends `raw` as `sender`: the answer, and whether it came before the listener returned (a refusal). */
async function ask(raw: unknown, sender: Runtime.MessageSender) {
  let reply: unknown = NEVER;
  let answered!: (r: unknown) => void;
  const later = new Promise((r) => {
    answered = r;
  });
  const keptOpen = listen(raw, sender, (r) => {
    reply = r;
    answered(r);
  });
  if (!keptOpen) return { atOnce: reply !== NEVER, reply };
  return { atOnce: false, reply: await later };
}
const replyTo = async (raw: unknown, sender: Runtime.MessageSender) => (await ask(raw, sender)).reply;
const listed = async () => (await replyTo({ type: 'listClips', data: {} }, PANEL)) as { clips: Clip[] };

describe('who may talk to the background', () => {
  test('a message from another extension is not heard: no answer, nothing saved', async () => {
    const stranger = { ...pageAt(A), id: 'another-extension' };
    const r = await ask(saveClip(numberedClip(1, { url: A })), stranger);
    expect(r).toEqual({ atOnce: false, reply: NEVER });
    expect((await listed()).clips).toEqual([]);
    expect(await ask({ type: 'listClips', data: {} }, { ...PANEL, id: 'another-extension' })).toEqual({
      atOnce: false,
      reply: NEVER,
    });
  });

  test('a web page asking for a panel-only message is refused at once, and nothing happens', async () => {
    await replyTo(saveClip(numberedClip(1, { url: A })), pageAt(A));
    for (const [type, data] of [
      ['deleteClips', { ids: ['clip-1'] }],
      ['listClips', {}],
      ['exportPage', { cursor: null, limit: 10 }],
      ['queryClips', {}],
    ] as const)
      expect(await ask({ type, data }, pageAt(A))).toEqual({
        atOnce: true,
        reply: { ok: false, error: `${type} is not allowed from this sender`, retry: false },
      });
    expect((await listed()).clips.map((c) => c.id)).toEqual(['clip-1']);
  });

  test('our own pages may use panel messages, but not a page message', async () => {
    await replyTo(saveClip(numberedClip(1, { url: A })), pageAt(A));
    expect((await listed()).clips.map((c) => c.id)).toEqual(['clip-1']);
    const deleted = (await replyTo({ type: 'deleteClips', data: { ids: ['clip-1'] } }, PANEL)) as { clips: Clip[] };
    expect(deleted.clips.map((c) => c.id)).toEqual(['clip-1']);
    expect((await listed()).clips).toEqual([]);
    expect(await replyTo({ type: 'ping', data: null }, PANEL)).toEqual({ ok: true, version: '1.2.3' });
    expect(await ask(saveClip(numberedClip(2, { url: A })), PANEL)).toEqual({
      atOnce: true,
      reply: { ok: false, error: 'saveClip is not allowed from this sender', retry: false },
    });
  });

  test('an unknown or malformed message is refused with an error', async () => {
    expect(await ask({ type: 'dropDatabase', data: null }, PANEL)).toEqual({
      atOnce: true,
      reply: { error: 'unknown or malformed message' },
    });
    expect(await ask('saveClip', pageAt(A))).toEqual({
      atOnce: true,
      reply: { error: 'unknown or malformed message' },
    });
  });
});

describe('a page saves and reads only its own clips', () => {
  test('a save naming another address is refused for good, in the reader’s words', async () => {
    expect(await ask(saveClip(numberedClip(1, { url: B })), pageAt(A))).toEqual({
      atOnce: true,
      reply: {
        ok: false,
        error: 'Not saved: a page can only save clips of its own address (did it just change?).',
        retry: false,
      },
    });
    expect(await replyTo({ type: 'saveRecord', data: { article: article(B) } }, pageAt(A))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not saved: a page can only save clips of its own address/),
    });
    expect((await listed()).clips).toEqual([]);
    expect(clipsChanged).not.toHaveBeenCalled();
  });

  test('a malformed save is answered at once with the reason (too long), never retried', async () => {
    const long = 'x'.repeat(LIMITS.quote + 1);
    const c = numberedClip(1, { url: A, quote: long });
    c.selectors[0].exact = long;
    const r = await ask(saveClip(c), pageAt(A));
    expect(r.atOnce).toBe(true);
    expect(r.reply).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^This selection is too long to clip \(1,000,001 characters; the limit is 1,000,000\)/,
      ),
      retry: false,
    });
    expect((await listed()).clips).toEqual([]);
  });

  test('a saved clip comes back to its page (without the note), not to a page of another address', async () => {
    const c = numberedClip(1, { url: A, note: 'ask the DCS about caseloads' });
    expect(await replyTo(saveClip(c), pageAt(A))).toEqual({ ok: true, created: true, id: 'clip-1' });
    expect(clipsChanged).toHaveBeenCalledTimes(1);

    const mine = (await replyTo({ type: 'clipsForPage', data: { url: A } }, pageAt(A))) as Record<string, unknown>[];
    expect(mine.map((p) => p.id)).toEqual(['clip-1']);
    expect(mine[0].quote).toBe('Quote 1');
    expect(mine[0]).not.toHaveProperty('note');
    expect(mine[0]).not.toHaveProperty('tags');

    expect(await replyTo({ type: 'clipsForPage', data: { url: B } }, pageAt(B))).toEqual([]);
    expect(await ask({ type: 'clipsForPage', data: { url: A } }, pageAt(B))).toEqual({
      atOnce: true,
      reply: { ok: false, error: 'a page may only use its own clips', retry: false },
    });
  });

  test('a page marks only its own clips as not found', async () => {
    await replyTo(saveClip(numberedClip(1, { url: A })), pageAt(A));
    await replyTo(saveClip(numberedClip(2, { url: B })), pageAt(B));
    const states = [
      { id: 'clip-1', orphaned: true },
      { id: 'clip-2', orphaned: true },
    ];
    expect(await replyTo({ type: 'setClipStates', data: { states } }, pageAt(B))).toEqual({ ok: true });
    const orphaned = Object.fromEntries((await listed()).clips.map((c) => [c.id, c.orphaned]));
    expect(orphaned).toEqual({ 'clip-1': false, 'clip-2': true });
  });

  test(`the ${SAVES_PER_MINUTE + 1}st save from one tab within a minute is refused; another tab still saves`, async () => {
    for (let n = 1; n <= SAVES_PER_MINUTE; n++)
      expect(await replyTo(saveClip(numberedClip(n, { url: A })), pageAt(A, 1))).toMatchObject({ ok: true });
    expect(await replyTo(saveClip(numberedClip(SAVES_PER_MINUTE + 1, { url: A })), pageAt(A, 1))).toEqual({
      ok: false,
      error: 'Too many saves from this page in the last minute; nothing was saved. Wait a moment and try again.',
      retry: false,
    });
    expect(await replyTo(saveClip(numberedClip(SAVES_PER_MINUTE + 2, { url: A })), pageAt(A, 2))).toEqual({
      ok: true,
      created: true,
      id: `clip-${SAVES_PER_MINUTE + 2}`,
    });
    const ids = (await listed()).clips.map((c) => c.id);
    expect(ids).not.toContain(`clip-${SAVES_PER_MINUTE + 1}`);
    expect(ids).toContain(`clip-${SAVES_PER_MINUTE + 2}`);
  });
});

describe('page reports and relayed requests', () => {
  test('the panel gets the report a page sent, with the address the browser gave; the toolbar and panels are told', async () => {
    expect(await replyTo({ type: 'getPageReport', data: { tabId: 7 } }, PANEL)).toBeNull();
    // The page claims another address: the browser's word for it is kept.
    expect(await replyTo({ type: 'pageReport', data: report(B) }, pageAt(A, 7))).toEqual({ ok: true });
    expect(await replyTo({ type: 'getPageReport', data: { tabId: 7 } }, PANEL)).toEqual({ ...report(B), url: A });
    expect(deps.showPageState).toHaveBeenCalledWith(7, report(B));
    expect(deps.broadcast).toHaveBeenCalledWith('reportUpdated', { tabId: 7 });
    expect(await replyTo({ type: 'getPageReport', data: { tabId: 8 } }, PANEL)).toBeNull();
  });

  test('a request for a tab with no content script says Inspection Lens is not running there', async () => {
    const notRunning = { ok: false, error: 'Inspection Lens is not running on this page.' };
    expect(await replyTo({ type: 'setPageHighlighting', data: { tabId: 3, enabled: false } }, PANEL)).toEqual(
      notRunning,
    );
    expect(await replyTo({ type: 'showFindingInTab', data: { tabId: 3, findingId: 'f1' } }, PANEL)).toEqual(notRunning);
  });

  test('opening an article focuses the tab already showing it', async () => {
    await replyTo({ type: 'pageReport', data: report(A) }, pageAt(A, 4));
    expect(await replyTo({ type: 'openArticle', data: { url: `${A}#top` } }, PANEL)).toEqual({ ok: true });
    expect(deps.focusOrOpen).toHaveBeenCalledWith(4, `${A}#top`);
    expect(await replyTo({ type: 'openArticle', data: { url: B } }, PANEL)).toEqual({ ok: true });
    expect(deps.focusOrOpen).toHaveBeenLastCalledWith(undefined, B);
  });
});
