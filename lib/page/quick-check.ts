// The cheap first look: before extracting or analysing anything, does this page have any sign
// of being about an Ofsted inspection of children's services? Reads the title, a few meta tags,
// the URL and a sample of the first text on the page; never the whole page.

const SIGNS = /ofsted|inspector|inspection|focused visit|monitoring visit|jtai/i;
const SAMPLE_CHARS = 6000;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** A sample of the page's first visible-ish text, at most `limit` characters. */
export function textSample(doc: Document, limit = SAMPLE_CHARS): string {
  const body = doc.body;
  if (!body) return '';
  const walker = doc.createTreeWalker(body, 4, {
    acceptNode: (n) => (SKIP.has((n.parentNode as Element | null)?.tagName ?? '') ? 2 : 1),
  });
  let out = '';
  let nodes = 0;
  for (let n = walker.nextNode(); n && out.length < limit && nodes < 3000; n = walker.nextNode(), nodes++)
    out += `${(n as Text).data} `;
  return out.slice(0, limit);
}

/** True when the page may be an inspection article and deserves the full analysis. */
export function mayBeInspectionArticle(doc: Document): boolean {
  const meta = (sel: string) => doc.head?.querySelector(sel)?.getAttribute('content') ?? '';
  const head = [
    doc.title,
    meta('meta[property="og:title"]'),
    meta('meta[name="description"]'),
    meta('meta[property="og:description"]'),
    meta('meta[name="keywords"]'),
    doc.location?.pathname ?? '',
  ].join(' ');
  if (SIGNS.test(head)) return true;
  return /ofsted/i.test(textSample(doc));
}
