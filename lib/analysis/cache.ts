// Re-analysing a page that changed (infinite scroll, a late article body, an edit) without
// re-doing the unchanged parts: the sentence-level results of each block (its sentences, council
// mentions, grade mentions and improvement areas) are kept by the block's text, with offsets
// relative to the block, and reused when the same block comes again. Only the document-level
// steps (attribution, detection, outcomes) run over everything each time.
import type { CouncilMention } from './councils';
import type { GradeMention } from './grades';
import type { ImprovementArea } from './improvements';
import type { Span } from './text';

/** What a block contributes, offsets relative to the block start, sentences by index in the block. */
export interface BlockResult {
  councils: CouncilMention[];
  grades: (Omit<GradeMention, 'sentence'> & { sentence: number })[];
  improvements: (Omit<ImprovementArea, 'sentence'> & { sentence: number })[];
}

/** A block's role changes what is found in it: the headline, an item of an improvement list, or text. */
export type BlockRole = 0 | 1 | 2;

export class AnalysisCache {
  /** Blocks the last run analysed, and blocks it reused. */
  analysed = 0;
  reused = 0;
  private results: Map<string, BlockResult>[] = [new Map(), new Map(), new Map()];
  private next: Map<string, BlockResult>[] = [new Map(), new Map(), new Map()];
  private splits = new Map<string, Span[]>();
  private nextSplits = new Map<string, Span[]>();

  /** Starts a run: what it does not use is forgotten at `end()`, so memory follows the page. */
  begin() {
    this.analysed = 0;
    this.reused = 0;
    this.next = [new Map(), new Map(), new Map()];
    this.nextSplits = new Map();
  }

  end() {
    this.results = this.next;
    this.splits = this.nextSplits;
  }

  /** The sentence spans of a block's text, split once. */
  sentencesOf(text: string, split: (t: string) => Span[]): Span[] {
    let spans = this.nextSplits.get(text) ?? this.splits.get(text);
    if (!spans) spans = split(text);
    this.nextSplits.set(text, spans);
    return spans;
  }

  get(role: BlockRole, text: string): BlockResult | undefined {
    const r = this.next[role].get(text) ?? this.results[role].get(text);
    if (r) {
      this.next[role].set(text, r);
      this.reused++;
    }
    return r;
  }

  set(role: BlockRole, text: string, result: BlockResult) {
    this.next[role].set(text, result);
    this.analysed++;
  }
}
