// The background entry point's wiring, started on WXT's fake browser and fake-indexeddb: what it
// registers answers as lib/background/ does, pages learn whether any clip exists, a closed tab's
// report is forgotten, and an import port is served to our own pages only. The browser APIs the
// fake browser does not implement (side panel, context menu clicks, commands, ports) are stubbed.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import type { PageReport } from '../../lib/messages';
import { CLIPPED_PAGES_KEY, HAS_CLIPS_KEY } from '../../lib/storage-keys';
import { numberedClip } from '../support/clip';

const A = 'https://news.example/a';
type Connect = Parameters<typeof fakeBrowser.runtime.onConnect.addListener>[0];
let connect: Connect | undefined;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [CLIPPED_PAGES_KEY]: [A] });
  vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'IL', version: '4.5.6' });
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((l) => {
    connect = l;
  });
  background.main();
});
afterEach(() => vi.restoreAllMocks());

const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
const page = (tabId: number) => ({ id: fakeBrowser.runtime.id, url: A, tab: { id: tabId } });
const send = (msg: unknown, sender: object) =>
  new Promise((resolve) => {
    fakeBrowser.runtime.onMessage.trigger(msg, sender, resolve);
  });
const hasClips = async () => (await fakeBrowser.storage.local.get(HAS_CLIPS_KEY))[HAS_CLIPS_KEY];

test('pages learn only whether any clip exists: the old list of clipped pages is removed', async () => {
  await vi.waitFor(async () => expect(await hasClips()).toBe(false));
  expect(await fakeBrowser.storage.local.get(CLIPPED_PAGES_KEY)).toEqual({});
  const clip = numberedClip(1, { url: A });
  const article = {
    id: A,
    url: A,
    canonicalUrl: A,
    title: 'T',
    site: 'news.example',
    outcomes: [],
    created: 1,
    updated: 1,
  };
  expect(await send({ type: 'saveClip', data: { clip, article } }, page(1))).toEqual({
    ok: true,
    created: true,
    id: 'clip-1',
  });
  await vi.waitFor(async () => expect(await hasClips()).toBe(true));
  const listed = (await send({ type: 'listClips', data: {} }, panel)) as { clips: { id: string }[] };
  expect(listed.clips.map((c) => c.id)).toEqual(['clip-1']);
  expect(await send({ type: 'ping', data: null }, panel)).toEqual({ ok: true, version: '4.5.6' });
});

test('a closed tab’s report is forgotten', async () => {
  const report: PageReport = {
    url: A,
    title: 'T',
    isInspectionArticle: true,
    confidence: 1,
    counts: {},
    outcomes: [],
    highlighting: true,
  };
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  expect(await send({ type: 'pageReport', data: report }, page(3))).toEqual({ ok: true });
  expect(await send({ type: 'getPageReport', data: { tabId: 3 } }, panel)).toEqual(report);
  await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
  // Asked again, the closed tab does not answer.
  expect(await send({ type: 'getPageReport', data: { tabId: 3 } }, panel)).toBeNull();
});

test('a report that kept its findings keeps the ones this page sent; a background without them asks for them again', async () => {
  const finding = {
    id: 'f1',
    kind: 'grade',
    text: 'good',
    sentence: 'Lambeth was rated good.',
    start: 4,
    councils: [],
  };
  const head: PageReport = {
    url: A,
    title: 'T',
    isInspectionArticle: true,
    confidence: 1,
    counts: { 'il-grade-good': 1 },
    outcomes: [],
    highlighting: true,
  };
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  // Nothing kept for tab 4 (a background just started): the page is asked to send its findings.
  expect(await send({ type: 'pageReport', data: { ...head, sameFindings: true } }, page(4))).toEqual({
    ok: true,
    resend: true,
  });
  expect(await send({ type: 'pageReport', data: { ...head, findings: [finding] } }, page(4))).toEqual({ ok: true });
  // A count changed, the findings did not: they are kept, the rest is the new report's.
  const counted = { ...head, counts: { 'il-grade-good': 1, 'il-council': 1 } };
  expect(await send({ type: 'pageReport', data: { ...counted, sameFindings: true } }, page(4))).toEqual({ ok: true });
  expect(await send({ type: 'getPageReport', data: { tabId: 4 } }, panel)).toEqual({ ...counted, findings: [finding] });
  // The findings kept are another address's (the tab went elsewhere): not lent to this one.
  const other = { id: fakeBrowser.runtime.id, url: 'https://news.example/b', tab: { id: 4 } };
  expect(
    await send({ type: 'pageReport', data: { ...counted, url: 'https://news.example/b', sameFindings: true } }, other),
  ).toEqual({ ok: true, resend: true });
  expect(await send({ type: 'getPageReport', data: { tabId: 4 } }, panel)).toEqual({ ...counted, findings: [finding] });
});

test('an import port is served to our own pages only', () => {
  const port = (sender: object, name = 'inspection-lens-import') => {
    const p = {
      name,
      sender,
      disconnect: vi.fn(),
      postMessage: vi.fn(),
      onMessage: { addListener: vi.fn() },
      onDisconnect: { addListener: vi.fn() },
    };
    connect?.(p as unknown as Parameters<Connect>[0]);
    return p;
  };
  expect(port(page(1)).disconnect).toHaveBeenCalled();
  expect(port({ ...panel, id: 'another-extension' }).disconnect).toHaveBeenCalled();
  const ours = port(panel);
  expect(ours.disconnect).not.toHaveBeenCalled();
  expect(ours.onMessage.addListener).toHaveBeenCalled();
  expect(port(page(1), 'something-else').disconnect).not.toHaveBeenCalled();
});
