// The highlights' CSS, added to a page only when something is drawn on it. Listed in the
// manifest, it was on every page the reader opened, and its `::highlight()` rules made each
// full style recalculation of a page about 2.5 times as long (a page of 15,000 elements: 22 ms
// against 9 ms in Chromium 156; `npm run bench:style`), on pages that are not articles as on the
// rest. So it is added where the page looks like an article from its address, title or head, as
// the engine's load starts (entrypoints/early.ts, at once: a page styled before a sheet of
// `::highlight()` rules arrives is styled again, all of it, when it does: 50 ms on the 1 MB
// article), and elsewhere the first time the engine draws.
//
// Two sheets: the `::highlight()` rules (highlight-styles.css), and the `<mark>` fallback's rules
// (highlight-marks.css), added only where marks are drawn (no Highlight API), so the early script
// carries only the first.
//
// A constructed sheet in `document.adoptedStyleSheets` first: not an element of the page, and not
// subject to the page's Content-Security-Policy for inline styles. Where that cannot be done, a
// `<style>` element. Either is added again if the page took it away (a framework that assigns its
// own `adoptedStyleSheets`, a script that empties `<head>`): every draw checks, at most once a task.
import HIGHLIGHT_CSS from './highlight-styles.css?inline';

/**
 * The `::highlight()` rules as a browser needs them. Chromium styles a highlight in an element's
 * text from the nearest element whose `::highlight()` rule matched (highlight inheritance), so
 * there each rule matches the root element alone (`:root::highlight(…)`): on a page of 15,000
 * elements, adding the sheet to a styled page took 33 ms against 80 with a rule matching every
 * element, and the page's own restyling 28 against 31 ms (28 with no sheet). Firefox (153) draws
 * a highlight only from a rule matching the text's own element: there the rules are as written.
 */
export function highlightRules(css: string, firefox: boolean): string {
  return firefox ? css : css.replace(/(^|[},\s])::highlight\(/g, '$1:root::highlight(');
}
let rules: string | undefined;
/** This build's rules (made once, when first added). */
const builtRules = () => {
  rules ??= highlightRules(HIGHLIGHT_CSS, import.meta.env.BROWSER === 'firefox');
  return rules;
};

interface Installed {
  sheet: CSSStyleSheet | null;
  element: HTMLStyleElement | null;
  checked: boolean;
}

/** The two sheets: the `::highlight()` rules, and the `<mark>` fallback's. */
export type StyleSheetKind = 'highlights' | 'marks';

/**
 * What was added to each document, kept in the isolated world's global: the early script
 * (entrypoints/early.ts) adds the styles on a page that looks like an article before its body is
 * parsed, and the engine, a bundle of its own with its own copy of this module, must find them.
 */
const SLOTS: Record<StyleSheetKind, string> = {
  highlights: '__inspectionLensHighlightStyles',
  marks: '__inspectionLensMarkStyles',
};
/** A collection kept in the isolated world's global under `key`, made the first time. */
function shared<T>(key: string, Make: new () => T): T {
  const g = globalThis as Record<string, unknown>;
  g[key] ??= new Make();
  return g[key] as T;
}
const installedStyles = (kind: StyleSheetKind) => shared<WeakMap<Document, Installed>>(SLOTS[kind], WeakMap);
const installedIfAny = (kind: StyleSheetKind) =>
  (globalThis as Record<string, unknown>)[SLOTS[kind]] as WeakMap<Document, Installed> | undefined;

/**
 * The documents whose styles were taken off (or never needed) once the content script decided:
 * the early install must not add them after that decision (a page the content script has already
 * turned down). Drawing still does.
 */
const DECLINED = '__inspectionLensHighlightStylesDeclined';
const declinedStyles = () => shared<WeakSet<Document>>(DECLINED, WeakSet);

type SheetWindow = Window & { CSSStyleSheet?: typeof CSSStyleSheet };

/** A sheet constructed for `doc` holding `css`, or null where the browser cannot (no constructor, or it refused). */
function constructedSheet(doc: Document, css: string): CSSStyleSheet | null {
  const Sheet = (doc.defaultView as SheetWindow | null)?.CSSStyleSheet;
  if (typeof Sheet !== 'function' || !Array.isArray(doc.adoptedStyleSheets)) return null;
  try {
    const sheet = new Sheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}

/**
 * Makes sure one of our sheets is on `doc`: added the first time, added again if the page removed
 * it. Cheap to call for every range drawn: it looks at the page once a task.
 */
export function ensureStyleSheet(doc: Document, kind: StyleSheetKind, css: string): void {
  const installed = installedStyles(kind);
  let state = installed.get(doc);
  if (state?.checked) return;
  if (!state) {
    state = { sheet: constructedSheet(doc, css), element: null, checked: false };
    installed.set(doc, state);
  }
  const s = state;
  s.checked = true;
  queueMicrotask(() => {
    s.checked = false;
  });
  if (s.sheet) {
    try {
      const sheets = doc.adoptedStyleSheets;
      if (!sheets.includes(s.sheet)) doc.adoptedStyleSheets = [...sheets, s.sheet];
      return;
    } catch {
      s.sheet = null; // refused (a browser that will not adopt it from here): the element below
    }
  }
  if (s.element?.isConnected) return;
  try {
    s.element ??= doc.createElement('style');
    s.element.textContent = css;
    (doc.head ?? doc.documentElement)?.append(s.element);
  } catch {
    // Highlights without their colours are still drawn (and still read by the card and panel).
  }
}

/** Makes sure the `::highlight()` rules are on `doc` (see ensureStyleSheet). */
export function ensureHighlightStyles(doc: Document, css: string = builtRules()): void {
  ensureStyleSheet(doc, 'highlights', css);
}

/**
 * Adds the `::highlight()` rules early, before anything is drawn (entrypoints/early.ts), unless
 * the content script has already taken them off this page or found it did not need them.
 */
export function addEarlyHighlightStyles(doc: Document, css: string = builtRules()): void {
  if (!declinedStyles().has(doc)) ensureHighlightStyles(doc, css);
}

/**
 * Takes our sheets off `doc` again: added early on a page that looked like an article and turned
 * out not to be one (or was paused), nothing is drawn, and the page should not pay for them on
 * every restyling. Drawing later adds them again.
 */
export function removeHighlightStyles(doc: Document): void {
  declinedStyles().add(doc);
  for (const kind of Object.keys(SLOTS) as StyleSheetKind[]) {
    const installed = installedIfAny(kind);
    const s = installed?.get(doc);
    if (!s) continue;
    installed?.delete(doc);
    try {
      if (s.sheet && doc.adoptedStyleSheets.includes(s.sheet))
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((x) => x !== s.sheet);
      s.element?.remove();
    } catch {
      // The page's own sheets could not be read or set: left as they are.
    }
  }
}

/** Whether `doc` has one of our sheets now (tests and the bench read it): the `::highlight()` rules unless told. */
export function hasHighlightStyles(doc: Document, kind: StyleSheetKind = 'highlights'): boolean {
  const s = installedIfAny(kind)?.get(doc);
  if (!s) return false;
  if (s.sheet) return doc.adoptedStyleSheets.includes(s.sheet);
  return !!s.element?.isConnected;
}
