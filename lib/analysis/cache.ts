// Re-analysing a page that changed (infinite scroll, a late article body, an edit) without
// re-doing the unchanged parts: the sentence-level results of each block (its sentences, council
// mentions, grade mentions and improvement areas) are kept by the block's text, with offsets
// relative to the block, and reused when the same block comes again. The last run's own lists
// are kept too, so the unchanged start of the page is taken whole (see analyzeSteps). Only the
// document-level steps (attribution, detection, outcomes) run over everything each time.
import type { Council } from '../data/gazetteer';
import type { BlockRun } from './analyze';
import type { CouncilMention } from './councils';
import type { Detection, DetectionInput } from './detect';
import type { GradeMention } from './grades';
import type { ImprovementArea } from './improvements';
import type { AttributedGrade, Outcome } from './outcomes';
import type { PreparedText, SourceDocument, Span } from './text';

/**
 * What a block contributes, kept relative to the block (offsets from its start, sentences by
 * index in it), so that it does not depend on where the block lies: `place` adds it to a run at
 * the block's offset there and its first sentence `si`.
 */
export interface BlockResult {
  place(run: BlockRun, offset: number, si: number): void;
}

/** A block's role changes what is found in it: the headline, an item of an improvement list, or text. */
export type BlockRole = 0 | 1 | 2;

/**
 * What the last complete run saw and found, for the next run to take its unchanged start as it
 * is: the strings it was given (title first), their cleaned form and roles, and for each block
 * where its sentences and findings begin in the run's lists (one entry more: the end).
 */
export interface LastRun {
  raw: unknown[];
  safe: SourceDocument;
  roles: Uint8Array;
  prepared: PreparedText;
  sentenceAt: number[];
  councilAt: number[];
  gradeAt: number[];
  improvementAt: number[];
  councils: CouncilMention[];
  found: GradeMention[];
  improvements: ImprovementArea[];
  /** The article's main council, and each grade (as pageGrades gave it) as it was attributed. */
  primary: Council | null;
  attributed: Map<GradeMention, AttributedGrade>;
  detection: { input: DetectionInput; result: Detection };
  /** The blocks read as items of an improvement list (see improvementListBlocks). */
  listBlocks?: Set<number>;
  /** The attributed grades and the outcomes made of them. */
  grades?: AttributedGrade[];
  outcomes?: Outcome[];
}

export class AnalysisCache {
  /** Blocks the last run analysed, and blocks it reused. */
  analysed = 0;
  reused = 0;
  /** The last complete run (null after a run that cut the text short). */
  lastRun: LastRun | null = null;
  private results: Map<string, BlockResult>[] = [new Map(), new Map(), new Map()];
  private splits = new Map<string, Span[]>();

  /** Starts a run. */
  begin() {
    this.analysed = 0;
    this.reused = 0;
  }

  /**
   * Ends a run: blocks no longer on the page are forgotten (memory follows the page) once they
   * are more than an eighth of what is kept, so a page that only grows is never swept.
   */
  end(run: LastRun | null) {
    this.lastRun = run;
    if (!run) {
      this.results = [new Map(), new Map(), new Map()];
      this.splits = new Map();
      return;
    }
    const n = run.roles.length;
    const size = this.results[0].size + this.results[1].size + this.results[2].size;
    if (size <= n + (n >> 3) && this.splits.size <= n + (n >> 3)) return;
    const results: Map<string, BlockResult>[] = [new Map(), new Map(), new Map()];
    const splits = new Map<string, Span[]>();
    for (let b = 0; b < n; b++) {
      const text = b === 0 ? run.safe.title : run.safe.blocks[b - 1];
      const r = this.results[run.roles[b]].get(text);
      if (r) results[run.roles[b]].set(text, r);
      const sp = this.splits.get(text);
      if (sp) splits.set(text, sp);
    }
    this.results = results;
    this.splits = splits;
  }

  /** The sentence spans of a block's text, split once. */
  sentencesOf(text: string, split: (t: string) => Span[]): Span[] {
    let spans = this.splits.get(text);
    if (!spans) {
      spans = split(text);
      this.splits.set(text, spans);
    }
    return spans;
  }

  get(role: BlockRole, text: string): BlockResult | undefined {
    const r = this.results[role].get(text);
    if (r) this.reused++;
    return r;
  }

  set(role: BlockRole, text: string, result: BlockResult) {
    this.results[role].set(text, result);
    this.analysed++;
  }
}
