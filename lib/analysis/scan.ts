// Small readings of a sentence by character codes, each equal to the pattern named beside it
// (tests/analysis/cold-gates.test.ts checks them against it). Every article's first analysis
// runs these: as patterns, each was one more compilation on the main thread.
import { gradeWordsRegExp } from '../data/grades';
import { isSpace } from './text';

/** /^\s*[•·▪◦‣]\s/: a bullet typed at the start of a paragraph, white space after it. */
export function opensWithTypedBullet(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return (
    (c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2023) &&
    i + 1 < text.length &&
    isSpace(text.charCodeAt(i + 1))
  );
}

/** /^["'“‘]/: the text opens with a quotation mark. */
export function opensWithQuote(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018;
}

/** /[:?]["'”’]?\s*$/: the text ends (white space aside) with a colon or question mark, a closing quote after it or not. */
export function endsIntroducing(text: string): boolean {
  return endsWithMark(text, true);
}

/** /\?["'”’]?\s*$/: the text ends (white space aside) with a question mark, a closing quote after it or not. */
export function endsAsking(text: string): boolean {
  return endsWithMark(text, false);
}

/** Whether the text's last mark (white space and a closing quote aside) is a question mark, or a colon too. */
function endsWithMark(text: string, colon: boolean): boolean {
  let e = text.length;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === 0) return false;
  const isMark = (c: number) => c === 63 || (colon && c === 58);
  const last = text.charCodeAt(e - 1);
  if (isMark(last)) return true;
  return (last === 34 || last === 39 || last === 0x201d || last === 0x2019) && e > 1 && isMark(text.charCodeAt(e - 2));
}

