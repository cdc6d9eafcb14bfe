import { afterEach, expect, test, vi } from 'vitest';
import { markTime, yieldToPage } from '../../lib/page/timing';

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
  vi.spyOn(performance, 'mark').mockImplementation(() => {
    throw new DOMException('blocked');
  });
  expect(() => markTime('il:test', { n: 1 })).not.toThrow();
});
