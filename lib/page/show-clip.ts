// Showing a saved clip's passage when the reader opens it from the side panel: the page scrolls
// the clip's range into view and flashes an outline around it (a short fade; held still, then
// removed, when the reader prefers reduced motion). The outline is a separate element laid over
// the passage, with no text, removed after the flash: the page's own nodes are never changed.

/** The attribute on the flash's outline layer (the page runner does not take it for a change to the page). */
export const FLASH_LAYER_ATTR = 'data-inspection-lens-flash';

/** Whether `n` is a flash outline layer made here. */
export const isFlashLayer = (n: Node): boolean => n.nodeType === 1 && (n as Element).hasAttribute(FLASH_LAYER_ATTR);

/** How long the outline stays. */
export const FLASH_MS = 1600;
/** How long a request waits for the page's clips to be re-found after a load. */
const WAIT_MS = 10_000;

export type ShowReply = { ok: boolean; error?: string };

export class ClipShower {
  private ranges = new Map<string, Range>();
  private missing = new Set<string>();
  private waiting = new Map<string, ((r: Range | null) => void)[]>();

  constructor(private readonly doc: Document = document) {}

  /** A clip was found (anchored) on the page at `range`. */
  found(id: string, range: Range) {
    this.ranges.set(id, range);
    this.missing.delete(id);
    this.settle(id, range);
  }

  /** A clip of this page could not be found on it. */
  notFound(id: string) {
    this.missing.add(id);
    this.settle(id, null);
  }

  /** The page's clips are being found again (a re-run, a pause): earlier ranges are forgotten. */
  clear() {
    this.ranges.clear();
    this.missing.clear();
  }

  private settle(id: string, r: Range | null) {
    for (const f of this.waiting.get(id) ?? []) f(r);
    this.waiting.delete(id);
  }

  private rangeOf(id: string, waitMs: number): Promise<Range | null> {
    const known = this.ranges.get(id);
    if (known) return Promise.resolve(known);
    if (this.missing.has(id)) return Promise.resolve(null);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(null), waitMs);
      const list = this.waiting.get(id) ?? [];
      list.push((r) => {
        clearTimeout(t);
        resolve(r);
      });
      this.waiting.set(id, list);
    });
  }

  /** Scrolls the clip's passage into view and flashes it; says why not when it is not on the page. */
  async show(id: string, waitMs = WAIT_MS): Promise<ShowReply> {
    const range = await this.rangeOf(id, waitMs);
    if (!range) return { ok: false, error: 'This clip’s passage was not found on the page.' };
    const view = this.doc.defaultView;
    if (!view) return { ok: false, error: 'The page has no window.' };
    const first = range.getBoundingClientRect();
    // The passage's top a third of the way down the window (or centred when it is short).
    const top = view.scrollY + first.top - Math.max(40, (view.innerHeight - first.height) / 3);
    view.scrollTo({ top: Math.max(0, top), left: view.scrollX, behavior: 'instant' as ScrollBehavior });
    this.flash(range);
    return { ok: true };
  }

  private flash(range: Range) {
    const view = this.doc.defaultView as Window;
    const reduce = view.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).slice(0, 40);
    const layer = this.doc.createElement('div');
    layer.setAttribute(FLASH_LAYER_ATTR, '');
    layer.setAttribute('aria-hidden', 'true');
    layer.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483646;';
    for (const r of rects) {
      const box = this.doc.createElement('div');
      box.style.cssText = `position:absolute;left:${r.left + view.scrollX - 3}px;top:${r.top + view.scrollY - 2}px;width:${r.width + 6}px;height:${r.height + 4}px;outline:3px solid #c98a00;border-radius:3px;box-shadow:0 0 0 5px rgba(245,184,0,.35);`;
      layer.append(box);
    }
    (this.doc.body ?? this.doc.documentElement).append(layer);
    if (!reduce && typeof layer.animate === 'function')
      layer.animate([{ opacity: 1 }, { opacity: 1, offset: 0.6 }, { opacity: 0 }], { duration: FLASH_MS });
    setTimeout(() => layer.remove(), FLASH_MS);
  }
}
