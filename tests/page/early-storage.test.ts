import { afterEach, describe, expect, test } from 'vitest';
import { startEarlyRead, takeEarlyRead } from '../../lib/page/early-storage';

/** A stand-in for the extension's storage API: reads resolve when the test says so. */
function fakeStorage(data: Record<string, unknown>) {
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  const pending: (() => void)[] = [];
  let reads = 0;
  const api = {
    storage: {
      local: {
        get: (keys: string[]) =>
          new Promise<Record<string, unknown>>((resolve) => {
            reads++;
            pending.push(() => resolve(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]))));
          }),
      },
      onChanged: { addListener: (f: (typeof listeners)[number]) => listeners.push(f) },
    },
  };
  // In place of the extension API (the unit-test environment's fake `browser` is set aside).
  (globalThis as { browser?: unknown }).browser = api;
  return {
    get reads() {
      return reads;
    },
    answer: () => {
      for (const p of pending.splice(0)) p();
    },
    change: (key: string, area = 'local') => {
      for (const l of listeners) l({ [key]: { newValue: 1 } }, area);
    },
  };
}

const original = (globalThis as { browser?: unknown }).browser;
afterEach(() => {
  (globalThis as { browser?: unknown }).browser = original;
  takeEarlyRead([]); // leave no read behind
});

describe('the settings read begun at document_start', () => {
  test('the main script takes the read begun early: one storage read, its result', async () => {
    const s = fakeStorage({ a: 1, b: [2] });
    startEarlyRead(['a', 'b']);
    const taken = takeEarlyRead(['a', 'b']);
    s.answer();
    expect(await taken).toEqual({ a: 1, b: [2] });
    expect(s.reads).toBe(1);
    // Taken once: a second take reads afresh.
    expect(takeEarlyRead(['a', 'b'])).toBeNull();
  });

  test('a change to those keys after the read began: the early result is not used', async () => {
    const s = fakeStorage({ a: 1 });
    startEarlyRead(['a']);
    const taken = takeEarlyRead(['a']);
    s.change('a');
    s.answer();
    await expect(taken).rejects.toThrow();
    // A change already seen before the take: nothing to take.
    startEarlyRead(['a']);
    s.change('a');
    expect(takeEarlyRead(['a'])).toBeNull();
  });

  test('changes elsewhere (other keys, sync storage) leave the early read valid', async () => {
    const s = fakeStorage({ a: 1 });
    startEarlyRead(['a']);
    s.change('other');
    s.change('a', 'sync');
    const taken = takeEarlyRead(['a']);
    s.answer();
    expect(await taken).toEqual({ a: 1 });
  });

  test('no early read (the early script did not run, or asked for other keys): null', () => {
    fakeStorage({});
    expect(takeEarlyRead(['a'])).toBeNull();
    startEarlyRead(['a']);
    expect(takeEarlyRead(['a', 'b'])).toBeNull();
  });
});
