// Finds the sentences in which inspectors (or the article reporting them) say what must
// improve, is weak or is recommended, and labels each with a short topic. Praise is not one.
import { blockKindOf, type Sentence, type SourceDocument, type Span } from './text';

export interface ImprovementArea {
  sentence: Sentence;
  topic?: string;
  /** How strongly the sentence reads as an improvement area (sum of cue weights). */
  score: number;
  /** Why this was found: the rule or features that made it (for --explain). */
  why?: string;
}

/** Cues that a sentence states a weakness or a required improvement, with weights. */
export const CUES: [RegExp, number][] = [
  [/\bareas? (?:for|of|requiring) (?:priority action|improvement|development|weakness|concern)\b/i, 3],
  [/\b(?:priority action|serious weakness(?:es)?|widespread (?:and serious )?failures?)\b/i, 3],
  [/\brecommend(?:ed|s|ation|ations)?\b/i, 2.5],
  [/\b(?:needs?|needed) (?:to|further|more|greater|urgent|work|attention|improvement|strengthening)\b/i, 2.5],
  [
    /\b(?:must|should)(?: also| still| now| urgently)? (?:be|have|ensure|improve|make|take|address|develop|strengthen|consider|review|increase|reduce|focus|act|do|work|continue|establish|prioriti[sz]e|tackle|provide|put)\b/i,
    2.5,
  ],
  [/\bthere (?:should|must) (?:also )?be\b/i, 2.5],
  [
    /\b(?:could|can) (?:further |still |also )?(?:improve|strengthen|do more|be (?:improved|strengthened|more))\b/i,
    2.5,
  ],
  [
    /\b(?:not|never) (?:always |yet |consistently |sufficiently |been |being |as |fully |routinely |well |effectively )*(?:robust|consistent|effective|timely|sufficient|strong enough|good enough|clear|specified|completed|given sufficient|given enough|sustained|understood|addressed|embedded|followed|recorded|considered|reviewed|prioriti[sz]ed|improv\w*|met|visited|seen|challenged|escalated|focused|specific|swift|quick)\b/i,
    2,
  ],
  [/\bnot\b[^.;]{0,50}\benough\b/i, 2],
  [
    /\b(?:not|never) (?:always|yet|consistently|sufficiently|fully|routinely|robustly|regularly|reliably|systematically)\b|\bnot (?:ensured|made sure|done enough)\b/i,
    2,
  ],
  [
    /\b(?:slow|slower|slowly)\b|\blimited (?:progress|impact|oversight|evidence|capacity|understanding|challenge)\b|\bfragile\b/i,
    2,
  ],
  [/\bwould benefit from\b|\bscope (?:for|to) (?:improve|further)/i, 2],
  [/\b(?:do|does|did) not improve\b/i, 2],
  [
    /\binsufficient(?:ly)?\b|\bin(?:consistent|effective|adequately)(?:ly)?\b|\buneven(?:ly)?\b|\bvariab(?:le|ility)\b/i,
    2,
  ],
  [/\btoo (?:slow|slowly|many|much|few|long|often|late|variable|high|low|little|narrow|great|early)\b/i, 2],
  [
    /\bweak(?:er|ness|nesses|ly)?\b|\bpoor(?:ly|er)?\b|\bshortfalls?\b|\bshortcomings?\b|\bdeficien\w+|\bfail(?:s|ed|ing|ings|ure|ures)?\b/i,
    2,
  ],
  [/\black(?:s|ed|ing)?\b|\bdrift\b|\bdelays?(?:ed)?\b|\bgaps?\b|\bbacklogs?\b/i, 2],
  [/\boverly\b/i, 2],
  [
    /\bunclear\b|\bunsafe\b|\bunacceptabl\w+|\bdeteriorat\w+|\bdeclin(?:e|ed|ing)\b|\bconcerns? (?:about|over|were|was|remain)\b|\bworrying\b|\bserious concerns?\b/i,
    1.5,
  ],
  [
    /\bimprovement (?:is|was|remains|were) (?:still )?(?:needed|necessary|required)\b|\bstill (?:necessary|needed|required)\b/i,
    2.5,
  ],
  [/\b(?:still|only) in the (?:very )?early stages\b|\bearly stages of development\b/i, 2],
  [
    /\bgreater (?:focus|consideration|attention|scrutiny|oversight|emphasis|priority|urgency|clarity)\b|\bmore (?:specific|consistent|timely|robust|detailed|rigorous|effective|focus)\b|\b(?:with|addressed with) (?:sufficient|more|greater) urgency\b/i,
    1.5,
  ],
  [
    /\b(?:still|remains?|remained)\s+(?:grade(?:inadequate|requiresimprovement)|inadequate|not)\b|\brequir(?:es|ed|ing) (?:further |more |significant |urgent )?improvement\b/i,
    2,
  ],
  [/\btoo many (?:children|cases|young people)\b|\bin too many\b/i, 1],
  [
    /\bhave had an impact on\b|\bhas had an impact on\b|\bimpact(?:ed|ing)? (?:on|upon) (?:the )?(?:timeliness|quality|caseloads)\b/i,
    1.5,
  ],
  [/\bworkforce (?:challenges|instability|shortages)\b|\bhigh caseloads\b|\bturnover\b[^.]*\bhigh\b/i, 1],
];

