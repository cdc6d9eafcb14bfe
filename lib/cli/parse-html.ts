// Parses an HTML string into a DOM Document in Node (linkedom), for the command-line analyser
// and tests. The browser never loads this module.
import { DOMParser } from 'linkedom';
import { flattenDeepNesting, MAX_DEPTH } from './flatten-nesting';

/**
 * Parses a page. Elements nested deeper than Chromium's parser would nest them (512 levels) are
 * flattened first, so a hostile page parses in linear time; `warn` hears when that happens.
 */
export function parseHtml(html: string, warn?: (message: string) => void): Document {
  const flat = flattenDeepNesting(html);
  if (flat.dropped)
    warn?.(
      `elements nested ${flat.deepest.toLocaleString('en-GB')} deep; ${flat.dropped.toLocaleString('en-GB')} tags past depth ${MAX_DEPTH} were dropped (their text is kept)`,
    );
  const doc = new DOMParser().parseFromString(flat.html, 'text/html') as unknown as Document;
  // linkedom builds no element at all from a page of bare text; a browser puts it in a body.
  if (doc.documentElement) return doc;
  return new DOMParser().parseFromString(`<html><body>${flat.html}</body></html>`, 'text/html') as unknown as Document;
}
