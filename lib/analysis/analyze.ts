// The analysis core: text in, findings out. No DOM and no browser API, so it runs unchanged in
// the content script, in Node (the command-line analyser) and in tests.

import type { Council } from '../data/gazetteer';
import { councilForHost } from '../data/hosts';
import type { AnalysisCache, BlockResult, BlockRole, LastRun } from './cache';
import { type CouncilMention, findCouncilMentions, groupMentions } from './councils';
import { DETECT_CHARS, DETECT_GRADE_SENTENCES, type Detection, detectInspectionArticle } from './detect';
import { findGrades, type Grade, type GradeMention, pageGrades } from './grades';
import { findImprovementAreas, type ImprovementArea, improvementListBlocks, isBareLine } from './improvements';
import { type AttributedGrade, attributeGrades, buildOutcomes, type Outcome, primaryCouncil } from './outcomes';
import { runSteps } from './steps';
import {
  type PreparedText,
  prepareTextSteps,
  type Sentence,
  type SourceDocument,
  type Span,
  sentenceIndexAt,
  splitSentences,
} from './text';

export type { AttributedGrade, CouncilMention, Detection, Grade, ImprovementArea, Outcome, SourceDocument };

/** Everything the analysis finds, with offsets into `prepared.text` for highlighting. */
export interface Analysis {
  prepared: PreparedText;
  detection: Detection;
  grades: AttributedGrade[];
  councils: CouncilMention[];
  improvements: ImprovementArea[];
  outcomes: Outcome[];
}

/** Hard cap on analysed text, so a hostile page cannot make the core run away. */
export const MAX_TEXT = 64_000_000;

/** A block with nothing in it (most blocks of a long page): it adds nothing to a run. */
const NOTHING: BlockResult = Object.freeze({ place() {} });

/**
 * A block's results as the cache keeps them: its findings and sentences as found, with the
 * block's offset in that run, placed anew where a later run meets the block (no relative copy is
 * made: most pages never change). The findings and sentences are not changed after the block is
 * analysed.
 */
function relative(
  c: CouncilMention[],
  g: GradeMention[],
  imp: ImprovementArea[],
  slice: Sentence[],
  offset: number,
): BlockResult {
  if (!c.length && !g.length && !imp.length) return NOTHING;
  return new BlockFindings(c, g, imp, slice, offset);
}

/** relative's result: a class, its method on the prototype (no closures per block with a finding). */
class BlockFindings implements BlockResult {
  constructor(
    private readonly c: CouncilMention[],
    private readonly g: GradeMention[],
    private readonly imp: ImprovementArea[],
    private readonly slice: Sentence[],
    private readonly offset: number,
  ) {}

  private pos: Map<Sentence, number> | null = null;

  /** A sentence's index in the block's sentences (-1: not one of them). */
  private indexOf(s: Sentence): number {
    const slice = this.slice;
    if (slice.length <= 32) return slice.indexOf(s);
    if (!this.pos) {
      const pos = new Map<Sentence, number>();
      for (let i = 0; i < slice.length; i++) pos.set(slice[i], i);
      this.pos = pos;
    }
    return this.pos.get(s) ?? -1;
  }

  /**
   * Adds this block's findings to `run`, moved to the block's `offset` there and to its sentences
   * from `si` on: made from the findings themselves, with no relative copy kept in between.
   */
  place(run: BlockRun, offset: number, si: number): void {
    const { councils, found, improvements } = run;
    const { sentences } = run.prepared;
    const { c, g, imp } = this;
    const o = this.offset;
    for (let k = 0; k < c.length; k++) {
      const m = c[k];
      councils.push({ ...m, start: m.start - o + offset, end: m.end - o + offset });
    }
    for (let k = 0; k < g.length; k++) {
      const x = g[k];
      found.push({
        ...x,
        start: x.start - o + offset,
        end: x.end - o + offset,
        sentence: sentences[si + this.indexOf(x.sentence)],
      });
    }
    for (let k = 0; k < imp.length; k++) {
      const a = imp[k];
      improvements.push({ ...a, sentence: sentences[si + this.indexOf(a.sentence)] });
    }
  }
}

/**
 * The analysis as a sequence of steps: it yields between slices of sentences so a caller can
 * give the main thread back on a very long page. Sentence-local work (councils, grades,
 * improvement areas) is done block by block, taken from the cache for blocks it has seen; the
 * document-level steps after it are linear and short. With a cache, the blocks at the start that
 * are as the last run left them (same text, same role) are not even visited: their sentences and
 * findings are the last run's own objects (their offsets cannot have moved).
 */
