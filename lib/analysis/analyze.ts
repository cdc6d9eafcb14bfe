// The analysis core: text in, findings out. No DOM and no browser API, so it runs unchanged in
// the content script, in Node (the command-line analyser) and in tests.
import type { Council } from '../data/gazetteer';
import { type CouncilMention, findCouncilMentions, groupMentions } from './councils';
import { type Detection, detectInspectionArticle } from './detect';
import { findGrades, type Grade, type GradeMention } from './grades';
import { findImprovementAreas, type ImprovementArea, improvementListBlocks } from './improvements';
import { type AttributedGrade, attributeGrades, buildOutcomes, type Outcome } from './outcomes';
import { runSteps } from './steps';
import { type PreparedText, prepareTextSteps, type SourceDocument, sentenceIndexAt } from './text';

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

/**
 * The analysis as a sequence of steps: it yields between slices of sentences so a caller can
 * give the main thread back on a very long page. Sentence-local work (councils, grades,
 * improvement areas) is sliced; the document-level steps after it are linear and short.
 */
export function* analyzeSteps(doc: SourceDocument, sentencesPerStep = 300): Generator<void, Analysis> {
  const safe = sanitiseDocument(doc);
  yield;
  const prepared = yield* prepareTextSteps(safe, sentencesPerStep);
  yield;
  const councils: CouncilMention[] = [];
  const found: GradeMention[] = [];
  const improvements: ImprovementArea[] = [];
  const { sentences, text } = prepared;
  const listBlocks = improvementListBlocks(safe);
  for (let i = 0; i < sentences.length; i += sentencesPerStep) {
    const slice = sentences.slice(i, i + sentencesPerStep);
    for (const m of findCouncilMentions(text, slice)) councils.push(m);
    const grades = findGrades(slice);
    for (const g of grades) found.push(g);
    for (const a of findImprovementAreas(slice, grades, listBlocks)) improvements.push(a);
    if (i + sentencesPerStep < sentences.length) yield;
  }
  const rawGrades = found;
  const grades = attributeGrades(rawGrades, councils);
  const detection = detectInspectionArticle({
    title: safe.title,
    text,
    councilCount: new Set(councils.flatMap((m) => m.councils.map((c) => c.code))).size,
    gradeCount: grades.length,
  });
  return { prepared, detection, grades, councils, improvements, outcomes: buildOutcomes(grades) };
}

/** Analyses a document: detection, grades, councils, improvement areas, outcomes. */
export function analyzeDocument(doc: SourceDocument): Analysis {
  return runSteps(analyzeSteps(doc, Number.MAX_SAFE_INTEGER));
}

/** Removes control characters and caps size; keeps offsets meaningful for what remains. */
function sanitiseDocument(doc: SourceDocument): SourceDocument {
  let budget = MAX_TEXT;
  const clean = (s: string) => {
    const t = String(s ?? '')
      .slice(0, Math.max(0, budget))
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g, ' ');
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
      sentence: g.sentence.text,
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
