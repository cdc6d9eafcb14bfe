// Decides which council each grade is about and de-duplicates the result into outcomes:
// who got which grade, current or previous, when, and for which service.
import type { Council } from '../data/gazetteer';
import type { CouncilMention } from './councils';
import { ASIDE, type Grade, type GradeMention, RESPECTIVELY } from './grades';
import { holdsAny, lookingUp } from './needs';
import { type Sentence, sentenceIndexAt } from './text';

export interface Outcome {
  council: Council;
  grade: Grade;
  current: boolean;
  year?: number;
  area?: string;
}

/** A grade with the authorities it is about (empty when it cannot be told). */
export interface AttributedGrade extends GradeMention {
  councils: Council[];
  /** Why this was found: the rule or features that made it (for --explain). */
  why?: string;
}

export const GENERIC_PLURAL =
  /\b(?:councils|authorities|local authorities|lscbs|boards|\d{2,} inspections)\b[^.]*\b(?:rated|judged|graded)\b|\b(?:one in|per cent|%|proportion|number of|share of|majority of|most|many|few|all|other)\b[^.]*\b(?:councils|authorities)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w’'-]+\s+){0,3}(?:councils|authorities|boroughs|counties)\b|\b(?:every|no)\s+(?:local\s+)?(?:council|authority)\b/i;
/** Words (lower case) one of which every text GENERIC_PLURAL matches holds: a sentence without one does not run it (needs.ts). */
export const GENERIC_PLURAL_NEEDS = ['council', 'authorit', 'lscbs', 'boards', 'boroughs', 'counties', 'inspections'];
/** A sentence whose subject is a share of councils: "51% were judged good", "In 15 of these, …". */
const SHARE_SUBJECT = /^\s*(?:[-•*]\s*)?(?:in\s+)?\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent\b|of\s+(?:these|them|those)\b)/i;
const PLURAL_SUBJECT = /\b(?:both|all|each|councils|authorities|boroughs|counties)\b/i;

/** The article's main council: the most mentioned, the earliest on a tie. */
export function primaryCouncil(mentions: CouncilMention[]): Council | null {
  const counts = new Map<string, { council: Council; n: number; first: number }>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    for (let j = 0; j < m.councils.length; j++) {
      const c = m.councils[j];
      const e = counts.get(c.code) ?? { council: c, n: 0, first: i };
      e.n += m.formal ? 1.5 : 1;
      counts.set(c.code, e);
    }
  }
  let best: { council: Council; n: number; first: number } | null = null;
  for (const e of counts.values()) if (!best || e.n > best.n || (e.n === best.n && e.first < best.first)) best = e;
  return best?.council ?? null;
}

const uniq = (cs: Council[]) => [...new Map(cs.map((c) => [c.code, c])).values()];

