// Finds inspection grades used as judgements ("rated 'good'", "from inadequate to requires
// improvement", "an 'outstanding' council") and refuses the same words in ordinary prose
// ("a good example", "good outcomes", "outstanding issues", "inadequate housing").
import type { Sentence, Span } from './text';

export type Grade = 'outstanding' | 'good' | 'requires improvement' | 'inadequate' | `other:${string}`;

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
  /** Why this was found: the rule or features that made it (for --explain). */
  why?: string;
}

const GRADE_WORDS =
  /\b(requir(?:es|e|ed|ing) improvement(?: to be good)?|outstanding|inadequate|good|adequate|excellent|perform(?:s|ed|ing)? (?:excellently|well|adequately|poorly))\b/gi;

const OPEN_Q = `'‘"“`;
const CLOSE_Q = `'’"”`;

/** Verbs and phrases that make the next grade word a judgement. */
const JUDGING_BEFORE =
  /\b(?:rated|rates|rate|re-rated|rating(?:s)?(?: of| as)?|judged|judgement(?: of)?|judgment(?: of)?|graded|grade of|deemed|assessed as|found to be|declared|branded|labelled|classed as|classified as|awarded|given|gave|received|receives|receiving|gained|achieved|achieves|achieving|earned|earns|secured|scored|scores|scooped|got|gets|get|retained|retains|retain|kept|keeps|maintained|maintains|regained|lost|loses|shed|sheds|losing|dropped(?: back)? to|drops to|fell to|falls to|slipped to|slips to|plunged to|downgraded(?: from)?(?: to)?|upgraded(?: from)?(?: to)?|improved(?: from)?(?: to)?|moved(?: up| out)?(?: from)?(?: to)?|rose to|risen to|raised to|lifted to|jumped to|climbed to|returned to|went to|go(?:ne)? to|up to|back to|as|from|exits?|exited|exiting|escaped?|escapes|escaping|leaves|left|leaving|out of|emerged from|emerges from|ditch(?:es|ed)?|shook off|shakes off)(?:\s+(?:an?|the|its|their|his|her|overall|as|to be|be|been|being|again|also|all|both|still|now|previously|only|currently|officially|once|judged|rated|graded|consistently|securely|solidly|straight))*\s*$/i;