/** s.replace(/[^a-z]/g, ''): the ASCII lower-case letters of a text, in order. */
export function lowerLettersOf(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** What a hand cue needs of its pattern: whether a text holds a match. */
export interface Matcher {
  test(text: string): boolean;
}

/** A character that `\w` matches: [A-Za-z0-9_]. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether `text` reads `lower` (ASCII lower case) at `at`, its ASCII letters in any case (as /i does). */
function readsAt(text: string, at: number, lower: string): boolean {
  if (at + lower.length > text.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = text.charCodeAt(at + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether `text` reads one of `phrases` at `at`, a word's end (\b) after it (each phrase ends with a letter). */
function phraseAt(text: string, at: number, phrases: readonly string[]): boolean {
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i];
    if (readsAt(text, at, p) && (at + p.length === text.length || !isWordCode(text.charCodeAt(at + p.length))))
      return true;
  }
  return false;
}

/**
 * A pattern /lead(?:between)?(?:phrases)\b/i read in two steps, since a long alternation of words
 * is slow for V8 to compile (about 3 ms for one of 25 verbs, against ~0.2 ms for its lead): `lead`
 * (global, /i) finds where the pattern may start and ends where the phrase or the in-between word
 * begins; `between` are optional words before the phrase, each with the space after it; `phrases`
 * (ASCII lower case, each ending with a letter) must end at a word's end. So
 * /\b(?:must|should)(?: now)? (?:act|work)\b/i is leadThenPhrase(/\b(?:must|should) /gi, ['now '],
 * ['act', 'work']). `repeat`: any number of in-between words (`(?:…)*`); `stems`: words read from their
 * start, whatever ends them (`improv\w*`). tests/analysis/cold-gates.test.ts checks each use against its pattern.
 */
export function leadThenPhrase(
  lead: RegExp,
  between: readonly string[],
  phrases: readonly string[],
  options: { repeat?: boolean; stems?: readonly string[] } = {},
): Matcher {
  const stems = options.stems ?? [];
  const most = options.repeat ? Number.POSITIVE_INFINITY : 1;
  return {
    test(text: string): boolean {
      lead.lastIndex = 0;
      for (let m = lead.exec(text); m !== null; m = lead.exec(text)) {
        let at = m.index + m[0].length;
        // The in-between words are distinct whole words, none a phrase: one reading only.
        for (let n = 0; ; n++) {
          if (phraseAt(text, at, phrases)) return true;
          if (stems.some((stem) => readsAt(text, at, stem))) return true;
          const b = n < most ? between.find((w) => readsAt(text, at, w)) : undefined;
          if (b === undefined) break;
          at += b.length;
        }
        lead.lastIndex = m.index + 1;
      }
      return false;
    },
  };
}

/** Whether any of `matchers` matches: the alternatives of one pattern, each read its own way. */
export function anyOf(...matchers: Matcher[]): Matcher {
  return { test: (text: string) => matchers.some((m) => m.test(text)) };
}

const PRESENT_LEAD = /\b(?:has|have|is|are)\s/gi;
const PERFECT_ADVERBS = ['now', 'again', 'also', 'just'];
const PERFECT_VERBS =
  'rated judged graded awarded given received achieved secured earned retained kept maintained'.split(' ');
const PASSIVE_ADVERBS = ['now', 'still'];
const PASSIVE_VERBS = ['rated', 'judged', 'graded'];

/** Where the white space starting at `at` ends (at itself when none). */
function afterSpaces(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The end of the spaces after `word` read at `at` (in any case), or -1 when `at` does not read it with a space after. */
function wordThenSpaces(text: string, at: number, word: string): number {
  return readsAt(text, at, word) && isSpace(text.charCodeAt(at + word.length))
    ? afterSpaces(text, at + word.length)
    : -1;
}

/**
 * /\b(?:(?:has|have)\s+(?:now\s+|again\s+|also\s+|just\s+)?(?:been\s+)?(?:rated|judged|graded|awarded|given|received|achieved|secured|earned|retained|kept|maintained)|(?:is|are)\s+(?:now\s+|still\s+)?(?:rated|judged|graded))\b[^.;]*$/i:
 * a grade given in the present tense in the clause that ends the text (the grade rules'
 * PRESENT_TENSE_BEFORE, whose alternation of verbs was slow to compile). The match has no full
 * stop or semicolon and runs to the end, so it lies after the last of them.
 */
export function presentTenseBefore(text: string): boolean {
  PRESENT_LEAD.lastIndex = Math.max(text.lastIndexOf('.'), text.lastIndexOf(';')) + 1;
  for (let m = PRESENT_LEAD.exec(text); m !== null; m = PRESENT_LEAD.exec(text)) {
    const perfect = (m[0].charCodeAt(0) | 32) === 104; // h: has, have
    let at = afterSpaces(text, m.index + m[0].length);
    for (const adverb of perfect ? PERFECT_ADVERBS : PASSIVE_ADVERBS) {
      const next = wordThenSpaces(text, at, adverb);
      if (next >= 0) {
        at = next;
        break;
      }
    }
    if (perfect) {
      const next = wordThenSpaces(text, at, 'been');
      if (next >= 0) at = next;
    }
    if (phraseAt(text, at, perfect ? PERFECT_VERBS : PASSIVE_VERBS)) return true;
    PRESENT_LEAD.lastIndex = m.index + 1;
  }
  return false;
}

/** The grade rules' judging phrases (the pattern's alternation below, spelt out): a verb or phrase that makes the next grade word a judgement. */
const JUDGING_PHRASES = [
  'rated',
  'rates',
  'rate',
  're-rated',
  'ranked',
  'judged by ofsted',
  'judged by ofsted to be',
  'judged by ofsted as',
  'judged by inspectors',
  'judged by inspectors to be',
  'judged by inspectors as',
  'rated by ofsted',
  'rated by ofsted as',
  'rated by inspectors',
  'rated by inspectors as',
  'found',
  'rating',
  'rating of',
  'rating as',
  'ratings',
  'ratings of',
  'ratings as',
  'judged',
  'judgement',
  'judgement of',
  'judgment',
  'judgment of',
  'graded',
  'grade of',
  'deemed',
  'assessed as',
  'found to be',
  'declared',
  'branded',
  'labelled',
  'described as',
  'classed as',
  'classified as',
  'awarded',
  'given',
  'gave',
  'received',
  'receives',
  'receiving',
  'gained',
  'achieved',
  'achieves',
  'achieving',
  'earned',
  'earns',
  'secured',
  'scored',
  'scores',
  'scooped',
  'got',
  'gets',
  'get',
  'retained',
  'retains',
  'retain',
  'kept',
  'keeps',
  'maintained',
  'maintains',
  'regained',
  'lost',
  'loses',
  'shed',
  'sheds',
  'losing',
  'dropped to',
  'dropped back to',
  'drops to',
  'fell to',
  'falls to',
  'slipped to',
  'slips to',
  'plunged to',
  'slump to',
  'drop to',
  'fall to',
  'slip to',
  'plunge to',
  'sink to',
  'tumble to',
  'climb to',
  'rise to',
  'slumped to',
  'slumps to',
  'plummeted to',
  'sank to',
  'slid to',
  'tumbled to',
  'crashed to',
  'downgraded',
  'downgraded to',
  'downgraded from',
  'downgraded from to',
  'upgraded',
  'upgraded to',
  'upgraded from',
  'upgraded from to',
  'uplifted',
  'uplifted to',
  'uplifted from',
  'uplifted from to',
  'improved',
  'improved to',
  'improved from',
  'improved from to',
  'improve to',
  'improves to',
  'improving to',
  'moved',
  'moved to',
  'moved from',
  'moved from to',
  'moved up',
  'moved up to',
  'moved up from',
  'moved up from to',
  'moved out',
  'moved out to',
  'moved out from',
  'moved out from to',
  'rose to',
  'risen to',
  'raised to',
  'lifted to',
  'jumped to',
  'climbed to',
  'returned to',
  'went to',
  'go to',
  'gone to',
  'up to',
  'back to',
  'as',
  'from',
  'exit',
  'exits',
  'exited',
  'exiting',
  'escape',
  'escaped',
  'escapes',
  'escaping',
  'leaves',
  'left',
  'leaving',
  'out of',
  'emerged from',
  'emerges from',
  'ditch',
  'ditches',
  'ditched',
  'shook off',
  'shakes off',
  'no longer',
];
/** The words that may stand between such a phrase and the grade word ("rated as", "given an overall"). */
const JUDGING_FILLERS = [
  'a',
  'an',
  'the',
  'its',
  'their',
  'his',
  'her',
  'overall',
  'as',
  'to be',
  'be',
  'been',
  'being',
  'again',
  'also',
  'all',
  'both',
  'still',
  'now',
  'previously',
  'only',
  'currently',
  'officially',
  'once',
  'judged',
  'rated',
  'graded',
  'consistently',
  'securely',
  'solidly',
  'straight',
  'merely',
  'just',
  'at least',
  'the lowest',
  'the highest',
  'a much-coveted',
  'much-coveted',
];

/** Whether text[0, e) ends with `phrase` (ASCII letters in any case): its start, or -1. */
function endingWith(text: string, e: number, phrase: string): number {
  const start = e - phrase.length;
  return start >= 0 && readsAt(text, start, phrase) ? start : -1;
}

/** A text's last two ASCII letters (in any case) as a number under 676, or -1. */
function lastTwoKey(text: string, e: number): number {
  if (e < 2) return -1;
  const a = text.charCodeAt(e - 2) | 32;
  const b = text.charCodeAt(e - 1) | 32;
  return a >= 97 && a <= 122 && b >= 97 && b <= 122 ? (a - 97) * 26 + (b - 97) : -1;
}

/** The judging phrases (false) and fillers (true) by their last two letters, and those shorter (made on first use). */
let judgingByEnd: [string, boolean][][] | undefined;
let judgingShort: [string, boolean][] = [];

function judgingIndex(): [string, boolean][][] {
  if (judgingByEnd) return judgingByEnd;
  // A list only for the endings some phrase has (judgingEndsAt skips a missing one).
  const byEnd: [string, boolean][][] = new Array(676);
  const short: [string, boolean][] = [];
  const add = (p: string, filler: boolean) => {
    const k = lastTwoKey(p, p.length);
    if (k < 0) short.push([p, filler]);
    else {
      byEnd[k] ??= [];
      byEnd[k].push([p, filler]);
    }
  };
  for (const p of JUDGING_PHRASES) add(p, false);
  for (const f of JUDGING_FILLERS) add(f, true);
  judgingShort = short;
  judgingByEnd = byEnd;
  return byEnd;
}

/** Whether text[0, e), e a token's end, ends with a judging phrase and fillers after it, white space between. */
function judgingEndsAt(text: string, e: number): boolean {
  const k = lastTwoKey(text, e);
  const index = judgingIndex();
  for (const list of [k < 0 ? undefined : index[k], judgingShort]) {
    if (list === undefined) continue;
    for (const [p, filler] of list) {
      let start = endingWith(text, e, p);
      if (!filler) {
        if (start === 0 || (start > 0 && !isWordCode(text.charCodeAt(start - 1)))) return true;
        continue;
      }
      if (start <= 0 || !isSpace(text.charCodeAt(start - 1))) continue;
      while (start > 0 && isSpace(text.charCodeAt(start - 1))) start--;
      if (judgingEndsAt(text, start)) return true;
    }
  }
  return false;
}

/**
 * The grade rules' JUDGING_BEFORE as it was, /\b(?:rated|rates|…|no longer)(?:\s+(?:an?|the|…|much-coveted))*\s*$/i:
 * the text ends with a verb or phrase that makes the next grade word a judgement ("rated",
 * "judged by Ofsted to be", "moved up from"), then fillers ("as an overall"). Read from the end
 * by look-ups: the pattern, 1,327 characters, was the grade rules' slowest to compile
 * (tests/analysis/cold-gates.test.ts holds it and checks this reading against it).
 */
export function judgingBefore(text: string): boolean {
  let e = text.length;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return judgingEndsAt(text, e);
}

/** The words that open an improvement list's introduction, and the phrases that may follow each (with its space). */
const LIST_INTRO_LEADS = new Set([
  'need',
  'needs',
  'needed',
  'area',
  'areas',
  'work',
  'should',
  'must',
  'what',
  'want',
  'wants',
  'wanted',
]);
/** The words that are an introduction alone, whole ("priority action(s)" is read apart). */
const LIST_INTRO_ALONE = new Set(['recommendation', 'recommendations', 'recommended', 'recommends', 'weaknesses']);
const LIST_INTRO_FIRSTS = firstLetters(LIST_INTRO_LEADS, LIST_INTRO_ALONE, ['priority']);
const LIST_INTRO_NEXT: Record<string, readonly string[]> = {
  need: ['improve', 'be done', 'be addressed', 'be improved'],
  area: [
    'for improvement',
    'for priority action',
    'for development',
    'of improvement',
    'of priority action',
    'of development',
    'requiring improvement',
    'for further improvement',
    'for further development',
    'of further improvement',
    'of further development',
    'requiring further improvement',
  ],
  work: ['needs', 'is needed', 'is required'],
  should: ['improve', 'ensure', 'address', 'urgently improve', 'also improve', 'further improve', 'now improve'],
  must: ['improve', 'address', 'urgently improve', 'also improve', 'further improve', 'now improve'],
  what: ['the council', 'the local authority', 'leaders', 'the authority'],
};
const LIST_INTRO_WHAT_NEEDS = ['needs', 'need', 'should', 'must'];
/** "areas where practice could be stronger", "areas in which the council needed to improve": run only after "area(s) ". */
const LIST_INTRO_AREAS_WHERE =
  /areas? (?:where|in which)\b[^.!?:]{0,60}\b(?:improve|improvement|stronger|better|develop|strengthen|strengthened)\b/iy;
/** "Ofsted wants the council to:", "The watchdogs want the partners to make sure that:": run only after "want(s|ed) ". */
const LIST_INTRO_WANTS =
  /want(?:s|ed)? (?:the )?(?:council|local authority|authority|partners|partnership|trust|leaders|borough|county) to(?: (?:improve|make sure|ensure|address|do)(?: that)?)?(?=\s*[:?])/iy;
/** The one alternative with a window of characters, run (and so compiled) only after "what ". */
const LIST_INTRO_WHAT_DOES =
  /what (?:does|do|should|must) (?:the )?(?:council|local authority|authority|leaders|lscb|partners|board)\b[^.!?]{0,30}\b(?:need|improve)\b/iy;

/** A lead of an improvement list's introduction: where it starts, its word (lower case; '' for one that is an introduction alone), where the text after it starts. */
export interface ListIntroLead {
  index: number;
  word: string;
  at: number;
}

/**
 * The next lead of an introduction from `from`, as
 * /\b(?:(needs?|needed|areas?|work|should|must|what) |(?:recommendations?|recommend(?:ed|s)|priority actions?|weaknesses)\b)/gi
 * finds it with `lastIndex = from`: where it starts, the lead word in lower case ('' for a word that
 * is an introduction alone) and where the text after its space starts.
 */
export function readListIntroLead(text: string, from: number): ListIntroLead | null {
  return firstWordMatch(text, from, LIST_INTRO_FIRSTS, (word, start, end) => {
    if (LIST_INTRO_LEADS.has(word)) return text.charCodeAt(end) === 32 ? { index: start, word, at: end + 1 } : null;
    if (LIST_INTRO_ALONE.has(word)) return { index: start, word: '', at: end };
    if (word !== 'priority') return null;
    const next = nextWordAfterSpace(text, end);
    return next === 'action' || next === 'actions' ? { index: start, word: '', at: end + 1 + next.length } : null;
  });
}

/**
 * The improvement lists' LIST_INTRO as it was, /\b(?:what (?:needs|need) to improve|needs? to improve|…|needs? to be
 * (?:done|addressed|improved))\b[^.!?]*[:?]?\s*$/i (tests/analysis/cold-gates.test.ts holds it): an introduction
 * such as "What needs to improve:" or "Areas for improvement". The pattern's tail allows no full stop, ! or ?
 * after the phrase but one ? at the end (white space aside), so the phrase lies after the last of them before
 * that end; its phrases are found from a small lead pattern and read by character codes ("what needs to
 * improve" holds "needs to improve"; "further work needs" holds "work needs").
 */
export function listIntro(text: string): boolean {
  let e = text.length;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > 0 && text.charCodeAt(e - 1) === 63) e--;
  let s = e;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c === 46 || c === 33 || c === 63) break;
    s--;
  }
  // The character before s is a stop or nothing, at e white space, ? or nothing: \b reads the same in the slice.
  const part = s === 0 && e === text.length ? text : text.slice(s, e);
  for (let m = listIntroLead(part, 0); m !== null; m = listIntroLead(part, m.index + 1)) {
    let key = m.word;
    if (key === '') return true; // recommendations, priority actions, weaknesses: whole words
    if (key === 'needs' || key === 'areas') key = key.slice(0, -1);
    if (key === 'needed') key = 'need';
    if (key === 'want' || key === 'wants' || key === 'wanted') {
      // Read in the whole text: its lookahead may see the question mark the part leaves out.
      LIST_INTRO_WANTS.lastIndex = s + m.index;
      if (LIST_INTRO_WANTS.test(text)) return true;
      continue;
    }
    const at = m.at;
    if (key === 'need') {
      if (readsAt(part, at, 'to ') && phraseAt(part, at + 3, LIST_INTRO_NEXT.need)) return true;
    } else if (key === 'what') {
      for (const who of LIST_INTRO_NEXT.what)
        if (readsAt(part, at, `${who} `) && phraseAt(part, at + who.length + 1, LIST_INTRO_WHAT_NEEDS)) return true;
      LIST_INTRO_WHAT_DOES.lastIndex = m.index;
      if (LIST_INTRO_WHAT_DOES.test(part)) return true;
    } else if (phraseAt(part, at, LIST_INTRO_NEXT[key])) return true;
    else if (key === 'area') {
      LIST_INTRO_AREAS_WHERE.lastIndex = m.index;
      if (LIST_INTRO_AREAS_WHERE.test(part)) return true;
    }
  }
  return false;
}