export function* analyzeSteps(
  doc: SourceDocument,
  sentencesPerStep = 300,
  cache?: AnalysisCache,
): Generator<void, Analysis> {
  const last = cache?.lastRun ?? null;
  const { safe, same, truncated } = sanitiseDocument(doc, last);
  yield;
  cache?.begin();
  const listBlocks = listBlocksAfter(safe, last, same);
  const roles = rolesOf(listBlocks, safe.blocks.length + 1);
  // Blocks 0..kept-1 (0 is the title) are the last run's: same text, same role.
  const kept = last ? sameRoles(roles, last.roles, same) : 0;
  const split = cache ? (t: string) => cache.sentencesOf(t, splitSentences) : splitSentences;
  const prepared = yield* prepareTextSteps(
    safe,
    sentencesPerStep,
    split,
    last && kept ? { from: last.prepared, blocks: kept, sentences: last.sentenceAt[kept] } : undefined,
  );
  yield;
  const { sentences, text, blocks } = prepared;
  const councils: CouncilMention[] = last && kept ? last.councils.slice(0, last.councilAt[kept]) : [];
  const found: GradeMention[] = last && kept ? last.found.slice(0, last.gradeAt[kept]) : [];
  const improvements: ImprovementArea[] = last && kept ? last.improvements.slice(0, last.improvementAt[kept]) : [];
  const sentenceAt = last && kept ? last.sentenceAt.slice(0, kept) : [];
  const councilAt = last && kept ? last.councilAt.slice(0, kept) : [];
  const gradeAt = last && kept ? last.gradeAt.slice(0, kept) : [];
  const improvementAt = last && kept ? last.improvementAt.slice(0, kept) : [];
  if (cache) cache.reused += kept;
  const run: BlockRun = {
    safe,
    prepared,
    roles,
    listBlocks,
    cache,
    councils,
    found,
    improvements,
    sentenceAt,
    councilAt,
    gradeAt,
    improvementAt,
    si: last && kept ? last.sentenceAt[kept] : 0,
    local: !!last,
  };
  // The blocks, a step's worth of sentences at a time (see analyseBlocks).
  for (let b = kept; b < blocks.length; ) {
    b = analyseBlocks(run, b, sentencesPerStep);
    if (b < blocks.length) yield;
  }
  const si = run.si;
  sentenceAt.push(si);
  councilAt.push(councils.length);
  gradeAt.push(found.length);
  improvementAt.push(improvements.length);
  const rawGrades = pageGrades(found, sentences);
  // A grade found in the unchanged start (the same object as last time: pageGrades passes it on)
  // is attributed as then when the article's main council is the same.
  const primary = primaryCouncil(councils);
  const known = last && kept && last.primary === primary ? last.attributed : null;
  // A council's own site names the council where the page names none ("our services for children").
  const site = safe.site ? councilForHost(safe.site) : null;
  const grades = attributeGrades(
    rawGrades,
    councils,
    sentences,
    known ? (g) => known.get(g) : undefined,
    primary,
    site,
  );
  const attributed = new Map<GradeMention, AttributedGrade>();
  for (let i = 0; i < grades.length; i++) attributed.set(rawGrades[i], grades[i]);
  // Detection reads the title, the first DETECT_CHARS of the text and these counts: when the
  // unchanged start covers that much and the counts are the same, its answer is the same.
  const startKept = !!(last?.detection && kept && prepared.blocks[kept - 1].end >= DETECT_CHARS);
  // Detection is given those characters alone; when the unchanged start covers them, as the last
  // run's string (a re-run's text would be flattened, 1 MB copied, to cut them again).
  const head =
    startKept && last?.detection
      ? last.detection.input.text
      : text.length <= DETECT_CHARS
        ? text
        : last
          ? headOf(safe, prepared.blocks, text)
          : text.slice(0, DETECT_CHARS);
  const input = detectionInput(safe.title, head, councils, grades);
  const sameInput =
    startKept &&
    last?.detection &&
    input.councilCount === last.detection.input.councilCount &&
    input.gradeCount === last.detection.input.gradeCount &&
    sameStrings(input.gradeSentences ?? [], last.detection.input.gradeSentences ?? []);
  const detection = sameInput && last?.detection ? last.detection.result : detectInspectionArticle(input);
  // The outcomes are made of the grades alone: the same grades (the same objects) make the same.
  const outcomes =
    last?.outcomes && last.grades && sameObjects(grades, last.grades) ? last.outcomes : buildOutcomes(grades);
  cache?.end(
    truncated
      ? null
      : {
          raw: sourceStrings(doc),
          safe,
          roles,
          prepared,
          sentenceAt,
          councilAt,
          gradeAt,
          improvementAt,
          councils,
          found,
          improvements,
          primary,
          attributed,
          detection: { input, result: detection },
          listBlocks,
          grades,
          outcomes,
        },
  );
  return { prepared, detection, grades, councils, improvements, outcomes };
}