/** Cues that a sentence is praise or a council's statement rather than a finding of weakness. */
export const AGAINST: [RegExp, number][] = [
  [
    /\bno (?:concerns?|delays?|drift|weaknesses|areas? for priority action|gaps)\b|\bwithout (?:delay|drift)\b|\bnot (?:feel )?overwhelmed\b/i,
    2,
  ],
  [
    /(?<!\bnot (?:\w+ )?)\b(?:strength|strengths|strong|praised?|impressive|exceptional|excellent|effective|well supported|highly|proud|pleased|delighted|welcome[sd]?)\b/i,
    0.75,
  ],
  [/\b(?:children|young people|families) should (?:be|have|grow)\b/i, 1],
  [/^\s*(?:we|our|i)\b|\b(?:we are|we have|we will|we’re|we're|i am|i'm)\b/i, 1.5],
];

const TOPICS: [RegExp, string][] = [
  [/\bcaseloads?\b|\bworkloads?\b/i, 'caseloads'],
  [/\b(?:management oversight|managerial oversight|oversight|supervision)\b/i, 'management oversight'],
  [/\brisk assessments?\b|\bassessments?\b/i, 'assessments'],
  [/\btimeliness\b|\bdelays?\b|\bdrift\b|\btimescales?\b|\bquickly enough\b|\btoo slow/i, 'timeliness'],
  [/\bthresholds?\b|\bescalat\w+/i, 'thresholds and escalation'],
  [/\bplans?\b|\bplanning\b/i, 'planning'],
  [/\bpermanence\b|\badoption\b|\bfoster(?:ing|-to-adopt)?\b|\bconcurrent planning\b/i, 'permanence'],
  [/\bcare leavers?\b|\bpathway plans?\b|\bleaving care\b/i, 'care leavers'],
  [/\bplacements?\b|\bsufficiency\b/i, 'placements'],
  [/\b(?:workforce|recruit\w*|retention|agency staff|turnover|changes of social worker)\b/i, 'workforce stability'],
  [
    /\b(?:performance data|performance management|data|audit\w*|quality assurance)\b/i,
    'performance and quality assurance',
  ],
  [
    /\blived experiences?\b|\bvoice of the child\b|\bchild[’']?s experience\b|\badult-focused\b|\bengage\w* (?:young people|children)\b/i,
    "children's experiences",
  ],
  [
    /\bexploitation\b|\bmissing\b|\bextra-familial\b|\bgangs?\b|\bserious youth violence\b/i,
    'exploitation and missing children',
  ],
  [/\bdomestic abuse\b|\babusive partners?\b|\bmen\b|\bfathers?\b|\bmales?\b/i, 'domestic abuse and fathers'],
  [/\bearly help\b/i, 'early help'],
  [/\bfront door\b|\bmash\b|\breferrals?\b|\bcontacts?\b/i, 'front door'],
  [/\bleaders(?:hip)?\b|\bgovernance\b|\bpace of change\b/i, 'leadership'],
  [/\bmulti-agency\b|\bpartners?\b|\bpolice\b|\bhealth\b/i, 'multi-agency working'],
  [/\bdisabled children\b|\bsend\b/i, 'disabled children'],
  [/\bpractice\b|\bsocial work\b/i, 'quality of practice'],
];

/** Short topic label for an improvement sentence. */
export function topicOf(sentence: string): string | undefined {
  for (const [re, topic] of TOPICS) if (re.test(sentence)) return topic;
  return undefined;
}

const THRESHOLD = 2;

/**
 * Word prefixes (first four letters, or the whole word when shorter) at least one of which
 * occurs in any text a cue matches, in the order of CUES. A sentence runs only the cues whose
 * triggers it contains, so most sentences cost one tokenising pass and a few look-ups.
 */
const CUE_TRIGGERS: string[][] = [
  ['area'],
  ['prio', 'noti', 'stat', 'seri', 'wide'],
  ['reco'],
  ['need'],
  ['must', 'shou'],
  ['must', 'shou'],
  ['coul', 'can'],
  ['not', 'neve'],
  ['not'],
  ['not', 'neve'],
  ['slow', 'limi', 'frag'],
  ['woul', 'scop'],
  ['not'],
  ['insu', 'inco', 'inef', 'inad', 'unev', 'vari'],
  ['too'],
  ['weak', 'poor', 'shor', 'defi', 'fail'],
  ['lack', 'drif', 'dela', 'gap', 'gaps', 'back'],
  ['over'],
  ['uncl', 'unsa', 'unac', 'dete', 'decl', 'conc', 'worr', 'seri'],
  ['impr', 'stil'],
  ['earl'],
  ['grea', 'more', 'urge', 'suff'],
  ['stil', 'rema', 'requ'],
  ['too'],
  ['impa'],
  ['work', 'high', 'turn'],
];
const AGAINST_TRIGGERS: string[][] = [
  ['no', 'with', 'not'],
  ['stre', 'stro', 'prai', 'impr', 'exce', 'effe', 'well', 'high', 'prou', 'plea', 'deli', 'welc'],
  ['chil', 'youn', 'fami'],
  ['we', 'our', 'i', 'i’m', 'we’r'],
];

/** Packs a word's first four letters (a-z, apostrophes) and its length (capped at 4) into a number. */
function packWord(word: string): number {
  let h = 0;
  const n = Math.min(word.length, 4);
  for (let i = 0; i < n; i++) h = (h << 5) | letterCode(word.charCodeAt(i));
  return h | (n << 20);
}
function letterCode(c: number): number {
  return c === 0x2019 || c === 39 ? 27 : c - 96;
}

/** Trigger prefixes by packed key, in an open-addressed table: one probe or two per word. */
const TABLE_BITS = 10;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
let KEYS: Int32Array | null = null;
/** Packing codes of ASCII characters: letters of either case 1-26, the apostrophe 27, else 0. */
const LETTER = new Uint8Array(128);
let CUE_MASKS = new Int32Array(0);
let AGAINST_MASKS = new Int32Array(0);

/** The key's slot in the table, or the empty slot where it would go. */
function slotOf(keys: Int32Array, key: number): number {
  let i = Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
  while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & TABLE_MASK;
  return i;
}

// Built on first use, not when the module loads: every page loads it, few pages analyse.
function buildTable(): Int32Array {
  for (let c = 97; c <= 122; c++) LETTER[c] = LETTER[c - 32] = c - 96;
  LETTER[39] = 27;
  const keys = new Int32Array(1 << TABLE_BITS);
  CUE_MASKS = new Int32Array(1 << TABLE_BITS);
  AGAINST_MASKS = new Int32Array(1 << TABLE_BITS);
  const fill = (triggers: string[][], masks: Int32Array) =>
    triggers.forEach((list, bit) => {
      for (const t of list) {
        const key = packWord(t);
        const i = slotOf(keys, key);
        keys[i] = key;
        masks[i] |= 1 << bit;
      }
    });
  fill(CUE_TRIGGERS, CUE_MASKS);
  fill(AGAINST_TRIGGERS, AGAINST_MASKS);
  return keys;
}

let againstMask = 0;

/**
 * Which cues (a bit mask of indexes) the sentence's words could trigger, in one pass with no
 * allocation; the counter-cues' mask is left in `againstMask`.
 */
function candidates(text: string): number {
  KEYS ??= buildTable();
  const keys = KEYS;
  let cues = 0;
  let against = 0;
  let h = 0;
  let len = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    // ASCII letters only, as the cues' /i matching does. Apostrophes belong to a word only
    // inside it ("i’m"), not as an opening quote ("'weak'").
    const code = c < 128 ? LETTER[c] : c === 0x2019 ? 27 : 0;
    if (code !== 0 && (code !== 27 || len > 0)) {
      if (len < 4) h = (h << 5) | code;
      len++;
    } else if (len) {
      const key = h | ((len < 4 ? len : 4) << 20);
      const s = slotOf(keys, key);
      if (keys[s] === key) {
        cues |= CUE_MASKS[s];
        against |= AGAINST_MASKS[s];
      }
      h = 0;
      len = 0;
    }
  }
  againstMask = against;
  return cues;
}

