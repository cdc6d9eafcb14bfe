// @vitest-environment happy-dom
// The content script's own context (in place of WXT's): a newer copy of the script started on the
// same page (after an extension update) ends the older one, whose features then undo what they
// added; copies built with WXT's context and with this one stop each other the same way.
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { markFreshDocument, takeFreshDocument } from '../../lib/content/fresh-document';
import { INVALIDATED, startedEventType, startScriptContext } from '../../lib/content/script-context';

// WXT's context names its event after the entry point it was built into (the content script's:
// `content`), when its module loads.
vi.hoisted(() => vi.stubEnv('ENTRYPOINT', 'content'));
afterAll(() => vi.unstubAllEnvs());
beforeEach(() => {
  fakeBrowser.reset();
  takeFreshDocument();
});

describe('the content script context', () => {
  test('a newer copy of the script ends the older one, and only it', () => {
    const older = startScriptContext('content');
    expect(older.signal.aborted).toBe(false);
    const newer = startScriptContext('content');
    expect(older.signal.aborted).toBe(true);
    expect(older.signal.reason).toBe(INVALIDATED);
    expect(newer.signal.aborted).toBe(false);
    newer.signal.addEventListener('abort', () => {});
  });

  test('a feature started with the older copy removes its listener when the newer copy starts', () => {
    const older = startScriptContext('content');
    let heard = 0;
    document.addEventListener('il-test', () => heard++, { signal: older.signal });
    document.dispatchEvent(new Event('il-test'));
    startScriptContext('content');
    document.dispatchEvent(new Event('il-test'));
    expect(heard).toBe(1);
  });

  test('another script of the extension starting does not end this one', () => {
    const content = startScriptContext('content');
    startScriptContext('other');
    expect(content.signal.aborted).toBe(false);
  });

  test('a page event without the starting copy’s detail ends nothing', () => {
    const content = startScriptContext('content');
    document.dispatchEvent(new CustomEvent(`${fakeBrowser.runtime.id}:content:wxt:content-script-started`));
    document.dispatchEvent(new CustomEvent('content-script-started', { detail: { contentScriptName: 'content' } }));
    expect(content.signal.aborted).toBe(false);
  });

  test('a copy built with WXT’s context (before this change) is ended by this one, and ends it', () => {
    const wxtOlder = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
    const ours = startScriptContext('content');
    expect(wxtOlder.signal.aborted).toBe(true);
    expect(ours.signal.aborted).toBe(false);
    const wxtNewer = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
    expect(ours.signal.aborted).toBe(true);
    wxtNewer.abort();
  });

  test('on a page the early script saw start loading, the start tells no one, and a newer copy still ends it', () => {
    const told: unknown[] = [];
    const type = startedEventType(fakeBrowser.runtime.id);
    document.addEventListener(type, (e) => told.push((e as CustomEvent).detail));
    markFreshDocument({ readyState: 'loading' } as Document);
    const first = startScriptContext('content');
    // No copy can be there to hear it: the page was loading when this copy's early script ran.
    expect(told).toEqual([]);
    // A newer copy injected into the loaded page (after an update: no fresh mark) tells, and ends it.
    const newer = startScriptContext('content');
    expect(told).toHaveLength(1);
    expect(first.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
  });

  test('a page already loaded when the early script ran gets no fresh mark: the start ends an older copy', () => {
    const older = startScriptContext('content');
    markFreshDocument({ readyState: 'complete' } as Document);
    startScriptContext('content');
    expect(older.signal.aborted).toBe(true);
  });

  test('the fresh mark is taken by the first start only', () => {
    markFreshDocument({ readyState: 'loading' } as Document);
    const first = startScriptContext('content');
    const wxtNewer = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
    expect(first.signal.aborted).toBe(true);
    const ours = startScriptContext('content');
    expect(wxtNewer.signal.aborted).toBe(true);
    expect(ours.signal.aborted).toBe(false);
  });
});