/** The words that open a mention of a council's children's services (detection's first subject cue). */
const CHILDRENS_SERVICES_LEAD =
  /\b(?:(children['’]?s?|services for|safeguarding) |child protection\b|social care services\b)/gi;
const CHILDRENS_SERVICES_NEXT = ['services', 'service', 'social care', 'social work', 'services department'];
const SAFEGUARDING_NEXT = ['services', 'arrangements', 'children'];

/**
 * Detection's "children's services" subject cue as it was, /\bchildren['’]?s? (?:social )?(?:services?|social care|social
 * work|services department)\b|\bchild protection(?: services?| arrangements)?\b|\bservices for (?:vulnerable )?children\b|
 * \bsafeguarding (?:services|arrangements|children)\b|\bsocial care services\b/i (tests/analysis/cold-gates.test.ts holds
 * it): a lead pattern finds where an alternative may start (at most one of them at a place, and one way each) and the
 * words after it are read by character codes. "child protection" needs nothing after it: its optional words follow a
 * space, where \b holds already.
 */
export const childrensServices: Matcher = {
  test(text: string): boolean {
    const lead = CHILDRENS_SERVICES_LEAD;
    lead.lastIndex = 0;
    for (let m = lead.exec(text); m !== null; m = lead.exec(text)) {
      const word = m[1];
      if (word === undefined) return true;
      const at = m.index + m[0].length;
      const c = word.charCodeAt(1) | 32;
      if (c === 104) {
        // ch: children, childrens, children's
        if (phraseAt(text, at, CHILDRENS_SERVICES_NEXT)) return true;
        if (readsAt(text, at, 'social ') && phraseAt(text, at + 7, CHILDRENS_SERVICES_NEXT)) return true;
      } else if (c === 101) {
        // se: services for
        if (phraseAt(text, at, ['children'])) return true;
        if (readsAt(text, at, 'vulnerable ') && phraseAt(text, at + 11, ['children'])) return true;
      } else if (phraseAt(text, at, SAFEGUARDING_NEXT)) return true;
      lead.lastIndex = m.index + 1;
    }
    return false;
  },
};

const JUDGEMENT_NOUNS =
  'rating ratings grade grades grading judgement judgment judgements judgments verdict label status mark score'.split(
    ' ',
  );
const JUDGEMENT_FROM = ['by ofsted', 'from ofsted', 'from inspectors', 'by inspectors'];
const INSPECTION_PREPOSITIONS = ['in ', 'at ', 'following ', 'after ', 'during '];
const INSPECTION_WHICH = 'its their the a an this that last latest recent previous'.split(' ').concat('most recent');
const INSPECTION_WORDS = ['inspection', 're-inspection', 'ilacs'];

/** Whether up to three words, each a run of \w and one space, then an inspection word (whatever follows it) read from `at`. */
function inspectionFrom(text: string, at: number): boolean {
  for (let k = 0; ; k++) {
    for (const w of INSPECTION_WORDS) if (readsAt(text, at, w)) return true;
    if (k === 3) return false;
    let e = at;
    while (e < text.length && isWordCode(text.charCodeAt(e))) e++;
    if (e === at || text.charCodeAt(e) !== 32) return false;
    at = e + 1;
  }
}

/**
 * The grade rules' JUDGEMENT_AFTER as it was, /^['’"”]?\s*(?:overall\b|(?:ofsted\s+|inspection\s+)?(?:rating|ratings|grade|…|score)\b|
 * by ofsted|from ofsted|from inspectors|by inspectors|(?:in|at|following|after|during) (?:its|their|…|most recent)?\s*(?:\w+ ){0,3}
 * (?:inspection|re-inspection|ilacs))/i (tests/analysis/cold-gates.test.ts holds it): what follows a grade word makes it a
 * judgement ("… rating", "by Ofsted", "at its last inspection"). Read from the start by character codes: no alternative
 * opens with a quote or white space, so the quote and spaces are read at once; then each alternative in turn (the last
 * with and without each determiner: it needs no word end, so "in theory inspection" reads "the").
 */
export function judgementAfter(text: string): boolean {
  const q = text.charCodeAt(0);
  const p = afterSpaces(text, q === 39 || q === 0x2019 || q === 34 || q === 0x201d ? 1 : 0);
  if (phraseAt(text, p, ['overall']) || phraseAt(text, p, JUDGEMENT_NOUNS)) return true;
  for (const w of ['ofsted', 'inspection'])
    if (
      readsAt(text, p, w) &&
      isSpace(text.charCodeAt(p + w.length)) &&
      phraseAt(text, afterSpaces(text, p + w.length), JUDGEMENT_NOUNS)
    )
      return true;
  for (const w of JUDGEMENT_FROM) if (readsAt(text, p, w)) return true;
  for (const w of INSPECTION_PREPOSITIONS) {
    if (!readsAt(text, p, w)) continue;
    const a = p + w.length;
    if (inspectionFrom(text, afterSpaces(text, a))) return true;
    for (const d of INSPECTION_WHICH)
      if (readsAt(text, a, d) && inspectionFrom(text, afterSpaces(text, a + d.length))) return true;
  }
  return false;
}

/**
 * A pattern behind a cheap gate: `re` runs (and is compiled, on a page's first analysis) only
 * when `mayMatch(text)`, which holds for every text `re` matches (tests/analysis/pattern-gates.test.ts
 * checks each gate against its pattern). For a long pattern that few sentences can match.
 */
export function gated(mayMatch: (text: string) => boolean, re: RegExp): Matcher {
  return { test: (text: string) => mayMatch(text) && re.test(text) };
}

/** Calls of a gate made by `holdsOneOfEach` that look its words up in a lower-case copy before a pattern of them does. */
export const GATE_COPY_RUNS = 64;

/**
 * Whether a text holds one word of each list, in any case: a pattern (/i) that needs a word of
 * each (in ASCII) can match only then. A gate's first GATE_COPY_RUNS calls look the words up in
 * the text's lower-case copy (no pattern to compile: a typical article calls each gate a few
 * times); later calls (a long article's hundreds of blocks and sentences) test a pattern of each
 * list's words (/i), compiled then: in Chromium's single run the copy of a text with a curly
 * quote and the look-ups in it cost several times the pattern. Both hold for every text the
 * gated pattern matches: lower-casing keeps every run of ASCII letters as /i reads it (no other
 * character folds to an ASCII one without the `u` flag), and the lists' words are ASCII, read
 * by the word patterns as the gated pattern reads them (tests/analysis/pattern-gates.test.ts
 * checks each gate past the switch).
 */
export function holdsOneOfEach(...lists: readonly (readonly string[])[]): (text: string) => boolean {
  let patterns: RegExp[] | null = null;
  return tiered(
    GATE_COPY_RUNS,
    (text) => {
      const lower = text.toLowerCase();
      for (let i = 0; i < lists.length; i++) if (!includesOneOf(lower, lists[i])) return false;
      return true;
    },
    (text) => {
      patterns ??= lists.map((list) => new RegExp(list.map(escapeRegExp).join('|'), 'i'));
      for (let i = 0; i < patterns.length; i++) if (!patterns[i].test(text)) return false;
      return true;
    },
  );
}

function includesOneOf(lower: string, list: readonly string[]): boolean {
  for (let j = 0; j < list.length; j++) if (lower.includes(list[j])) return true;
  return false;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The run of ASCII letters in `text` from `at`, in lower case: the word there, as /i reads it. */
export function lettersAt(text: string, at: number): string {
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end) | 32;
    if (c < 97 || c > 122) break;
    end++;
  }
  return text.slice(at, end).toLowerCase();
}

// Word readings: patterns of whole words (`\b(?:word|two words|…)\b`, /i) that match on most
// inspection articles, read word by word instead (compiling each cost a new tab 0.15-0.25 ms).
// `\b` and `\w` read ASCII only without the `u` flag, so a word is a run of [A-Za-z0-9_] and its
// lower-case copy is ASCII; words are joined by exactly one space, as in the patterns. Each is
// checked against its pattern (kept in full) in tests/analysis/word-readings.test.ts.

/** The end of the run of `\w` characters from `at`. */
function wordEndAt(text: string, at: number): number {
  let e = at;
  while (e < text.length && isWordCode(text.charCodeAt(e))) e++;
  return e;
}

/** The whole word after the one space at `at` ('' when there is no space or no word there). */
function nextWordAfterSpace(text: string, at: number): string {
  if (text.charCodeAt(at) !== 32) return '';
  return text.slice(at + 1, wordEndAt(text, at + 1)).toLowerCase();
}

/** The first letters (a bit for each of a-z) of a list of lower-case words. */
function firstLetters(...lists: Iterable<string>[]): number {
  let mask = 0;
  for (const list of lists) for (const w of list) mask |= 1 << (w.charCodeAt(0) - 97);
  return mask;
}

/**
 * The first word (with `\b` before it) from `from` for which `read` gives a match, and that match.
 * Only words whose first letter (in any ASCII case) is in `firsts` are read (copied, in lower case).
 */
function firstWordMatch<T>(
  text: string,
  from: number,
  firsts: number,
  read: (word: string, start: number, end: number) => T | null,
): T | null {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) continue;
    const e = wordEndAt(text, i);
    const letter = (c | 32) - 97;
    if ((i === 0 || !isWordCode(text.charCodeAt(i - 1))) && letter >= 0 && letter < 26 && firsts & (1 << letter)) {
      const found = read(text.slice(i, e).toLowerCase(), i, e);
      if (found !== null) return found;
    }
    i = e;
  }
  return null;
}

