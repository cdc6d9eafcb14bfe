import { describe, expect, test } from 'vitest';
import { type Box, placeCard } from '../../lib/page/card-place';

const view = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placeCard', () => {
  test.each([
    ['room below: below the highlight', box(100, 100, 80, 20), [], { top: 126, left: 100 }],
    ['near the bottom: above it', box(100, 700, 80, 20), [], { top: 494, left: 100 }],
    ['near the right edge: moved left to stay in the window', box(900, 100, 80, 20), [], { top: 126, left: 696 }],
    // The reader is selecting the three lines below the highlight: the card goes above.
    [
      'a selection below: above the highlight',
      box(100, 300, 80, 20),
      [box(100, 320, 600, 20), box(40, 340, 600, 20), box(40, 360, 300, 20)],
      { top: 94, left: 100 },
    ],
    // A selection above and below and no room to the sides' tops: to the right of the highlight.
    [
      'a selection around it: beside it',
      box(100, 300, 80, 20),
      [box(40, 100, 600, 200), box(40, 320, 140, 400)],
      { top: 300, left: 186 },
    ],
  ] as const)('%s', (_, anchor, avoid, expected) => {
    const p = placeCard(anchor, card, view, avoid);
    expect(p).toEqual(expected);
    const placed = { ...p, ...card };
    for (const b of [anchor, ...avoid]) expect(overlaps(placed, b)).toBe(false);
    expect(p.left + card.width).toBeLessThanOrEqual(view.width);
    expect(p.top + card.height).toBeLessThanOrEqual(view.height);
  });

  test('no clear place: stays in the window and covers as little as it can', () => {
    const anchor = box(0, 0, 1000, 20);
    const sel = [box(0, 20, 1000, 780)];
    const p = placeCard(anchor, card, view, sel);
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.left).toBeGreaterThanOrEqual(0);
    expect(p.top + card.height).toBeLessThanOrEqual(view.height);
  });
});