/**
 * The prepared text's first DETECT_CHARS characters, joined again from its first blocks' own
 * strings. In a re-run the text is a concatenation V8 has not flattened (each block is read in
 * its own string, see analyseBlocks): cutting it would copy all of it (2 MB on the 1 MB article,
 * most of it two-byte) to keep 60,000 characters. The text itself when the join does not line up.
 */
function headOf(safe: SourceDocument, blocks: Span[], text: string): string {
  let head = '';
  let b = 0;
  for (; b < blocks.length && head.length < DETECT_CHARS; b++) {
    const raw = b === 0 ? safe.title : safe.blocks[b - 1];
    if (b > 0) head += '\n\n';
    head += raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  }
  if (b === 0 || blocks[b - 1].end !== head.length) return text.slice(0, DETECT_CHARS);
  return head.length > DETECT_CHARS ? head.slice(0, DETECT_CHARS) : head;
}

/** The state of the block-by-block pass of analyzeSteps. */
export interface BlockRun {
  safe: SourceDocument;
  prepared: PreparedText;
  roles: Uint8Array;
  listBlocks: Set<number>;
  cache: AnalysisCache | undefined;
  councils: CouncilMention[];
  found: GradeMention[];
  improvements: ImprovementArea[];
  sentenceAt: number[];
  councilAt: number[];
  gradeAt: number[];
  improvementAt: number[];
  /** The index of the first sentence of the next block. */
  si: number;
  /** A re-run: a block not in the cache is analysed in its own text (see analyseBlocks). */
  local: boolean;
}

/**
 * Analyses blocks from `from` on, until at least `sentencesPerStep` sentences have been read or
 * the blocks run out; returns the next block. A plain function, not part of the generator: V8
 * does not optimise a generator's loop while it runs, and this loop is the analysis's hottest.
 */
function analyseBlocks(run: BlockRun, from: number, sentencesPerStep: number): number {
  const { safe, roles, listBlocks, cache, councils, found, improvements } = run;
  const { sentences, text, blocks } = run.prepared;
  let si = run.si;
  let sinceYield = 0;
  let b = from;
  for (; b < blocks.length; b++) {
    run.sentenceAt.push(si);
    run.councilAt.push(councils.length);
    run.gradeAt.push(found.length);
    run.improvementAt.push(improvements.length);
    let sj = si;
    while (sj < sentences.length && sentences[sj].block === b) sj++;
    const offset = blocks[b].start;
    const role = roles[b] as BlockRole;
    // The block's own string is the key (same object as the sentence split's: hashed once).
    const blockText = b === 0 ? safe.title : safe.blocks[b - 1];
    const hit = cache?.get(role, blockText);
    if (hit) {
      hit.place(run, offset, si);
    } else if (sj > si && run.local && cache) {
      // A re-run's text is the last run's joined to what follows: a string V8 flattens (copies,
      // 1 MB on the 1 MB article) at the first character read from it. The block is read in its
      // own text instead, as the cache's results are (they do not depend on where a block lies).
      const part = blockText.indexOf('\r') < 0 ? blockText : blockText.replace(/\r\n?/g, '\n');
      const slice = new Array<Sentence>(sj - si);
      for (let k = si; k < sj; k++) {
        const s = sentences[k];
        slice[k - si] = { start: s.start - offset, end: s.end - offset, block: b, text: s.text };
      }
      const c = findCouncilMentions(part, slice);
      const g = findGrades(slice, c);
      const own = relative(c, g, findImprovementAreas(slice, g, listBlocks, part), slice, 0);
      cache.set(role, blockText, own);
      own.place(run, offset, si);
    } else if (sj > si) {
      const slice = sentences.slice(si, sj);
      const c = findCouncilMentions(text, slice);
      const g = findGrades(slice, c);
      const imp = findImprovementAreas(slice, g, listBlocks, text);
      // Indexed loops, not for…of: unoptimised (a page's single run), each for…of makes an
      // iterator and a result object per item.
      for (let k = 0; k < c.length; k++) councils.push(c[k]);
      for (let k = 0; k < g.length; k++) found.push(g[k]);
      for (let k = 0; k < imp.length; k++) improvements.push(imp[k]);
      cache?.set(role, blockText, relative(c, g, imp, slice, offset));
    } else cache?.set(role, blockText, NOTHING);
    sinceYield += sj - si;
    si = sj;
    if (sinceYield >= sentencesPerStep && b < blocks.length - 1) {
      b++;
      break;
    }
  }
  run.si = si;
  return b;
}