/**
 * The grade words, row by row as GRADE_WORDS in lib/data/grades.ts lists them: the one-word rows,
 * 'requir(?:es|e|ed|ing) improvement(?: to be good)?' (row 0) and 'perform(?:s|ed|ing)? <how>'.
 */
const GRADE_WORD_ROW = new Map([
  ['outstanding', 1],
  ['inadequate', 2],
  ['good', 3],
  ['adequate', 4],
  ['poor', 5],
  ['excellent', 6],
]);
const REQUIRE_FORMS = new Set(['requires', 'require', 'required', 'requiring']);
const PERFORM_FORMS = new Set(['perform', 'performs', 'performed', 'performing']);
const PERFORM_HOW_ROW = new Map([
  ['excellently', 7],
  ['well', 8],
  ['adequately', 9],
  ['poorly', 10],
]);

const GRADE_WORD_FIRSTS = firstLetters(GRADE_WORD_ROW.keys(), REQUIRE_FORMS, PERFORM_FORMS);

/** A grade word found in a text: where it starts and ends, and its row of GRADE_WORDS. */
export interface GradeWordMatch {
  start: number;
  end: number;
  row: number;
}

/** The grade word whose whole word starts at `start` (a word start, `\b` before it), or null. */
function gradeWordAt(text: string, start: number): GradeWordMatch | null {
  const end = wordEndAt(text, start);
  const word = text.slice(start, end).toLowerCase();
  const row = GRADE_WORD_ROW.get(word);
  if (row !== undefined) return { start, end, row };
  if (REQUIRE_FORMS.has(word)) {
    if (nextWordAfterSpace(text, end) !== 'improvement') return null;
    const after = end + 12;
    const good = readsAt(text, after, ' to be good') && !isWordCode(text.charCodeAt(after + 11));
    return { start, end: good ? after + 11 : after, row: 0 };
  }
  if (PERFORM_FORMS.has(word)) {
    const how = PERFORM_HOW_ROW.get(nextWordAfterSpace(text, end));
    return how === undefined ? null : { start, end: wordEndAt(text, end + 1), row: how };
  }
  return null;
}

