// Finds local authorities named in text: every English children's-services authority, current
// and former, by the names news uses, with the traps of bare place names handled (people,
// ordinary words, football clubs, newspapers, police forces, postal addresses).
import { type Ambiguity, type Council, nameVariants } from '../data/gazetteer';
import { councilCodesText, type NameIndexData, nameIndexText } from '../data/name-index.generated';
import { lettersAt } from './scan';
import type { Sentence, Span } from './text';

export interface CouncilMention extends Span {
  /** The words as they appear ("Essex council", "London Borough of Hackney"). */
  text: string;
  /** Usually one; a body serving two authorities ("Northamptonshire Children's Trust") names both. */
  councils: Council[];
  /** The mention names the authority explicitly ("… Council", "Borough of …"). */
  formal: boolean;
  /**
   * The mention is the name of the trust or company running the council's children's services
   * ("Slough Children First"): its grades are the council's, but it does not name the council.
   */
  body?: boolean;
  /** Why this was read as a council: the variant matched and the context rule that let it through. */
  why?: string;
}

interface Entry {
  key: string;
  codes: string[];
  formal: boolean;
  ambiguity: Ambiguity[];
  body: boolean;
}

/** Same-length normalisation so offsets carry over: lower case, plain apostrophes, hyphens as spaces. */
export function normalise(text: string): string {
  const lower = text.toLowerCase();
  // Read by character codes (two patterns were two compilations on every page's first analysis).
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    // ’ ‘ ` → ', and - ‐ ‑ – → a space.
    const to =
      c === 0x2019 || c === 0x2018 || c === 96
        ? "'"
        : c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013
          ? ' '
          : null;
    if (to === null) continue;
    out += lower.slice(from, i) + to;
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/** An ASCII lower-case letter or digit (the characters that continue a name). */
const isLowerAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * The name index as data: for each first word, the variants that start with it, longest first,
 * as [normalised name, codes, formal (1/0), ambiguity flags joined by ";", body (1/0)]. Built from the
 * gazetteer here and stored in lib/data/name-index.generated.ts (`npm run gen:names`), so a page
 * does not rebuild it; a unit test checks the stored copy against this function.
 */
export function buildNameIndex(): NameIndexData {
  const index = new Map<string, NameIndexData[number][1]>();
  for (const v of nameVariants()) {
    const key = normalise(v.name);
    const first = key.split(/[^a-z0-9&.]/)[0];
    const list = index.get(first) ?? [];
    list.push([key, v.codes, v.formal ? 1 : 0, v.ambiguity.join(';'), v.body ? 1 : 0]);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
  return [...index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * The name index by first word. The stored index (nameIndexText) holds a first word's row on a
 * line of its own; a row is parsed, and its entries made, the first time its word is looked up:
 * a page names a few councils, and parsing and making all of them (about a thousand arrays and
 * objects, in code not yet compiled) was most of the index's cost on a page's first analysis.
 */
class NameIndex {
  /** Each first word's row, as its JSON text. */
  private readonly rows = new Map<string, string>();
  private readonly made = new Map<string, Entry[]>();
  constructor(text: string) {
    // The text is the JSON array of rows, a row a line: `[["a",…]],`, `["b",…]],` … `["z",…]]]`.
    const lines = text.split('\n');
    const last = lines.length - 1;
    for (let i = 0; i <= last; i++) {
      const line = lines[i];
      const from = i === 0 ? 1 : 0;
      const row = line.slice(from, line.length - (i === last || line.endsWith(',') ? 1 : 0));
      this.rows.set(row.slice(2, row.indexOf('"', 2)), row);
    }
  }
  get(first: string): Entry[] | undefined {
    const done = this.made.get(first);
    if (done) return done;
    const row = this.rows.get(first);
    if (row === undefined) return undefined;
    const list = (JSON.parse(row) as NameIndexData[number])[1];
    const entries = list.map(
      ([key, codes, formal, ambiguity, body]): Entry => ({
        key,
        codes,
        formal: formal === 1,
        ambiguity: (ambiguity ? ambiguity.split(';') : []) as Ambiguity[],
        body: body === 1,
      }),
    );
    this.made.set(first, entries);
    return entries;
  }
  keys(): IterableIterator<string> {
    return this.rows.keys();
  }
}

let index: NameIndex | null = null;
function getIndex(): NameIndex {
  index ??= new NameIndex(nameIndexText());
  return index;
}

/** The name index's rows as a page reads them (for tests: the same as nameIndexData's). */
export function nameIndexRows(): Map<string, Entry[]> {
  const idx = new NameIndex(nameIndexText());
  const out = new Map<string, Entry[]>();
  for (const first of idx.keys()) out.set(first, idx.get(first) as Entry[]);
  return out;
}

/** Councils looked up so far by code (null: no such code). */
const byCode = new Map<string, Council | null>();

/**
 * The council of an ONS code (current, former or retired), as the gazetteer's councilByCode
 * gives it, read from the stored list (councilCodesText) by its line: a page looks up a few
 * codes, and parsing the whole gazetteer to look them up was a large part of its first analysis.
 */
export function councilOfCode(code: string): Council | undefined {
  let c = byCode.get(code);
  if (c === undefined) {
    const text = councilCodesText();
    const at = code && code.indexOf('\t') < 0 && code.indexOf('\n') < 0 ? text.indexOf(`\n${code}\t`) : -1;
    if (at < 0) c = null;
    else {
      const from = at + code.length + 2;
      const tab = text.indexOf('\t', from);
      c = { code: text.slice(from, tab), name: text.slice(tab + 1, text.indexOf('\n', tab)) };
    }
    byCode.set(code, c);
  }
  return c ? { code: c.code, name: c.name } : undefined;
}

const SUFFIX = /^ (?:(metropolitan borough|metropolitan district|borough|city|county|district) )?council\b/;
const PREFIX =
  /(?:the )?(?:london borough|royal borough|metropolitan borough|borough|city|county|council) of (?:the )?$/;
/** Words that, following a bare place name, make it something other than the authority. */
const NOT_AUTHORITY_AFTER =
  /^(?:St|Saint|Police|Constabulary|Fire|Community Rehabilitation|CRC|FC|AFC|United|Rovers|Wanderers|Athletic|Albion|Town|Utd|Rugby|Cricket|Tigers|Falcons|Sharks|Crusaders|Warriors|University|College|Hospital|Hospitals|NHS|Clinical|Integrated|Foundation|Teaching|Crown|Magistrates|Family Court|Airport|Cathedral|Coldfield|Wick|Marshes|Mean|Bay|Empire|Chamber|Live|Echo|Post|Evening|Advertiser|Gazette|Telegraph|Herald|Mail|Star|News|Observer|Chronicle|Standard|Times|Journal|Argus|Mercury|Express|Press|Citizen|Guardian|Courier|Sentinel|Examiner|Independent|Eye|Today|Live|Daily|Messenger|Comet|Globe|New Journal|Online|Weekly|Recorder|Bulletin|Reporter|Visiter|Minster|Central|ICB|CCG|ICS|Youth Court|Diocese|Prison|Station|Road|Street|Avenue|Lane|Square|Park|Hill|Place|Close|Drive|Terrace|Crescent|Gardens|Walk|Row|Mews|Grove|Parade|Quay|Wharf|Grammar|Academy|High|Primary|School|Zoo|Museum|Festival|Pride|Labour|Conservatives?|Liberal|Green Party|Reform)\b/;
/** The rest of a list of places, then a body they name together (police, health, probation). */
const BODY_AFTER_LIST =
  /^(?:(?:,\s*|\s+and\s+|\s+&\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}){1,5}\s+(?:Community Rehabilitation|CRC|Police|Constabulary|Fire and Rescue|NHS|Clinical Commissioning|ICB|Integrated Care|Healthcare|Probation)\b/;
/**
 * After a bare place name, a service or setting named by it: a youth offending service or a
 * safeguarding children board or partnership (partnerships, not the council), or a school, home
 * or college located there.
 */
export const SERVICE_OR_SETTING_AFTER =
  /^ (?:youth (?:offending|justice) (?:service|team)s?|YOS|YOT|(?:local )?safeguarding (?:children['’]?s? )?(?:board|partnership)s?|LSCB|LSCP|(?:(?:primary|secondary|infant|junior|grammar|special|free|village|nursery) )?schools?|nurser(?:y|ies)|(?:secure |residential )?children['’]s homes?|care homes?|secure (?:unit|centre|home)s?|academy|college|sixth form)\b/i;
/**
 * The words SERVICE_OR_SETTING_AFTER's alternatives start with (after its space; each followed by
 * a character that is not a letter): it is run only on a text whose second word is one of them
 * (tests/analysis/pattern-gates.test.ts checks it).
 */
export const SERVICE_OR_SETTING_FIRST_WORDS = new Set(
  'youth yos yot local safeguarding lscb lscp primary secondary infant junior grammar special free village nursery school schools nurseries secure residential children care academy college sixth'.split(
    ' ',
  ),
);
const PERSON_BEFORE =
  /(?:\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Cllr|Councillor|Sir|Lady|Lord|Dame|Baroness|Baron|Prof|Professor|Rev|Judge|Justice|DCI|DI|PC|Sgt)\.? )$/;
const CAPITALISED_WORD_BEFORE = /\b([A-Z][a-z]+) $/;
/** Common given names: before a council's name, a person's name ("Tracey Wiltshire"). */
const GIVEN_NAMES = new Set(
  (
    'Adam Alan Alex Alice Alison Amanda Amy Andrew Andy Angela Ann Anna Anne Anthony Barbara Ben Beth Bill Bob ' +
    'Brian Carl Carol Caroline Catherine Charles Charlie Charlotte Chris Christine Claire Clare Colin Craig Dan ' +
    'Daniel Darren Dave David Dawn Debbie Deborah Dean Dennis Diane Donna Elaine Eleanor Elizabeth Ellie Emily Emma ' +
    'Eric Fiona Frances Gary Gavin Gemma George Gillian Graham Hannah Harry Helen Ian Jack Jackie Jacqueline James ' +
    'Jane Janet Jason Jayne Jean Jennifer Jenny Jeremy Jessica Jill Jo Joanne Joe John Jon Jonathan Julie Karen ' +
    'Kate Katherine Kathryn Kelly Kerry Kevin Kim Laura Lauren Lee Leanne Lesley Linda Lisa Liz Louise Lucy Lynn ' +
    'Mandy Margaret Maria Mark Martin Mary Matt Matthew Michael Michelle Mike Natalie Neil Nicola Nick Nigel Pat ' +
    'Patricia Paul Pauline Peter Phil Philip Rachel Rebecca Richard Rob Robert Ruth Ryan Sally Sam Samantha Sandra ' +
    'Sarah Scott Sharon Simon Sophie Stephanie Stephen Steve Steven Stuart Sue Susan Suzanne Tim Tina Toni Tom Tony ' +
    'Tracey Tracy Trevor Vicky Victoria Wendy William Yvonne Zoe'
  ).split(' '),
);
/** Whether `before` ends with one space after a letter (a word right before the name). */
function spaceBefore(before: string): boolean {
  const n = before.length;
  return n > 1 && before.charCodeAt(n - 1) === 32 && before.charCodeAt(n - 2) > 96 && before.charCodeAt(n - 2) < 123;
}
const DETERMINER_AFTER =
  /^ (?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|through|up|down|off|out|it|them|him|into|over)\b/;
const POSTCODE_AFTER = /^,?[ \n]?[A-Z]{1,2}\d[A-Z\d]?(?: ?\d[A-Z]{2})?\b/;
const ALLOWED_CAPITAL_AFTER =
  /^(?:Council|County Council|City Council|Borough|Children|Children's|Childrens|Safeguarding|Social|Family|Families|Youth|Education|Cabinet|Local|LSCB|SCP|Metropolitan|MBC|CC)\b/;

/** A council name that starts with a compass word, and one such word elided before it ("North and West …"). */
const COMPASS = /^(?:north|south|east|west) /;
const ELIDED_BEFORE = /\b(North|South|East|West) (?:and|&) $/;

/** ASCII letters and digits. */
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** The characters of a capitalised word after its capital: letters, digits, "&" and ".". */
const isWordChar = (c: number) => isAlnum(c) || c === 38 || c === 46;

/**
 * For each pair of first two characters (lower case, ASCII), whether a name in the index starts
 * with it: most capitalised words ("The", "Ofsted", "Inspectors") are turned down on these two
 * characters, before a lower-case copy is made and looked up.
 */
let firstTwo: Uint8Array | null = null;
function firstTwoTable(): Uint8Array {
  const table = new Uint8Array(128 * 128);
  for (const first of getIndex().keys()) {
    const row = (first.charCodeAt(0) & 127) << 7;
    // A one-letter name would be found after any second character, or none (index 0).
    if (first.length < 2) table.fill(1, row, row + 128);
    else table[row | (first.charCodeAt(1) & 127)] = 1;
  }
  return table;
}

/** A capital A-Z (with lastIndex: the next one from there). */
const CAPITAL = /[A-Z]/g;

/**
 * Finds every council mention in the prepared text, sentence by sentence: at each capitalised
 * word (a capital A-Z not after a letter or digit, then letters, digits, "&" and "."; every
 * council name starts with one), the names the index files under that word.
 */
export function findCouncilMentions(text: string, sentences: Sentence[]): CouncilMention[] {
  const idx = getIndex();
  firstTwo ??= firstTwoTable();
  const gate = firstTwo;
  const mentions: CouncilMention[] = [];
  const n = text.length;
  // The first capital at or after `from` (-1: none), found natively (a loop of ours over every
  // character cost more), and kept: a search that runs past a sentence is not made again for the next.
  let from = n + 1;
  let next = -1;
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    const end = sentence.end;
    let i = sentence.start;
    while (i < end) {
      if (i < from || (next !== -1 && next < i)) {
        CAPITAL.lastIndex = i;
        next = CAPITAL.test(text) ? CAPITAL.lastIndex - 1 : -1;
        from = i;
      }
      const p = next;
      if (p < 0 || p >= end) break;
      const c = text.charCodeAt(p);
      i = p + 1;
      if (p > 0 && isAlnum(text.charCodeAt(p - 1))) continue;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      const second = i - p < 2 ? 0 : text.charCodeAt(p + 1);
      if (!gate[((c | 32) << 7) | (second >= 65 && second <= 90 ? second | 32 : second)]) continue;
      const word = text.slice(p, i).toLowerCase();
      const entries = idx.get(word) ?? (word.endsWith('.') ? idx.get(word.slice(0, -1)) : undefined);
      if (!entries) continue;
      // Normalise only the stretch a council name could cover.
      const norm = normalise(text.slice(p, Math.min(end, p + 120)));
      const mention = matchAt(text, norm, p, sentence, entries);
      if (mention) {
        mentions.push(mention);
        i = mention.end;
      }
    }
  }
  return mentions;
}

function matchAt(text: string, norm: string, p: number, sentence: Sentence, entries: Entry[]): CouncilMention | null {
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (!norm.startsWith(e.key)) continue;
    let end = p + e.key.length;
    if (e.key.length < norm.length && isLowerAlnum(norm.charCodeAt(e.key.length))) continue;
    let start = p;
    let formal = e.formal;
    // Each pattern below is tried only when the characters it must start or end with are there.
    const suffix =
      norm.charCodeAt(e.key.length) === 32 ? SUFFIX.exec(norm.slice(e.key.length, e.key.length + 40)) : null;
    if (suffix && !e.formal) {
      if (suffix[1] === 'district') return null; // "X District Council" is a lower-tier district
      end += suffix[0].length;
      formal = true;
    }
    const before = text.slice(Math.max(sentence.start, p - 40), p);
    const prefix =
      endsWithLower(before, 'of ') || endsWithLower(before, 'of the ') ? PREFIX.exec(before.toLowerCase()) : null;
    if (prefix && !e.formal) {
      start = p - prefix[0].length;
      formal = true;
    }
    const bare = formal ? null : acceptBare(text, p, end, sentence, e.ambiguity);
    if (!formal && !bare) return null;
    const codes = [...e.codes];
    // "North and West Northamptonshire councils": a compass word before "and" shares the name.
    const elided = before.endsWith('and ') || before.endsWith('& ') ? ELIDED_BEFORE.exec(before) : null;
    const space = e.key.indexOf(' ');
    const rest = space < 0 ? undefined : e.key.slice(space);
    if (elided && rest && COMPASS.test(e.key)) {
      const key = `${elided[1].toLowerCase()}${rest}`;
      const shared = getIndex()
        .get(elided[1].toLowerCase())
        ?.find((x) => x.key === key);
      if (shared) {
        codes.unshift(...shared.codes);
        start = p - elided[0].length;
      }
    }
    const councils = codes.map((c) => councilOfCode(c)).filter((c): c is Council => !!c);
    if (!councils.length) return null;
    const why = e.body
      ? `trust or company running the service: "${e.key}"`
      : formal
        ? `council name "${e.key}"${e.formal ? '' : ' with council words'}`
        : `place name "${e.key}": ${bare}`;
    return { start, end, text: text.slice(start, end), councils, formal, ...(e.body ? { body: true } : {}), why };
  }
  return null;
}

/** Whether `s` ends with `tail` (lower case, ASCII) in any case. */
function endsWithLower(s: string, tail: string): boolean {
  const at = s.length - tail.length;
  if (at < 0) return false;
  for (let k = 0; k < tail.length; k++) {
    const c = s.charCodeAt(at + k);
    const t = tail.charCodeAt(k);
    if (c !== t && !(t >= 97 && t <= 122 && c === t - 32)) return false;
  }
  return true;
}

/**
 * Decides whether a bare place name ("Hackney", "Reading", "Kent") names the authority here:
 * null when it does not, else the context rule that lets it through (the mention's `why`).
 */
/** A setting or a move before a place's name: the place is where something is, not the council. */
const LOCATION_BEFORE =
  /\b(?:(?:school|academy|nursery|college|hospital|prison|hotel|care home|farm|church|village|town|charity|firm|company|business|death|murder|killing|died|killed|murdered)(?:e?s)?|placed|moved|moving|relocated|travell?(?:ed|ing)|living|lives|lived|born|based|works|worked|working)\s+(?:in|to|from|near|around|across|outside|into)\s+(?:the\s+)?$/i;

/** After a place, the rest of a constituency's name and its bracket: " South-West)", " Central)". */
const CONSTITUENCY_AFTER = /^ (?:North|South|East|West|Central|Mid)(?:[- ]?(?:East|West))?\s*\)/;
/** "the death of" a named person "in" the place. */
const DEATH_OF_BEFORE = /\b(?:death|murder|killing|abuse) of (?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*\s+in\s+$/;
/** A lower-case compass or area word before a place: "west Cumbria", "rural Norfolk". */
const REGION_PART_BEFORE =
  /(?:^|[^\w-])(?:north|south|east|west|northern|southern|eastern|western|central|rural|coastal|mid|inner|outer)(?:-| )$/;
/** "NHS", then capitalised words, commas and "and" up to the place: the place is part of the body's name. */
const NHS_NAME_BEFORE = /\bNHS\s+(?:[A-Z][\w'’-]*(?:\s+|,\s*|\s+and\s+|\s+&\s+))*$/;

function acceptBare(text: string, p: number, end: number, sentence: Sentence, ambiguity: Ambiguity[]): string | null {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(sentence.start, p - 30), p);
  // Each pattern is tried only when the characters it must start or end with are there.
  const a0 = after.charCodeAt(0);
  const a1 = after.charCodeAt(1);
  const spaceThenCapital = a0 === 32 && a1 >= 65 && a1 <= 90;
  if ((a0 === 45 || a0 === 0x2010 || a0 === 0x2011) && /^[-‐‑]\w/.test(after)) return null; // Newcastle-under-Lyme, Hackney-based
  if ((before.endsWith('New ') || before.endsWith('Greater ')) && /\b(?:New|Greater) $/.test(before)) return null; // New York, Greater Manchester
  if (
    (before.endsWith('Radio ') || before.endsWith('BBC ') || before.endsWith('ITV ')) &&
    /\b(?:Radio|BBC|ITV) $/.test(before)
  )
    return null; // BBC Radio Leeds, ITV Tyne Tees
  // Titles and institutions named after a place: University of Bristol, Duchess of Cornwall.
  if (
    (before.endsWith('of ') || before.endsWith('of the ')) &&
    /\b(?:University|Bishop|Archbishop|Diocese|Dean|Duke|Duchess|Earl|Countess|Marquess|Port|Bank|Museum) of (?:the )?$/.test(
      before,
    )
  )
    return null;
  const nextWord = spaceThenCapital ? /^ ([A-Z][\w'’]*(?: [A-Z][\w'’]*)?)/.exec(after) : null;
  if (nextWord && NOT_AUTHORITY_AFTER.test(nextWord[1])) return null;
  // A service or setting named after the place: "Surrey YOS", "an Enfield primary school".
  if (a0 === 32 && SERVICE_OR_SETTING_FIRST_WORDS.has(lettersAt(after, 1)) && SERVICE_OR_SETTING_AFTER.test(after))
    return null;
  if (spaceThenCapital && a1 === 67 && /^ (?:County|City)\b(?! Council)/.test(after)) return null; // Derby County, Hull City (the clubs)
  if ((a0 === 44 || a0 === 32 || a0 === 10 || (a0 >= 65 && a0 <= 90)) && POSTCODE_AFTER.test(after)) return null; // "Colchester, Essex CO4 3ZL", an address's town line
  if (before.endsWith(', ') && /[A-Z][a-z]+, $/.test(before) && /^(?:,|\s*$|\n)/.test(after) && sentence.end - end < 3)
    return null;
  if (PERSON_BEFORE.test(before)) return null;
  // A parliamentary seat: "Helen Ashworth (Bristol South-West) (Lab)".
  if (a0 === 32 && CONSTITUENCY_AFTER.test(after)) return null;
  // A part of a county or city, not its council: "west Cumbria", "north Kent" (lower case: "West Sussex" is one).
  if (before.endsWith(' ') && REGION_PART_BEFORE.test(before)) return null;
  // A list of places naming a body after it: "Bristol, Gloucestershire, Somerset and Wiltshire
  // Community Rehabilitation Company", "Devon and Cornwall Police".
  if ((a0 === 44 || a0 === 32) && BODY_AFTER_LIST.test(text.slice(end, end + 120))) return null;
  // A place in an NHS body's name, its list too: "NHS Bath and North East Somerset, Swindon and Wiltshire".
  const near = text.slice(Math.max(sentence.start, p - 90), p);
  if (near.includes('NHS') && NHS_NAME_BEFORE.test(near)) return null;
  // A place as a location, not the authority: "a school in Kent", "children placed in Norfolk",
  // "social workers who worked in Suffolk", "the family moved to Devon".
  if (LOCATION_BEFORE.test(before)) return null;
  // Where someone died: "the death of Peter Connelly in Haringey".
  if (before.endsWith('in ') && DEATH_OF_BEFORE.test(text.slice(Math.max(sentence.start, p - 70), p))) return null;
  if (regionLabel(text, p, end, sentence)) return null;
  // A surname after a given name: "Tracey Wiltshire, director of children's services", "Toni Bromley".
  if (spaceBefore(before) && GIVEN_NAMES.has(CAPITALISED_WORD_BEFORE.exec(before)?.[1] ?? '')) return null;
  const atSentenceStart = p - sentence.start < 6 && /^["'“‘(\s]*$/.test(text.slice(sentence.start, p));
  if (ambiguity.includes('person')) {
    const capBefore = CAPITALISED_WORD_BEFORE.exec(before);
    if (
      capBefore &&
      !/^(?:In|At|From|For|To|And|Of|With|By|The|Across|Both|Neighbouring|Nearby|Where|While|Unlike|Like)$/.test(
        capBefore[1],
      )
    )
      return null;
    if (nextWord && !ALLOWED_CAPITAL_AFTER.test(nextWord[1])) return null;
  }
  if (ambiguity.includes('word') && atSentenceStart && DETERMINER_AFTER.test(after)) return null;
  // A place name that is also another place's first word ("Stoke Newington", "Brent Cross",
  // "Nottingham Forest") is that place, unless a council word follows or the line is a headline
  // in title case, where every word is capitalised.
  if (
    ambiguity.includes('other_place') &&
    nextWord &&
    !ALLOWED_CAPITAL_AFTER.test(nextWord[1]) &&
    !titleCase(sentence, text)
  )
    return null;
  if (ambiguity.includes('person'))
    return 'no title or first name before it, a council word or nothing capitalised after';
  if (ambiguity.includes('word')) return 'not a sentence-opening word before a determiner';
  return 'no club, newspaper, person, address or institution context';
}

/** A line that is two names joined by "&" or "and" ("Kent & Sussex", "Birmingham and the Black Country"). */
const TWO_NAMES = /^([A-Z][\w'’]*(?: [A-Z][\w'’]*)*) (?:&|and) (?:the )?([A-Z][\w'’]*(?: [A-Z][\w'’]*)*)$/;

/**
 * A place name that is one half of a short line pairing it with a place that is not an
 * authority ("Birmingham & Black Country"): a region or section label, the place as a location.
 */
function regionLabel(text: string, p: number, end: number, sentence: Sentence): boolean {
  if (sentence.end - sentence.start > 60) return false;
  const pair = TWO_NAMES.exec(text.slice(sentence.start, sentence.end).trim());
  if (!pair) return false;
  const name = text.slice(p, end);
  const other = pair[1] === name ? pair[2] : pair[2] === name ? pair[1] : null;
  if (other === null) return false;
  const key = normalise(other);
  return !getIndex()
    .get(key.split(' ')[0])
    ?.some((e) => e.key === key);
}

/** A sentence written in title case (a headline): most of its words capitalised. */
function titleCase(sentence: Sentence, text: string): boolean {
  const words = text.slice(sentence.start, Math.min(sentence.end, sentence.start + 200)).match(/[A-Za-z][\w'’]*/g);
  if (!words || words.length < 3) return true;
  return words.filter((w) => /^[A-Z]/.test(w)).length / words.length > 0.6;
}

/**
 * Groups mentions by council code, in order of first mention. A council named only through the
 * trust or company running its services ("Slough Children First") is not itself named: it is
 * left out (the trust's grades still go to the council).
 */
export function groupMentions(mentions: CouncilMention[]): { council: Council; mentions: CouncilMention[] }[] {
  const groups = new Map<string, { council: Council; mentions: CouncilMention[] }>();
  for (const m of mentions) {
    for (const c of m.councils) {
      const g = groups.get(c.code) ?? { council: c, mentions: [] };
      g.mentions.push(m);
      groups.set(c.code, g);
    }
  }
  return [...groups.values()].filter((g) => g.mentions.some((m) => !m.body));
}
