// The page lens: extracts the article from the live DOM, runs the analysis core, maps every
// finding to a Range and highlights it. Re-running after the page changes keeps the ranges of
// findings that are still there, adds new ones and drops the ones whose text is gone.
import { type Analysis, analyzeSteps } from '../analysis/analyze';
import { countByHighlight, type Finding, findingsOf, type HighlightName } from '../analysis/findings';
import { runSteps, runStepsWithPauses } from '../analysis/steps';
import { type ExtractedBlock, extractArticleSteps, rebuildBlock, toSourceDocument } from './extract';
import type { Highlighter } from './highlighter';
import { analysisBlocks, rangeInBlock } from './ranges';

export interface LensEntry {
  key: string;
  finding: Finding;
  range: Range;
  handle: unknown;
  block: Element;
}

export interface LensReport {
  isInspectionArticle: boolean;
  confidence: number;
  counts: Partial<Record<HighlightName, number>>;
  analysis: Analysis | null;
}

export class PageLens {
  private entries = new Map<string, LensEntry>();
  private byBlock = new Map<Element, LensEntry[]>();
  private blockIds = new WeakMap<Element, number>();
  private nextBlockId = 1;
  analysis: Analysis | null = null;

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
  ) {}

  private blockId(el: Element): number {
    let id = this.blockIds.get(el);
    if (!id) {
      id = this.nextBlockId++;
      this.blockIds.set(el, id);
    }
    return id;
  }

  /** Analyses the page as it is now and brings the highlights up to date. */
  run(): LensReport {
    return runSteps(this.steps(Number.MAX_SAFE_INTEGER));
  }

  /** The same as `run`, giving the main thread back (`pause()`) whenever a step ran over `budgetMs`. */
  runAsync(pause: () => Promise<void>, budgetMs = 30): Promise<LensReport> {
    return runStepsWithPauses(this.steps(300), pause, budgetMs);
  }

  private *steps(sliceSize: number): Generator<void, LensReport> {
    const extracted = yield* extractArticleSteps(this.doc, {}, sliceSize * 10);
    performance.mark('il:extracted');
    yield;
    const analysis = yield* analyzeSteps(toSourceDocument(extracted), sliceSize);
    performance.mark('il:analysed');
    this.analysis = analysis;
    if (!analysis.detection.isInspectionArticle) {
      this.clear();
      return { isInspectionArticle: false, confidence: analysis.detection.confidence, counts: {}, analysis };
    }
    const blocks = analysisBlocks(extracted);
    const spans = analysis.prepared.blocks;
    const seen = new Set<string>();
    let b = 0;
    const findings = findingsOf(analysis).sort((x, y) => x.start - y.start);
    let n = 0;
    for (const f of findings) {
      if (++n % sliceSize === 0) yield;
      while (b < spans.length - 1 && spans[b].end < f.start) b++;
      const block = blocks[b];
      if (!block) continue; // the headline from metadata: not in the page
      const localStart = f.start - spans[b].start;
      const localEnd = Math.min(f.end, spans[b].end) - spans[b].start;
      const key = `${this.blockId(block.element)}:${localStart}:${localEnd}:${f.highlight}:${f.text}`;
      seen.add(key);
      const existing = this.entries.get(key);
      if (existing && !existing.range.collapsed && existing.range.startContainer.isConnected) {
        existing.finding = f;
        continue;
      }
      if (existing) this.drop(existing);
      this.add(key, f, block, localStart, localEnd);
    }
    for (const [key, e] of this.entries) if (!seen.has(key)) this.drop(e);
    return {
      isInspectionArticle: true,
      confidence: analysis.detection.confidence,
      counts: countByHighlight([...this.entries.values()].map((e) => e.finding)),
      analysis,
    };
  }

  private add(key: string, finding: Finding, block: ExtractedBlock, start: number, end: number) {
    // <mark> wrappers split text nodes: read the block afresh so offsets map to today's nodes.
    const current = this.highlighter.mode === 'mark' ? rebuildBlock(block.element) : block;
    const range = current && rangeInBlock(this.doc, current, start, end);
    if (!range) return;
    const handle = this.highlighter.add(finding.highlight, range);
    const entry: LensEntry = { key, finding, range, handle, block: block.element };
    this.entries.set(key, entry);
    const list = this.byBlock.get(block.element) ?? [];
    list.push(entry);
    this.byBlock.set(block.element, list);
  }

  private drop(e: LensEntry) {
    this.highlighter.remove(e.finding.highlight, e.handle);
    this.entries.delete(e.key);
    const list = this.byBlock.get(e.block);
    if (list) {
      const i = list.indexOf(e);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) this.byBlock.delete(e.block);
    }
  }

  /** Removes every highlight and forgets every finding. */
  clear() {
    this.highlighter.clear();
    this.entries.clear();
    this.byBlock.clear();
  }

  /** Findings under a DOM point, most specific first (grades, councils, then improvement areas). */
  findingsAt(node: Node, offset: number, visible: (h: HighlightName) => boolean = () => true): LensEntry[] {
    const out: LensEntry[] = [];
    for (let el: Node | null = node; el; el = el.parentNode) {
      const list = this.byBlock.get(el as Element);
      if (!list) continue;
      for (const e of list) {
        if (!visible(e.finding.highlight)) continue;
        try {
          if (e.range.isPointInRange(node, offset)) out.push(e);
        } catch {
          /* node in another document or detached */
        }
      }
      break;
    }
    const rank = (e: LensEntry) => (e.finding.kind === 'grade' ? 0 : e.finding.kind === 'council' ? 1 : 2);
    return out.sort((a, b) => rank(a) - rank(b));
  }

  /** Every highlighted finding in document order. */
  all(): LensEntry[] {
    return [...this.entries.values()].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }
}
