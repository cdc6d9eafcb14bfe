// Where the hover card goes: next to the highlight it explains, inside the window, and never over
// the text the reader has selected (nor over the highlight itself). Pure geometry: the content
// script passes the rectangles it measured.

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
}

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

/**
 * Places a card of `card` size for a highlight at `anchor` in a `view` (the window's size),
 * keeping clear of every rectangle in `avoid` (the selection's line boxes) and of the anchor.
 * Tries below, above, right and left of the anchor, then below and above the whole of `avoid`;
 * the first that fits the window and covers nothing wins; otherwise the one covering least.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  view: { width: number; height: number },
  avoid: readonly Box[] = [],
  gap = 6,
  margin = 4,
): Placement {
  const clampLeft = (x: number) => Math.max(margin, Math.min(x, view.width - card.width - margin));
  const clampTop = (y: number) => Math.max(margin, Math.min(y, view.height - card.height - margin));
  const all = [anchor, ...avoid];
  const spanTop = Math.min(...all.map((b) => b.top));
  const spanBottom = Math.max(...all.map((b) => b.top + b.height));
  const candidates: Placement[] = [
    { top: anchor.top + anchor.height + gap, left: clampLeft(anchor.left) },
    { top: anchor.top - gap - card.height, left: clampLeft(anchor.left) },
    { top: clampTop(anchor.top), left: anchor.left + anchor.width + gap },
    { top: clampTop(anchor.top), left: anchor.left - gap - card.width },
    { top: spanBottom + gap, left: clampLeft(anchor.left) },
    { top: spanTop - gap - card.height, left: clampLeft(anchor.left) },
  ];
  const fits = (p: Placement) =>
    p.top >= margin &&
    p.left >= margin &&
    p.top + card.height <= view.height - margin &&
    p.left + card.width <= view.width - margin;
  const covered = (p: Placement) => all.reduce((sum, b) => sum + overlapArea({ ...p, ...card }, b), 0);
  const clear = candidates.find((p) => fits(p) && covered(p) === 0);
  if (clear) return clear;
  // Nothing fits cleanly: keep it in the window, covering as little as possible.
  const inWindow = candidates.map((p) => ({ top: clampTop(p.top), left: clampLeft(p.left) }));
  return inWindow.reduce((best, p) => (covered(p) < covered(best) ? p : best));
}