/** Index of the first mention whose start is >= offset (mentions are in text order). */
function firstAtOrAfter(mentions: CouncilMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Attributes every grade to the council(s) it is about. */
export function attributeGrades(
  grades: GradeMention[],
  mentions: CouncilMention[],
  sentences?: Sentence[],
  /**
   * A re-run's shortcut: the grade as attributed last time, when the caller knows that nothing it
   * depends on has changed (its sentence, the mentions before it and the main council).
   */
  known?: (g: GradeMention) => AttributedGrade | undefined,
  primary: Council | null = primaryCouncil(mentions),
  /** The council whose own web site the page is on (null: none, or not known). */
  site: Council | null = null,
): AttributedGrade[] {
  // One mention naming several councils (a company run for two boroughs): the article's main one
  // when it is among them.
  const narrow = (cs: Council[]) =>
    cs.length > 1 && primary && cs.some((c) => c.code === primary.code) ? [primary] : cs;
  const blockOf = (offset: number) => (sentences ? (sentences[sentenceIndexAt(sentences, offset)]?.block ?? -1) : -1);
  const perSentence = new Map<number, { distinct: Council[]; generic: boolean; first: number; last: number }>();
  const sentenceInfo = (g: GradeMention) => {
    let info = perSentence.get(g.sentence.start);
    if (!info) {
      const first = firstAtOrAfter(mentions, g.sentence.start);
      let last = first;
      while (last < mentions.length && mentions[last].end <= g.sentence.end) last++;
      const distinct: Council[] = [];
      const seen = new Set<string>();
      for (let i = first; i < last && distinct.length < 20; i++) {
        const named = mentions[i].councils;
        for (let j = 0; j < named.length; j++) {
          const c = named[j];
          if (!seen.has(c.code)) {
            seen.add(c.code);
            distinct.push(c);
          }
        }
      }
      const text = g.sentence.text.slice(0, 2000);
      const generic =
        holdsAny(lookingUp() ? text.toLowerCase() : '', GENERIC_PLURAL_NEEDS) && GENERIC_PLURAL.test(text);
      info = { distinct, generic, first, last };
      perSentence.set(g.sentence.start, info);
    }
    return info;
  };
  const at = (g: GradeMention, councils: Council[], how: string): AttributedGrade => ({
    ...g,
    councils,
    why: `${g.why ? `${g.why}; ` : ''}council: ${how}`,
  });
  // "Bolton and Bury were rated good and outstanding respectively": the n-th grade is the n-th
  // council's. Only sentences saying "respectively" are read this way (most pages have none).
  let respective: Map<GradeMention, Council[]> | undefined;
  for (let i = 0; i < grades.length; i++) {
    const first = grades[i];
    let j = i;
    while (j + 1 < grades.length && grades[j + 1].sentence.start === first.sentence.start) j++;
    const text = first.sentence.text;
    // The grades up to the one "respectively" follows ("…rated good and outstanding respectively
    // earlier this year, while Leicester remains rated inadequate").
    const said = j > i ? /\brespectively\b/i.exec(text.slice(first.end - first.sentence.start)) : null;
    if (said) {
      const cut = first.end + said.index;
      while (j > i && grades[j].end > cut) j--;
    }
    const last = grades[j];
    if (j > i && RESPECTIVELY.test(text.slice(last.end - first.sentence.start))) {
      const lo = firstAtOrAfter(mentions, first.sentence.start);
      const hi = firstAtOrAfter(mentions, first.start);
      const list = namedList(first, mentions.slice(lo, hi));
      if (list.length === j - i + 1) {
        respective ??= new Map();
        for (let k = i; k <= j; k++) respective.set(grades[k], uniq(list[k - i].councils));
      }
    }
    i = j;
  }
  return grades.map((g) => {
    const before = known?.(g);
    if (before) return before;
    const paired = respective?.get(g);
    if (paired) return at(g, paired, 'the council in the same place of a "respectively" list');
    // "5 outstanding, 4 good": a count of councils, none of them named.
    if (g.why?.startsWith('counted')) return at(g, [], 'none (a count of councils)');
    // "Outstanding: Gateshead (2023), North Tyneside (2022)": the councils listed after the grade.
    if (g.why?.startsWith('grade list label')) {
      const listed = mentions.filter((m) => m.start >= g.end && m.end <= g.sentence.start + g.sentence.text.length);
      return at(g, uniq(listed.flatMap((m) => m.councils)), 'the councils listed after the grade');
    }
    const info = sentenceInfo(g);
    if (info.distinct.length === 1) return at(g, info.distinct, 'named in the sentence');
    if (info.distinct.length > 1) {
      // Mentions near the grade, in the same sentence.
      const lo = Math.max(info.first, firstAtOrAfter(mentions, g.start - 300));
      const hi = Math.min(info.last, firstAtOrAfter(mentions, g.end + 300));
      const beforeGrade = mentions.slice(lo, hi).filter((m) => m.end <= g.start);
      const [councils, how] = severalNamed(g, beforeGrade, mentions.slice(lo, hi));
      // "Hull was judged good, as was Brighton": the councils after "as was" share the grade.
      const also = alsoAfter(g, mentions.slice(lo, hi));
      if (also.length === 0) return at(g, councils, how);
      return at(g, uniq([...councils, ...also.flatMap((m) => m.councils)]), `${how}, and those after "as was"`);
    }
    if (info.generic) return at(g, [], 'none (councils in general)');
    if (!info.distinct.length && SHARE_SUBJECT.test(g.sentence.text)) return at(g, [], 'none (a share of councils)');
    // Not named in the sentence: the council named last before it in the same or the previous
    // paragraph (news paragraphs are a sentence or two: "the council" reaches across one), else the
    // article's main one, else the one named last.
    const recent = mentions[firstAtOrAfter(mentions, g.sentence.start) - 1];
    const sameBlock = recent && (!sentences || blockOf(recent.start) >= g.sentence.block - 1);
    // Not when that name is one of several in an aside about others ("the company co-owned with
    // Kingston and Richmond councils"): the article's main council, named elsewhere, is meant.
    if (sameBlock && primary && !recent.councils.some((c) => c.code === primary.code)) {
      const around = mentions.filter((m) => m.end > recent.start - 120 && m.start < recent.end + 120);
      if (
        uniq(around.flatMap((m) => m.councils)).length > 1 &&
        mentions.filter((m) => m.councils.some((c) => c.code === primary.code)).length >= 2
      )
        return at(g, [primary], "the article's main council (the last name was one of several in an aside)");
    }
    if (sameBlock) return at(g, uniq(narrow(recent.councils)), 'named earlier in this or the previous paragraph');
    if (primary) return at(g, [primary], "the article's main council");
    if (recent) return at(g, uniq(recent.councils), 'named earlier');
    // A council's release that names no council ("We are delighted that Ofsted has judged our services good").
    if (site) return at(g, [site], 'the council whose site the page is on');
    return at(g, [], 'none named');
  });

  /** The councils of a grade whose sentence names several. */
  function severalNamed(g: GradeMention, beforeGrade: CouncilMention[], near: CouncilMention[]): [Council[], string] {
    const clauseBefore = g.sentence.text.slice(
      Math.max(0, g.start - g.sentence.start - 300),
      g.start - g.sentence.start,
    );
    // A clause of its own ("Wigan moved up to good, while Hull and Leeds both improved…"): only
    // the councils named in it.
    let cut = -1;
    // An aside about a council ("Sunderland, whose services are run by Together for Children, and
    // Bexley were…") starts no clause: read with it blanked out (its length kept).
    const bare = clauseBefore.includes(',') ? clauseBefore.replace(ASIDE, (m) => ' '.repeat(m.length)) : clauseBefore;
    for (const m of bare.matchAll(CLAUSE_CUT)) cut = m.index + m[0].length;
    // ", and" starts one too after a clause with its verb ("…were all judged outstanding, and
    // South Tyneside was rated good"), not inside a list of names ("Bury, Wigan, and Bolton were").
    for (const m of bare.matchAll(AND_CUT))
      if (m.index + m[0].length > cut && CLAUSE_VERB.test(bare.slice(Math.max(0, cut), m.index)))
        cut = m.index + m[0].length;
    if (cut >= 0) {
      const from = g.start - clauseBefore.length + cut;
      const inClause = beforeGrade.filter((m) => m.start >= from);
      if (inClause.length) beforeGrade = inClause;
    }
    // The grade moved to shares the subject of the one moved from ("Two local authorities, Tameside
    // and Torbay, improved from inadequate to good").
    const moved = FROM_GRADE_TO.exec(clauseBefore);
    const subjectPart = moved ? clauseBefore.slice(0, moved.index) : clauseBefore;
    const listed = /\band\b|,/.test(clauseBefore) && PLURAL_SUBJECT.test(subjectPart.slice(-60));
    if (listed && beforeGrade.length > 1)
      return [uniq(beforeGrade.flatMap((m) => m.councils)), 'several named before it'];
    // "Achieving for Children, which runs services in Kingston and Richmond, was rated…": the
    // company's grade is each council's it runs services for.
    const runFor = RUNS_FOR.exec(clauseBefore);
    if (runFor) {
      const from = g.start - clauseBefore.length + runFor.index;
      const served = beforeGrade.filter((m) => m.start >= from);
      if (served.length > 1)
        return [uniq(served.flatMap((m) => m.councils)), 'the councils a company runs services for'];
    }
    const list = namedList(g, beforeGrade);
    if (list.length > 1) return [uniq(list.flatMap((m) => m.councils)), 'a list of councils as the subject'];
    // "Bradford, which borders Leeds, was rated good": the subject, not the name in the aside.
    const subject = subjectAroundAside(g, beforeGrade);
    if (subject) return [uniq(subject.flatMap((m) => m.councils)), 'the subject before an aside'];
    const after = near.find((m) => m.start >= g.end);
    // None before it, a list after a colon: "Only two councils dropped to inadequate this year:
    // Kirklees and Middlesbrough."
    if (
      !beforeGrade.length &&
      after &&
      /:\s*$/.test(g.sentence.text.slice(g.end - g.sentence.start, after.start - g.sentence.start))
    ) {
      const listed = near.filter((m) => m.start >= after.start);
      return [uniq(listed.flatMap((m) => m.councils)), 'the councils listed after a colon'];
    }
    const nearest = beforeGrade[beforeGrade.length - 1] ?? after;
    return [nearest ? narrow(uniq(nearest.councils)) : [], 'the nearest named in the sentence'];
  }
}

/** The end of a clause before the grade moved to: "…improved from inadequate to ". */
const FROM_GRADE_TO = /\b(?:from\s+[^,;]{1,60}?\s+)?to\s*['‘"“]?$/i;

/** Where a new clause with its own subject starts: ", while", ", whereas", ", but", ", with", "; ". */
const CLAUSE_CUT = /,\s*(?:while|whilst|whereas|but|although|though|with)\b|;/gi;

/** ", and" (a new clause when the one before it has its verb: CLAUSE_VERB). */
const AND_CUT = /,\s*and\b/gi;
const CLAUSE_VERB = /\b(?:rated|judged|graded|deemed|was|were|is|are|has|have|remains?|remained)\b/i;

/** After the grade: ", as was Brighton", ", as were Bradford and Leeds". */
const AS_WAS =
  /^['’"”]?\s*,\s*as\s+(?:was|were|is|are|did|have|has)\s+(?:(?:those|that|the services|services)\s+(?:in|of|for)\s+)?/i;

/** The councils named in an "as was" clause right after the grade (none when there is no such clause). */
function alsoAfter(g: GradeMention, near: CouncilMention[]): CouncilMention[] {
  const text = g.sentence.text;
  const off = g.sentence.start;
  const m = AS_WAS.exec(text.slice(g.end - off, g.end - off + 40));
  if (!m) return [];
  const out: CouncilMention[] = [];
  let at = g.end - off + m[0].length;
  for (const x of near) {
    if (x.end <= g.end) continue;
    // The first right after "as was", the others as a list: "Bradford and Leeds", "Bradford, Leeds and York".
    const gap = text.slice(at, x.start - off);
    if (out.length ? !LIST_GAP.test(gap) : !/^\s*(?:the\s+)?$/i.test(gap)) break;
    out.push(x);
    at = x.end - off;
  }
  return out;
}

/** After the name in an aside: the comma that closes it, then the grade's verb. */
const ASIDE_TO_GRADE = /^[’'"”)]?\s*,\s*(?:(?:has|have)\s+been|was|were|is|are|remains?|remained)\b[^,;:.()]{0,40}$/i;
/** Between the subject and the aside's opening comma: its possessive and "(children's) services". */
const SUBJECT_TO_ASIDE = /^(?:[’']s?)?(?:\s+(?:children[’']s\s+)?(?:social\s+care\s+)?services)?\s*$/i;
/** An aside that gives the grade to its names as well: "Leeds, like Bradford, was rated good". */
const ASIDE_ALSO = /^\s*(?:like|as with|along with|alongside|together with|as well as)\b/i;

/**
 * The subject of a grade when the name nearest it stands in an aside between commas: "RBWM's
 * children's services, run by Achieving for Children, were rated…" (RBWM), "Leeds, like Bradford,
 * was rated good" (both). Undefined when the sentence is not written so.
 */
function subjectAroundAside(g: GradeMention, beforeGrade: CouncilMention[]): CouncilMention[] | undefined {
  const n = beforeGrade.length;
  if (n < 2) return undefined;
  const text = g.sentence.text;
  const off = g.sentence.start;
  const last = beforeGrade[n - 1];
  if (!ASIDE_TO_GRADE.test(text.slice(last.end - off, g.start - off))) return undefined;
  // The aside opens at the last comma before its first name.
  let k = n - 1;
  let comma = text.lastIndexOf(',', last.start - off);
  while (k > 0 && beforeGrade[k - 1].end - off > comma) comma = text.lastIndexOf(',', beforeGrade[--k].start - off);
  if (comma < 0 || k === 0) return undefined;
  const subject = beforeGrade[k - 1];
  if (!SUBJECT_TO_ASIDE.test(text.slice(subject.end - off, comma))) return undefined;
  return ASIDE_ALSO.test(text.slice(comma + 1, beforeGrade[k].start - off))
    ? [subject, ...beforeGrade.slice(k)]
    : [subject];
}

/** A relative clause saying whose services the subject runs, then the grade's verb: ", which runs services in A and B, was". */
const RUNS_FOR =
  /\b(?:which|that|who)\s+(?:runs?|ran|provides?|delivers?|manages?|operates?)\b[^.;]{0,120},\s*(?:(?:has|have)\s+been|(?:was|were|is|are))\s+(?:now\s+)?(?:rated|judged|graded)?\s*(?:as\s+)?['‘"“]?$/i;

/** Gaps in a plain list of names: "Thisshire, Thatford and Othertown". */
const LIST_GAP = /^\s*(?:,|and|&|, and|,\s*&)\s*(?:the\s+)?$/i;
/** Between the list and the grade: a short predicate with no clause break ("were all judged"). */
const LIST_TO_GRADE = /^(?:[’']s)?\s*(?:councils?\s+|children[’']?s services\s+)?[^,;:.()]{0,60}$/i;

/** The mentions that form a list of names ending just before the grade, as its subject. */
function namedList(g: GradeMention, beforeGrade: CouncilMention[]): CouncilMention[] {
  const text = g.sentence.text;
  const off = g.sentence.start;
  const last = beforeGrade[beforeGrade.length - 1];
  if (!last || !LIST_TO_GRADE.test(text.slice(last.end - off, g.start - off))) return [];
  const list = [last];
  for (let k = beforeGrade.length - 2; k >= 0; k--) {
    const gap = text.slice(beforeGrade[k].end - off, list[0].start - off);
    if (!LIST_GAP.test(gap)) break;
    list.unshift(beforeGrade[k]);
  }
  return list;
}

/**
 * De-duplicated outcomes: one per council, grade, current/previous, year and area. A grade with
 * no year joins an outcome of the same council, grade, time and area that has one (and gives it
 * its year when it comes first); two different years are two outcomes ("inadequate in 2012 and
 * again in 2015"). In text order of first mention.
 */
export function buildOutcomes(grades: AttributedGrade[]): Outcome[] {
  const groups = new Map<string, Outcome[]>();
  const order: Outcome[] = [];
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i];
    for (let j = 0; j < g.councils.length; j++) {
      const council = g.councils[j];
      const key = `${council.code}|${g.grade}|${g.current}|${g.area ?? ''}`;
      const group = groups.get(key) ?? [];
      if (!groups.has(key)) groups.set(key, group);
      if (group.some((o) => o.year === g.year || !g.year)) continue;
      const yearless = group.find((o) => !o.year);
      if (yearless && g.year) {
        yearless.year = g.year;
        continue;
      }
      const outcome: Outcome = {
        council,
        grade: g.grade,
        current: g.current,
        ...(g.year ? { year: g.year } : {}),
        ...(g.area ? { area: g.area } : {}),
      };
      group.push(outcome);
      order.push(outcome);
    }
  }
  return order;
}
