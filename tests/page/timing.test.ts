import { afterEach, expect, test, vi } from 'vitest';
import { markTime, setMarking, yieldToPage } from '../../lib/page/timing';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test('yieldToPage uses scheduler.yield where the browser has it', async () => {
  const yieldFn = vi.fn(() => Promise.resolve());
  vi.stubGlobal('scheduler', { yield: yieldFn });
  await yieldToPage();
  expect(yieldFn).toHaveBeenCalledOnce();
});

test('without scheduler.yield it still gives way: a task, not a microtask, and no timer', async () => {
  vi.stubGlobal('scheduler', undefined);
  const timer = vi.spyOn(globalThis, 'setTimeout');
  let microtaskRan = false;
  queueMicrotask(() => {
    microtaskRan = true;
  });
  const order: string[] = [];
  const p = yieldToPage().then(() => order.push('resumed'));
  Promise.resolve().then(() => order.push('microtask'));
  await p;
  expect(microtaskRan).toBe(true);
  expect(order).toEqual(['microtask', 'resumed']);
  expect(timer).not.toHaveBeenCalled();
});

test('markTime never throws, whatever the page did to performance.mark', () => {
  setMarking(true);
  vi.spyOn(performance, 'mark').mockImplementation(() => {
    throw new DOMException('blocked');
  });
  expect(() => markTime('il:test', { n: 1 })).not.toThrow();
});

test('no marks unless the benchmark asks: queued until the flag is read, then made with their own time or dropped', () => {
  performance.clearMarks();
  const ours = () => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('il:'));
  // A reader's page: the flag is read as off, nothing is ever marked.
  setMarking(null);
  markTime('il:early');
  setMarking(false);
  markTime('il:later');
  expect(ours()).toEqual([]);

  // The benchmark's page: marks made before the flag was read appear with the time they were made.
  setMarking(null);
  const before = performance.now();
  markTime('il:early', { n: 1 });
  const after = performance.now();
  expect(ours()).toEqual([]);
  setMarking(true);
  markTime('il:later');
  expect(ours().map((m) => m.name)).toEqual(['il:early', 'il:later']);
  const early = ours()[0] as PerformanceMark;
  expect(early.detail).toEqual({ n: 1 });
  expect(early.startTime).toBeGreaterThanOrEqual(before);
  expect(early.startTime).toBeLessThanOrEqual(after);
});