/** A rating verb with its object between it and the grade: "judged Slough's services inadequate". */
const VERB_OBJECT_BEFORE =
  /\b(?:rates|rated|rate|judges|judged|judge|grades|graded|deems|deemed)\s+(?:[\w’'&-]+\s+){0,5}(?:services|service|council|authority|department|provision|partnership|board|trust|it|them)\s+(?:as\s+|to be\s+|overall\s+)?$/i;
/** A judgement label before a colon or dash: "Overall effectiveness: Good", "Care leavers – outstanding". */
const LABEL_BEFORE =
  /(?:effectiveness|leaders|leadership|families|protection|in care|care leavers|judgements?|judgments?|rating|grade|overall|adoption|fostering|lscb|board|permanence)\s*[:–—-]\s*$/i;
/** Linking verbs: a judgement only for the unambiguous grades, or when the subject is a service. */
const LINKING_BEFORE =
  /\b(?:is|was|were|are|be|been|being|remain|remains|remained|remaining|stay|stays|stayed|become|became|becomes|now|still|previously)(?:\s+(?:still|now|previously|also|again|overall|judged|rated|to be|as))*\s*$/i;
const SERVICE_SUBJECT =
  /\b(?:services?|council|authority|department|directorate|lscb|lcsb|board|partnership|judgements?|judgments?|grades?|ratings?|effectiveness|adoption|fostering|care leavers|children in care|help and protection|leadership|it|they)\b[^,;]{0,40}$/i;
const JUDGEMENT_AFTER =
  /^\s*(?:overall\b|rating|ratings|grade|grades|grading|judgement|judgment|verdict|label|status|mark|score|by ofsted|from ofsted|from inspectors|by inspectors|(?:in|at|following|after|during) (?:its|their|the|a|an|this|that|last|latest|recent|previous|most recent)?\s*(?:\w+ ){0,3}(?:inspection|re-inspection|ilacs))/i;
const INSTITUTION_AFTER =
  /^\s*(?:councils?|authorit(?:y|ies)|local authorit(?:y|ies)|children[’']?s services|social care|services|department|lscb|lscbs|boards?|trusts?)\b/i;
const GRADE_NAMES: Record<string, Grade> = {
  outstanding: 'outstanding',
  good: 'good',
  inadequate: 'inadequate',
  adequate: 'other:adequate',
  excellent: 'other:excellent',
};
const MAIN_GRADES = new Set<Grade>(['outstanding', 'good', 'requires improvement', 'inadequate']);

/** Normalises the matched words to a grade name. */
export function gradeOf(words: string): Grade {
  const w = words.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('requir')) return 'requires improvement';
  if (w.startsWith('perform')) return `other:performs ${w.split(' ')[1]}`;
  return GRADE_NAMES[w] ?? `other:${w}`;
}

interface Candidate {
  start: number;
  end: number;
  grade: Grade;
  quoted: boolean;
  quoteStart: number;
  quoteEnd: number;
}

/** A sentence without one of these holds no grade word: most sentences stop here. */
const MAY_HOLD_GRADE = /good|outstanding|inadequate|improvement|adequate|excellent|perform/i;

/** Finds grade judgements in the sentences of a prepared text. */
export function findGrades(sentences: Sentence[]): GradeMention[] {
  const out: GradeMention[] = [];
  for (const sentence of sentences) {
    const s = sentence.text;
    if (!MAY_HOLD_GRADE.test(s)) continue;
    const candidates: Candidate[] = [];
    GRADE_WORDS.lastIndex = 0;
    for (let m = GRADE_WORDS.exec(s); m; m = GRADE_WORDS.exec(s)) {
      const start = m.index;
      const end = start + m[0].length;
      const quoted = start > 0 && OPEN_Q.includes(s[start - 1]) && end < s.length && CLOSE_Q.includes(s[end]);
      candidates.push({
        start,
        end,
        grade: gradeOf(m[0]),
        quoted,
        quoteStart: quoted ? start - 1 : start,
        quoteEnd: quoted ? end + 1 : end,
      });
    }
    const accepted = candidates.map((c, i) => isJudgement(s, c, candidates[i + 1]));
    // A grade joined to an accepted one ("good or outstanding", "from inadequate to good") is one too.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < candidates.length; i++) {
        if (accepted[i] || !MAIN_GRADES.has(candidates[i].grade)) continue;
        const prev = candidates[i - 1];
        const next = candidates[i + 1];
        if (prev && accepted[i - 1] && joined(s, prev, candidates[i])) accepted[i] = true;
        if (next && accepted[i + 1] && joined(s, candidates[i], next)) accepted[i] = true;
      }
    }
    candidates.forEach((c, i) => {
      if (!accepted[i]) return;
      const { current, year } = currency(s, c, candidates[i - 1], candidates[i + 1]);
      out.push({
        start: sentence.start + c.quoteStart,
        end: sentence.start + c.quoteEnd,
        grade: c.grade,
        text: s.slice(c.quoteStart, c.quoteEnd),
        sentence,
        current,
        ...(year ? { year } : {}),
        ...areaOf(s, c),
      });
    });
  }
  return out;
}

function joined(s: string, a: Candidate, b: Candidate): boolean {
  const between = s.slice(a.quoteEnd, b.quoteStart).toLowerCase();
  return (
    /^\s*(?:,|or|and|to|and then|then|,? but| rather than|,? not)?\s*(?:to |from )?$/.test(between) ||
    /^\s*to\s*$/.test(between)
  );
}

function isJudgement(s: string, c: Candidate, next?: Candidate): boolean {
  const before = s.slice(Math.max(0, c.quoteStart - 90), c.quoteStart);
  const after = s.slice(c.quoteEnd, c.quoteEnd + 70);
  const main = MAIN_GRADES.has(c.grade);
  const word = s.slice(c.start, c.end).toLowerCase();

  if (/^requir\w+ improvement to be good$/.test(word)) return true;
  if (c.grade.startsWith('other:performs')) return /\b(?:council|authority|services?|ofsted|assessment)\b/i.test(s);
  // Ordinary-prose near misses that even a rating verb does not rescue.
  if (
    word === 'outstanding' &&
    /^\s+(?:issues?|concerns?|actions?|debts?|balances?|payments?|questions?|work|cases|matters|items|recommendations|amounts?|sums?)\b/i.test(
      after,
    ) &&
    !c.quoted
  )
    return false;
  if (
    word === 'good' &&
    /^\s*(?:[-‐]\s*quality|enough|faith|news|luck|practice|use|work|progress|example|evidence|reason|idea|start|job|understanding|relationships?|outcomes?|level|standard|deal|morning|afternoon)\b/i.test(
      after,
    ) &&
    !c.quoted
  )
    return false;
  if (
    /^\s*(?:to|for|at|with|in)\s+(?:see|hear|know|be|have|working|the\s+environment)\b/i.test(after) &&
    !c.quoted &&
    !JUDGING_BEFORE.test(before)
  )
    return false;

  const judgingVerb =
    JUDGING_BEFORE.test(before) || (main && (VERB_OBJECT_BEFORE.test(before) || LABEL_BEFORE.test(before)));
  const judgementNoun = JUDGEMENT_AFTER.test(after);
  if (c.quoted) {
    if (main) return true;
    return judgingVerb || judgementNoun;
  }
  if (!main)
    return (
      (judgingVerb && /\b(?:rated|judged|graded|rating|judgement|judgment|assessed)\b/i.test(before)) ||
      /^\s*(?:rating|grade|judgement|judgment)\b/i.test(after)
    );
  if (judgingVerb && !/\bfrom\s*$/i.test(before)) return true;
  if (/\bfrom\s*$/i.test(before) && next && /^\s*to\s*$/i.test(s.slice(c.quoteEnd, next.quoteStart))) return true;
  if (
    judgementNoun &&
    (word !== 'good' ||
      /\b(?:an?|the|its|their|overall|ofsted)\s*$/i.test(before) ||
      /^\s*(?:rating|grade|judgement|judgment|overall)\b/i.test(after))
  )
    return true;
  if (
    word !== 'good' &&
    INSTITUTION_AFTER.test(after) &&
    /\b(?:an?|the|its|their|of|as|two|three|four|five|\d+)\s*$/i.test(before)
  )
    return true;
  if (LINKING_BEFORE.test(before)) {
    const clause = before.split(/[,;:—–]/).pop() ?? '';
    const serviceSubject = SERVICE_SUBJECT.test(clause.replace(LINKING_BEFORE, ''));
    // "services remain good" is a judgement; "morale is good", "good at listening" are not.
    if (word === 'good')
      return serviceSubject && /^\s*(?:$|[,.;:)]|overall|according|says|said|and\b|but\b|—|–)/i.test(after);
    return serviceSubject;
  }
  return false;
}

