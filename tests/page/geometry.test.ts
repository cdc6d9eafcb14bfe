import { describe, expect, test } from 'vitest';
import { clipButtonPosition, pointInBoxes } from '../../lib/page/geometry';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const view = { width: 1000, height: 800 };

describe('Clip button placement', () => {
  test.each([
    ['under the end of the selection', box(100, 100, 400, 120), { top: 126, left: 370 }],
    ['kept inside at the bottom', box(100, 780, 400, 798), { top: 760, left: 370 }],
    ['kept inside at the right', box(900, 100, 1000, 120), { top: 126, left: 800 }],
    ['kept inside at the left', box(0, 100, 10, 120), { top: 126, left: 4 }],
  ])('%s', (_why, last, expected) => {
    expect(clipButtonPosition(last, view)).toEqual(expected);
  });
});

describe('hit-testing a highlight’s boxes', () => {
  const boxes = [box(10, 10, 100, 30), box(10, 30, 50, 50)];
  test.each([
    [50, 20, true],
    [40, 45, true],
    [80, 45, false],
    [101, 20, true], // a pixel of slack
    [102.5, 20, false],
    [5, 5, false],
  ])('(%d, %d) → %s', (x, y, hit) => {
    expect(pointInBoxes(boxes, x, y)).toBe(hit);
  });
  test('no boxes, no hit', () => expect(pointInBoxes([], 0, 0)).toBe(false));
});
