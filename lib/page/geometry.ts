// Pure geometry for the in-page UI: where the caret is under the pointer, whether a point falls
// on a highlight's boxes, where the Clip button goes in the viewport (the card: lib/page/card-place.ts).

/** A box as the browser gives it (DOMRect, or any object with these sides). */
export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Whether (x, y) is on one of the boxes, with a pixel of slack for sub-pixel edges. */
export function pointInBoxes(boxes: Iterable<Box>, x: number, y: number): boolean {
  for (const b of boxes) if (x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1) return true;
  return false;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The DOM point under (x, y): the standard caretPositionFromPoint, else WebKit's caretRangeFromPoint. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as CaretDocument;
  const p = d.caretPositionFromPoint?.(x, y);
  if (p) return { node: p.offsetNode, offset: p.offset };
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Where the Clip button goes: just below the end of the selection's last line, kept in the viewport. */
export function clipButtonPosition(last: Box, view: Viewport): { top: number; left: number } {
  return {
    top: Math.round(Math.min(last.bottom + 6, view.height - 40)),
    left: Math.round(Math.min(Math.max(4, last.right - 30), view.width - 200)),
  };
}