/** Scores one sentence; >= THRESHOLD means an improvement area. */
export function improvementScore(sentence: string): number {
  if (sentence.length < 25) return 0;
  const cues = candidates(sentence);
  if (!cues) return 0;
  const against = againstMask;
  let score = 0;
  for (let i = 0; i < CUES.length; i++) if (cues & (1 << i) && CUES[i][0].test(sentence)) score += CUES[i][1];
  if (score === 0) return 0;
  for (let i = 0; i < AGAINST.length; i++)
    if (against & (1 << i) && AGAINST[i][0].test(sentence)) score -= AGAINST[i][1];
  return score;
}

/** Tests that a text has at least `n` words (a word: a run of characters above U+0020). */
function atLeastWords(n: number): RegExp {
  return new RegExp(`^[\\x00-\\x20]*(?:[^\\x00-\\x20]+[\\x00-\\x20]+){${n - 1}}[^\\x00-\\x20]`);
}
const THREE_WORDS = atLeastWords(3);
const SIX_WORDS = atLeastWords(6);

const LIST_INTRO =
  /\b(?:what (?:needs|need) to improve|needs? to improve|areas? (?:for|of) (?:improvement|priority action|development)|areas? requiring improvement|recommendations?|priority actions?|should (?:improve|ensure|address)|must (?:improve|address)|weaknesses|what (?:the council|the local authority|leaders|the authority) (?:needs|need|should|must))\b[^.!?]*:?\s*$/i;

