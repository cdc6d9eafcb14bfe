import { describe, expect, test } from 'vitest';
import { CARD_ROOM, cardPosition, clipButtonPosition, pointInBoxes } from '../../lib/page/geometry';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const view = { width: 1000, height: 800 };

describe('card placement', () => {
  test.each([
    ['below a highlight with room under it', box(100, 100, 200, 120), 150, { top: 126, left: 100 }],
    ['above a highlight near the bottom', box(100, 700, 200, 720), 150, { top: 544, left: 100 }],
    [
      'flips exactly when the room below runs out',
      box(100, 800 - 6 - CARD_ROOM, 200, 800 - 6 - CARD_ROOM + 1),
      100,
      { top: 448, left: 100 },
    ],
    ['never above the top edge', box(100, 60, 200, 700), 400, { top: 4, left: 100 }],
    ['never past the left edge', box(-50, 100, 20, 120), 150, { top: 126, left: 4 }],
    ['never past the right edge', box(900, 100, 990, 120), 150, { top: 126, left: 630 }],
    ['rounded to whole pixels', box(10.4, 10.2, 20, 20.6), 100, { top: 27, left: 10 }],
  ])('%s', (_why, anchor, height, expected) => {
    expect(cardPosition(anchor, height, view)).toEqual(expected);
  });
});

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
