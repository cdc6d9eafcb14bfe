// The protocol by direction: each kind is accepted only from the side that may send it, replies
// come back typed (a refusal as the kind's own failure, or an error), a content script's reply is
// checked before the background uses it, and hostile shapes are refused at the boundary.
import { beforeEach, describe, expect, type MockInstance, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article, Clip } from '../../lib/clips';
import {
  checkReply,
  type Direction,
  type MessageType,
  parseMessage,
  refusalFor,
  send,
  sendToTab,
  settleReply,
} from '../../lib/messages';
import { LIMITS } from '../../lib/store/records';

const url = 'https://news.example/story';
const clip: Clip = {
  id: 'c1',
  articleId: url,
  url,
  quote: 'caseloads were too high',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'caseloads were too high', prefix: 'Inspectors found ', suffix: '.' },
    { type: 'TextPositionSelector', start: 17, end: 40 },
  ],
  textModel: 'article',
  category: 'improvement',
  councilCodes: [],
  grades: [],
  note: '',
  tags: [],
  colour: 'yellow',
  created: 1,
  updated: 1,
  orphaned: false,
};
const article: Article = {
  id: url,
  url,
  canonicalUrl: url,
  title: 'Lambeth rated inadequate',
  site: 'news.example',
  outcomes: [],
  created: 1,
  updated: 1,
};
const report = {
  url,
  title: 'Lambeth rated inadequate',
  isInspectionArticle: true,
  confidence: 0.9,
  counts: { 'il-council': 2 },
  outcomes: [{ council: { code: 'E09000022', name: 'Lambeth' }, grade: 'inadequate', current: true, year: 2019 }],
  highlighting: true,
};

/** A well-formed example of every kind, and the direction(s) it travels in. */
const examples: { type: MessageType; data: unknown; from: Direction[] }[] = [
  { type: 'ping', data: null, from: ['pageToBackground', 'panelToBackground'] },
  { type: 'pageReport', data: report, from: ['pageToBackground'] },
  { type: 'saveClip', data: { clip, article }, from: ['pageToBackground'] },
  { type: 'saveRecord', data: { article }, from: ['pageToBackground'] },
  { type: 'clipsForPage', data: { url, canonicalUrl: url }, from: ['pageToBackground'] },
  { type: 'setClipStates', data: { states: [{ id: 'c1', orphaned: true }] }, from: ['pageToBackground'] },
  { type: 'getPageReport', data: { tabId: 3 }, from: ['panelToBackground'] },
  { type: 'setPageHighlighting', data: { tabId: 3, enabled: false }, from: ['panelToBackground'] },
  { type: 'listClips', data: { council: 'E09000022', pageSize: 20 }, from: ['panelToBackground'] },
  { type: 'updateClip', data: { id: 'c1', note: 'n', rev: 2 }, from: ['panelToBackground'] },
  { type: 'openArticle', data: { url }, from: ['panelToBackground'] },
  { type: 'exportPage', data: { cursor: null, limit: 1000, filter: { tag: 'x' } }, from: ['panelToBackground'] },
  { type: 'setHighlighting', data: { enabled: true }, from: ['backgroundToPage'] },
  { type: 'clipSelection', data: null, from: ['backgroundToPage'] },
  { type: 'sendReport', data: null, from: ['backgroundToPage'] },
  { type: 'reportUpdated', data: { tabId: 3 }, from: ['backgroundToPanel'] },
  { type: 'clipsChanged', data: null, from: ['backgroundToPanel'] },
];
const directions: Direction[] = ['pageToBackground', 'panelToBackground', 'backgroundToPage', 'backgroundToPanel'];

describe('each kind only from the side that may send it', () => {
  test.each(examples)('$type: accepted from $from, refused from every other direction', ({ type, data, from }) => {
    for (const d of directions) {
      const m = parseMessage({ type, data }, d);
      // Saves are rebuilt from their checked fields (tested below); the others arrive as sent.
      if (from.includes(d))
        expect(m, `${type} from ${d}`).toEqual(type.startsWith('save') ? { type, data: m?.data } : { type, data });
      else expect(m, `${type} from ${d}`).toBeNull();
    }
    // Without a direction (tests, tools) every known kind is accepted.
    expect(parseMessage({ type, data })).not.toBeNull();
  });

  test('a page asking for the clip list or an export is told it is not allowed; a panel saving a clip too', () => {
    expect(refusalFor({ type: 'listClips', data: {} }, 'pageToBackground')).toEqual({
      ok: false,
      error: 'listClips is not allowed from this sender',
      retry: false,
    });
    expect(refusalFor({ type: 'exportPage', data: { cursor: null, limit: 5 } }, 'pageToBackground')).toMatchObject({
      error: 'exportPage is not allowed from this sender',
    });
    expect(refusalFor({ type: 'saveClip', data: { clip, article } }, 'panelToBackground')).toMatchObject({
      error: 'saveClip is not allowed from this sender',
    });
    // A malformed save from a page: refused for good, with the reason in words.
    const tooLong = `${url}?${'x'.repeat(LIMITS.url)}`;
    expect(
      refusalFor({ type: 'saveClip', data: { clip: { ...clip, url: tooLong }, article } }, 'pageToBackground'),
    ).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/address is too long/) });
    expect(refusalFor({ type: 'dropTables', data: null }, 'panelToBackground')).toEqual({
      error: 'unknown or malformed message',
    });
    expect(refusalFor('ping', 'panelToBackground')).toEqual({ error: 'unknown or malformed message' });
  });
});

