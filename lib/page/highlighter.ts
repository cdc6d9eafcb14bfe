// Draws findings in the page. With the CSS Custom Highlight API the page's DOM is not touched:
// one registered Highlight per category. Without it, `<mark data-il="<name>">` wrappers are
// inserted and can be removed cleanly, restoring the original text nodes.
import { HIGHLIGHT_NAMES, type HighlightName } from '../analysis/findings';
import { GRADE_STYLES } from '../data/grades';
import { ensureMarkStyles } from './highlight-marks';
import { ensureHighlightStyles } from './highlight-styles';

/** Paint order when categories overlap: grades over councils over improvement areas. */
const PRIORITY: Record<HighlightName, number> = {
  'il-clip': 1,
  'il-improvement': 2,
  'il-council': 3,
  ...(Object.fromEntries(GRADE_STYLES.map((g) => [g.highlight, g.priority])) as Record<
    (typeof GRADE_STYLES)[number]['highlight'],
    number
  >),
};

interface HighlightLike {
  add(r: Range): unknown;
  delete(r: Range): boolean;
  clear(): void;
  priority: number;
  readonly size: number;
}
interface HighlightRegistry {
  set(name: string, h: HighlightLike): unknown;
  delete(name: string): boolean;
  get(name: string): HighlightLike | undefined;
}

function highlightApi(win: Window): { registry: HighlightRegistry; make: () => HighlightLike } | null {
  const w = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: new () => HighlightLike };
  if (!w.CSS?.highlights || typeof w.Highlight !== 'function') return null;
  const H = w.Highlight;
  return { registry: w.CSS.highlights, make: () => new H() };
}

export interface Highlighter {
  readonly mode: 'highlight-api' | 'mark';
  /** Adds a range to a category; returns a handle to remove it. */
  add(name: HighlightName, range: Range): unknown;
  remove(name: HighlightName, handle: unknown): void;
  /** Shows or hides a whole category without forgetting its ranges. */
  setVisible(name: HighlightName, visible: boolean): void;
  /** Removes everything it drew. */
  clear(): void;
}

/**
 * Creates the highlighter for a document, preferring the Highlight API. Its styles (the
 * `::highlight()` rules, or the `<mark>` fallback's) are added to the page with the first range it
 * draws (highlight-styles.ts), and again if the page removed them.
 */
export function createHighlighter(doc: Document, options: { forceMarks?: boolean } = {}): Highlighter {
  const win = doc.defaultView as Window;
  const api = options.forceMarks ? null : highlightApi(win);
  const drawer = api ? apiHighlighter(api) : markHighlighter(doc);
  const add = drawer.add;
  const ensureStyles = api ? ensureHighlightStyles : ensureMarkStyles;
  drawer.add = (name, range) => {
    ensureStyles(doc);
    return add(name, range);
  };
  return drawer;
}

function apiHighlighter(api: { registry: HighlightRegistry; make: () => HighlightLike }): Highlighter {
  const highlights = new Map<HighlightName, HighlightLike>();
  const hidden = new Set<HighlightName>();
  const get = (name: HighlightName) => {
    let h = highlights.get(name);
    if (!h) {
      h = api.make();
      h.priority = PRIORITY[name];
      highlights.set(name, h);
      if (!hidden.has(name)) api.registry.set(name, h);
    }
    return h;
  };
  return {
    mode: 'highlight-api',
    add(name, range) {
      get(name).add(range);
      return range;
    },
    remove(name, handle) {
      highlights.get(name)?.delete(handle as Range);
    },
    setVisible(name, visible) {
      if (visible) {
        hidden.delete(name);
        const h = highlights.get(name);
        // Registered already (each run shows what is shown): registering it again would have
        // the browser repaint every highlight of the page.
        if (h && api.registry.get(name) !== h) api.registry.set(name, h);
      } else {
        hidden.add(name);
        api.registry.delete(name);
      }
    },
    clear() {
      for (const [name, h] of highlights) {
        h.clear();
        if (api.registry.get(name) === h) api.registry.delete(name);
      }
      highlights.clear();
    },
  };
}

/**
 * Wraps the text of a range in `<mark data-il>` elements, one per text node it touches, and sets
 * the range to span them. Text nodes split off the page's own are recorded in `split`, to be
 * merged back when unwrapped.
 */
