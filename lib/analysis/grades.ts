// Finds inspection grades used as judgements ("rated 'good'", "from inadequate to requires
// improvement", "an 'outstanding' council", a judgement table row "Adoption performance Good") and
// refuses the same words in ordinary prose ("a good example", "outstanding issues"), in negated,
// hypothetical and scale-describing uses ("no council has been judged outstanding", "before it can
// be rated good", "between inadequate and good") and for providers out of scope (schools,
// children's homes, youth justice…). Each grade says whether it is current, and why.
//
// The rules are tables whose rows carry their own examples (tests/analysis/grades.test.ts runs
// every example): REFUSALS first, then JUDGEMENT_RULES (the first that holds names the grade's
// `why`), then the time cues (PREVIOUS_CUES, currentCueIn in scan.ts) that decide current or previous within
// the sentence. `settleTimes` then decides, over the whole page, what a sentence cannot: a grade
// dated before the inspection the page reports, and standing grades in a report of a monitoring or
// focused visit.
import { GRADE_WORDS as GRADE_WORD_ROWS, type Grade, gradeOfWords, isMainGrade } from '../data/grades';
import { afterLast, beforeFirst } from './cut';
import { holdsAny, lookingUp } from './needs';
import {
  currentCueIn,
  gated,
  gradeWordsIn,
  holdsOneOfEach,
  judgementAfter,
  judgingBefore,
  type Matcher,
  opensWithGoodProseNoun,
  presentTenseBefore,
} from './scan';
import { type Sentence, type Span, sentenceIndexAt } from './text';

export type { Grade };

export interface GradeMention extends Span {
  grade: Grade;
  /** The words as they appear, with their quotation marks when quoted. */
  text: string;
  sentence: Sentence;
  /** False for a previous or historical grade. */
  current: boolean;
  year?: number;
  /** Judgement area or service when not the overall grade ("adoption", "LSCB"). */
  area?: string;
  /** The rule that made it a judgement and the time cue that decided current/previous. */
  why?: string;
  /**
   * A judgement table flattened into running text ("… protection Good 2.1 Adoption performance
   * Good …") is one sentence for the splitter; each row (its label and grade) is reported as the
   * grade's sentence.
   */
  row?: string;
  /** How sure the sentence was about `current` (the page-level step may overrule a weak one). */
  timeStrength?: TimeStrength;
}

/** 'cue': a time word decided it; 'dated': only a year did; 'none': nothing in the sentence. */
export type TimeStrength = 'cue' | 'dated' | 'weak' | 'none';