describe('hostile shapes at the boundary', () => {
  test('names of Object.prototype and prototype-polluting keys are not message kinds', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'])
      for (const d of directions) expect(parseMessage({ type, data: null }, d)).toBeNull();
    // A count named __proto__ in a report, or a __proto__ state: refused, and nothing polluted.
    const polluted = JSON.parse(
      `{"type":"pageReport","data":${JSON.stringify(report).replace('"il-council":2', '"__proto__":{"polluted":1}')}}`,
    );
    expect(parseMessage(polluted, 'pageToBackground')).toBeNull();
    const states = JSON.parse('{"type":"setClipStates","data":{"states":[{"__proto__":{"id":"c1","orphaned":true}}]}}');
    expect(parseMessage(states, 'pageToBackground')).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ['getPageReport', { tabId: '3' }],
    ['getPageReport', { tabId: Number.NaN }],
    ['getPageReport', { tabId: Number.POSITIVE_INFINITY }],
    ['setPageHighlighting', { tabId: 3, enabled: 'false' }],
    ['setPageHighlighting', [3, false]],
    ['openArticle', { url: 'javascript:alert(1)' }],
    ['openArticle', { url: 'file:///etc/passwd' }],
    ['exportPage', { cursor: null, limit: 0 }],
    ['exportPage', { cursor: null, limit: 5001 }],
    ['exportPage', { cursor: null, limit: 10, filter: { note: 'x' } }],
    ['listClips', { pageSize: 1.5 }],
    ['updateClip', { id: 'c1', colour: 'ultraviolet' }],
    ['updateClip', { id: 'c1', tags: 'secret' }],
    ['ping', { please: true }],
  ])('%s with wrong types is refused: %j', (type, data) => {
    expect(parseMessage({ type, data }, 'panelToBackground')).toBeNull();
  });

  test('huge strings and arrays past their bounds are refused, quickly', () => {
    const t0 = performance.now();
    const big = (n: number) => 'x'.repeat(n);
    expect(parseMessage({ type: 'clipsForPage', data: { url: big(LIMITS.url + 1) } }, 'pageToBackground')).toBeNull();
    expect(
      parseMessage({ type: 'pageReport', data: { ...report, title: big(10_001) } }, 'pageToBackground'),
    ).toBeNull();
    const outcomes = Array.from({ length: 501 }, () => report.outcomes[0]);
    expect(parseMessage({ type: 'pageReport', data: { ...report, outcomes } }, 'pageToBackground')).toBeNull();
    const states = Array.from({ length: 10_001 }, (_, i) => ({ id: `c${i}`, orphaned: false }));
    expect(parseMessage({ type: 'setClipStates', data: { states } }, 'pageToBackground')).toBeNull();
    // A sparse array's holes are checked too (Array.prototype.every would skip them).
    expect(parseMessage({ type: 'setClipStates', data: { states: new Array(3) } }, 'pageToBackground')).toBeNull();
    expect(performance.now() - t0).toBeLessThan(1000);
    // At the bound it is accepted.
    const atBound = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, orphaned: false }));
    expect(parseMessage({ type: 'setClipStates', data: { states: atBound } }, 'pageToBackground')).not.toBeNull();
  });

  test('a getter that answers differently each time never hands the handler an unchecked value', () => {
    let reads = 0;
    const data = {
      get url() {
        reads++;
        return reads === 1 ? url : 'javascript:alert(1)';
      },
    };
    // Checked, copied, and the copy checked again: the second answer is caught.
    expect(parseMessage({ type: 'openArticle', data }, 'panelToBackground')).toBeNull();
    // A steady getter passes, and what is handed on is plain data, not the getter.
    let steadyReads = 0;
    const steady = {
      get url() {
        steadyReads++;
        return url;
      },
    };
    const m = parseMessage({ type: 'openArticle', data: steady }, 'panelToBackground');
    expect(m).toEqual({ type: 'openArticle', data: { url } });
    const readsSoFar = steadyReads;
    expect(m?.type === 'openArticle' && m.data.url).toBe(url);
    expect(steadyReads).toBe(readsSoFar);
  });

  test('proxies, functions and symbols are refused without an error', () => {
    const proxy = new Proxy({ tabId: 3 }, {});
    expect(parseMessage({ type: 'getPageReport', data: proxy }, 'panelToBackground')).toBeNull();
    expect(parseMessage({ type: 'getPageReport', data: { tabId: () => 3 } }, 'panelToBackground')).toBeNull();
    expect(parseMessage({ type: 'getPageReport', data: { tabId: Symbol('x') } }, 'panelToBackground')).toBeNull();
    const typeGetter = {
      get type(): string {
        throw new Error('boom');
      },
    };
    expect(parseMessage(typeGetter, 'panelToBackground')).toBeNull();
    expect(refusalFor(typeGetter, 'panelToBackground')).toEqual({ error: 'unknown or malformed message' });
  });

  test('records are rebuilt from their known fields: extra fields never reach the handler', () => {
    const m = parseMessage(
      { type: 'saveClip', data: { clip: { ...clip, secret: 1 }, article: { ...article, extra: 2 }, more: 3 } },
      'pageToBackground',
    );
    expect(m?.type === 'saveClip' && Object.keys(m.data)).toEqual(['clip', 'article']);
    expect(m?.type === 'saveClip' && 'secret' in m.data.clip).toBe(false);
    expect(m?.type === 'saveClip' && 'extra' in m.data.article).toBe(false);
  });
});