function wrapRange(doc: Document, name: HighlightName, range: Range, split: WeakSet<Text>): HTMLElement[] {
  const parts: { node: Text; start: number; end: number }[] = [];
  const root = range.commonAncestorContainer;
  const texts: Text[] = [];
  if (root.nodeType === 3) texts.push(root as Text);
  else {
    const walker = doc.createTreeWalker(root, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) texts.push(n as Text);
  }
  // Read every boundary before changing the DOM: splitting text nodes moves live ranges.
  for (const node of texts) {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end > start) parts.push({ node, start, end });
  }
  const marks: HTMLElement[] = [];
  for (const { node, start, end } of parts) {
    if (end < node.data.length) split.add(node.splitText(end));
    const target = start > 0 ? node.splitText(start) : node;
    if (target !== node) split.add(target);
    const mark = doc.createElement('mark');
    mark.setAttribute('data-il', name);
    target.parentNode?.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  // Moving a text node into a mark moves the range's boundaries out of it (a word that was a whole
  // text node would leave the range collapsed): anchor the range on the marks, which stay put.
  const last = marks[marks.length - 1];
  if (last) {
    range.setStart(marks[0], 0);
    range.setEnd(last, last.childNodes.length);
  }
  return marks;
}

/**
 * Takes a mark out, its text back in place, and merges the text nodes split off for it (and only
 * those) back into the node they came from: the page keeps its own text node objects, and its
 * adjacent text nodes are not joined (normalize() would join them, and a framework holding
 * them would then update nodes no longer in the page). The reader's selection, if it points into
 * a merged node, is moved into the node it joins, as normalize() would move it; drawn ranges
 * are anchored on marks (see wrapRange), never inside a split node.
 */
function unwrap(mark: HTMLElement, split: WeakSet<Text>, selected: Range | null) {
  const parent = mark.parentNode;
  if (!parent) return;
  const before = mark.previousSibling;
  const last = mark.lastChild;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  mergeSplit(before, split, selected);
  if (last && last.parentNode === parent) mergeSplit(last, split, selected);
}

/** The reader's selection, read once for a batch of unwraps. */
function selectionIn(doc: Document): Range | null {
  const sel = doc.getSelection?.();
  return sel?.rangeCount ? sel.getRangeAt(0) : null;
}

/** Merges into text node `a` the text nodes after it that were split off by the fallback. */
function mergeSplit(a: Node | null, split: WeakSet<Text>, selected: Range | null) {
  if (a?.nodeType !== 3) return;
  const into = a as Text;
  for (let b = into.nextSibling; b && b.nodeType === 3 && split.has(b as Text); b = into.nextSibling) {
    const next = b as Text;
    const offset = into.data.length;
    into.appendData(next.data);
    if (selected?.startContainer === next) selected.setStart(into, offset + selected.startOffset);
    if (selected?.endContainer === next) selected.setEnd(into, offset + selected.endOffset);
    split.delete(next);
    next.remove();
  }
}

function markHighlighter(doc: Document): Highlighter {
  const all = new Map<HighlightName, Set<HTMLElement[]>>();
  const hidden = new Set<HighlightName>();
  const split = new WeakSet<Text>();
  return {
    mode: 'mark',
    add(name, range) {
      const marks = wrapRange(doc, name, range, split);
      if (hidden.has(name)) for (const m of marks) m.setAttribute('data-il-hidden', '');
      const set = all.get(name) ?? new Set<HTMLElement[]>();
      all.set(name, set);
      set.add(marks);
      return marks;
    },
    remove(name, handle) {
      const marks = handle as HTMLElement[];
      all.get(name)?.delete(marks);
      const selected = selectionIn(doc);
      for (const m of marks) unwrap(m, split, selected);
    },
    setVisible(name, visible) {
      if (visible) hidden.delete(name);
      else hidden.add(name);
      for (const marks of all.get(name) ?? [])
        for (const m of marks) {
          if (visible) m.removeAttribute('data-il-hidden');
          else m.setAttribute('data-il-hidden', '');
        }
    },
    clear() {
      const selected = selectionIn(doc);
      for (const set of all.values()) for (const marks of set) for (const m of marks) unwrap(m, split, selected);
      all.clear();
    },
  };
}

export { HIGHLIGHT_NAMES };