const PREVIOUS_BEFORE =
  /\b(?:previously|formerly|prior|last (?:inspected|rated|judged|graded|inspection)|(?:its|their|the|a) (?:last|previous|prior|earlier|former|old)\b|from|since (?:being|it was|they were|the council|the service|the authority|its|their|it|being)|was once|once|until|no longer|shed|sheds|shook off|escaped|lost|losing|out of|up from|down from|ditch(?:es|ed)?|emerged from|emerges from|come out of|came out of|moved out of|before|after (?:being|it was|they were|an?|its|their)|after(?=\s*$)|following (?:an?|its|their)|exits?|exited|exiting|escaped?|escapes|leaves|left|leaving)\b[^.;]*$/i;
const PREVIOUS_AFTER =
  /^[^.;]{0,60}?\b(?:last time|previously|when (?:the regulator|ofsted|inspectors) last|at (?:its|the|their) (?:last|previous) inspection|in (?:its|the|their) (?:last|previous) inspection|the last inspection|since then)\b/i;
const PRESENT_TENSE_BEFORE =
  /\b(?:(?:has|have)\s+(?:now\s+|again\s+|also\s+|just\s+)?(?:been\s+)?(?:rated|judged|graded|awarded|given|received|achieved|secured|earned)|(?:is|are)\s+(?:now\s+|still\s+)?(?:rated|judged|graded))\b[^.;]*$/i;
const CURRENT_CUES =
  /\b(?:latest|most recent|new|now|this (?:week|month|year)|today|yesterday|still|remains?|remained|maintained|retained|kept|published|first time)\b/i;

