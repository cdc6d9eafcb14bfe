// Caps how deep elements nest before the HTML reaches linkedom. Its parser (htmlparser2) keeps
// the open elements in an array it grows and shrinks at the front, so each tag costs time in
// proportion to the depth: 100,000 nested elements took seconds and 400,000 over a minute.
// Chromium's own parser stops nesting at 512 levels, so a page never shows the extension a
// deeper tree; here, a start tag that would open past that depth is dropped (a space stands in
// its place), and so is its end tag. The text is kept. A page within the cap is not touched.
//
// The tags are read with htmlparser2's own tokenizer, and the open-element stack is kept the
// way its parser keeps it (elements closed by others, void elements, self-closing tags in SVG
// and MathML), so what is counted here is what linkedom would build. Every step is O(1)
// amortised: the whole pass is linear in the length of the page.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** Chromium's limit on the depth of the tree its HTML parser builds. */
export const MAX_DEPTH = 512;

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
/** Open elements that a new start tag closes first (as htmlparser2's parser does). */
const CLOSED_BY = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTION],
  ['tfoot', TABLE_SECTION],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, Set<string>]),
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t) => [t, P] as [string, Set<string>]),
]);
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Elements whose content the tokenizer reads as raw text (no tags inside). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

export interface Flattened {
  html: string;
  /** Start tags dropped because they opened past the depth cap (0: the page is unchanged). */
  dropped: number;
  /** The deepest nesting seen, counting dropped elements. */
  deepest: number;
}

interface Open {
  name: string;
  dropped: boolean;
  /** A dropped raw-text element: its content goes with its tags. */
  raw?: boolean;
}

/** Drops the start and end tags of elements that would nest deeper than `maxDepth`. */
export function flattenDeepNesting(html: string, maxDepth = MAX_DEPTH): Flattened {
  const stack: Open[] = [];
  /** Positions in `stack` of the open elements of each name, innermost last. */
  const byName = new Map<string, number[]>();
  /** htmlparser2's foreign-content flags (SVG/MathML or an HTML integration point), innermost last. */
  const foreign: boolean[] = [false];
  let realDepth = 0;
  let deepest = 0;
  let dropped = 0;
  const cuts: number[] = []; // [start, end) pairs of dropped text, in order
  let tagName = '';
  let tagStart = 0;

  const push = (entry: Open) => {
    const at = byName.get(entry.name);
    if (at) at.push(stack.length);
    else byName.set(entry.name, [stack.length]);
    stack.push(entry);
    if (!entry.dropped) realDepth++;
    if (stack.length > deepest) deepest = stack.length;
  };
  const pop = () => {
    const top = stack.pop()!;
    byName.get(top.name)!.pop();
    if (!top.dropped) realDepth--;
  };
  const topDropped = () => stack.length > 0 && stack[stack.length - 1].dropped;

  /** A start tag is complete (`selfClosing`: it ended with "/>"). */
  const openTag = (end: number, selfClosing: boolean) => {
    const name = tagName;
    const closes = CLOSED_BY.get(name);
    const isVoid = VOID.has(name);
    const pushesForeign = !isVoid && (FOREIGN.has(name) || INTEGRATION.has(name));
    // Inside a dropped element everything is dropped.
    let drop = topDropped();
    // The elements this tag closes first: the parser's when it sees the tag; when it will not
    // (the tag is dropped), only dropped ones. A tag that closes one can never be past the cap.
    if (closes) while (stack.length && closes.has(stack[stack.length - 1].name) && (!drop || topDropped())) pop();
    if (!drop && !isVoid && (realDepth >= maxDepth || (pushesForeign && foreign.length >= maxDepth))) drop = true;
    if (drop) {
      dropped++;
      cuts.push(tagStart, end + 1);
      if (isVoid) return;
      // A raw-text element (script, style…) keeps no tags inside: it goes whole, content and all.
      push({ name, dropped: true, raw: RAW_TEXT.has(name) && !selfClosing });
      if (selfClosing && foreign[foreign.length - 1]) pop();
      return;
    }
    if (isVoid) return;
    push({ name, dropped: false });
    if (FOREIGN.has(name)) foreign.push(true);
    else if (INTEGRATION.has(name)) foreign.push(false);
    // "/>" closes the element only in foreign content (read after its own start tag's flag).
    if (selfClosing && foreign[foreign.length - 1]) pop();
  };

  const cbs: TokenizerCallbacks = {
    onopentagname(start, end) {
      tagName = html.slice(start, end).toLowerCase();
      tagStart = start - 1;
    },
    onopentagend(end) {
      openTag(end, false);
    },
    onselfclosingtag(end) {
      openTag(end, true);
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      const at = byName.get(name);
      const nearest = at?.length ? at[at.length - 1] : -1;
      if (nearest >= 0 && stack[nearest].dropped) {
        // Closes a dropped element: the parser must not see it (it would close a kept one).
        const close = html.indexOf('>', end);
        const stop = close < 0 ? html.length : close + 1;
        if (stack[nearest].raw) cuts[cuts.length - 1] = stop;
        else cuts.push(html.lastIndexOf('<', start), stop);
        while (stack.length > nearest) pop();
        return;
      }
      if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
      if (nearest >= 0) while (stack.length > nearest) pop();
    },
    onend() {
      // A dropped raw-text element left open runs to the end of the page.
      if (stack.length && stack[stack.length - 1].raw) cuts[cuts.length - 1] = html.length;
    },
    onattribdata() {},
    onattribentity() {},
    onattribend() {},
    onattribname() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    ontext() {},
    ontextentity() {},
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, cbs);
  tokenizer.write(html);
  tokenizer.end();

  if (!dropped) return { html, dropped, deepest };
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(html.slice(last, cuts[i]), ' ');
    last = cuts[i + 1];
  }
  parts.push(html.slice(last));
  return { html: parts.join(''), dropped, deepest };
}
