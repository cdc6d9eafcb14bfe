// The highlights' CSS, added to a page only when something is drawn on it. Listed in the
// manifest, it was on every page the reader opened, and its `::highlight()` rules made each
// full style recalculation of a page about 2.5 times as long (a page of 15,000 elements: 22 ms
// against 9 ms in Chromium 156; `npm run bench:style`), on pages that are not articles as on the
// rest. So it is added where the page looks like an article from its address, title or head, as
// the engine's load starts (entrypoints/content-styles.ts, imported by entrypoints/early.ts: on a
// long page before its body is styled, so the page's own first styling includes it, as the
// manifest's did), and elsewhere the first time the engine draws.
//
// A constructed sheet in `document.adoptedStyleSheets` first: not an element of the page, and not
// subject to the page's Content-Security-Policy for inline styles. Where that cannot be done, a
// `<style>` element. Either is added again if the page took it away (a framework that assigns its
// own `adoptedStyleSheets`, a script that empties `<head>`): every draw checks, at most once a task.
import HIGHLIGHT_CSS from './highlight-styles.css?inline';

interface Installed {
  sheet: CSSStyleSheet | null;
  element: HTMLStyleElement | null;
  checked: boolean;
}

/**
 * What was added to each document, kept in the isolated world's global: the styles' own script
 * (entrypoints/content-styles.ts) adds the styles on a page that looks like an article before its body is
 * parsed, and the engine, a bundle of its own with its own copy of this module, must find them.
 */
const SLOT = '__inspectionLensHighlightStyles';
/** A collection kept in the isolated world's global under `key`, made the first time. */
function shared<T>(key: string, Make: new () => T): T {
  const g = globalThis as Record<string, unknown>;
  g[key] ??= new Make();
  return g[key] as T;
}
const installedStyles = () => shared<WeakMap<Document, Installed>>(SLOT, WeakMap);
const installedIfAny = () => (globalThis as Record<string, unknown>)[SLOT] as WeakMap<Document, Installed> | undefined;

/**
 * The documents whose styles were taken off (or never needed) once the content script decided:
 * the styles' own script, imported early and run whenever its file arrives, must not add them
 * after that decision (on a short page the content script can decide first). Drawing still does.
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
 * Makes sure the highlights' styles are on `doc`: added the first time, added again if the page
 * removed them. Cheap to call for every range drawn: it looks at the page once a task.
 */
export function ensureHighlightStyles(doc: Document, css: string = HIGHLIGHT_CSS): void {
  const installed = installedStyles();
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

/**
 * Adds the highlights' styles early, before anything is drawn (entrypoints/content-styles.ts), unless
 * the content script has already taken them off this page or found it did not need them.
 */
export function addEarlyHighlightStyles(doc: Document, css: string = HIGHLIGHT_CSS): void {
  if (!declinedStyles().has(doc)) ensureHighlightStyles(doc, css);
}

/**
 * Takes the highlights' styles off `doc` again: added early on a page that looked like an article
 * and turned out not to be one (or was paused), nothing is drawn, and the page should not pay for
 * them on every restyling. Drawing later adds them again.
 */
export function removeHighlightStyles(doc: Document): void {
  declinedStyles().add(doc);
  const installed = installedIfAny();
  const s = installed?.get(doc);
  if (!s) return;
  installed?.delete(doc);
  try {
    if (s.sheet && doc.adoptedStyleSheets.includes(s.sheet))
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((x) => x !== s.sheet);
    s.element?.remove();
  } catch {
    // The page's own sheets could not be read or set: left as they are.
  }
}

/** Whether `doc` has the highlights' styles now (tests and the bench read it). */
export function hasHighlightStyles(doc: Document): boolean {
  const s = installedIfAny()?.get(doc);
  if (!s) return false;
  if (s.sheet) return doc.adoptedStyleSheets.includes(s.sheet);
  return !!s.element?.isConnected;
}
