// The analysis core: text in, findings out. No DOM and no browser API, so it runs unchanged in
// the content script, in Node (the command-line analyser) and in tests.
import type { Council } from '../data/gazetteer';
import type { AnalysisCache, BlockResult, BlockRole } from './cache';
import { type CouncilMention, findCouncilMentions, groupMentions } from './councils';
import { type Detection, detectInspectionArticle } from './detect';
import { findGrades, type Grade, type GradeMention, pageGrades } from './grades';
import { findImprovementAreas, type ImprovementArea, improvementListBlocks } from './improvements';
import { type AttributedGrade, attributeGrades, buildOutcomes, type Outcome } from './outcomes';
import { runSteps } from './steps';
import {
  type PreparedText,
  prepareTextSteps,
  type Sentence,
  type SourceDocument,
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

/** A block with nothing in it (most blocks of a long page). */
const NOTHING: BlockResult = Object.freeze({ councils: [], grades: [], improvements: [] }) as BlockResult;

/** A block's results as the cache keeps them: offsets from the block start, sentences by index. */
function relative(
  c: CouncilMention[],
  g: GradeMention[],
  imp: ImprovementArea[],
  slice: Sentence[],
  offset: number,
): BlockResult {
  if (!c.length && !g.length && !imp.length) return NOTHING;
  const pos = slice.length > 32 ? new Map(slice.map((s, i) => [s, i])) : null;
  const index = (s: Sentence) => (pos ? (pos.get(s) ?? -1) : slice.indexOf(s));
  return {
    councils: c.map((m) => ({ ...m, start: m.start - offset, end: m.end - offset })),
    grades: g.map((x) => ({ ...x, start: x.start - offset, end: x.end - offset, sentence: index(x.sentence) })),
    improvements: imp.map((a) => ({ ...a, sentence: index(a.sentence) })),
  };
}

/**
 * The analysis as a sequence of steps: it yields between slices of sentences so a caller can
 * give the main thread back on a very long page. Sentence-local work (councils, grades,
 * improvement areas) is done block by block, taken from the cache for blocks it has seen; the
 * document-level steps after it are linear and short.
 */
export function* analyzeSteps(
  doc: SourceDocument,
  sentencesPerStep = 300,
  cache?: AnalysisCache,
): Generator<void, Analysis> {
  const safe = sanitiseDocument(doc);
  yield;
  cache?.begin();
  const split = cache ? (t: string) => cache.sentencesOf(t, splitSentences) : splitSentences;
  const prepared = yield* prepareTextSteps(safe, sentencesPerStep, split);
  yield;
  const councils: CouncilMention[] = [];
  const found: GradeMention[] = [];
  const improvements: ImprovementArea[] = [];
  const { sentences, text, blocks } = prepared;
  const listBlocks = improvementListBlocks(safe);
  let si = 0;
  let sinceYield = 0;
  for (let b = 0; b < blocks.length; b++) {
    let sj = si;
    while (sj < sentences.length && sentences[sj].block === b) sj++;
    const offset = blocks[b].start;
    const role: BlockRole = b === 0 ? 0 : listBlocks.has(b) ? 1 : 2;
    // The block's own string is the key (same object as the sentence split's: hashed once).
    const blockText = b === 0 ? safe.title : safe.blocks[b - 1];
    const hit = cache?.get(role, blockText);
    if (hit) {
      for (const m of hit.councils) councils.push({ ...m, start: m.start + offset, end: m.end + offset });
      for (const g of hit.grades)
        found.push({ ...g, start: g.start + offset, end: g.end + offset, sentence: sentences[si + g.sentence] });
      for (const a of hit.improvements) improvements.push({ ...a, sentence: sentences[si + a.sentence] });
    } else if (sj > si) {
      const slice = sentences.slice(si, sj);
      const c = findCouncilMentions(text, slice);
      const g = findGrades(slice);
      const imp = findImprovementAreas(slice, g, listBlocks);
      for (const m of c) councils.push(m);
      for (const x of g) found.push(x);
      for (const a of imp) improvements.push(a);
      cache?.set(role, blockText, relative(c, g, imp, slice, offset));
    } else cache?.set(role, blockText, NOTHING);
    sinceYield += sj - si;
    si = sj;
    if (sinceYield >= sentencesPerStep && b < blocks.length - 1) {
      sinceYield = 0;
      yield;
    }
  }
  cache?.end();
  const rawGrades = pageGrades(found, sentences);
  const grades = attributeGrades(rawGrades, councils, sentences);
  const detection = detectInspectionArticle({
    title: safe.title,
    text,
    councilCount: new Set(councils.flatMap((m) => m.councils.map((c) => c.code))).size,
    gradeCount: grades.length,
    gradeSentences: [...new Set(grades.map((g) => g.sentence))].map((s) => s.text),
  });
  return { prepared, detection, grades, councils, improvements, outcomes: buildOutcomes(grades) };
}

/** Analyses a document: detection, grades, councils, improvement areas, outcomes. */
export function analyzeDocument(doc: SourceDocument): Analysis {
  return runSteps(analyzeSteps(doc, Number.MAX_SAFE_INTEGER));
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** Removes control characters and caps size; keeps offsets meaningful for what remains. */
function sanitiseDocument(doc: SourceDocument): SourceDocument {
  let budget = MAX_TEXT;
  // A clean block is passed on as the same string (a new copy would be hashed again by the cache).
  const clean = (s: string) => {
    let t = typeof s === 'string' ? s : String(s ?? '');
    if (t.length > budget) t = t.slice(0, Math.max(0, budget));
    if (CONTROL.test(t)) t = t.replace(CONTROLS, ' ');
    budget -= t.length;
    return t;
  };
  const title = clean(doc.title);
  const blocks: string[] = [];
  for (const b of doc.blocks ?? []) {
    if (budget <= 0) break;
    blocks.push(clean(b));
  }
  return { title, blocks, ...(doc.blockKinds ? { blockKinds: doc.blockKinds.slice(0, blocks.length) } : {}) };
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
