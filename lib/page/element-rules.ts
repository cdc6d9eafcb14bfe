// Which elements extraction reads, and how: node types, the tags it skips (scripts, navigation,
// forms…), the tags that start a block, the class and id words of page furniture, and whether an
// element lies inside a skipped one.

export const ELEMENT = 1;
export const TEXT = 3;

export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'head',
  'meta',
  'link',
  'video',
  'audio',
  'map',
  'dialog',
]);
export const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'figcaption',
  'dd',
  'dt',
  'td',
  'th',
  'pre',
  'caption',
  'div',
  'section',
  'article',
  'main',
  'header',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'tbody',
  'thead',
  'figure',
  'address',
  'hr',
  'br',
]);
const JUNK =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommended|more-stories|newsletter|signup|sign-up|subscribe|promo|advert|adverts?|ads?|advertisement|sponsor\w*|cookie\w*|consent|comments?|footer|sidebar|widget|popular|trending|tags?|author-bio|byline|masthead|site-header|skip-link|visually-hidden|sr-only|print-only|read-more|readmore|more-from|also-read|inline-related|recirc|outbrain|taboola|paywall|subscription)(?:[-_\s]|$)/i;
export const CONTAINER = 'article, [itemprop="articleBody"], main, [role="main"]';

/** Never text, whatever the mode. */
export const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'head',
]);

/** Tag sets hold local names (lower case for HTML), read without allocating a new string. */
export function isSkipped(el: Element, tag = el.localName): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return false; // most inline elements: nothing more to read
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return cls.length > 1 && JUNK.test(cls) && !/article|story-body|post-body|entry-content/i.test(cls);
}

/** True when an element or one of its ancestors (below `stop`) is navigation, footer, sidebar… */
export function insideSkipped(el: Element, stop: Element | null, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let result = false;
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    const known = memo.get(e);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(e);
    if (isSkipped(e)) {
      result = true;
      break;
    }
  }
  for (const e of path) memo.set(e, result);
  return result;
}