/**
 * Blocks that are list items under an introduction such as "What needs to improve:" or
 * "Areas for improvement": each is an improvement area whatever its wording.
 */
export function improvementListBlocks(doc: SourceDocument): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i].trim();
    const kind = blockKindOf(doc, i);
    // The regex last: most blocks are neither headings nor end with a colon.
    if (kind === 'item' || b.length > 240 || (kind !== 'heading' && !b.endsWith(':')) || !LIST_INTRO.test(b)) continue;
    let j = i + 1;
    for (; j < doc.blocks.length && blockKindOf(doc, j) === 'item'; j++) out.add(j + 1); // +1: block 0 is the title
    i = j - 1;
  }
  return out;
}

/** Finds improvement-area sentences. Headings, captions and very short lines are skipped.
 * Grade judgements are read as grades, not as wording ("maintained 'requires improvement'"). */
export function findImprovementAreas(
  sentences: Sentence[],
  grades: Span[] = [],
  listBlocks?: Set<number>,
): ImprovementArea[] {
  const out: ImprovementArea[] = [];
  let g = 0;
  for (const sentence of sentences) {
    if (sentence.block === 0) continue; // the headline reports, it does not find
    if (listBlocks?.has(sentence.block) && THREE_WORDS.test(sentence.text)) {
      out.push({ sentence, score: THRESHOLD, topic: topicOf(sentence.text) });
      continue;
    }
    if (!SIX_WORDS.test(sentence.text)) continue;
    while (g < grades.length && grades[g].end <= sentence.start) g++;
    let text = sentence.text;
    if (g < grades.length && grades[g].start < sentence.end) {
      const parts: string[] = [];
      let at = 0;
      for (let k = g; k < grades.length && grades[k].start < sentence.end; k++) {
        const a = Math.max(at, grades[k].start - sentence.start);
        const b = grades[k].end - sentence.start;
        parts.push(
          text.slice(at, a),
          ` grade${text
            .slice(a, b)
            .toLowerCase()
            .replace(/[^a-z]/g, '')} `,
        );
        at = b;
      }
      parts.push(text.slice(at));
      text = parts.join('');
    }
    const score = improvementScore(text);
    if (score >= THRESHOLD) out.push({ sentence, score, topic: topicOf(sentence.text) });
  }
  return out;
}