// The loops over every block are plain functions: a generator's own loop runs unoptimised.

/** Each block's role: 1 an item of an improvement list, 2 running text (0 the title). */
function rolesOf(listBlocks: Set<number>, count: number): Uint8Array {
  const roles = new Uint8Array(count);
  for (let b = 1; b < count; b++) roles[b] = listBlocks.has(b) ? 1 : 2;
  return roles;
}

/** How many of the first `same` blocks have the role they had last time. */
function sameRoles(roles: Uint8Array, last: Uint8Array, same: number): number {
  let kept = 0;
  while (kept < same && roles[kept] === last[kept]) kept++;
  return kept;
}

/** What detection reads: the distinct councils named, the grades and the first 40 grade sentences. */
function detectionInput(title: string, text: string, councils: CouncilMention[], grades: AttributedGrade[]) {
  const codes = new Set<string>();
  for (let i = 0; i < councils.length; i++) {
    const named = councils[i].councils;
    for (let j = 0; j < named.length; j++) codes.add(named[j].code);
  }
  const seen = new Set<Sentence>();
  const gradeSentences: string[] = [];
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i];
    if (seen.has(g.sentence)) continue;
    seen.add(g.sentence);
    gradeSentences.push(g.sentence.text);
    if (gradeSentences.length === DETECT_GRADE_SENTENCES) break;
  }
  return { title, text, councilCount: codes.size, gradeCount: grades.length, gradeSentences };
}

const sameObjects = (a: readonly object[], b: readonly object[]) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * improvementListBlocks of the document, with the last run: its scan (block by block; a list's
 * items, once found, are stepped over) is read again only from the last block it visited before
 * the first block that is not the last run's (text and kind). A block it visited is one it did
 * not mark (marked blocks are the ones stepped over), and what it marks from a block depends
 * only on that block and those after it; so the marks up to there are the last run's.
 */
function listBlocksAfter(safe: SourceDocument, last: LastRun | null, same: number): Set<number> {
  const before = last?.listBlocks;
  if (!last || !before) return improvementListBlocks(safe);
  // Blocks (0-based, the title not counted) with the last run's text and kind.
  let c = Math.min(Math.max(0, same - 1), last.safe.blocks.length);
  const kinds = safe.blockKinds;
  const lastKinds = last.safe.blockKinds;
  if (!kinds !== !lastKinds) c = 0;
  else if (kinds && lastKinds) {
    let i = 0;
    while (i < c && kinds[i] === lastKinds[i]) i++;
    c = i;
  }
  let r = c - 1;
  // Marks are block indices + 1 (0 is the title). A bare line, marked or not, may belong to a
  // list of bare lines whose introduction is before it (a second line makes it one): read again
  // from before them.
  while (r > 0 && (before.has(r + 1) || isBareLine(safe.blocks[r]))) r--;
  if (r <= 0) return improvementListBlocks(safe);
  const out = new Set<number>();
  for (const x of before) if (x <= r) out.add(x);
  const rest = improvementListBlocks({
    title: safe.title,
    blocks: safe.blocks.slice(r),
    ...(kinds ? { blockKinds: kinds.slice(r) } : {}),
  });
  for (const x of rest) out.add(x + r);
  return out;
}

const sameStrings = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The title and blocks as given, for the next run to compare (only strings can match). */
function sourceStrings(doc: SourceDocument): unknown[] {
  const out: unknown[] = [doc.title];
  const blocks = doc.blocks ?? [];
  for (let i = 0; i < blocks.length; i++) out.push(blocks[i]);
  return out;
}

