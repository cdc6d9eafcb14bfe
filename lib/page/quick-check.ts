// The cheap first look: before extracting or analysing anything, does this page have any sign
// of being about an Ofsted inspection of children's services? Reads the title, a few meta tags,
// the URL and a sample of the first text on the page; never the whole page.

/** Signs of an inspection; a headline about children's services counts too (a stub may not say "Ofsted"). */
const SIGNS =
  /ofsted|inspector|inspection|focused visit|monitoring visit|jtai|children['’]?s (?:social )?(?:services|social care)/i;
const SAMPLE_CHARS = 6000;
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** A sample of the page's first visible-ish text, at most `limit` characters. */
export function textSample(doc: Document, limit = SAMPLE_CHARS): string {
  const body = doc.body;
  if (!body) return '';
  // No filter callback (a call from the browser into script per node costs more than reading
  // the parent's name here); script and style text is skipped by its parent.
  const walker = doc.createTreeWalker(body, 4);
  let out = '';
  let nodes = 0;
  for (let n = walker.nextNode(); n && out.length < limit && nodes < 3000; n = walker.nextNode(), nodes++) {
    const parent = n.parentNode as Element | null;
    if (parent && SKIP.has(parent.localName)) continue;
    out += `${(n as Text).data} `;
  }
  return out.slice(0, limit);
}

/** True when the page may be an inspection article and deserves the full analysis. */
export function mayBeInspectionArticle(doc: Document): boolean {
  return headMayBeInspectionArticle(doc) || /ofsted/i.test(textSample(doc));
}

/**
 * The part of the quick check that needs only the page's address and its <head>: the title, the
 * URL's path and the title, description and keywords metadata. The early content script asks it
 * as soon as the head is parsed, to start loading the engine before the body has arrived.
 */
export function headMayBeInspectionArticle(doc: Document, path = doc.location?.pathname ?? ''): boolean {
  if (SIGNS.test(`${doc.title} ${path}`)) return true;
  // Title, description and keywords metadata, read in one pass over the head's meta elements
  // (cheaper on a fresh page than one selector query each).
  const metas = doc.head?.getElementsByTagName('meta');
  if (metas)
    for (let i = 0; i < metas.length && i < 200; i++) {
      const key = (metas[i].getAttribute('property') ?? metas[i].getAttribute('name') ?? '').toLowerCase();
      if (META_KEYS.has(key) && SIGNS.test(metas[i].getAttribute('content') ?? '')) return true;
    }
  return false;
}

const META_KEYS = new Set(['og:title', 'description', 'og:description', 'keywords']);
