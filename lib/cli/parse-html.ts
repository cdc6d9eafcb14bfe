// Parses an HTML string into a DOM Document in Node (linkedom), for the command-line analyser
// and tests. The browser never loads this module.
import { DOMParser } from 'linkedom';

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