/** Analyses a document: detection, grades, councils, improvement areas, outcomes. */
export function analyzeDocument(doc: SourceDocument): Analysis {
  return runSteps(analyzeSteps(doc, Number.MAX_SAFE_INTEGER));
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * Removes control characters and caps size; keeps offsets meaningful for what remains. With the
 * last run, the leading strings given exactly as then (`same`, the title counting as one) are
 * taken as they were cleaned then, without reading them again.
 */
function sanitiseDocument(
  doc: SourceDocument,
  last: LastRun | null = null,
): { safe: SourceDocument; same: number; truncated: boolean } {
  let budget = MAX_TEXT;
  let truncated = false;
  // A clean block is passed on as the same string (a new copy would be hashed again by the cache).
  const clean = (s: string) => {
    let t = typeof s === 'string' ? s : String(s ?? '');
    if (t.length > budget) {
      t = t.slice(0, Math.max(0, budget));
      truncated = true;
    }
    if (CONTROL.test(t)) t = t.replace(CONTROLS, ' ');
    budget -= t.length;
    return t;
  };
  const given = doc.blocks ?? [];
  const same = last && typeof doc.title === 'string' && doc.title === last.raw[0] ? 1 + sameStart(given, last.raw) : 0;
  const title = same ? (last?.safe.title ?? '') : clean(doc.title);
  if (same) budget -= title.length;
  const blocks: string[] = same > 1 ? (last as LastRun).safe.blocks.slice(0, same - 1) : [];
  budget -= totalLength(blocks);
  for (let i = blocks.length; i < given.length; i++) {
    if (budget <= 0) {
      truncated = true;
      break;
    }
    blocks.push(clean(given[i]));
  }
  return {
    safe: {
      title,
      blocks,
      ...(doc.blockKinds ? { blockKinds: doc.blockKinds.slice(0, blocks.length) } : {}),
      ...(typeof doc.site === 'string' && doc.site.length <= 253 ? { site: doc.site } : {}),
    },
    same,
    truncated,
  };
}

/** How many of the blocks given are, from the first, the strings the last run was given (after its title). */
function sameStart(given: string[], raw: unknown[]): number {
  const n = Math.min(given.length, raw.length - 1);
  let same = 0;
  while (same < n && typeof given[same] === 'string' && given[same] === raw[same + 1]) same++;
  return same;
}

function totalLength(strings: string[]): number {
  let n = 0;
  for (const s of strings) n += s.length;
  return n;
}

/** The contract's result shape (see ../shared/contracts/ANALYSIS.md). */
export interface AnalysisResult {
  source: string;
  title: string;
  isInspectionArticle: boolean;
  confidence: number;
  grades: {
    grade: Grade;
    text: string;
    sentence: string;
    council: Council | null;
    councils?: Council[];
    current: boolean;
    year?: number;
    area?: string;
  }[];
  councils: { code: string; name: string; mentions: { text: string; sentence: string }[] }[];
  improvementAreas: { sentence: string; topic?: string }[];
  outcomes: Outcome[];
  error?: string;
}

/** Converts an analysis to the contract's result. */
export function toResult(source: string, analysis: Analysis, title: string): AnalysisResult {
  const { prepared } = analysis;
  const sentenceOf = (start: number) => prepared.sentences[sentenceIndexAt(prepared.sentences, start)]?.text ?? '';
  return {
    source,
    title,
    isInspectionArticle: analysis.detection.isInspectionArticle,
    confidence: analysis.detection.confidence,
    grades: analysis.grades.map((g) => ({
      grade: g.grade,
      text: g.text,
      sentence: g.row ?? g.sentence.text,
      council: g.councils[0] ?? null,
      ...(g.councils.length > 1 ? { councils: g.councils } : {}),
      current: g.current,
      ...(g.year ? { year: g.year } : {}),
      ...(g.area ? { area: g.area } : {}),
    })),
    councils: groupMentions(analysis.councils).map((g) => ({
      code: g.council.code,
      name: g.council.name,
      mentions: g.mentions.map((m) => ({ text: m.text, sentence: sentenceOf(m.start) })),
    })),
    improvementAreas: analysis.improvements.map((i) => ({
      sentence: i.sentence.text,
      ...(i.topic ? { topic: i.topic } : {}),
    })),
    outcomes: analysis.outcomes,
  };
}
