// The `<mark>` fallback's rules (highlight-marks.css), added by the highlighter where it draws
// marks (a browser without the Highlight API): a module of its own, so the early script, which
// adds only the `::highlight()` rules, does not carry them (highlight-styles.ts).
import MARK_CSS from './highlight-marks.css?inline';
import { ensureStyleSheet } from './highlight-styles';

/** Makes sure the `<mark>` fallback's rules are on `doc` (added once, added again if the page removed them). */
export function ensureMarkStyles(doc: Document, css: string = MARK_CSS): void {
  ensureStyleSheet(doc, 'marks', css);
}