describe('replies', () => {
  test("a content script's reply is checked and rebuilt before the background uses it", () => {
    expect(checkReply('clipSelection', { ok: true })).toEqual({ ok: true });
    expect(checkReply('clipSelection', { ok: false, error: 'no selection', extra: 'x' })).toEqual({
      ok: false,
      error: 'no selection',
    });
    for (const bad of [undefined, null, 'ok', { ok: 'yes' }, { ok: false, error: 'x'.repeat(2001) }, { error: 5 }])
      expect(checkReply('setHighlighting', bad)).toBeNull();
    const throwing = {
      get ok(): boolean {
        throw new Error('boom');
      },
    };
    expect(checkReply('setHighlighting', throwing)).toBeNull();
  });

  test('sendToTab resolves with the checked reply and rejects a malformed one', async () => {
    // The fake's types say tabs.sendMessage resolves with nothing: a content script may answer anything.
    const spy = vi.spyOn(fakeBrowser.tabs, 'sendMessage') as unknown as MockInstance<
      (...args: unknown[]) => Promise<unknown>
    >;
    spy.mockResolvedValueOnce({ ok: true, html: '<img onerror=x>' });
    await expect(sendToTab(7, 'setHighlighting', { enabled: false })).resolves.toEqual({ ok: true });
    expect(spy).toHaveBeenLastCalledWith(7, { type: 'setHighlighting', data: { enabled: false } }, undefined);
    spy.mockResolvedValueOnce({ ok: 'sure' });
    await expect(sendToTab(7, 'clipSelection', null, { frameId: 2 })).rejects.toThrow(/Malformed reply/);
    spy.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(sendToTab(7, 'clipSelection', null)).rejects.toThrow(/establish/);
    spy.mockRestore();
  });

  test('a refusal reads as the kind’s own failure reply where it has one, else as an error', () => {
    // Saves: a failure the background could not finish is retried; one it refused is not.
    expect(settleReply('saveClip', { error: 'database closed' })).toEqual({
      ok: false,
      error: 'database closed',
      retry: true,
    });
    expect(settleReply('saveClip', { ok: false, error: 'too long', retry: false })).toEqual({
      ok: false,
      error: 'too long',
      retry: false,
    });
    expect(settleReply('updateClip', { error: 'x' })).toEqual({ ok: false, error: 'x', retry: false });
    expect(() => settleReply('listClips', { ok: false, error: 'listClips is not allowed from this sender' })).toThrow(
      /not allowed/,
    );
    expect(() => settleReply('ping', undefined)).toThrow(/No answer to ping/);
    expect(settleReply('getPageReport', null)).toBeNull();
  });
});

describe('send, end to end through the runtime', () => {
  beforeEach(() => fakeBrowser.reset());

  test('the reply comes back typed; a refusal rejects', async () => {
    fakeBrowser.runtime.onMessage.addListener((raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      const m = parseMessage(raw, 'panelToBackground');
      if (!m) sendResponse(refusalFor(raw, 'panelToBackground'));
      else if (m.type === 'ping') sendResponse({ ok: true, version: '9.9' });
      else if (m.type === 'getPageReport') sendResponse(m.data.tabId === 1 ? report : null);
      return true;
    });
    const pong = await send('ping', null);
    expect(pong.version).toBe('9.9');
    const r = await send('getPageReport', { tabId: 1 });
    expect(r?.outcomes[0].council.name).toBe('Lambeth');
    expect(await send('getPageReport', { tabId: 2 })).toBeNull();
    await expect(send('clipsForPage', { url })).rejects.toThrow('clipsForPage is not allowed from this sender');
  });
});