/** What every grade word starts with, in lower case ("inadequate" holds "adequate" but not at a word start). */
const GRADE_WORD_STEMS = ['good', 'outstanding', 'inadequate', 'adequate', 'poor', 'excellent', 'requir', 'perform'];

/**
 * Every grade word of a text, in order, as `gradeWordsRegExp()` (lib/data/grades.ts) finds them
 * with exec from the start: whole words, any ASCII case, the longest form of "requires
 * improvement (to be good)". The stems are looked for in the text's lower-case copy (a native
 * search, as fast as the compiled pattern); its positions are the text's when lower-casing kept
 * the length (no letter but the Kelvin sign, which no stem holds, turns into an ASCII one).
 * Otherwise ("İ" lower-cases to two characters) the words are read one by one.
 */
export function readGradeWords(text: string): GradeWordMatch[] {
  const out: GradeWordMatch[] = [];
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    for (let m = nextGradeWord(text, 0); m; m = nextGradeWord(text, m.end)) out.push(m);
    return out;
  }
  const starts: number[] = [];
  for (const stem of GRADE_WORD_STEMS)
    for (let i = lower.indexOf(stem); i >= 0; i = lower.indexOf(stem, i + stem.length))
      if (i === 0 || !isWordCode(text.charCodeAt(i - 1))) starts.push(i);
  if (!starts.length) return out;
  starts.sort((x, y) => x - y);
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    const m = gradeWordAt(text, start);
    if (m) {
      out.push(m);
      from = m.end;
    }
  }
  return out;
}

