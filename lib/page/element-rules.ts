// Which elements extraction reads, and how: node types, the tags it skips (scripts, navigation,
// forms…), the tags that start a block, the class and id words of page furniture, and whether an
// element lies inside a skipped one.
import { tiered } from '../analysis/scan';
import { isSpace } from '../analysis/text';

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
// The class and id words of page furniture. Read by hand (`isJunkName`) for a page's first 512
// elements with attributes, then by the pattern (`JUNK`): compiling it cost a new tab ~0.1 ms on
// every article page, and the reading is slower than the compiled pattern on a page of thousands
// of elements. tests/page/junk-names.test.ts checks the reading against the pattern.
export const JUNK =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommended|more-stories|newsletter|signup|sign-up|subscribe|promo|advert|adverts?|ads?|advertisement|sponsor\w*|cookie\w*|consent|comments?|footer|sidebar|widget|popular|trending|tags?|author-bio|byline|masthead|site-header|skip-link|visually-hidden|sr-only|print-only|read-more|readmore|more-from|also-read|inline-related|recirc|outbrain|taboola|paywall|subscription)(?:[-_\s]|$)/i;
const JUNK_WORDS = new Set(
  (
    'nav navbar menu breadcrumb breadcrumbs share sharing social related recommended newsletter signup subscribe ' +
    'promo advert adverts ad ads advertisement consent comment comments footer sidebar widget popular trending ' +
    'tag tags byline masthead readmore recirc outbrain taboola paywall subscription'
  ).split(' '),
);
/** Two words joined by one hyphen ("sign-up"); each half alone is not furniture. */
const JUNK_PAIRS = new Set(
  'more-stories sign-up author-bio site-header skip-link visually-hidden sr-only print-only read-more more-from also-read inline-related'.split(
    ' ',
  ),
);
/** Words that are furniture with any ASCII letters, digits after them ("sponsored", "cookiebar"). */
const JUNK_PREFIXES = ['sponsor', 'cookie'];

/** The separators of class and id words: '-', '_' and what `\s` matches. */
function isNameSeparator(c: number): boolean {
  return c === 45 || c === 95 || isSpace(c);
}

/** The word from `start` to `end` in lower case, or '' when it holds a character that is not ASCII (no such word is furniture). */
function asciiLower(s: string, start: number, end: number): string {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) > 127) return '';
  return s.slice(start, end).toLowerCase();
}

/** Whether `word` (ASCII, lower case, no separator) holds only letters and digits from `from` (what `\w*` reads there). */
function lettersAndDigits(word: string, from: number): boolean {
  for (let i = from; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/**
 * Whether a class and id string names page furniture: one of its words (split on '-', '_' and
 * white space), in any ASCII case, is a furniture word, two hyphen-joined words a furniture pair,
 * or a word starts with 'sponsor' or 'cookie' followed only by ASCII letters and digits. Reads as
 * /(?:^|[-_\s])(?:nav|navbar|…|sponsor\w*|cookie\w*|…)(?:[-_\s]|$)/i did.
 */
export function isJunkName(s: string): boolean {
  let prev = ''; // the previous word, when a single '-' joins it to this one
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : -1;
    if (c !== -1 && !isNameSeparator(c)) continue;
    const word = asciiLower(s, start, i);
    if (word) {
      if (JUNK_WORDS.has(word) || (prev && JUNK_PAIRS.has(`${prev}-${word}`))) return true;
      for (const p of JUNK_PREFIXES) if (word.startsWith(p) && lettersAndDigits(word, p.length)) return true;
    }
    prev = c === 45 ? word : '';
    start = i + 1;
  }
  return false;
}
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

/** Furniture class and id words: `isJunkName` for a page's first 512 elements with attributes, then `JUNK` (lib/analysis/scan.ts `tiered`). */
const junkName = tiered(512, isJunkName, (s) => JUNK.test(s));

/** Tag sets hold local names (lower case for HTML), read without allocating a new string. */
export function isSkipped(el: Element, tag = el.localName): boolean {
  if (tag === 'aside') return !isArticleBox(el);
  if (SKIP_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return false; // most inline elements: nothing more to read
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return true;
  let cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  // WordPress gives a post's own element its taxonomy as classes ("post type-post category-children
  // tag-ofsted"): on an <article> or <main> those are not a tag list ("tag" is a furniture word).
  if ((tag === 'article' || tag === 'main') && cls.includes('-')) cls = cls.replace(TAXONOMY_CLASSES, ' ');
  return cls.length > 1 && junkName(cls) && !/article|story-body|post-body|entry-content|hentry|type-post/i.test(cls);
}

/**
 * An <aside> inside the article that is part of it: a box of the report's judgements or key
 * findings ("How Ofsted graded Middlesbrough"), not furniture by its class, and mostly text rather
 * than links (a "related" box is its links' headlines).
 */
function isArticleBox(el: Element): boolean {
  if (!el.parentElement?.closest('article')) return false;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (cls.length > 1 && junkName(cls)) return false;
  const text = el.textContent?.length ?? 0;
  return text > 0 && linkText(el) * 2 < text;
}

/** Characters of link text under an element; estimated from an even sample of its links when it has many. */
export function linkText(el: Element): number {
  const links = el.getElementsByTagName('a');
  const n = links.length;
  const step = Math.max(1, Math.floor(n / 200));
  let sum = 0;
  for (let i = 0; i < n; i += step) sum += links[i].textContent?.length ?? 0;
  return step === 1 ? sum : (sum * n) / Math.ceil(n / step);
}

const TAXONOMY_CLASSES = /(?:^|\s)(?:tag|category|post_tag|format|status)-\S*/g;

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