// Where the rules cut the words around a grade into clauses (see cut.ts): `afterLast` takes the
// last clause before the grade (global patterns), `beforeFirst` the first after it.
const PROVIDER_CLAUSE_CUT = /[.;:!?]|,\s+(?:but|while|whereas)\b|\bbut\b/g;
const LINKED_CLAUSE_CUT = /[,;:—–]/g;
const TIME_AFTER_CUT = /[;]|,\s+(?:but|while|whereas|and)\b/;
// …and an aside closed by a comma before the main verb ("The council, whose services were rated
// adequate at its last inspection in 2011, had its adoption performance judged good").
const ASIDE_CLOSED_SOURCE = String.raw`,\s+(?=(?:had|has|have)\s+(?:its|their|his|her)\b|(?:was|were|is|are|has been|have been)\s+(?:now\s+|since\s+)?(?:rated|judged|graded)\b)`;
const ASIDE_CLOSED = new RegExp(ASIDE_CLOSED_SOURCE, 'i');
/** The cues of a grade a council left (its own words, not the sentence's time). */
const LEFT_GRADE_CUE = /^(?:left behind|from X to Y)/;
/** After a grade: the time it has stood since ("…since the full inspection in 2018", "…since 2018"). */
const SINCE_AFTER =
  /^['’"”]?\s*(?:overall\s+)?since\s+(?:(?:the|its|their|an?)\s+(?:\w+\s+){0,3}(?:inspection|visit|judgement|report)\b(?!\s+(?:framework|regime|system))|(?:19|20)\d\d\b)/i;
/** Between two grades of a chain of moves: "… in 2022 and now …", ", then ". */
const MOVE_GOES_ON =
  /^['’"”]?\s*(?:(?:in|at)\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\s*)?,?\s*(?:and|then|before)\s+(?:now\s+|then\s+|finally\s+|most recently\s+)?(?:to\s+)?['‘"“]?$/i;
const CONTRAST_CLAUSE = /,\s+(?:while|whilst|whereas|but)\b/i;
const TIME_BEFORE_CUT = new RegExp(String.raw`,\s+(?:but|while|whereas|and)\b|\bbut\b|${ASIDE_CLOSED_SOURCE}`, 'g');
const OWN_CLAUSE_CUT = /[,;]|\b(?:and|but)\b/;
const AREA_CLAUSE_CUT = /[;:]|,\s+(?:but|while|whereas|and)\b|\bbut\b/g;
const AREA_SUBJECT_CUT = /\b(?:rated|judged|graded|was|were|is|are|remains?|given|received|get|got|scored)\b/i;
const LABEL_CUT = /[:–—\n]/g;
/** What an active rating verb rates, up to the grade: "rated [the progress of children in care] as". */
const RATED_OBJECT =
  /^(?:rated|judged|graded)\s+(?!as\b|to\b|by\b)((?:(?!\b(?:was|were|is|are|rated|judged|graded)\b)[^,;]){3,90}?)\s*(?:as|to be|overall)?\s*['‘"“]?$/i;

const OPEN_Q = `'‘’"“`;
const CLOSE_Q = `'’"”`;

/**
 * One sentence's words as the rules look them up: its lower-case copy, made once for all its
 * grade words, and the answer for each list of words already asked about.
 */
class Words {
  lower: string | null = null;
  known: Map<readonly string[], boolean> | null = null;
  constructor(readonly sentence: string) {}
}

/**
 * Whether the sentence holds one of `list` (lower case). Most rule patterns cannot match without
 * one of a few words (every text they match contains one, in any case): a rule runs its pattern
 * only when the sentence holds one, instead of every pattern scanning the words around every
 * grade word. Each list is looked up once per sentence, however many grade words it holds.
 */
function holds(words: Words, list: readonly string[]): boolean {
  if (!lookingUp()) return true;
  words.known ??= new Map();
  let found = words.known.get(list);
  if (found === undefined) {
    words.lower ??= words.sentence.toLowerCase();
    found = holdsAny(words.lower, list);
    words.known.set(list, found);
  }
  return found;
}

/** The grades of the words already met (a page writes the same few grade words again and again). */
const gradesOfWords = new Map<string, Grade>();

/** Normalises the matched words to a grade name. */
export function gradeOf(words: string): Grade {
  let grade = gradesOfWords.get(words);
  if (grade === undefined) {
    grade = gradeOfWords(words);
    if (gradesOfWords.size < 512) gradesOfWords.set(words, grade);
  }
  return grade;
}

interface Candidate {
  start: number;
  end: number;
  grade: Grade;
  quoted: boolean;
  quoteStart: number;
  quoteEnd: number;
}

/** What a rule sees: the sentence around one grade word. */
interface Ctx {
  s: string;
  /** The sentence's words as the rules look them up, shared by all its grade words. */
  words: Words;
  c: Candidate;
  /** Up to 90 characters before the (quoted) word, and 70 after. */
  before: string;
  after: string;
  /** The word itself, lower case. */
  word: string;
  /** One of the four current grades (not an older framework's word). */
  main: boolean;
  /** Written with a capital inside a sentence ("… care leavers Good"), as in a table. */
  capital: boolean;
  prev?: Candidate;
  next?: Candidate;
}

/** A rule row: its name (shown in `why`), its test, and sentences it must apply to. */
export interface GradeRule {
  name: string;
  test(x: Ctx): boolean;
  /** Sentences in which this row decides (tested: a refusal leaves the word out, a judgement names this row). */
  examples: string[];
}

/** A rating verb with its object between it and the grade: "judged Slough's services inadequate". */
export const VERB_OBJECT_BEFORE = gated(
  holdsOneOfEach(['rate', 'rating', 'judg', 'grad', 'deem', 'found', 'finds', 'brand', 'label']),
  /\b(?:rates|rated|rate|rating|judges|judged|judge|judging|grades|graded|grading|deems|deemed|found|finds|branded|brands|labelled|labels)\s+(?:(?!(?:good|outstanding|inadequate|adequate|poor|improvement)\b)[\w’'&-]+,?\s+){0,14}(?:services|service|council|authority|department|provision|partnership|board|trust|company|it|them|us|care|protection|families|children|young people|leavers|performance|areas|judgements|judgments|inspection),?\s+(?:(?:in|for|at)\s+(?:[\w’'&-]+\s+){1,8})?(?:as\s+|to be\s+|to\s+(?=requir)|overall\s+|are\s+|is\s+)?$/i,
);
/** A rating verb with a named object: "Ofsted rates Blackpool inadequate" (case matters: a name). */
export const NAME_OBJECT_BEFORE = gated(
  // Its verbs, read in a lower-case copy (the pattern itself is case-sensitive: a superset).
  holdsOneOfEach(['rate', 'judge', 'grade', 'deem', 'moved', 'lifted', 'raised']),
  /\b(?:(?:[Rr]ates|[Rr]ated|[Jj]udges|[Jj]udged|[Gg]rades|[Gg]raded|[Dd]eems|[Dd]eemed)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+(?:and\s+|of\s+|upon\s+|on\s+)?){1,5}(?:as\s+)?|(?:[Uu]pgrade[sd]?|[Dd]owngrade[sd]?|[Mm]oved|[Ll]ifted|[Rr]aised)\s+(?:[A-Z][\w’'&-]*\s+(?:and\s+|of\s+|upon\s+|on\s+)?){1,5}(?:from\s+\S+\s+)?to\s+)$/,
);
/** A judgement label before a colon or dash: "Overall effectiveness: Good", "Care leavers – outstanding". */
const LABEL_BEFORE =
  /(?:effectiveness|capacity (?:for improvement|to improve)|quality of practice|and carers|leaders|leadership|families|protection|in care|care leavers|judgements?|judgments?|rating|grade|overall|adoption|fostering|lscb|board|permanence|governance|performance|social work practice|safeguarding)\s*[:–—|-]\s*$/i;
/** The end of a judgement area's name, as a judgement table row prints it before its grade. */
const AREA_LABEL_END =
  /\b(?:overall effectiveness|help and protection|permanence|adoption performance|care leavers|looked after|in care|governance|children and families|leadership|leaders|safeguarding children board|lscb)\s*\(?\s*$/i;
/** Linking verbs: a judgement only for the unambiguous grades, or when the subject is a service. */
const LINKING_BEFORE =
  /\b(?:is|was|were|are|be|been|being|remain|remains|remained|remaining|stay|stays|stayed|become|became|becomes|now|still|previously)(?:\s+(?:still|now|previously|also|again|overall|both|all|judged|rated|to be|as))*\s*$/i;
const SERVICE_SUBJECT =
  /\b(?:services?|safeguarding|arrangements|council|authority|department|directorate|lscb|lcsb|board|partnership|trust|judgements?|judgments?|grades?|ratings?|effectiveness|adoption|fostering|care leavers|children in care|help and protection|leadership|governance|impact of (?:senior )?leaders|it|they)\b[^,;]{0,60}$/i;
const INSTITUTION_AFTER =
  /^['’"”]?\s*(?:-rated\b|councils?|authorit(?:y|ies)|local authorit(?:y|ies)|children[’']?s services|social care|services|department|lscb|lscbs|boards?|trusts?)\b/i;

/** A line that is a name before a colon or a dash: "Wokingham: ", "Redcar and Cleveland – " (case matters: a name). */
const NAME_LABEL_BEFORE =
  /(?:^|\n)\s*(?:[-•*]\s*)?[A-Z][\w’'&.-]*(?:\s+(?:and|upon|on|of|under|in|the|[A-Z][\w’'&.-]*)){0,5}(?:\s*[:–—]|\s+-)\s*['‘"“]?$/;

/** A line that opens with a name and nothing else before the grade: "Brighton and Hove " (case matters). */
const DASHBOARD_NAME_BEFORE =
  /(?:^|\n)\s*[A-Z][\w’'&.-]*(?:\s+(?:and|upon|on|of|under|in|the|[A-Z][\w’'&.-]*)){0,5}\s+(?:[–—-]\s+)?$/;

/** After a dashboard row's grade: the month it was published, or its year in brackets. */
const DASHBOARD_DATE_AFTER =
  /^['’"”]?\s+(?:[–—-]\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b|\(\d{4}\)|(?:19|20)\d\d\s+(?:[–—-]\s+)?(?:Outstanding|Good|Requires|Inadequate|Adequate|Poor)\b)/;

/** A grade (capitalised) right after a line's name and before its date: a dashboard row's latest grade. */
function dashboardRowGrade(before: string, after: string): boolean {
  return DASHBOARD_NAME_BEFORE.test(before) && DASHBOARD_DATE_AFTER.test(after);
}

/** "up from", "down from" after a comma or a bracket (an aside), a year, or "both"/"which"/"has": the grade a council left. */
const UP_FROM_BEFORE =
  /(?:[,(–—]|\b\d{4}|\b(?:both|all|each|which|who|have|has|had)\b)\s*(?:having\s+|after\s+)?(?:up|down|moving up|moved up|moving down|moved down|an improvement|a step up|a rise|a fall|improving|falling|dropping|slipping|rising)\s+from\s+(?:(?:its|their|the|a|an|previous|last|earlier|former)\s+)*['‘"“]?$/i;

/** The older frameworks' grade words a page may use of a council (corpus labels: other:adequate, other:poor). */
const OLD_GRADES = new Set<Grade>(['other:adequate', 'other:poor']);

/** Providers and inspectorates out of scope: their grades are not a council's children's services judgement. */
const OUT_OF_SCOPE_WORDS =
  /schools?|academy|academies|nurser(?:y|ies)|pre-school|colleges?|children[’']?s homes?|homes|care homes?|residential homes?|secure (?:children[’']?s home|training centre|unit)|youth offending|yot|youth justice|probation|police|constabulary|(?:police )?force|hmicfrs|hmic|hospitals?|cqc|care quality commission|fostering (?:agency|service)|adoption agency|independent fostering|adult (?:education|learning|care|social care)|adult and community learning|fe providers?|further education (?:college|provider)s?|the home|pupils|quality of teaching|sixth form|early years provision|pupil referral|send (?:services|provision)|local area send|credit rating|moody[’']?s/
    .source;
const OUT_OF_SCOPE = new RegExp(`\\b(?:${OUT_OF_SCOPE_WORDS})\\b`, 'gi');
const OUT_OF_SCOPE_ANY = new RegExp(`\\b(?:${OUT_OF_SCOPE_WORDS})\\b`, 'i');
const OUT_OF_SCOPE_AFTER = new RegExp(
  `^['’"”]?\\s*(?:-rated\\s+)?(?:ofsted[- ]rated\\s+)?(?:${OUT_OF_SCOPE_WORDS})\\b`,
  'i',
);
const IN_SCOPE_SUBJECT =
  /\b(?:children[’']?s services|children[’']?s social care|social care|council|authority|local authority|services for children|safeguarding (?:board|partnership)|lscb)\b/i;

// The words without one of which a rule's pattern cannot match (see `holds`): each list holds a
// part (in lower case) of every alternative of the pattern it guards.
const NEGATIONS = ['no', 'never', 'yet to be'];
const NEGATED_VERBS = ['rated', 'judged', 'graded', 'been', 'achieved', 'received', 'found', 'deemed'];
const CONDITIONS = ['before', 'until', 'unless', 'if', 'so that'];
const CONDITIONAL_VERBS = ['rated', 'judged', 'graded', 'considered', 'deemed', 'seen as', 'become'];
const SO_THAT = ['so that'];
const AIMS = [
  'expect',
  'aim',
  'ambition',
  'hope',
  'hoping',
  'want',
  'bid',
  'striv',
  'target',
  'aspir',
  'plan',
  'determined',
  'journey',
  'goal',
  'push',
  'could',
  'would',
  'might',
  'should',
];
const MODALS = ['would', 'could', 'might', 'will'];
const WHETHER = ['whether'];
const RATHER = ['rather'];
const SCALE_WORDS = ['between', 'above', 'below', 'better than', 'worse than', 'short of', 'scale of', 'rang'];
const OUTSTANDING = ['outstanding'];
const MEANS = ['mean', 'indicat'];
const SCALE_NOUNS = ['grades', 'ratings', 'judgements', 'scale'];
const BETWEEN = ['between'];
const OUT_OF_SCOPE_NEEDS = [
  'school',
  'academ',
  'nurser',
  'college',
  'home',
  'secure',
  'youth',
  'yot',
  'probation',
  'police',
  'constabulary',
  'force',
  'hmic',
  'hospital',
  'cqc',
  'care quality',
  'fostering',
  'adoption agency',
  'adult',
  'fe provider',
  'further education',
  'pupil',
  'teaching',
  'sixth form',
  'early years',
  'send',
  'credit rating',
  'moody',
];
const LABEL_MARKS = [':', '–', '—', '-', '|'];

/** Refusals, tried first: ordinary prose, and grade words not used as a judgement of a council. */
export const REFUSALS: GradeRule[] = [
  {
    name: 'prose: outstanding issues',
    test: (x) =>
      x.word === 'outstanding' &&
      !x.c.quoted &&
      /^\s+(?:issues?|concerns?|actions?|debts?|balances?|payments?|questions?|work|cases|matters|items|recommendations|amounts?|sums?|practice|case reviews?|examples?)\b/i.test(
        x.after,
      ),
    examples: ['The council will focus on the outstanding actions from the report.'],
  },
  {
    name: 'prose: a good example',
    test: (x) => x.word === 'good' && !x.c.quoted && opensWithGoodProseNoun(x.after), // read by hand (scan.ts): this pattern ran on every plain "good"
    examples: [
      'This is a good example of joint working across Dorset.',
      'Social workers made good progress.',
      'Care leavers in Salford said they received good support from their personal advisers.',
      'Families deserve good quality help wherever they live in Kent.',
      'Inspectors found good practice in the front door team.',
      'Children at risk of exploitation in Bury received a good response.',
    ],
  },
  {
    name: 'prose: good to see',
    test: (x) =>
      !x.c.quoted &&
      /^\s*(?:to|for|at|with|in)\s+(?:see|hear|know|be|have|working|the\s+environment|listening)\b/i.test(x.after) &&
      !judgingBefore(x.before),
    examples: ['The manager is good at listening to staff.'],
  },
  {
    // What happens to any council with a grade: "When a council's children's services are judged
    // inadequate, Ofsted carries out…", "Where Ofsted judges a council's services inadequate, …".
    name: 'any council',
    test: (x) =>
      /\b(?:when|where|if|once|whenever)\s+(?:ofsted\s+(?:judges|rates|finds)\s+)?an?\s+(?:council|local authority|authority)\b[^.;]{0,60}$/i.test(
        x.before,
      ),
    examples: [
      'When a council’s children’s services are judged inadequate, Ofsted carries out a series of shorter visits.',
      'Where Ofsted judges a council’s children’s services inadequate, the Department for Education will always intervene.',
    ],
  },
  {
    name: 'what a grade means',
    test: (x) =>
      /\bwhat (?:does|do|did) (?:an?|the)\s+['‘"“]?$/i.test(x.before) &&
      /^['’"”]?\s*(?:ofsted\s+)?(?:rating|grade|judgement|judgment)\s+mean/i.test(x.after),
    examples: ['What does an inadequate rating mean?'],
  },
  {
    // The grade's name as a term: "What does 'requires improvement' mean?", "'Requires improvement'
    // replaced the old 'adequate' grade in 2013."
    name: 'the grade as a term',
    test: (x) =>
      x.c.quoted &&
      (/^['’"”]?\s*(?:mean|means|meant|replaced|replaces|was introduced|is the (?:new|old)|became)\b/i.test(x.after) ||
        /\bwhat (?:does|do|did)\s*['‘"“]?$/i.test(x.before) ||
        (/\b(?:the|an?) (?:old|new|former)\s*['‘"“]?$/i.test(x.before) &&
          /^['’"”]?\s*(?:grade|rating|judgement|judgment|category)\b/i.test(x.after))),
    examples: [
      'What does "requires improvement" mean?',
      '"Requires improvement" replaced the old "adequate" grade in 2013.',
    ],
  },
  {
    // "Services are no longer inadequate": what the council is not, as the corpus labels it (not a
    // grade; the page's other sentences give the grade it had).
    name: 'no longer',
    test: (x) => holds(x.words, NO_LONGER) && NO_LONGER_BEFORE.test(x.before),
    examples: [
      'Children’s services in Medway are no longer inadequate, inspectors said.',
      'Thurrock is no longer rated inadequate.',
    ],
  },
  {
    name: 'negated',
    test: (x) =>
      holds(x.words, NEGATIONS) &&
      (holds(x.words, NEGATED_VERBS) || holds(x.words, MOVE_VERBS)) &&
      (/\b(?:no|not|never|none|nor|yet to be)\b[^,.;]{0,50}\b(?:rated|judged|graded|been|achieved|received|found|deemed)\s+(?:as\s+|to be\s+)?$/i.test(
        x.before,
      ) ||
        // With the object between: "never rated Rutland inadequate".
        /\b(?:never|not)\s+(?:\w+\s+)?(?:rated|judged|graded)\s+(?:[\w’'-]+\s+){1,4}(?:as\s+|to be\s+)?$/i.test(
          x.before,
        ) ||
        // A subject of "no" with a clause of its own between: "No local authority that had been
        // judged good at its previous inspection was judged inadequate".
        NO_SUBJECT_JUDGED.test(x.s.slice(0, x.c.quoteStart))) &&
      !/^['’"”]?\s*since\b/i.test(x.after),
    examples: [
      'No council in the region has yet been judged outstanding.',
      'Inspectors have never rated Rutland inadequate.',
      'Of the councils visited this year, none was rated outstanding.',
      'In no part of its work was Medway found to be outstanding.',
      'No local authority that had been judged good at its previous inspection was judged inadequate this year.',
      'No council has yet moved directly from inadequate to outstanding in a single inspection.',
    ],
  },
  {
    name: 'hypothetical',
    test: (x) =>
      // A rule for councils with a grade: "Councils rated inadequate are monitored by Ofsted".
      (/(?:^\s*|[,;]\s*(?:while\s+|whereas\s+|and\s+|but\s+)?|\b(?:while|whereas)\s+)(?:councils|local authorities|authorities|those)\s+(?:that are\s+|which are\s+)?(?:rated|judged|graded)\s+(?:to\s+|as\s+)?$/i.test(
        x.before,
      ) &&
        /^['’"”]?\s+(?:(?:or|and)\s+(?:better|above|outstanding|good)\s+)?(?:(?:normally|usually|typically|then|now)\s+)?(?:are|must|will|can|may|receive|get|face|have|usually)\b/i.test(
          x.after,
        )) ||
      // "…would not rest until we are good".
      /\b(?:until|unless|before)\s+(?:we|it|they|the council|the service|services|the authority|(?:our|its|their)\s+(?:children[’']s\s+)?services)\s+(?:are|is|be|become|get|gets)\s+['‘"“]?$/i.test(
        x.before,
      ) ||
      (holds(x.words, CONDITIONS) &&
        holds(x.words, CONDITIONAL_VERBS) &&
        /\b(?:before|until|unless|if|so that)\b[^.;,]{0,40}\b(?:can|could|would|will|is|are|be)\s+(?:be\s+)?(?:rated|judged|graded|considered|deemed|seen as|become)\s*(?:as\s+|to be\s+)?$/i.test(
          x.before,
        )) ||
      // "…so that help and protection services become good": an aim.
      (holds(x.words, SO_THAT) && /\bso that\b[^.;]{0,60}\b(?:become|becomes|are|is)\s+['‘"“]?$/i.test(x.before)) ||
      (holds(x.words, AIMS) &&
        /\b(?:aims?|aiming|ambitions?|hopes?|hoping|wants?|bid|striv(?:e|es|ing)|targets?|aspirations?|aspires?|aspired|aspiring|plans?|determined|journey|goal|pushing|push|could|would|might|should|expects?|expected|expecting)\b[^.;]{0,50}\b(?:to|towards|be|become)\s+(?:an?\s+|the\s+|a rating of\s+|be\s+|being\s+|rated\s+|judged\s+|a\s+|(?:receive|achieve|get|gain|secure|reach|earn)\s+)*$/i.test(
          x.before,
        )) ||
      (holds(x.words, MODALS) &&
        /^['’"”]?\s*(?:ofsted\s+)?(?:rating|grade|judgement|judgment)\s+(?:would|could|might|will)\b/i.test(x.after)),
    examples: [
      'It will take years of work before the service can be rated good.',
      'The council will work closely with the trust so that together we can become good.',
      'Councils rated inadequate are monitored by Ofsted and usually receive a visit from an adviser.',
      'Councils judged good or outstanding get a shorter inspection next time.',
      'Under Ofsted’s framework, councils judged to require improvement normally receive a full inspection within three years.',
      'Councils judged requires improvement receive a standard inspection lasting two weeks, while those rated good or outstanding get a shorter one.',
      'The portfolio holder said the authority would not rest until we are good.',
      'Leaders said their ambition was to move to a rating of "outstanding" next time.',
      'A good Ofsted rating would bring more freedom for Bolton.',
      'The administration told the committee in January that it expected to be rated good.',
      'Our ambition is to achieve a good rating at the next inspection, said the director.',
      'She stated that the Authority aspired to be outstanding at the next inspection.',
      'We will now build on this progress so that help and protection services become good.',
    ],
  },
  {
    name: 'scale',
    test: (x) =>
      (holds(x.words, SCALE_WORDS) &&
        /\b(?:between|above|below|better than|worse than|short of|scale of|rang(?:e|es|ing) from)\s*['‘"“]?\s*$/i.test(
          x.before.slice(-40),
        )) ||
      // "from outstanding to inadequate" describes the scale, unless a change of grade is told:
      // "downgraded from outstanding to good".
      (holds(x.words, OUTSTANDING) &&
        /\bfrom\s+['‘"“]?outstanding['’"”]?\s+to\s*['‘"“]?\s*$/i.test(x.before.slice(-40)) &&
        !/\b(?:downgraded|dropped|fell|fallen|slipped|slid|moved|went|gone|declined|plunged|plummeted|changed)\s+(?:all the way\s+)?from\s+['‘"“]?outstanding['’"”]?\s+to\s*['‘"“]?\s*$/i.test(
          x.before.slice(-70),
        )) ||
      (holds(x.words, MEANS) &&
        /^['’"”]?\s*(?:(?:does|did|do) not (?:mean|indicate)|means\b|indicates\b)/i.test(x.after)) ||
      (holds(x.words, SCALE_NOUNS) &&
        /\b(?:(?:four|4|the)\s+(?:grades|ratings|judgements)|grades are|ratings are|scale)\b[^.]{0,30}$/i.test(
          x.before.slice(-45),
        ) &&
        // "All four judgements were graded outstanding", "All four judgements were good" grade them.
        !/\b(?:were|are|was|is)\s+(?:all\s+)?(?:(?:rated|judged|graded)\s+(?:as\s+)?)?['‘"“]?$/i.test(x.before)) ||
      // The performance bands' ends: "from 'performs excellently' to 'performs poorly'".
      (x.word.startsWith('perform') &&
        (/^['’"”]?\s*to\s*['‘"“]?perform/i.test(x.after) ||
          /\bfrom\s*['‘"“]?perform\w*\s+\w+['’"”]?\s+to\s*['‘"“]?$/i.test(x.before))) ||
      // A key's line: "Key: ● Outstanding ● Good ● Requires improvement to be good ● Inadequate".
      (x.capital && /(?:^|\n)\s*Key\s*[:–—-][^.\n]*$/.test(x.s.slice(0, x.c.quoteStart))) ||
      (x.prev !== undefined &&
        holds(x.words, BETWEEN) &&
        /\bbetween\s*['‘"“]?\s*$/i.test(x.s.slice(Math.max(0, x.prev.quoteStart - 12), x.prev.quoteStart)) &&
        /^\s*and\s*$/i.test(x.s.slice(x.prev.quoteEnd, x.c.quoteStart))) ||
      // A grade key: "Key: Outstanding (Grade 1) / Good (Grade 2) / Adequate (Grade 3) / …".
      (x.after.includes('(') && /^['’"”]?\s*\(grade\s+\d\)\s*\//i.test(x.after)),
    examples: [
      'Key: Outstanding (Grade 1) / Good (Grade 2) / Adequate (Grade 3) / Inadequate (Grade 4)',
      'Key: ● Outstanding ● Good ● Requires improvement to be good ● Inadequate',
      'Each council is placed in one of four bands, from “performs excellently” to “performs poorly”.',
      'Rotherham now sits on the rating between inadequate and good.',
      'Each service will get an overall rating ranging from inadequate to outstanding.',
      'Only authorities rated above inadequate may bid for the funding.',
      'Ofsted uses four grades: outstanding, good, requires improvement and inadequate.',
    ],
  },
  {
    name: 'hypothetical: whether',
    // "…no longer possible to say whether Lewisham is a 'good' or a 'requires improvement' council".
    test: (x) =>
      holds(x.words, WHETHER) &&
      /\bwhether\b[^.;:]{0,50}\b(?:is|was|are|were|be|been)\s+(?:(?:rated|judged|graded|a|an|the|now|still)\s+)*['‘"“]?(?:[^.;:]{0,30}\bor\s+(?:an?\s+)?['‘"“]?)?$/i.test(
        x.before,
      ),
    examples: [
      'It is no longer possible to say whether Lewisham is a ‘good’ or a ‘requires improvement’ council overall.',
      'Inspectors will decide whether the council is good.',
    ],
  },
  {
    name: 'not the grade given: rather than',
    // "Help and protection was judged good rather than outstanding because plans were variable."
    test: (x) => holds(x.words, RATHER) && /\brather than\s+(?:an?\s+)?['‘"“]?$/i.test(x.before),
    examples: [
      'The judgement for help and protection was pitched rather than outstanding because plans were variable.',
    ],
  },
  {
    name: 'prose: the good services children deserve',
    // "…determined that our children get the good services they deserve".
    test: (x) =>
      x.word === 'good' &&
      /^['’"”]?\s+services?\s+(?:they|that|which|who|we|our|children|families|people)\b/i.test(x.after) &&
      /\b(?:get|gets|getting|deserve|deserves|receive|receives|provide|provides|deliver|delivers|need|needs|want|wants)\s+(?:the\s+|a\s+)?(?:really\s+|very\s+)?$/i.test(
        x.before,
      ),
    examples: ['We are determined that our children get the good services they deserve.'],
  },
  {
    name: 'prose: a council’s response was good',
    // "the council's response to children who go missing was good": how well it does a thing.
    test: (x) =>
      x.word === 'good' &&
      /\b(?:council|authority|borough|county)['’]s?\s+(?:response|work|practice|support|help|approach|handling|use|record|oversight|management|understanding|grip)\b[^.;:,]{0,60}\b(?:is|was|are|were)\s+(?:also\s+|generally\s+|mostly\s+)?$/i.test(
        x.before,
      ),
    examples: ['Inspectors said that the council’s response to children who go missing was good.'],
  },
  {
    name: 'out of scope provider',
    test: (x) => {
      // The provider named after the grade ("an outstanding children's home") or as the subject
      // of its clause, with no council or children's services named after it.
      if (!holds(x.words, OUT_OF_SCOPE_NEEDS)) return false;
      if (OUT_OF_SCOPE_AFTER.test(x.after)) return true;
      if (!OUT_OF_SCOPE_ANY.test(x.before)) return false; // most grades: no provider named before
      const clause = afterLast(x.before, PROVIDER_CLAUSE_CUT);
      let last = -1;
      OUT_OF_SCOPE.lastIndex = 0;
      for (let m = OUT_OF_SCOPE.exec(clause); m; m = OUT_OF_SCOPE.exec(clause)) last = m.index + m[0].length;
      // "a home run by Wigan Council was rated …": the council runs the provider, it is not the subject.
      const rest = clause
        .slice(last)
        .replace(/\b(?:run|owned|managed|operated|provided)\s+by\s+[^,]*?\bcouncil\b/gi, '');
      return last >= 0 && !IN_SCOPE_SUBJECT.test(rest);
    },
    examples: [
      'The town’s youth offending team was also branded inadequate by probation inspectors.',
      'A council-run children’s home in Wigan was rated outstanding.',
      'A secure children’s home run by Lancashire County Council kept its good rating.',
      'Every primary school in the borough is now rated good.',
      'Nine in ten homes in the county were judged good or better.',
      'Hertfordshire County Council’s adult care service has been rated as good by the regulator.',
      'The force was rated “good” for keeping people safe in HMIC’s PEEL effectiveness inspection last year.',
      'West Sussex County Council’s fostering service has been judged outstanding.',
    ],
  },
];

/** Judgements, tried in order; the first that holds names the grade's rule. */
export const JUDGEMENT_RULES: GradeRule[] = [
  {
    name: "a dashboard row's earlier grade",
    test: (x) =>
      x.capital &&
      /\b(?:Outstanding|Good|Inadequate|[Ii]mprovement(?: to be good)?|Adequate|Poor)\s+(?:[–—-]\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\d{4}\s+(?:[–—-]\s+)?$/.test(
        x.before,
      ) &&
      /^\s*\(\d{4}\)/.test(x.after),
    examples: [
      'Medway Good September 2023 Inadequate (2019)',
      'Barking and Dagenham – Good – June 2023 – Requires improvement (2019)',
    ],
  },
  {
    name: 'requires improvement to be good',
    test: (x) => /^requir\w+ improvement to be good$/.test(x.word),
    examples: ['Services in Luton require improvement to be good.'],
  },
  {
    name: 'performance-assessment wording',
    test: (x) =>
      x.word.startsWith('perform') &&
      (/\b(?:rated|judged|assessed|found)\b/i.test(x.before) ||
        /\b(?:services?|council|authority)\s+(?:still\s+|now\s+|again\s+)?$/i.test(x.before) ||
        // "Eight councils in England are performing poorly"; the band quoted ("placed in the lowest
        // band, 'performs poorly'"), not a scale's end ("from 'performs excellently' to 'performs poorly'").
        /\b(?:councils?|authorit(?:y|ies))\b[^.;]{0,30}\b(?:are|is|was|were)\s+(?:still\s+|now\s+)?$/i.test(x.before) ||
        (x.c.quoted && !/\bfrom\s*['‘"“]?$/i.test(x.before) && !/^['’"”]?\s*to\b/i.test(x.after)) ||
        // A table's row: "2009 – Annual children's services assessment – Performs adequately".
        /\bassessment\s*[–—:|-]\s*$/i.test(x.before)),
    examples: [
      'Doncaster was again judged to be performing poorly by the annual assessment.',
      'Halton children’s services still performing well, says the regulator',
      '2009 – Annual children’s services assessment – Performs adequately',
      'Eight councils in England are performing poorly in their services for children.',
      'Ofsted ratings: four councils ‘performing poorly’ on children’s services',
    ],
  },
  {
    name: 'quoted grade',
    test: (x) =>
      x.c.quoted &&
      (x.main ||
        judgingBefore(x.before) ||
        judgementAfter(x.after) ||
        INSTITUTION_AFTER.test(x.after) ||
        // A headline's older word with its source after: "Shropshire safeguarding services 'adequate' say inspectors".
        SAY_INSPECTORS_AFTER.test(x.after)),
    examples: [
      'Shropshire safeguarding services ‘adequate’ say inspectors',
      'Staff at the ‘outstanding’ council say their caseloads are fair.',
      'The council was rated ‘adequate’ in 2009.',
    ],
  },
  {
    name: 'judgement table row',
    test: (x) =>
      x.main &&
      x.capital &&
      (AREA_LABEL_END.test(x.before) || /[:–—-]\s*$/.test(x.before)) &&
      /^\)?\s*(?:$|[.;,)]|\d|[A-Z])/.test(x.after),
    examples: ['Help and protection Good Children in care Requires improvement', 'Adoption performance (Outstanding)'],
  },
  {
    name: 'grade in brackets after a name',
    // "Bury (good) and Bolton (requires improvement)": a round-up's list (case matters: a name).
    test: (x) =>
      x.main &&
      /[A-Z][\w’'-]*\s*\(\s*['‘"“]?$/.test(x.before) &&
      /^['’"”]?\s*(?:,\s*\d{4}\s*|\s+in\s+\d{4}\s*)?\)/.test(x.after),
    examples: ['Bury (good) and Bolton (requires improvement) were both inspected this year.'],
  },
  {
    name: 'report template wording',
    test: (x) => x.word === 'good' && /\b(?:meets?|met|meeting) the requirements for\s*$/i.test(x.before),
    examples: ['The local authority leads effective services that meet the requirements for good.'],
  },
  {
    name: 'rating verb',
    test: (x) =>
      ((x.main || /\b(?:rated|judged|graded|rating|judgement|judgment|assessed|grade)\b/i.test(x.before)) &&
        judgingBefore(x.before) &&
        !/\bfrom\s*$/i.test(x.before)) ||
      // "judged to require improvement": the grade as the verb after "to".
      (/^requir/.test(x.word) &&
        /\b(?:judged|found|rated|deemed|considered|assessed)(?:\s+by\s+(?:ofsted|inspectors))?\s+to\s*$/i.test(
          x.before,
        )),
    examples: [
      'The service, rated inadequate in 2018, has now been judged to require improvement.',
      'Sefton has been judged inadequate.',
      'Hackney was rated good.',
      'Walsall’s services improve to good.',
      'Torbay was judged by Ofsted to be inadequate in every area.',
      'Since being found inadequate in 2015, Sefton has recruited more social workers.',
      'Lambeth was ranked good by inspectors.',
      'Most councils in the region were rated at least good.',
    ],
  },
  {
    name: 'rating verb and its object',
    test: (x) =>
      (x.main || OLD_GRADES.has(x.c.grade)) &&
      (VERB_OBJECT_BEFORE.test(x.before) || NAME_OBJECT_BEFORE.test(x.before)) &&
      (x.main || /\b(?:rates|rated|judges|judged|grades|graded|deems|deemed)\b/i.test(x.before)),
    examples: [
      'Inspectors judged Slough’s services for children inadequate.',
      'Ofsted rates Sefton’s services poor.',
      'The report judges the overall effectiveness of safeguarding services to be adequate.',
      'Inspectors rated all four areas of the inspection outstanding.',
      'Inspectors branded them inadequate.',
      'The services require improvement, with inspectors rating its services for care leavers inadequate.',
      'Ofsted rated the company good for overall effectiveness.',
      'Ofsted rated children’s services in Kingston upon Thames and Richmond upon Thames good and outstanding respectively.',
    ],
  },
  {
    name: "a table row's second column",
    // "Overall effectiveness | Good | Inadequate": the same row's earlier inspection (the latest first).
    test: (x) =>
      x.capital &&
      /\b(?:Outstanding|Good|Inadequate|[Ii]mprovement(?: to be good)?|Adequate|Poor)\s*\|\s*$/.test(x.before) &&
      /^\s*(?:$|[|(\n])/.test(x.after),
    examples: [
      'Overall effectiveness | Good | Inadequate',
      'Children who need help and protection | Good | Inadequate',
    ],
  },
  {
    name: 'grade number then its word',
    // An older report's table: "Overall effectiveness — Grade 3 (adequate)".
    test: (x) => /\bgrade\s*[1-4]\s*\(\s*$/i.test(x.before) && /^\s*\)/.test(x.after),
    examples: ['Overall effectiveness — Grade 3 (adequate)', 'Capacity for improvement — Grade 2 (good)'],
  },
  {
    name: 'up or down from a grade',
    // The grade it left, as an aside before the new one or after a year: "Ealing, up from requires
    // improvement in 2019, is rated good", "rated good in 2022, up from requires improvement in 2018".
    test: (x) =>
      (x.main || OLD_GRADES.has(x.c.grade)) &&
      UP_FROM_BEFORE.test(x.before) &&
      // Straight after the new grade it is that grade's joined one (JOINED: 'up from a grade').
      !/\b(?:outstanding|good|inadequate|improvement|adequate)['’"”]?\s*(?:overall\s*)?(?:by (?:ofsted|inspectors|the (?:watchdog|regulator|inspectorate))\s*)?[,(–—]\s*\S+\s+(?:\S+\s+)?from\s+(?:(?:its|their|the|a|an|previous|last|earlier|former)\s+)*['‘"“]?$/i.test(
        x.before,
      ) &&
      (x.word !== 'good' ||
        /^['’"”]?\s*(?:$|[,.;:)–—]|in\s+(?:\d{4}|its|their)\b|at\s+(?:its|their|the)\b|rating|grade|judgement)/i.test(
          x.after,
        )),
    examples: [
      'Ealing, up from requires improvement in 2019, is rated good for the first time.',
      'The services had been rated good in 2022, up from requires improvement in 2018.',
      'Hull, up from inadequate in 2019, is now good.',
      'Norfolk was judged good across the board, having moved up from requires improvement in 2017.',
      'Hartlepool and Middlesbrough both moved up from inadequate, while Stockport was judged outstanding.',
    ],
  },
  {
    name: 'judgement label',
    test: (x) => (x.main || OLD_GRADES.has(x.c.grade)) && holds(x.words, LABEL_MARKS) && LABEL_BEFORE.test(x.before),
    examples: [
      'Overall effectiveness: requires improvement.',
      'Overall effectiveness | Good',
      'The impact of leaders on social work practice: inadequate',
      'Overall effectiveness: Adequate',
      'June 2012 – safeguarding: adequate',
    ],
  },
  {
    name: 'counted label',
    // A statistics table's row: the grade as its label, then a count ("Outstanding: 23 (15%)").
    test: (x) => x.main && /^\s*['‘"“]?$/.test(x.before) && COUNT_AFTER_LABEL.test(x.after),
    examples: ['Outstanding: 23 (15%)', 'Inadequate – 17 councils'],
  },
  {
    name: 'grade list label',
    // A round-up's list under each grade: "Outstanding: Gateshead (2023), North Tyneside (2022)".
    test: (x) => x.main && /^\s*['‘"“]?$/.test(x.before) && GRADE_LIST_AFTER.test(x.after),
    examples: ['Outstanding: Gateshead (2023), North Tyneside (2022), Northumberland (2023)'],
  },
  {
    name: 'counted grade',
    // Counts in a row, each before its grade: "5 outstanding, 4 good, 2 requires improvement, 1 inadequate".
    test: (x) =>
      (x.main && PER_CENT_BEFORE.test(x.before)) ||
      (x.main &&
        COUNT_BEFORE.test(x.before) &&
        ((x.next !== undefined && COUNT_BETWEEN.test(x.s.slice(x.c.quoteEnd, x.next.quoteStart))) ||
          (x.prev !== undefined && COUNT_BETWEEN.test(x.s.slice(x.prev.quoteEnd, x.c.quoteStart))))),
    examples: [
      'Regional picture at 31 December 2022: 5 outstanding, 4 good, 2 requires improvement, 1 inadequate.',
      'Nationally 58 per cent of councils are now good or better, while 17 per cent are inadequate.',
    ],
  },
  {
    name: 'headline label',
    // "INADEQUATE: Bromley children's services slammed in inspection report": the grade as the
    // headline's label, before a colon, on a line about a council's services or their inspection.
    test: (x) =>
      x.main &&
      /^\s*['‘"“]?$/.test(x.before) &&
      /^['’"”]?\s*[:–—]\s/.test(x.after) &&
      /\b(?:children['’]?s services|social care|council|ofsted|inspection|inspectors)\b/i.test(x.s),
    examples: ['INADEQUATE: Bromley children’s services and safeguarding slammed in inspection report'],
  },
  {
    name: 'from one grade to another',
    test: (x) =>
      (x.main || OLD_GRADES.has(x.c.grade)) &&
      /\bfrom\s*$/i.test(x.before) &&
      x.next !== undefined &&
      FROM_TO_BETWEEN.test(x.s.slice(x.c.quoteEnd, x.next.quoteStart)),
    examples: [
      'The borough moved from inadequate to good in four years.',
      'Northumberland went straight from good in 2019 to outstanding in 2023.',
      'Hertfordshire moved from adequate in 2012 to good in 2016.',
    ],
  },
  {
    name: 'a grade left',
    // "Cornwall has slipped from good", "fell from outstanding": the grade a council left, with
    // no grade it moved to in the sentence.
    test: (x) =>
      x.main &&
      /\b(?:slipped|slips|slid|fallen|fell|falls|dropped|drops|declined|declines|tumbled|slumped|plummeted|plunged|downgraded)\s+(?:down\s+|back\s+)?from\s+(?:(?:its|their|a|an|the|previous|last|earlier|former)\s+)*['‘"“]?$/i.test(
        x.before,
      ),
    examples: ['Cornwall has slipped from good, the report says.', 'Rotherham fell from outstanding after a decade.'],
  },
  {
    name: 'a name requires improvement',
    // "…, neighbouring Bury requires improvement", "as Knowsley and Sefton require improvement"
    // (case matters: the names right before the grade are its subject).
    test: (x) =>
      /^requir/.test(x.word) &&
      /(?:^|[,;:]\s*|\b(?:neighbouring|while|as|and|but|whereas)\s+)(?:[A-Z][\w’'&-]*(?:\s+(?:and|upon|on|of|under)\s+|\s+)){1,4}$/.test(
        x.before,
      ) &&
      /^['’"”]?\s*(?:$|[,.;:)–—]|to be good\b|\s+(?:and|but|while|in|at|after|since|for|according|overall|again|too)\b)/.test(
        x.after,
      ),
    examples: [
      'While Bolton was rated good, neighbouring Bury requires improvement.',
      'News in brief: Wirral judged inadequate as Knowsley and Sefton require improvement',
    ],
  },
  {
    name: 'grade noun after',
    test: (x) =>
      judgementAfter(x.after) &&
      (x.main ? true : /^['’"”]?\s*(?:ofsted\s+)?(?:rating|grade|judgement|judgment)\b/i.test(x.after)) &&
      (x.word !== 'good' ||
        /\b(?:an?|the|its|their|overall|ofsted)\s*$/i.test(x.before) ||
        /^['’"”]?\s*(?:(?:ofsted\s+)?rating|grade|judgements?|judgments?|overall)\b/i.test(x.after)),
    examples: [
      'Ofsted gave Bolton an outstanding rating.',
      'The inadequate judgement was a blow.',
      'Solihull came away with Good judgements in every area.',
    ],
  },
  {
    name: 'graded institution',
    test: (x) =>
      x.main &&
      (x.word !== 'good' || /^['’"”]?-rated\b/i.test(x.after)) &&
      INSTITUTION_AFTER.test(x.after) &&
      // "of outstanding services" is praise; "one of two inadequate councils" a grade.
      (/\b(?:an?|the|its|their|as|two|three|four|five|\d+|review|into|for|only)\s*$/i.test(x.before) ||
        (/\bof\s*$/i.test(x.before) && !/^['’"”]?\s*services\b/i.test(x.after)) ||
        /^['’"”]?\s*(?:-rated|children[’']?s services)\b/i.test(x.after)),
    examples: [
      'It is one of two inadequate councils in the region.',
      'Minister sends commissioner into inadequate children’s services.',
      'Staff moved across to a good-rated neighbour.',
      'Trafford remains the only outstanding authority in the north west.',
    ],
  },
  {
    name: 'service is graded',
    test: (x) => {
      // Older frameworks' words only quoted: "services are now 'adequate'" (not "services are poor").
      // …or in a report's own sentence: "The overall effectiveness of safeguarding services is adequate."
      if (
        !x.main &&
        !(
          OLD_GRADES.has(x.c.grade) &&
          (x.c.quoted ||
            /\boverall effectiveness\b[^.;:]{0,90}$/i.test(x.before) ||
            // "Safeguarding in Medway is adequate but…": the old middle grade of a service, at its clause's end.
            (x.c.grade === 'other:adequate' &&
              /\b(?:safeguarding|services)\b[^.;:,]{0,60}$/i.test(x.before) &&
              !/\b(?:found|judged|rated|assessed|graded|deemed)\b[^.;:,]*$/i.test(x.before) &&
              /^['’"”]?\s*(?:$|[,.;:)]|but\b|and\b|according\b|says?\b|said\b)/i.test(x.after)))
        )
      )
        return false;
      // "Children's services require improvement, say inspectors": the grade as the verb.
      if (/^requir/.test(x.word))
        return (
          /\b(?:services?|council|authority|leadership|leaders|governance|care leavers|protection|adoption|board|lscb|experiences|social care|judgements|judgments|the rest)\b(?:,[^,.;:]{1,50},)?[^,.;:]{0,50}$/i.test(
            x.before,
          ) ||
          // "…after we were told we required improvement": the council's own voice told its grade.
          /\b(?:told|said|found)\s+(?:that\s+)?(?:we|it|they|the council|the authority)\s+(?:still\s+)?$/i.test(
            x.before,
          )
        );
      if (!LINKING_BEFORE.test(x.before)) return false;
      const clause = afterLast(x.before, LINKED_CLAUSE_CUT);
      const serviceSubject = SERVICE_SUBJECT.test(clause.replace(LINKING_BEFORE, ''));
      // "services remain good" is a judgement; "morale is good", "good at listening" are not.
      if (x.word === 'good')
        return (
          serviceSubject &&
          /^['’"”]?\s*(?:$|[,.;:)]|overall|according|says|said|and\b|but\b|—|–|by\b|in\b|with (?:some |many )?outstanding (?:features|elements|aspects)|for (?:the )?(?:impact|help|children|care|leadership|adoption|experiences|overall)\b)/i.test(
            x.after,
          )
        );
      return serviceSubject;
    },
    examples: [
      'Children’s services in Sefton remain good, inspectors said.',
      'Children’s services require improvement, say inspectors.',
      'The other judgements, including adoption performance, require improvement.',
      'Leadership, management and governance require improvement.',
      'Services for children in Rochdale are now ‘adequate’.',
      'Sandwell’s children’s trust remains inadequate.',
      'Arrangements for protecting children in Barnet were inadequate.',
      'It comes just four years after we were told we required improvement.',
      'It comes four years after inspectors said they required improvement.',
      'Ofsted: Swindon children’s social care still requires improvement',
      'Inspectors found that the impact of leaders required improvement.',
      'The overall effectiveness of safeguarding services in Wakefield is adequate.',
      'Safeguarding in Medway is adequate but the council must reduce delays.',
      'Lincolnshire County Council’s services for looked-after children are good with outstanding features.',
    ],
  },
  {
    name: "a dashboard row's grade",
    // A table flattened into lines: "Brighton and Hove Good April 2024 Good (2018)".
    test: (x) => x.capital && dashboardRowGrade(x.before, x.after),
    examples: ['Brighton and Hove Good April 2024 Good (2018)'],
  },
  {
    name: 'a year then its grade',
    // A list of a council's past grades: "2019: outstanding", "2016 – good".
    test: (x) =>
      (x.main || OLD_GRADES.has(x.c.grade)) &&
      /(?:^|\n)\s*(?:[-•*]\s*)?(?:19|20)\d\d\s*[:–—-]\s*['‘"“]?$/.test(x.before) &&
      /^['’"”]?\s*(?:$|[.;,(\n])/.test(x.after),
    examples: ['2019: outstanding', '2016 – good'],
  },
  {
    name: 'older word, services judged',
    // "its safeguarding services were found to be adequate", "Enfield safeguarding 'adequate', …".
    test: (x) =>
      OLD_GRADES.has(x.c.grade) &&
      (/\b(?:safeguarding|services?|arrangements|provision)\b[^.;,]{0,40}\b(?:found|judged|rated|assessed|graded|deemed)\s+(?:to be\s+|as\s+)?['‘"“]?$/i.test(
        x.before,
      ) ||
        (x.c.quoted && /\b(?:safeguarding|services?)\s*['‘"“]?$/i.test(x.before))),
    examples: [
      'In 2012 its safeguarding services were found to be adequate.',
      "Enfield safeguarding 'adequate', looked after children services 'good', says Ofsted",
    ],
  },

  {
    name: 'a table cell',
    // A grade alone in a pipe table's cell: "Darlington | May | Requires improvement | Good (2019)".
    test: (x) => x.capital && /\|\s*['‘"“]?$/.test(x.before) && /^['’"”]?\s*(?:$|[|(\n])/.test(x.after),
    examples: ['Darlington | May | Requires improvement | Good (2019)'],
  },
  {
    name: 'a name then its grade',
    // A list of councils with their grades: "Wokingham: good", "BCP: Requires improvement (previously
    // Inadequate, 2021)": a line that is a name (capitals), a colon or dash, the grade, nothing more.
    test: (x) =>
      (x.main || OLD_GRADES.has(x.c.grade)) &&
      NAME_LABEL_BEFORE.test(x.before) &&
      /^['’"”]?\s*(?:$|[.;,(\n])/.test(x.after),
    examples: [
      'Wokingham: good',
      'Sefton: requires improvement',
      'BCP: Requires improvement (previously Inadequate, 2021)',
    ],
  },
  {
    name: 'previously, in brackets',
    // "(previously Inadequate, 2021)" after a council's grade.
    test: (x) =>
      (x.main || OLD_GRADES.has(x.c.grade)) &&
      /\(\s*(?:previously|formerly|was|last|before|then)\s*['‘"“]?$/i.test(x.before) &&
      /^['’"”]?\s*(?:[,)]|in\s+\d{4})/.test(x.after),
    examples: ['Dorset: Good (previously Good, 2021)'],
  },
  {
    name: "a headline's services and grade",
    // "North Yorkshire children's services outstanding again": a headline with no verb.
    test: (x) =>
      x.main &&
      /\bchildren['’]s (?:social care |social )?services\s*['‘"“]?$/i.test(x.before) &&
      /^['’"”]?\s*(?:$|again\b|once again\b|[,:;–—]|(?:say|says|after|for the)\b)/i.test(x.after),
    examples: ['North Yorkshire children’s services outstanding again'],
  },
];

/** A second grade joined to an accepted one: "good or outstanding", "good with outstanding leadership". */
export const JOINED: { name: string; re: RegExp; examples: string[] }[] = [
  {
    name: 'joined grade',
    re: /^['’"”]?\s*(?:,|or|and|to|and then|then|,? but|,? not|\/)?\s*(?:to |from )?['‘"“]?$/i,
    examples: ['The share of councils rated good or outstanding has risen.'],
  },
  {
    name: 'overall, and in each area',
    // "rated the council good overall and good for each of the three areas assessed".
    re: /^['’"”]?\s+overall,?\s+(?:and|but|with)\s+['‘"“]?$/i,
    examples: ['They rated Bury good overall and good for each of the three areas assessed.'],
  },
  {
    name: 'grade for an area, then another',
    // "The judgements were good for the impact of leaders, good for help and protection and good for children in care".
    re: /^['’"”]?\s+for\s+(?:the\s+)?[a-z][\w’' -]{2,60}?(?:,|\s+and)\s*(?:and\s+)?['‘"“]?$/i,
    examples: [
      'Swindon’s judgements were good for the impact of leaders, good for help and protection and good for children in care.',
    ],
  },
  {
    name: 'parallel clause',
    re: /^['’"”]?\s*,?\s*(?:and|while|but|whereas)\s+[^.;]{0,100}\b(?:to be|as)\s+['‘"“]?$/i,
    examples: [
      'Inspectors found help for families to be good, and the response to missing children to be outstanding.',
    ],
  },
  {
    name: 'dated list',
    // "deemed inadequate in 2015, good in 2019 and outstanding in 2023": a grade, its year, the next.
    re: /^['’"”]?\s*(?:in|at)\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\s*(?:,\s*(?:and\s+)?(?:then\s+)?|\s+(?:and|then|before|but|to)\s+(?:then\s+)?(?:was\s+|were\s+)?)['‘"“]?$/i,
    examples: [
      'The council’s services had been deemed inadequate in 2015, good in 2019 and outstanding in 2023.',
      'Northumberland went straight from good in 2019 to outstanding in 2023.',
    ],
  },
  {
    name: 'the one before that',
    // "rated 'requires improvement to be good' at their previous inspection, and inadequate before that".
    re: /^['’"”]?\s*(?:at|in)\s+(?:its|their|the)\s+(?:previous|last|earlier)\s+(?:full\s+)?inspection\s*,?\s*and\s+['‘"“]?(?=[^.;]{0,30}$)/i,
    examples: [
      "The council's children's services were rated 'requires improvement to be good' at their previous inspection, and inadequate before that.",
    ],
  },
  {
    name: 'counted grades',
    re: /^['’"”]?\s*,?\s*(?:and\s+)?(?:only\s+|just\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a further \w+)\s+(?:councils?\s+|authorities\s+)?(?:were\s+|was\s+|are\s+|is\s+)?(?:rated\s+|judged\s+|as\s+)?['‘"“]?$/i,
    examples: [
      'Three councils were rated outstanding, 12 good and four inadequate.',
      'Of 153 councils, 14 are rated inadequate, 66 are good and 18 are outstanding.',
      'Four are now rated outstanding and only one inadequate.',
    ],
  },
  {
    name: 'named parallel clause',
    // Case matters: the clause's subject is one or more names ("while Trafford and Wigan are").
    re: /^['’"”]?\s*,?\s*(?:[Aa]nd|[Ww]hile|[Bb]ut|[Ww]hereas)\s+(?:(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s*,\s*|\s+and\s+|\s+&\s+)?){1,5}\s*(?:are|is|were|was)\s+(?:(?:now|also|both|still|all)\s+)*(?:(?:rated|judged|graded)\s+)?['‘"“]?$/,
    examples: ['Blackpool and Tameside are rated inadequate, while Trafford and Wigan are outstanding.'],
  },
  {
    name: 'and a name, its grade',
    // "Devon is rated requires improvement and Torbay inadequate" (case matters: a name).
    re: /^['’"”]?\s*,?\s*(?:and|while|but|whereas|with)\s+(?:[A-Z][\w’'-]*(?:\s+(?:and|upon|on|of)\s+|\s+)){1,4}['‘"“]?$/,
    examples: ['Devon is rated requires improvement and Torbay inadequate.'],
  },
  {
    name: 'named subject now',
    // "Previously rated requires improvement, Bury is now outstanding" (case matters: a name).
    re: /^['’"”]?\s*,\s*(?:(?:the\s+)?[A-Z][\w’'-]*\s+){1,4}(?:is|are|has been|have been)\s+now\s+(?:(?:rated|judged|graded)\s+)?['‘"“]?$/,
    examples: ['Previously rated requires improvement, Bury is now outstanding.'],
  },
  {
    name: 'now a grade',
    re: /^['’"”]?\s*,?\s*(?:but|and)\s+(?:(?:it|they|the council|the service|services)\s+)?(?:(?:is|are|has|have)\s+)?(?:now|since)\s+(?:been\s+)?(?:rated\s+|judged\s+|graded\s+)?['‘"“]?$/i,
    examples: ['Croydon was once rated inadequate, but is now good.'],
  },
  {
    name: 'up from a grade',
    re: /^['’"”]?\s*(?:overall\s*)?(?:by (?:ofsted|inspectors|the (?:watchdog|regulator|inspectorate))\s*)?[,(–—-]?\s*(?:up|down|an improvement|a step up|a rise|rising|improving|falling|dropping|improved|slipping)\s+(?:from|on)\s+(?:(?:its|their|the|a|an|previous|last|earlier|former)\s+)*['‘"“]?$/i,
    examples: [
      'Bury is now rated good, up from requires improvement in 2019.',
      'Bolton Council’s children’s services have been rated good by Ofsted, up from requires improvement.',
    ],
  },
  {
    name: 'having been',
    re: /^['’"”]?\s*,?\s*(?:having|after) (?:previously |once )?been (?:rated |judged |graded )?(?:as )?['‘"“]?$/i,
    examples: ['Cumbria is now rated good, having been inadequate in 2016.'],
  },
  {
    name: 'another area also',
    re: /^['’"”]?\s*(?:overall\s*)?,?\s*(?:with|and)\s+[^,.;]{3,50}\s+(?:also|too|both|all)\s+(?:rated\s+|judged\s+)?['‘"“]?$/i,
    examples: ['Services were judged inadequate overall, with help and protection also inadequate.'],
  },
  {
    name: 'grade with a grade',
    re: /^['’"”]?\s*,?\s*with\s+['‘"“]?$/i,
    examples: [
      'Ofsted rated Warrington’s services good with outstanding care leavers support.',
      'Walsall’s overall grade was good, with outstanding for the experiences and progress of children in care.',
    ],
  },
  {
    name: 'areas listed with their grades',
    // "Help and protection requires improvement; care leavers inadequate; children in care good".
    re: /^['’"”]?\s*(?:[;,]\s*(?:and\s+)?|\s+and\s+)(?:for\s+)?(?:the\s+)?(?:(?:experiences and progress of|services for)\s+(?:children who need\s+)?)?(?:help and protection|child protection|children in care|looked[- ]after children|care leavers(?:[’']\s+services)?|leadership(?: and management)?|adoption(?: performance)?|the impact of leaders)\s*(?:(?:is|are|was|were)\s+(?:(?:judged|rated|graded)\s+)?)?[:–—-]?\s*['‘"“]?$/i,
    examples: [
      'Help and protection requires improvement; care leavers inadequate; children in care good.',
      'Adoption performance was judged outstanding, and the experiences and progress of care leavers good.',
      'Children in care were judged to require improvement, and care leavers’ services good.',
      'In 2012 safeguarding was judged to be adequate and services for looked after children good.',
    ],
  },
  {
    name: 'grade in some areas and another in others',
    re: /^['’"”]?\s*(?:in|for)\s+(?:[\w-]+\s+){1,6}(?:and|but|while|with)\s+(?:was\s+|were\s+)?['‘"“]?$/i,
    examples: ['Inspectors rated Devon inadequate in four areas and requiring improvement in another.'],
  },
];

const LIST_GAP = /^['’"”]?\s*(?:,|,?\s*and|,?\s*or)\s*['‘"“]?$/i;
/** "respectively" just after a grade: the grades before it go one to each of a list of councils. */
export const RESPECTIVELY = /^['’"”]?[^.;]{0,20}\brespectively\b/i;

/** A sentence without one of these holds no grade word: most sentences stop here. */
const MAY_HOLD_GRADE = /good|outstanding|inadequate|improvement|adequate|excellent|perform|poor/i;

/** What was decided about one grade word of a sentence: the refusal or the rule that held. */
export interface GradeDecision {
  text: string;
  grade: Grade;
  refused?: string;
  rule?: string;
}

/** Every grade word of a sentence with its refusal or rule (for tests and `--explain` tracing). */
export function gradeDecisions(sentence: string): GradeDecision[] {
  const { candidates, refused, rule } = decide(sentence);
  return candidates.map((c, i) => ({
    text: sentence.slice(c.quoteStart, c.quoteEnd),
    grade: c.grade,
    ...(refused[i] ? { refused: refused[i] } : {}),
    ...(rule[i] ? { rule: rule[i] } : {}),
  }));
}

function decide(s: string): {
  candidates: Candidate[];
  refused: (string | undefined)[];
  rule: (string | undefined)[];
  words: Words;
} {
  const candidates: Candidate[] = [];
  const matches = gradeWordsIn(s);
  for (let w = 0; w < matches.length; w++) {
    const m = matches[w];
    const { start, end } = m;
    // A closing quote may follow the sentence's full stop: "rated as ‘good.’".
    const close = CLOSE_Q.includes(s[end]) ? 1 : '.,'.includes(s[end]) && CLOSE_Q.includes(s[end + 1]) ? 2 : 0;
    const quoted = start > 0 && OPEN_Q.includes(s[start - 1]) && end < s.length && close > 0;
    candidates.push({
      start,
      end,
      grade: GRADE_WORD_ROWS[m.row].grade,
      quoted,
      quoteStart: quoted ? start - 1 : start,
      quoteEnd: quoted ? end + close : end,
    });
  }
  const words = new Words(s);
  // Plain loops (not map and find with a closure per grade word): every sentence holding a grade
  // word of the 1 MB article comes here.
  const n = candidates.length;
  const ctxs = new Array<Ctx>(n);
  for (let i = 0; i < n; i++) ctxs[i] = contextOf(s, words, candidates[i], candidates[i - 1], candidates[i + 1]);
  const refused = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) refused[i] = firstRuleHolding(REFUSALS, ctxs[i]);
  // Three or more grades in a plain list ("outstanding, good, requires improvement and
  // inadequate") name the scale, not a judgement.
  for (let i = 0, j = 0; i < candidates.length; i = j) {
    j = i + 1;
    while (j < candidates.length && LIST_GAP.test(s.slice(candidates[j - 1].quoteEnd, candidates[j].quoteStart))) j++;
    // "…rated good, inadequate and outstanding respectively": one grade for each council listed.
    if (j - i >= 3 && !RESPECTIVELY.test(s.slice(candidates[j - 1].quoteEnd)))
      for (let k = i; k < j; k++) refused[k] ??= 'scale: the grades listed';
  }
  // A grade joined to a refused one shares its refusal ("an ambition to be rated good or outstanding").
  for (let i = 1; i < candidates.length; i++)
    if (!refused[i] && refused[i - 1] && joinOf(s, candidates[i - 1], candidates[i]) === 'joined grade')
      refused[i] = refused[i - 1];
  const rule = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) rule[i] = refused[i] ? undefined : firstRuleHolding(JUDGEMENT_RULES, ctxs[i]);
  // A grade joined to an accepted one ("good or outstanding", "from inadequate to good") is one too.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < candidates.length; i++) {
      if (rule[i] || refused[i]) continue;
      const prev = candidates[i - 1];
      const next = candidates[i + 1];
      let join = prev && rule[i - 1] ? joinOf(s, prev, candidates[i]) : undefined;
      // An older framework's word only in a parallel clause of its own ("rated its safeguarding as
      // inadequate and its services for looked after children as adequate").
      if (!isMainGrade(candidates[i].grade)) {
        if (join === 'parallel clause') rule[i] = join;
        continue;
      }
      // Backwards only for a plain join: "good or outstanding", not "good with outstanding".
      if (!join && next && rule[i + 1] && joinOf(s, candidates[i], next) === 'joined grade') join = 'joined grade';
      if (join) rule[i] = join;
    }
  }
  return { candidates, refused, rule, words };
}

/** The name of the first rule that holds for the context (as `rules.find((r) => r.test(x))?.name`). */
function firstRuleHolding(rules: GradeRule[], x: Ctx): string | undefined {
  for (let i = 0; i < rules.length; i++) if (rules[i].test(x)) return rules[i].name;
  return undefined;
}

/**
 * A council named as the subject, then a linking verb and the grade: "Tower Hamlets is now good",
 * "Kingston and Richmond were both outstanding", "Hull City Council's children's services remain
 * inadequate". Read from the name's end to the grade's start.
 */
const NAMED_COPULA =
  /^(?:(?:['’]s?(?:\s+children['’]s(?:\s+social\s+care)?\s+services)?)?\s+(?:is|are|was|were|remains?|remained|has\s+been|have\s+been)\s+(?:(?:now|both|all|still|also|again|once\s+again|each)\s+)*|\s*,\s*(?:now|previously|formerly|once|currently|still)\s+(?:(?:rated|judged|graded)\s+)?)['‘"“]?$/i;
/** What may follow the grade of a named council: the clause ends ("Leeds is good, …", "…good overall"). */
const NAMED_COPULA_AFTER =
  /^['’"”]?\s*(?:$|[,.;:)!]|overall\b|according\b|says\b|said\b|and\b|but\b|while\b|—|–|-\s|by\b|at\s+(?:its|their|the)\b|after\b|following\b|when\b|for\s+(?:its\s+|their\s+)?children\b|in\s+(?:its|their|the|a|an|\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)\b)/i;

/** Between two grades of one subject, its linking verb again: "…good in 2019 and is now outstanding". */
const SAME_SUBJECT_COPULA =
  /^['’"”]?[^.;:!?'‘"“]{0,40}\b(?:and|but)\s+(?:is|are|remains?|has\s+been|have\s+been)\s+(?:(?:now|still|again|once\s+again)\s+)*(?:(?:rated|judged)\s+)?['‘"“]?$/i;

const NO_LONGER = ['no longer'];
/** "no longer" just before the grade: "are no longer", "is no longer rated", "no longer judged to be". */
const NO_LONGER_BEFORE =
  /\bno longer\s+(?:(?:rated|judged|graded|deemed|considered|classed)\s+)?(?:as\s+|to be\s+|an?\s+)?['‘"“]?$/i;

/** Verbs of a move between grades ("No council has yet moved directly from inadequate to …"). */
const MOVE_VERBS = ['moved', 'gone', 'jumped', 'risen', 'climbed', 'leapt'];
/** A sentence opening with a subject of "no" ("No council", "None of the authorities"), then its judging verb. */
const NO_SUBJECT_JUDGED =
  /^\s*(?:no|none of the|not one of the|not a single)\s+(?:[\w-]+\s+){0,2}?(?:local authorit(?:y|ies)|councils?|authorit(?:y|ies)|areas?)\b[^.;]{0,140}\b(?:(?:was|were|is|are|(?:has|have)\s+(?:yet\s+|ever\s+|so far\s+)?been)\s+(?:rated|judged|graded|found|deemed)\s+(?:as\s+|to be\s+)?|(?:has|have)\s+(?:yet\s+|ever\s+)?(?:moved|gone|jumped|risen|climbed|leapt)\s+(?:directly\s+|straight\s+)?from\s+)['‘"“]?$/i;

/** After a grade as a table row's label: its count, with a share or what was counted ("…: 23 (15%)"). */
const COUNT_AFTER_LABEL =
  /^['’"”]?\s*[:–—-]\s*\d[\d,]*(?:\s*\(\d+(?:\.\d+)?\s*%\)|\s*%|\s+(?:councils|local authorities|authorities))?\s*\.?\s*$/i;
/** Between two grades of a move: "to", or a year then "to" ("from good in 2019 to outstanding"). */
const FROM_TO_BETWEEN =
  /^['’"”]?\s*(?:(?:in|at)\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\s+)?to\s*['‘"“]?$/i;
/** After a grade as a list's label: names, each with its year or a comma ("…: Gateshead (2023), …"). */
const GRADE_LIST_AFTER =
  /^['’"”]?\s*[:–—]\s*(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:upon\s+|and\s+|on\s+)?[A-Z][\w'’-]*)*\s*(?:\(\s*(?:19|20)\d\d\s*\)|,)/;
/** A share of councils just before a grade: "17 per cent are inadequate", "12% of councils were rated". */
const PER_CENT_BEFORE =
  /\b\d+(?:\.\d+)?\s?(?:per ?cent|%)\s+(?:of (?:the )?(?:councils|local authorities|authorities)\s+)?(?:are|were|is|was)\s+(?:now\s+)?(?:rated\s+|judged\s+)?['‘"“]?$/i;
/** After a quoted grade in a headline: its source ("'adequate' say inspectors", ", says Ofsted"). */
const SAY_INSPECTORS_AFTER =
  /^['’"”]?\s*,?\s*(?:says?|said|according to)\s+(?:ofsted|inspectors|the (?:watchdog|regulator|inspectorate))\b/i;
/** A count just before a grade, at the start or after a colon, comma or "and": "…: 5 outstanding". */
const COUNT_BEFORE = /(?:^|[:,;]|\band)\s*\d{1,3}\s+['‘"“]?$/i;
/** Between two counted grades: ", 4 ", " and 1 ". */
const COUNT_BETWEEN = /^['’"”]?\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)\d{1,3}\s+['‘"“]?$/i;

/** An aside right after a name, up to the comma that closes it before a linking verb: ", which was rated inadequate in 2018,". */
const NAME_ASIDE =
  /^(?:['’]s?(?:\s+children['’]s(?:\s+social\s+care)?\s+services)?)?\s*,\s*(?:which|who|whose)\b[^;:.]{0,140}?,(?=\s+(?:is|are|was|were|remains?|remained|has\s+been|have\s+been)\s)/i;

const PREPOSITION_BEFORE = /\b(?:in|of|for|at|from|to|by|with|near|across|than|like)\s+(?:the\s+)?$/i;

/**
 * Whether a council named in the sentence (`nameEnds`: each council mention's start and end,
 * relative to the sentence) is the subject a linking verb gives the grade to.
 */
function namedSubjectOf(s: string, c: Candidate, nameEnds: number[]): boolean {
  for (let i = 0; i < nameEnds.length; i += 2) {
    const e = nameEnds[i + 1];
    if (e > c.quoteStart || c.quoteStart - e > 200) continue;
    // An aside between the name and its verb is left out: "Surrey, which was rated inadequate in
    // 2018, is now good".
    let gap = s.slice(e, c.quoteStart);
    if (gap.length > 60) {
      const aside = NAME_ASIDE.exec(gap);
      if (!aside) continue;
      gap = gap.slice(aside[0].length);
      if (gap.length > 60) continue;
    }
    // The name as a preposition's object is not the subject: "the food in Bristol is outstanding".
    if (PREPOSITION_BEFORE.test(s.slice(Math.max(0, nameEnds[i] - 12), nameEnds[i]))) continue;
    if (NAMED_COPULA.test(gap) && NAMED_COPULA_AFTER.test(s.slice(c.quoteEnd, c.quoteEnd + 40))) return true;
  }
  return false;
}

/**
 * Finds grade judgements in the sentences of a prepared text. With the council mentions of the same
 * sentences (`names`, offsets as the sentences'), a grade a linking verb gives a named council is
 * one too ("Tower Hamlets is now good"): the rules alone cannot tell a council from "Morale".
 */
export function findGrades(sentences: Sentence[], names: readonly Span[] = []): GradeMention[] {
  const out: GradeMention[] = [];
  let n = 0;
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    const s = sentence.text;
    if (!MAY_HOLD_GRADE.test(s)) continue;
    const { candidates, rule, refused, words } = decide(s);
    // The names in this sentence (both in text order), as ends relative to it.
    while (n < names.length && names[n].end <= sentence.start) n++;
    let nameEnds: number[] | undefined;
    for (let m = n; m < names.length && names[m].start < sentence.end; m++) {
      nameEnds ??= [];
      nameEnds.push(names[m].start - sentence.start, names[m].end - sentence.start);
    }
    if (nameEnds)
      for (let i = 0; i < candidates.length; i++)
        // Older frameworks' words only quoted, as for services ("Devon remain poor" is prose).
        if (
          !rule[i] &&
          !refused[i] &&
          (isMainGrade(candidates[i].grade) || candidates[i].quoted) &&
          namedSubjectOf(s, candidates[i], nameEnds)
        )
          rule[i] = 'named council is a grade';
    // The same subject, its verb again after "and": "…was judged good in 2019 and is now outstanding".
    for (let i = 1; i < candidates.length; i++) {
      const c = candidates[i];
      if (rule[i] || refused[i] || !rule[i - 1] || !(isMainGrade(c.grade) || c.quoted)) continue;
      if (
        SAME_SUBJECT_COPULA.test(s.slice(candidates[i - 1].quoteEnd, c.quoteStart)) &&
        NAMED_COPULA_AFTER.test(s.slice(c.quoteEnd, c.quoteEnd + 40))
      )
        rule[i] = 'same subject, linking verb again';
    }
    let before: Time | undefined;
    // The areas the sentence may name, read once for its grades (a loop, not a closure per sentence).
    let areas: [RegExp, string][] | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      const why = rule[i];
      if (!why) continue;
      let time = currency(s, words, c, candidates[i - 1], candidates[i + 1], before === undefined);
      // A list under each grade is where councils stand ("Outstanding: Gateshead (2023), …").
      if (why === 'grade list label') time = { current: true, cue: 'a list of where councils stand', strength: 'cue' };
      // Whichever rule read it ("Isle of Wight Requires improvement to be good January 2025 Good (2021)").
      if (
        why === "a dashboard row's grade" ||
        (isUpper(s.charCodeAt(c.quoteStart)) &&
          dashboardRowGrade(
            s.slice(Math.max(0, c.quoteStart - 90), c.quoteStart),
            s.slice(c.quoteEnd, c.quoteEnd + 70),
          ))
      )
        time = { current: true, year: time.year, cue: 'a dashboard row’s latest grade', strength: 'cue' };
      // A table row's grade before its earlier one ("Cornwall | Short | Mar 2023 | Outstanding |
      // Outstanding (2019)"): where the council stands, whatever its date.
      if (why === 'a table cell' && rule[i + 1] === "a table row's second column")
        time = { current: true, year: time.year, cue: 'a table row’s latest grade', strength: 'cue' };
      if (why === "a table row's second column" || why === "a dashboard row's earlier grade")
        time = { current: false, cue: 'a table’s second column (the earlier inspection)', strength: 'cue' };
      // A grade with no time word of its own, after a previous one in the same sentence, is previous
      // too ("the last inspection rated most areas 'adequate' and one 'inadequate'").
      // Not across an aside's end ("The council, whose services were rated adequate at its last
      // inspection in 2011, had its adoption performance judged good") nor into a contrasting clause
      // after a grade left ("…both moved up from inadequate, while Stockport was judged outstanding";
      // a time for the whole sentence is shared: "In 2019 it was rated good, while Notts was…").
      if (
        time.strength === 'none' &&
        before &&
        !before.current &&
        before.strength !== 'none' &&
        !ASIDE_CLOSED.test(s.slice(candidates[i - 1].quoteEnd, c.quoteStart)) &&
        !(LEFT_GRADE_CUE.test(before.cue) && CONTRAST_CLAUSE.test(s.slice(candidates[i - 1].quoteEnd, c.quoteStart)))
      )
        time = { ...before, year: time.year ?? before.year, cue: `${before.cue} (as the grade before)` };
      before = time;
      areas ??= areasIn(words);
      out.push({
        start: sentence.start + c.quoteStart,
        end: sentence.start + c.quoteEnd,
        grade: c.grade,
        text: s.slice(c.quoteStart, c.quoteEnd),
        sentence,
        current: time.current,
        ...(time.year ? { year: time.year } : {}),
        ...areaOf(s, words, areas, c),
        why: `${why}; ${time.cue}`,
        ...(why === 'judgement table row' ? rowOf(s, c, candidates[i - 1]) : {}),
        timeStrength: time.strength,
      });
    }
  }
  return out;
}

/**
 * A pipe table's grades read by its header row ("Council | Previous grade | New grade", "Judgement |
 * 2019 | 2017"): a cell under a previous-grade or earlier-year column is previous, one under a
 * new-grade or the latest year's column current (with that year). Without such a header the cells
 * keep what their rules gave (the second of two grade columns previous).
 */
function byTableHeader(grades: GradeMention[], sentences: Sentence[]): GradeMention[] {
  let out: GradeMention[] | null = null;
  let at = 0;
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i];
    if (!g.why?.startsWith('a table') || !g.sentence.text.includes('|')) continue;
    while (at < sentences.length && sentences[at].start < g.sentence.start) at++;
    // The nearest line above, within a table's length, that has cells and no grade.
    let header: string | undefined;
    for (let k = at - 1; k >= 0 && k >= at - 30; k--) {
      const t = sentences[k].text;
      if (!t.includes('|')) continue;
      if (GRADE_IN_CELL.test(t)) continue;
      header = t;
      break;
    }
    if (!header) continue;
    const cells = header.split('|').map((c) => c.trim());
    const column = countPipes(g.sentence.text.slice(0, g.start - g.sentence.start));
    const cell = cells[column];
    if (!cell) continue;
    const years = cells.map((c) => Number(/\b((?:19|20)\d\d)\b/.exec(c)?.[1] ?? 0));
    const year = years[column];
    let current: boolean | undefined;
    if (PREVIOUS_COLUMN.test(cell)) current = false;
    else if (NEW_COLUMN.test(cell)) current = true;
    else if (year && years.filter(Boolean).length > 1) current = year === Math.max(...years);
    if (current === undefined) continue;
    out ??= grades.slice();
    out[i] = {
      ...g,
      current,
      ...(year ? { year } : {}),
      why: `${g.why}; under "${cell}" in the table's header`,
      timeStrength: 'cue',
    };
  }
  return out ?? grades;
}
const GRADE_IN_CELL = /\b(?:outstanding|good|inadequate|requires? improvement|adequate|poor)\b/i;
const PREVIOUS_COLUMN = /\b(?:previous|prior|last|old|earlier|before|was|former)\b/i;
const NEW_COLUMN = /\b(?:new|current|latest|now|this|result|outcome|rating|grade|judgement)\b/i;

function countPipes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) n++;
  return n;
}

/** The table row a grade ends: from the previous grade (or the sentence start) past its number. */
function rowOf(s: string, c: Candidate, prev?: Candidate): { row?: string } {
  const from = prev ? prev.quoteEnd : 0;
  const row = s
    .slice(from, c.quoteEnd)
    .replace(/^[\s.;,)]*/, '')
    .trim();
  return row && row.length < s.trim().length ? { row } : {};
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

function contextOf(s: string, words: Words, c: Candidate, prev?: Candidate, next?: Candidate): Ctx {
  const word = s.slice(c.start, c.end);
  return {
    s,
    words,
    c,
    before: s.slice(Math.max(0, c.quoteStart - 90), c.quoteStart),
    after: s.slice(c.quoteEnd, c.quoteEnd + 70),
    word: word.toLowerCase(),
    main: isMainGrade(c.grade),
    capital: isUpper(word.charCodeAt(0)) && isLower(word.charCodeAt(1)) && c.start > 0,
    prev,
    next,
  };
}

function joinOf(s: string, a: Candidate, b: Candidate): string | undefined {
  const between = s.slice(a.quoteEnd, b.quoteStart);
  if (between.length > 120) return undefined;
  return JOINED.find((j) => j.re.test(between))?.name;
}

/** A time cue: a pattern before or after the grade, and what it says. */
export interface TimeCue {
  name: string;
  where: 'before' | 'after';
  /** A pattern, or one behind a gate (scan.ts `gated`). */
  re: Matcher;
  /** Words (lower case) one of which every text `re` matches holds (see `holds`). */
  needs: string[];
  examples: string[];
}

/** The words 'left behind' needs ("shed its", "out of", "exits"). */
const LEFT_BEHIND_WORDS = [
  'from',
  'shed',
  'shook',
  'shakes',
  'escape',
  'lost',
  'losing',
  'loses',
  'out of',
  'ditch',
  'exit',
  'leaves',
  'left',
  'leaving',
];

/** Cues that make a grade previous (tried after "from X to Y"). */
export const PREVIOUS_CUES: TimeCue[] = [
  {
    name: 'previously',
    where: 'before',
    needs: ['previous', 'former', 'prior', 'once', 'having', 'last', 'earlier', 'old'],
    // Tried only on a clause holding its words ("last" only as it reads "last": "the last", "last rated").
    re: gated(
      holdsOneOfEach([
        'previous',
        'former',
        'prior',
        'once',
        'having',
        'last inspect',
        'last rated',
        'last judged',
        'last graded',
        'its last',
        'their last',
        'the last',
        'a last',
        'an last',
        'earlier',
        'old',
      ]),
      /\b(?:previously|formerly|prior|once(?!\s+(?:again|more)\b)|having (?:previously |once )?been|last (?:inspected|rated|judged|graded|inspection)|(?:its|their|the|a|an) (?:last|previous|prior|earlier|former|old)\b)[^.;]*$/i,
    ),
    examples: ['The council was previously rated inadequate.', 'Its previous ‘good’ rating was lost.'],
  },
  {
    name: 'left behind',
    where: 'before',
    needs: LEFT_BEHIND_WORDS,
    // Tried only on a clause holding one of its words (its needs are looked up in the whole sentence).
    re: gated(
      holdsOneOfEach(LEFT_BEHIND_WORDS),
      /\b(?:from|shed|sheds|shook off|shakes off|escaped?|escapes|lost|losing|loses|out of|up from|down from|ditch(?:es|ed)?|emerged from|emerges from|come out of|came out of|moved out of|exits?|exited|exiting|leaves|left|leaving)\s+(?:(?:its|their|the|an?|being|previous|ofsted['’]s)\s+)*$/i,
    ),
    examples: ['Torbay exits inadequate after a re-inspection.', 'The county has shed its inadequate rating.'],
  },
  {
    name: 'since then',
    where: 'before',
    needs: ['since '],
    re: /\bsince (?:being|it was|they were|the council was|the service was|its|their)\b[^.;]*$/i,
    examples: ['A new approach has helped since the council was rated ‘inadequate’.'],
  },
  {
    name: 'after a grade',
    where: 'before',
    needs: ['after', 'until', 'before', 'following'],
    re: /(?:\b(?:\w+ (?:years?|months?) after|after (?:being|it was|they were|its|their))\b[^.;]*$|\b(?:until|before) (?:an?\s+|its\s+|their\s+)?$|\b(?:after|following) (?:its\s+|their\s+|(?:an?\s+|its\s+|their\s+)?(?:previous\s+|earlier\s+|ofsted\s+)?(?:judgement|judgment|rating|grade) of\s+)$|\bprogress\w*\b[^.;]*\bafter\b[^.;]*$|\bafter\s+(?:more than\s+|nearly\s+|almost\s+|over\s+)?(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many)\s+)?(?:decades?|years?)\s+(?:of|as)\s+(?:successive\s+|consecutive\s+|repeated\s+)?['‘"“]?$|\bafter\s+(?:two|three|four|several|repeated)\s+(?:successive\s+|consecutive\s+)?['‘"“]?$)/i,
    examples: [
      'The trust has turned a corner after more than a decade of inadequate ratings.',
      'It comes after two successive inadequate judgements.',
      'The news comes three years after the council was rated outstanding.',
      'Birmingham making steady progress after inadequate rating',
    ],
  },
  {
    name: 'last time',
    where: 'after',
    needs: ['last', 'previous', 'since then', 'ago'],
    re: /^[^.;(]{0,60}?\b(?:last time|previously|before that|before then|when (?:the regulator|ofsted|inspectors) last|at (?:its|the|their) (?:last|previous) (?:full |graded |standard |ilacs |ofsted )?inspection|in (?:its|the|their) (?:last|previous) (?:full |graded |standard |ilacs |ofsted )?inspection|the last (?:full |graded |standard |ilacs |ofsted )?inspection|since then|\w+ years? ago)\b/i,
    examples: [
      'Wirral had been rated inadequate at its last inspection.',
      'It was rated good six years ago.',
      'Devon, which was rated requires improvement at its last full inspection, must now submit a plan.',
    ],
  },
  {
    name: 'when it was',
    where: 'before',
    needs: ['when '],
    re: /\bwhen (?:it|they|the council|the service|services|the authority|(?:[\w’'-]+ ){1,8}?)(?:was|were) (?:last\s+)?(?:rated|judged|graded|described|found|labelled|branded|deemed)\s+(?:as\s+|to be\s+)?$/i,
    examples: [
      'Reading Borough Council ran the service in 2018, when it was rated inadequate.',
      'It is a far cry from the days when the county’s care for vulnerable youngsters was branded inadequate.',
    ],
  },
  {
    name: 'past perfect',
    where: 'before',
    needs: ['had'],
    // Not after "noted that", "said that": reported speech puts "has been judged" into the past perfect.
    re: /^(?![^.;]*\b(?:noted|said|reported|heard|told|explained|confirmed|announced|informed|advised|updated) that\b)[^.;]*\bhad\s+(?:\w+\s+)?(?:been\s+)?(?:rated|judged|graded|found|described|labelled|inspected)\b[^.;]*$/i,
    examples: ['Before that, inspectors had rated the service good.'],
  },
];

const PRESENT_TENSE_NEEDS = ['has', 'have', 'is', 'are'];
const NOT = ['not'];
/** A year's first two digits ((?:19|20)\d\d): a sentence without them names no year. */
const CENTURIES = ['19', '20'];

interface Time {
  current: boolean;
  year?: number;
  cue: string;
  strength: TimeStrength;
}

function currency(
  s: string,
  words: Words,
  c: Candidate,
  prev?: Candidate,
  next?: Candidate,
  /** The sentence's first judgement: the year it opens with may be this grade's. */
  first = false,
): Time {
  // The clause around the grade, cut at other grades and strong punctuation.
  const windowStart = Math.max(0, c.quoteStart - 200);
  const semi = s.slice(windowStart, c.quoteStart).lastIndexOf(';');
  const lo = Math.max(prev ? prev.quoteEnd : 0, semi < 0 ? 0 : windowStart + semi + 1);
  const hi = next ? next.quoteStart : s.length;
  const before = s.slice(Math.max(lo, c.quoteStart - 110), c.quoteStart);
  const after = beforeFirst(s.slice(c.quoteEnd, Math.min(hi, c.quoteEnd + 90)), TIME_AFTER_CUT);
  // A year before the grade belongs to it only when no earlier grade in the sentence could own it.
  // …or when it opens a clause of its own after that grade's ("…good, while in 2015 the county was rated").
  const year = holds(words, CENTURIES)
    ? (yearNear(prev && !OWN_CLAUSE_YEAR.test(before) ? '' : before, after, /\bfirst\s+['‘"“]?$/i.test(before)) ??
      (first ? openingYear(s) : undefined))
    : undefined;
  const at = (current: boolean, cue: string, strength: TimeStrength): Time => ({ current, year, cue, strength });
  // "from X to Y": X was, Y is.
  if (next && FROM_TO_BETWEEN.test(s.slice(c.quoteEnd, next.quoteStart)) && /\bfrom\s*['‘"“]?$/i.test(before))
    return at(false, 'from X to Y: X was', 'cue');
  if (
    prev &&
    FROM_TO_BETWEEN.test(s.slice(prev.quoteEnd, c.quoteStart)) &&
    /\bfrom\s*['‘"“]?$/i.test(s.slice(Math.max(0, prev.quoteStart - 12), prev.quoteStart))
  )
    // …unless the move goes on ("from inadequate in 2017 to requires improvement in 2022 and now good").
    return next && MOVE_GOES_ON.test(s.slice(c.quoteEnd, next.quoteStart))
      ? at(false, 'from X to Y, then on', 'cue')
      : at(true, 'from X to Y: Y is', 'cue');
  // A grade joined to the one before it shares its time ("rated good with outstanding features in 2014").
  if (prev && /^['’"”]?\s*(?:with|or|and|,)\s*['‘"“]?$/i.test(s.slice(prev.quoteEnd, c.quoteStart))) {
    const shared = currency(s, words, prev, undefined, c);
    return { ...shared, year: shared.year ?? year, cue: `${shared.cue} (shared with the grade before)` };
  }
  const beforeClause = afterLast(before, TIME_BEFORE_CUT);
  // "not been rated inadequate since 2013": the grade is what it was, not what it is.
  if (
    holds(words, NOT) &&
    /\bnot\s+(?:been\s+)?(?:rated|judged|graded|found)\s+(?:to be\s+|as\s+)?$/i.test(beforeClause)
  )
    return at(false, 'not since', 'cue');
  const present = holds(words, PRESENT_TENSE_NEEDS) && presentTenseBefore(beforeClause);
  for (let i = 0; i < PREVIOUS_CUES.length; i++) {
    const cue = PREVIOUS_CUES[i];
    if (!holds(words, cue.needs)) continue;
    if (present && cue.name !== 'left behind') continue;
    if (cue.re.test(cue.where === 'before' ? beforeClause : after)) return at(false, cue.name, 'cue');
  }
  // A dated grade is history ("was rated good in 2019") unless told in the present or present
  // perfect ("has been rated good", "is now rated") or marked as the latest; the page-level step
  // compares the year with the inspection the page reports.
  // The grade's own clause: "in 2021 and are now good" leaves "now" to the next grade.
  const ownClauseAfter = beforeFirst(after, OWN_CLAUSE_CUT);
  let currentCue = currentCueIn(beforeClause + ownClauseAfter);
  // "Before the new framework was introduced, … rated adequate in 2011": "new" names the framework.
  if (currentCue?.toLowerCase() === 'new' && year && NEW_NOT_GRADE.test(beforeClause + ownClauseAfter))
    currentCue = null;
  // "has been rated inadequate since the full inspection in 2018": the standing grade, which a
  // visit's report recalls (the page-level step may make it previous there).
  if (present && SINCE_AFTER.test(after) && !/\bfirst time\b/i.test(before))
    return at(true, 'present perfect, standing since', 'weak');
  if (present) return at(true, 'present perfect', 'cue');
  if (year && !currentCue) return at(false, `dated ${year}`, 'dated');
  // Moved to the grade ("Birmingham, previously good, dropped to requires improvement"): what it is
  // now, not the time of the grade before it.
  if (!currentCue && MOVED_TO.test(beforeClause)) return at(true, 'moved to it', 'weak');
  if (currentCue) return at(true, `"${currentCue.toLowerCase()}"`, 'weak');
  return at(true, 'reported', 'none');
}

/** A move to the grade just before it: "dropped to", "went up to", "was downgraded to a". */
const MOVED_TO =
  /\b(?:dropped|drops|dropping|fell|falls|falling|slipped|slips|slid|moved|moves|rose|rises|climbed|climbs|improved|improves|went|goes|upgraded|downgraded|returned|returns|jumped|jumps|bounced)\s+(?:back\s+|up\s+|down\s+|straight\s+)?to\s+(?:an?\s+)?['‘"“]?$/i;

/** "new" naming something other than the grade: a framework, a system, a regime. */
const NEW_NOT_GRADE = /\bnew (?:[\w-]+ )?(?:framework|system|regime|rules|approach|arrangements|inspections?)\b/i;
/** A clause of its own, then a year, before the grade: ", while in 2015 the county was rated". */
const OWN_CLAUSE_YEAR =
  /(?:[;]|,\s+(?:while|whilst|whereas|but|and)\b)[^;,]{0,30}\b(?:in|since|by) (?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d\b[^;,]*$/i;

/** After a grade, a bracket about the one before it: "(previously good, 2021)", "(up from inadequate in 2019)". */
const BRACKET_BEFORE_AFTER = /^['’"”]?\s*\((?:previously|formerly|was|down from|up from|from)\b/i;

/** `firstOf`: the grade follows "the first" ("the first 'good' since 2012": that year is not the grade's). */
function yearNear(before: string, after: string, firstOf = false): number | undefined {
  // Not the year of a bracket about the grade before: "good (previously good, 2021)".
  const a = BRACKET_BEFORE_AFTER.test(after) ? null : /^[^.;]{0,60}?\b((?:19|20)\d\d)\b/.exec(after);
  // "good for the first time since 2012": a year the grade was not given.
  // Nor one it is compared with: "good, unchanged from 2018", "the same as in 2019", "the first 'good' since 2012".
  if (
    a &&
    !/\b(?:first (?:time )?since|unchanged (?:from|since)|(?:the )?same as (?:in )?|as it was in)\s+$/i.test(
      after.slice(0, a.index + a[0].length - 4),
    ) &&
    !(firstOf && /^['’"”]?\s*since\s+$/i.test(after.slice(0, a.index + a[0].length - 4)))
  )
    return Number(a[1]);
  // A year in an aside about the subject is not the grade's: "The council, which has been under
  // intervention since 2017, was rated inadequate in March".
  const b = /\b((?:19|20)\d\d)\b[^\d]{0,110}$/.exec(before.indexOf(',') < 0 ? before : before.replace(ASIDE, ','));
  return b ? Number(b[1]) : undefined;
}

/**
 * The year a sentence opens with, for its first grade when no year is near it: "An inspection in
 * 2015 concluded … and said the services 'require improvement to be good'".
 */
function openingYear(s: string): number | undefined {
  const m = OPENING_YEAR.exec(s);
  return m ? Number(m[1]) : undefined;
}
const OPENING_YEAR =
  /^\s*(?:in|by|during|(?:an?|the|its|ofsted['’]s) (?:\w+ ){0,2}(?:inspection|visit|report) (?:in|of))\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?((?:19|20)\d\d)\b/i;

/** A relative clause or an apposition between commas: ", which was abolished in 2023,", ", one of two unitaries created in April 2023,". */
export const ASIDE = /,\s*(?:which|who|whose|where|one of|created|formed|set up|established)\b[^,;]*,/gi;

const YEAR = /\b(?:19[89]\d|20\d\d)\b/g;
const INSPECTION_WORDS = /\b(?:inspect\w*|ofsted|report\w*|published|visit\w*|judged|rated|graded)\b/i;
const VISIT_REPORT =
  /\b(?:monitoring (?:visit|inspection|letter)s?|focused visits?|follow-up visits?|joint targeted area inspections?|jtai)\b/i;
const NEW_GRADE =
  /\b(?:now|newly)\s+(?:been\s+)?(?:rated|judged|graded)\b|\b(?:new|latest)\s+(?:ofsted\s+)?(?:rating|grade|judgement)\b/i;
const STANDING_SINCE =
  /\b(?:has|have) been (?:rated|judged|graded) [^.;,]{0,40}?\bsince\b[^.;,]*|\bsince (?:the|its|their) (?:last )?full inspection\b[^.;,]*/gi;
const FULL_INSPECTION =
  /\b(?:re-?inspect\w*|full inspections?|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:full |graded |standard |ilacs )?inspections|(?:graded|standard|short) inspections?|(?:now|newly|has been|have been) (?:rated|judged))\b/i;

/** A line that is only a grade, capitalised as in a table ("Requires improvement"). */
const LONE_GRADE = /^['‘"“]?(Outstanding|Good|Requires improvement(?: to be good)?|Inadequate)['’"”]?\.?$/;

/**
 * The page-level steps over the grades the sentences gave: judgement table rows printed over two
 * lines (the area's name, then its grade alone on the next line), then `settleTimes`.
 */
export function pageGrades(grades: GradeMention[], sentences: Sentence[]): GradeMention[] {
  grades = byTableHeader(grades, sentences);
  const rows: GradeMention[] = [];
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.text.length > 40) continue;
    const m = LONE_GRADE.exec(s.text);
    if (!m || !AREA_LABEL_END.test(sentences[i - 1].text)) continue;
    const label = sentences[i - 1].text;
    const area = AREAS.find(([re]) => re.test(label.slice(-60)))?.[1];
    const at = s.text.indexOf(m[1]);
    // A grade its line already gave ("Requires improvement to be good" is one on its own): the
    // row's label gives it its area, and it is not counted twice.
    const same = grades.findIndex((g) => g.start === s.start + at);
    if (same >= 0) {
      const g = grades[same];
      if (area && !g.area && !/overall/i.test(label)) {
        grades = grades.slice();
        grades[same] = { ...g, area, why: `${g.why}; area from the label on the line above` };
      }
      continue;
    }
    rows.push({
      start: s.start + at,
      end: s.start + at + m[1].length,
      grade: gradeOf(m[1]),
      text: m[1],
      sentence: s,
      current: true,
      ...(area && !/overall/i.test(label) ? { area } : {}),
      why: 'judgement table row (label on the line above); reported',
      timeStrength: 'none',
    });
  }
  const all = rows.length ? [...grades, ...rows].sort((a, b) => a.start - b.start) : grades;
  return backshifted(settleTimes(all, sentences), sentences);
}

/**
 * Decides over the whole page what one sentence cannot: the year of the inspection the page
 * reports (the latest year named beside inspection words) makes an earlier dated grade previous
 * and a grade dated that year current; in a report of a monitoring or focused visit (named in the
 * title or lead, which report no new grade) a grade with nothing saying it is new is the standing
 * one, so previous. Returns new grade objects; the input is not changed.
 */
function settleTimes(grades: GradeMention[], sentences: Sentence[]): GradeMention[] {
  // Only a current grade the sentence was not sure of can change: most pages stop here.
  if (!grades.some((g) => g.current && g.timeStrength !== 'cue')) return grades;
  let reportYear = 0;
  const dated = grades.some((g) => g.year && g.current && g.timeStrength !== 'cue');
  if (dated) for (const s of sentences) reportYear = Math.max(reportYear, inspectionYearIn(s));
  // The title and the lead (the first two paragraphs of running text, past bylines and dates),
  // read up to a few hundred characters each.
  let leadText = '';
  let leadLast = 0;
  let paragraphs = 0;
  for (let i = 0; i < sentences.length && leadText.length < 1200; i++) {
    const s = sentences[i];
    if (s.block === 0) leadText += ` ${s.text.slice(0, 400)}`;
    else if (s.text.length >= 60) {
      // Short lines (bylines, dates, photo credits) are not paragraphs of the lead.
      if (s.block !== leadLast && ++paragraphs > 3) break;
      leadText += ` ${s.text.slice(0, 400)}`;
      leadLast = s.block;
    }
  }
  // A lead that reports a new grade in so many words ("has been rated", "has been given a … rating")
  // is about a graded inspection, whatever visits it mentions.
  const newGradeInLead = grades.some((g) => g.current && g.timeStrength === 'cue' && g.sentence.block <= leadLast);
  // A title that rates the council ("… services rated good") and names no visit reports a graded
  // inspection, whatever visits the lead recalls.
  const titleRates = grades.some(
    (g) =>
      g.sentence.block === 0 &&
      /^(?:rating verb|service is graded|requires improvement to be good)/.test(g.why ?? '') &&
      !VISIT_REPORT.test(g.sentence.text),
  );
  // A standing grade the lead recalls ("has been rated inadequate since the full inspection in 2018")
  // is no full inspection reported.
  const visit =
    VISIT_REPORT.test(leadText) &&
    !FULL_INSPECTION.test(leadText.replace(STANDING_SINCE, ' ')) &&
    !newGradeInLead &&
    !titleRates;
  return grades.map((g) => {
    let { current, why } = g;
    const strength = g.timeStrength ?? 'none';
    if (g.year && reportYear && strength !== 'cue') {
      if (g.year < reportYear && current) {
        current = false;
        why = `${why}; before the reported ${reportYear}`;
      }
    }
    if (visit && current && (strength === 'none' || strength === 'weak') && !NEW_GRADE.test(g.sentence.text)) {
      current = false;
      why = `${why}; standing grade in a visit report`;
    }
    return current === g.current && why === g.why ? g : { ...g, current, why };
  });
}

/** A report of what was said at a meeting: "Members were informed that…", "It was reported that…". */
const REPORTED_FRAME =
  /\b(?:members|the committee|cabinet|the board|councillors)\s+(?:were|was)\s+(?:informed|told|advised|updated)\b|\bit was\s+(?:reported|noted|explained)\s+that\b|\b(?:the director|the report|officers?)\s+(?:reported|explained|advised|informed members)\s+that\b/i;

/**
 * Minutes put what they report into the past perfect ("Members were informed that the overall
 * effectiveness had been judged as…"), and go on in it in the next sentence ("The impact of
 * leaders had been judged Good, …"): a grade made previous only by its past perfect, with no year,
 * in a sentence that is or follows such a report, is the grade reported.
 */
function backshifted(grades: GradeMention[], sentences: Sentence[]): GradeMention[] {
  if (!grades.some((g) => !g.current && g.why?.includes('past perfect') && !g.year)) return grades;
  return grades.map((g) => {
    if (g.current || g.year || !/; past perfect(?: \(|$|;)/.test(g.why ?? '')) return g;
    const at = sentenceIndexAt(sentences, g.sentence.start);
    const framed = REPORTED_FRAME.test(g.sentence.text) || (at > 0 && REPORTED_FRAME.test(sentences[at - 1].text));
    return framed ? { ...g, current: true, why: `${g.why}; reported at a meeting` } : g;
  });
}

/** Each sentence's latest year named beside inspection words (0: none), kept for the next run. */
const inspectionYears = new WeakMap<Sentence, number>();

/** The latest year a sentence names, when it also names an inspection (0 otherwise). */
function inspectionYearIn(s: Sentence): number {
  let year = inspectionYears.get(s);
  if (year === undefined) {
    year = 0;
    if (/\d\d\d\d/.test(s.text)) {
      YEAR.lastIndex = 0;
      let max = 0;
      for (let m = YEAR.exec(s.text); m; m = YEAR.exec(s.text)) max = Math.max(max, Number(m[0]));
      if (max > 0 && INSPECTION_WORDS.test(s.text)) year = max;
    }
    inspectionYears.set(s, year);
  }
  return year;
}

/** Judgement areas: the pattern, the name, and the words one of which every text it matches holds. */
const AREAS: [RegExp, string, string[]][] = [
  [
    /\b(?:lscb|lcsb|safeguarding children[’']?s? (?:board|partnership)|safeguarding (?:board|partnership))\b/i,
    'LSCB',
    ['lscb', 'lcsb', 'safeguarding'],
  ],
  [/\badoption\b/i, 'adoption', ['adoption']],
  [/\bfostering\b/i, 'fostering', ['fostering']],
  [
    /\bcare leavers?\b(?![^.]*children in care)|\bleav(?:e|ing) care\b/i,
    'care leavers',
    ['care leaver', 'leave care', 'leaving care'],
  ],
  [
    /\b(?:children in care|looked[- ]after children|children looked after|permanence)\b/i,
    'children in care',
    ['children in care', 'looked', 'permanence'],
  ],
  [/\b(?:help and protection|child protection)\b/i, 'help and protection', ['help and protection', 'child protection']],
  [/\b(?:leadership|impact of leaders|leaders)\b/i, 'leadership', ['leader']],
  [/\b(?:send|special educational needs)\b/i, 'SEND', ['send', 'special educational needs']],
];

const OVERALL = ['overall'];

/** The judgement areas a sentence may name: those whose words it holds. */
function areasIn(words: Words): [RegExp, string][] {
  const out: [RegExp, string][] = [];
  // Indexed, not `for (const [re, name, needs] of …)`: unoptimised, that is an iterator and a
  // result object per row, and a destructuring iterator per row (a page's single run).
  for (let i = 0; i < AREAS.length; i++) if (holds(words, AREAS[i][2])) out.push([AREAS[i][0], AREAS[i][1]]);
  return out;
}

function areaOf(s: string, words: Words, areas: [RegExp, string][], c: Candidate): { area?: string } {
  // Every answer but none is one of the areas: a sentence that can name none has none.
  if (!areas.length) return {};
  const before = s.slice(Math.max(0, c.quoteStart - 100), c.quoteStart);
  const clause = afterLast(before, AREA_CLAUSE_CUT);
  const after = s.slice(c.quoteEnd, c.quoteEnd + 40);
  // The grade of the council itself ("…for children in care at inadequate-rated council"): overall.
  if (COUNCIL_GRADED.test(after)) return {};
  if (holds(words, OVERALL) && (/\boverall\b/i.test(after.slice(0, 12)) || /\boverall\b/i.test(clause.slice(-40))))
    return {};
  // "Care leavers: Outstanding": the label before a colon or dash names the judgement.
  const colon = /[:–—-]\s*$/.exec(before);
  if (colon) {
    const label = afterLast(before.slice(0, colon.index), LABEL_CUT);
    if (holds(words, OVERALL) && /overall/i.test(label)) return {};
    const found = areaIn(areas, label);
    if (found) return found;
  }
  // A table row: the label right before the grade.
  if (/^[A-Z]/.test(s.slice(c.start, c.end)) && AREA_LABEL_END.test(before)) {
    const label = before.slice(-60);
    const found = areaIn(areas, label);
    if (found) return found;
  }
  // "…except leadership, which was judged inadequate": the relative clause's noun is the area.
  const relative = RELATIVE_AREA.exec(before);
  const ofRelative = relative && areaIn(areas, relative[1]);
  if (ofRelative) return ofRelative;
  const subject = beforeFirst(clause, AREA_SUBJECT_CUT);
  const found = areaIn(areas, subject.length ? subject : clause);
  if (found) return found;
  // The object of an active rating verb: "inspectors rated the experiences and progress of
  // children in care as requires improvement".
  const object = RATED_OBJECT.exec(clause.slice(subject.length));
  const inObject = object && areaIn(areas, object[1]);
  if (inObject) return inObject;
  // "…, with outstanding for the experiences and progress of children in care": the area after.
  const forArea = /^['’"”]?\s*(?:for|on|in|[-–—])\s+(?:its\s+|the\s+)?([a-z ]{3,60})/i.exec(
    s.slice(c.quoteEnd, c.quoteEnd + 70),
  );
  // Not an area the grade is said not to be for: "in every area except leadership".
  return (forArea && areaIn(areas, beforeFirst(forArea[1], EXCEPT_CUT))) || {};
}

/** After a grade, the council it is the grade of: "an inadequate-rated council", "the good authority". */
const COUNCIL_GRADED = /^['’"”]?\s*(?:-rated\s+)?(?:councils?|local authorit(?:y|ies)|authorit(?:y|ies))\b/i;
/** A judgement area's name before ", which was judged …" (the grade is the area's). */
const RELATIVE_AREA =
  /\b((?:the\s+)?[a-z][a-z ]{2,40}),\s+which\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:(?:also|again|still|rated|judged|graded|found|to|be|as)\s+)*['‘"“]?$/i;
/** Words after which an area is excepted from the grade before: "…in every area except leadership". */
const EXCEPT_CUT = /\b(?:except|apart from|other than|bar|but|besides|save for)\b/i;

/** The first of `areas` whose pattern matches `text`, as areaOf returns it (or null). */
function areaIn(areas: [RegExp, string][], text: string): { area: string } | null {
  for (let i = 0; i < areas.length; i++) if (areas[i][0].test(text)) return { area: areas[i][1] };
  return null;
}