/** The first grade word at or after `from`, read word by word (readGradeWords's way for any text). */
function nextGradeWord(text: string, from: number): GradeWordMatch | null {
  return firstWordMatch(text, from, GRADE_WORD_FIRSTS, (_word, start) => gradeWordAt(text, start));
}

const CURRENT_CUE_WORDS = new Set(
  'latest new now today yesterday still remain remains remained maintained retained kept published'.split(' '),
);
const CURRENT_CUE_PAIRS: Record<string, readonly string[]> = {
  most: ['recent'],
  this: ['week', 'month', 'year'],
  first: ['time'],
  once: ['again'],
};
const CURRENT_CUE_FIRSTS = firstLetters(CURRENT_CUE_WORDS, Object.keys(CURRENT_CUE_PAIRS));

/**
 * The first time cue that marks a grade as the current one, as
 * /\b(?:latest|most recent|new|now|this (?:week|month|year)|today|yesterday|still|remains?|remained|maintained|retained|kept|published|first time|once again)\b/i
 * finds it: its text, or null.
 */
export function readCurrentCue(text: string): string | null {
  return firstWordMatch(text, 0, CURRENT_CUE_FIRSTS, (word, start, end) => {
    if (CURRENT_CUE_WORDS.has(word)) return text.slice(start, end);
    const next = CURRENT_CUE_PAIRS[word];
    if (!next) return null;
    const second = nextWordAfterSpace(text, end);
    return next.includes(second) ? text.slice(start, end + 1 + second.length) : null;
  });
}