function currency(s: string, c: Candidate, prev?: Candidate, next?: Candidate): { current: boolean; year?: number } {
  // The clause around the grade, cut at other grades and strong punctuation.
  const windowStart = Math.max(0, c.quoteStart - 200);
  const semi = s.slice(windowStart, c.quoteStart).lastIndexOf(';');
  const lo = Math.max(prev ? prev.quoteEnd : 0, semi < 0 ? 0 : windowStart + semi + 1);
  const hi = next ? next.quoteStart : s.length;
  const before = s.slice(Math.max(lo, c.quoteStart - 110), c.quoteStart);
  const after = s.slice(c.quoteEnd, Math.min(hi, c.quoteEnd + 90)).split(/[;]|,\s+(?:but|while|whereas|and)\b/)[0];
  // A year before the grade belongs to it only when no earlier grade in the sentence could own it.
  const year = yearNear(prev ? '' : before, after);
  // "from X to Y": X was, Y is.
  if (next && /^\s*to\s*$/i.test(s.slice(c.quoteEnd, next.quoteStart)) && /\bfrom\s*$/i.test(before))
    return { current: false, year };
  if (prev && /^\s*to\s*$/i.test(s.slice(prev.quoteEnd, c.quoteStart))) return { current: true, year };
  const beforeClause = before.split(/,\s+(?:but|while|whereas|and)\b|\bbut\b/).pop() ?? before;
  if (PREVIOUS_BEFORE.test(beforeClause) && !/\bhas been\b[^.]*$/i.test(beforeClause)) return { current: false, year };
  if (PREVIOUS_AFTER.test(after)) return { current: false, year };
  // A dated grade is history ("was rated good in 2019") unless told in the present or present
  // perfect ("has been rated good", "is now rated") or marked as the latest.
  // "not been rated inadequate since 2013": the grade is what it was, not what it is.
  if (/\bnot\s+(?:been\s+)?(?:rated|judged|graded|found)\s+(?:to be\s+|as\s+)?$/i.test(beforeClause))
    return { current: false, year };
  const ownClauseAfter = after.split(/[,;]/)[0];
  if (year && !CURRENT_CUES.test(beforeClause + ownClauseAfter) && !PRESENT_TENSE_BEFORE.test(beforeClause))
    return { current: false, year };
  return { current: true, year };
}

function yearNear(before: string, after: string): number | undefined {
  const a = /^[^.;]{0,60}?\b((?:19|20)\d\d)\b/.exec(after);
  if (a) return Number(a[1]);
  const b = /\b((?:19|20)\d\d)\b[^\d]{0,110}$/.exec(before);
  return b ? Number(b[1]) : undefined;
}

const AREAS: [RegExp, string][] = [
  [/\b(?:lscb|lcsb|safeguarding children[’']?s? (?:board|partnership)|safeguarding (?:board|partnership))\b/i, 'LSCB'],
  [/\badoption\b/i, 'adoption'],
  [/\bfostering\b/i, 'fostering'],
  [/\bcare leavers?\b(?![^.]*children in care)/i, 'care leavers'],
  [/\b(?:children in care|looked[- ]after children|children looked after)\b/i, 'children in care'],
  [/\b(?:help and protection|child protection)\b/i, 'help and protection'],
  [/\b(?:leadership|impact of leaders|leaders)\b/i, 'leadership'],
  [/\b(?:youth offending|youth justice)\b/i, 'youth justice'],
  [/\b(?:send|special educational needs)\b/i, 'SEND'],
];

function areaOf(s: string, c: Candidate): { area?: string } {
  const before = s.slice(Math.max(0, c.quoteStart - 100), c.quoteStart);
  const clause = before.split(/[;:]|,\s+(?:but|while|whereas|and)\b|\bbut\b/).pop() ?? before;
  const after = s.slice(c.quoteEnd, c.quoteEnd + 40);
  if (/\boverall\b/i.test(after.slice(0, 12)) || /\boverall\b/i.test(clause.slice(-40))) return {};
  // "Care leavers: Outstanding": the label before a colon or dash names the judgement.
  const colon = /[:–—-]\s*$/.exec(before);
  if (colon) {
    const label =
      before
        .slice(0, colon.index)
        .split(/[:–—\n]/)
        .pop() ?? '';
    if (/overall/i.test(label)) return {};
    for (const [re, name] of AREAS) if (re.test(label)) return { area: name };
  }
  const subject = clause.split(
    /\b(?:rated|judged|graded|was|were|is|are|remains?|given|received|get|got|scored)\b/i,
  )[0];
  for (const [re, name] of AREAS) if (re.test(subject.length ? subject : clause)) return { area: name };
  const forArea = /^\s*(?:for|on|in)\s+(?:its\s+|the\s+)?([a-z ]{3,40})/i.exec(after);
  if (forArea) for (const [re, name] of AREAS) if (re.test(forArea[1])) return { area: name };
  return {};
}