const OUTCOME_WORDS = new Set(
  'rated rates judged graded deemed ruled rules criticised criticises praised praises branded warns warned concluded downgraded upgraded slumped found finds inadequate'.split(
    ' ',
  ),
);
const OUTCOME_PAIRS: Record<string, readonly string[]> = {
  require: ['improvement'],
  requires: ['improvement'],
  say: ['inspectors', 'ofsted'],
  says: ['inspectors', 'ofsted'],
  said: ['inspectors', 'ofsted'],
  inspectors: ['say', 'said', 'warn', 'warned'],
};
const OUTCOME_FIRSTS = firstLetters(OUTCOME_WORDS, Object.keys(OUTCOME_PAIRS));

/**
 * Whether a text reports an outcome: a judgement verb or a published finding, as
 * /\b(?:rated|rates|judged|graded|deemed|ruled|rules|criticis(?:ed|es)|praised|praises|branded|warns|warned|concluded|downgraded|upgraded|slumped|found|finds|inadequate|requires? improvement|(?:say|says|said) (?:inspectors|ofsted)|inspectors (?:say|said|warn|warned))\b/i
 * tests it.
 */
export function readOutcome(text: string): boolean {
  return (
    firstWordMatch(text, 0, OUTCOME_FIRSTS, (word, _start, end) => {
      if (OUTCOME_WORDS.has(word)) return true;
      const next = OUTCOME_PAIRS[word];
      return next?.includes(nextWordAfterSpace(text, end)) ? true : null;
    }) !== null
  );
}

const GOOD_PROSE_NOUNS = new Set(
  'quality support care enough faith news luck practice use work progress example evidence reason idea start job understanding relationship relationships outcome outcomes level standard deal morning afternoon help day response responses range mix grasp knowledge communication links partnership value number reputation feedback access attendance service'.split(
    ' ',
  ),
);

/**
 * Whether the text after "good" opens with a noun of ordinary prose ("good progress", "good
 * - quality"), as
 * /^\s*(?:[-‐]?\s*quality|support|care|enough|faith|news|luck|practice|use|work|progress|example|evidence|reason|idea|start|job|understanding|relationships?|outcomes?|level|standard|deal|morning|afternoon|help|day|responses?|range|mix|grasp|knowledge|communication|links|partnership|value|number|reputation|feedback|access|attendance|service)\b/i
 * tests it: white space, then one of the words whole, or a hyphen (- or ‐), white space and "quality".
 */
export function opensWithGoodProseNoun(after: string): boolean {
  let i = 0;
  while (i < after.length && isSpace(after.charCodeAt(i))) i++;
  const c = after.charCodeAt(i);
  if (c === 45 || c === 0x2010) {
    i++;
    while (i < after.length && isSpace(after.charCodeAt(i))) i++;
    return after.slice(i, wordEndAt(after, i)).toLowerCase() === 'quality';
  }
  return GOOD_PROSE_NOUNS.has(after.slice(i, wordEndAt(after, i)).toLowerCase());
}

/**
 * A reading for a page's first `runs` calls, then the pattern it reads as: a reading spares a page
 * (in a new tab) the compile of a pattern it runs a few times (0.1-0.25 ms each), but runs a few
 * times slower than the compiled pattern, which a long article's hundreds of sentences then use.
 * Both give the same answers (tests/analysis/word-readings.test.ts).
 */
export function tiered<R>(
  runs: number,
  read: (text: string, from: number) => R,
  compiled: (text: string, from: number) => R,
): (text: string, from?: number) => R {
  let left = runs;
  return (text, from = 0) => {
    if (left > 0) {
      left--;
      return read(text, from);
    }
    return compiled(text, from);
  };
}

const GRADE_WORDS_PATTERN = gradeWordsRegExp();
/** Every grade word of a text (readGradeWords, then gradeWordsRegExp() on a long article). */
export const gradeWordsIn = tiered(256, readGradeWords, (text): GradeWordMatch[] => {
  const out: GradeWordMatch[] = [];
  GRADE_WORDS_PATTERN.lastIndex = 0;
  for (let m = GRADE_WORDS_PATTERN.exec(text); m; m = GRADE_WORDS_PATTERN.exec(text)) {
    const found = gradeWordAt(text, m.index); // its row (the same end)
    if (found) out.push(found);
  }
  return out;
});

const CURRENT_CUE_PATTERN =
  /\b(?:latest|most recent|new|now|this (?:week|month|year)|today|yesterday|still|remains?|remained|maintained|retained|kept|published|first time|once again)\b/i;
/** The first current-time cue of a text, or null (readCurrentCue, then its pattern). */
export const currentCueIn = tiered(
  64,
  readCurrentCue,
  (text): string | null => CURRENT_CUE_PATTERN.exec(text)?.[0] ?? null,
);

const OUTCOME_PATTERN =
  /\b(?:rated|rates|judged|graded|deemed|ruled|rules|criticis(?:ed|es)|praised|praises|branded|warns|warned|concluded|downgraded|upgraded|slumped|found|finds|inadequate|requires? improvement|(?:say|says|said) (?:inspectors|ofsted)|inspectors (?:say|said|warn|warned))\b/i;
/** Whether a text reports an outcome (readOutcome, then its pattern). */
export const reportsOutcome = tiered(64, readOutcome, (text): boolean => OUTCOME_PATTERN.test(text));

const LIST_INTRO_LEAD =
  /\b(?:(needs?|needed|areas?|work|should|must|what|wants?|wanted) |(?:recommendations?|recommend(?:ed|s)|priority actions?|weaknesses)\b)/gi;

/**
 * The patterns the tiered readings switch to after their first runs, for the tests to hold equal
 * to the patterns each reading is checked against (a word added to a reading and not to its
 * pattern would read long pages differently from short ones).
 */
export const COMPILED_READINGS = {
  currentCue: CURRENT_CUE_PATTERN,
  outcome: OUTCOME_PATTERN,
  listIntroLead: LIST_INTRO_LEAD,
};
/** The next lead of a list introduction from `from` (readListIntroLead, then its pattern). */
const listIntroLead = tiered(64, readListIntroLead, (text, from): ListIntroLead | null => {
  LIST_INTRO_LEAD.lastIndex = from;
  const m = LIST_INTRO_LEAD.exec(text);
  return m ? { index: m.index, word: m[1]?.toLowerCase() ?? '', at: m.index + m[0].length } : null;
});
