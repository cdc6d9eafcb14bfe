// The page lens: extracts the article from the live DOM, runs the analysis core, maps every
// finding to a Range and highlights it. Re-running after the page changes keeps the findings
// that are still there, adds new ones and drops the ones whose text is gone.
//
// On a long article (thousands of findings) only the highlights near the viewport are drawn:
// the browser's paint cost grows with every registered range, so a 1 MB article would spend
// 50 ms on each repaint. Ranges are made when first needed, and blocks join or leave the drawn
// set as the reader scrolls (blocks within a screen of the viewport: see viewport.ts).
import { type Analysis, analyzeSteps } from '../analysis/analyze';
import { AnalysisCache } from '../analysis/cache';
import { type Finding, findingsByKind, findingsOf, type HighlightName } from '../analysis/findings';
import { PAINT, runSteps, runStepsWithPauses, type SliceStats, type Step } from '../analysis/steps';
import {
  type ExtractedBlock,
  type ExtractedDocument,
  ExtractionCache,
  extractArticleSteps,
  type Placement,
  rebuildBlock,
  siteOf,
  toSourceDocument,
} from './extract';
import type { Highlighter } from './highlighter';
import { analysisBlocks, rangeInBlock } from './text-map';
import { markTime } from './timing';
import { blocksNear, scrollWatcher, type ViewportWatcher, type WatcherFactory } from './viewport';

export type { ViewportWatcher, WatcherFactory };

export interface LensEntry {
  key: string;
  finding: Finding;
  /** The finding's Range in the live page (made on first use). */
  readonly range: Range;
  block: Element;
}

export interface LensReport {
  isInspectionArticle: boolean;
  confidence: number;
  counts: Partial<Record<HighlightName, number>>;
  analysis: Analysis | null;
}

export interface LensOptions {
  /** From this many findings on, only highlights near the viewport are drawn. */
  windowAt?: number;
  /** Watches blocks for the windowed mode; the default follows scrolling (see viewport.ts). */
  watcher?: WatcherFactory;
  /** First guess of which blocks are near the viewport, before the watcher reports. */
  nearViewport?: (blocks: Element[]) => Set<Element>;
  /** On an article longer than this (characters), its top is shown before the rest is analysed. */
  firstChars?: number;
  /**
   * Where blocks lie against what the reader sees first, so that a long article reloaded
   * scrolled down shows its highlights there early too; the default reads block positions,
   * null leaves the first part to the top alone.
   */
  view?: Placement | null;
  /**
   * The caller reports every change to the page (`markDirty`, from a MutationObserver running
   * before the first run): unchanged blocks are then not even read again on a re-run.
   */
  trackChanges?: boolean;
}

/** Findings on a page from which only the highlights near the viewport are drawn. */
export const WINDOW_AT = 1000;
/** While the reader scrolls, highlights are drawn this many screens further ahead (see viewport.ts): 8 cost less main-thread time a frame than 4 in bench A/B runs (CPU 9.1 against 10.3 ms a frame, 7.2 without us). */
export const SCROLL_AHEAD = 8;
/**
 * Characters of a long article analysed and drawn first, at least: with the reader's view (the
 * default), the first part runs on to the end of the screen below the viewport however wide the
 * lines are, so this matters only where the screens hold less text than this. Was
 * 30,000 (some ten screens), then 8,000 (about three screens): on the 1 MB article 8,000 ran past
 * the screen below the viewport, and the first part's analysis on a cold page is most of the first
 * screens' time; 2,000 leaves the first part to what the reader can see (A/B in docs/performance.md).
 */
export const FIRST_CHARS = 2_000;
/**
 * A first part only on an article at least this long: a shorter one (the seeds have 2,700 to
 * 4,900 characters; long reads 10,000 to 20,000) is analysed whole at once, as a first part would
 * be most of it, analysed twice and the rest drawn a frame later. Judged when the first part has
 * been read, from the text length of the rest of the article container (see `extractArticleSteps`),
 * not by reading this far first.
 */
export const LONG_CHARS = 30_000;

class Entry implements LensEntry {
  handle: unknown = null;
  order = 0;
  /** The last run that found it (entries no run found since are dropped). */
  run = 0;
  /** In the lens's entries (false once dropped or cleared). */
  live = true;
  private made: Range | null = null;
  constructor(
    readonly key: string,
    public finding: Finding,
    public source: ExtractedBlock,
    readonly start: number,
    readonly end: number,
    private readonly doc: Document,
    private readonly fresh: boolean,
  ) {}
  get block(): Element {
    return this.source.element;
  }
  get materialised(): boolean {
    return this.made !== null;
  }
  /** The Range, or null when the block no longer has text there. */
  tryRange(): Range | null {
    if (this.made) return this.made;
    // <mark> wrappers split text nodes: read the block afresh so offsets map to today's nodes.
    const current = this.fresh ? rebuildBlock(this.source.element, this.source.text) : this.source;
    this.made = current && rangeInBlock(this.doc, current, this.start, this.end);
    return this.made;
  }
  get range(): Range {
    return this.tryRange() ?? this.doc.createRange();
  }
}

/**
 * The findings of an analysis in text order. findingsOf lists them kind by kind, each kind in
 * text order: merged in one pass (as a stable sort would order them: on a tie, the earlier kind
 * first), instead of sorting thousands of findings again on every run of a long page.
 */
export function inTextOrder(analysis: Analysis): Finding[] {
  const all = findingsOf(analysis);
  const runs: Finding[][] = [];
  let from = 0;
  for (let i = 1; i <= all.length; i++)
    if (i === all.length || all[i].kind !== all[i - 1].kind) {
      runs.push(all.slice(from, i));
      from = i;
    }
  const sorted = (r: Finding[]) => r.every((f, i) => i === 0 || r[i - 1].start <= f.start);
  if (runs.length > 3 || !runs.every(sorted)) return all.sort((x, y) => x.start - y.start);
  const out: Finding[] = new Array(all.length);
  const at = runs.map(() => 0);
  for (let n = 0; n < out.length; n++) {
    let best = -1;
    for (let r = 0; r < runs.length; r++)
      if (at[r] < runs[r].length && (best < 0 || runs[r][at[r]].start < runs[best][at[best]].start)) best = r;
    out[n] = runs[best][at[best]++];
  }
  return out;
}

/** The findings of an analysis in text order, and what they were made from (for the next run). */
export interface Ordered {
  findings: Finding[];
  /** The analysis's grades, council mentions and improvement areas (the lists findings are made from). */
  sources: readonly (readonly object[])[];
  /** How many of the first findings are the last order's own (the unchanged start of the page). */
  same: number;
  /** Made by merging the kinds (not by a sort): a next run may take its start. */
  merged: boolean;
}

/** Where a finding made from an item of the kind `k` (see findingsByKind) starts. */
function startOf(k: number, x: object | undefined): number {
  if (!x) return Number.POSITIVE_INFINITY;
  return k === 2 ? (x as Analysis['improvements'][number]).sentence.start : (x as { start: number }).start;
}

/**
 * `inTextOrder` of an analysis, taking the start of the last order as it is: a re-run passes on
 * the last run's own grades, mentions and areas for the unchanged start of the page, and gets the
 * same finding objects for them. Up to the first place where a kind's list differs from the last
 * one (the first item not the same object, in either), every kind's items are the same, so the
 * merge there gave the same findings in the same order; only the findings from there on are
 * made and merged (as inTextOrder merges them: on a tie, the earlier kind first).
 */
export function inTextOrderAfter(analysis: Analysis, last: Ordered | null): Ordered {
  const sources = [analysis.grades, analysis.councils, analysis.improvements];
  const whole = (): Ordered => {
    // inTextOrder merges the kinds when each is in text order (else it sorts them all).
    const merged = sources.every((list, k) =>
      list.every((x, i) => i === 0 || startOf(k, list[i - 1]) <= startOf(k, x)),
    );
    return { findings: inTextOrder(analysis), sources, same: 0, merged };
  };
  if (!last?.merged) return whole();
  let cut = Number.POSITIVE_INFINITY;
  const prefix = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const now = sources[k];
    const before = last.sources[k];
    const m = Math.min(now.length, before.length);
    let i = 0;
    while (i < m && now[i] === before[i]) i++;
    prefix[k] = i;
    cut = Math.min(cut, startOf(k, now[i]), startOf(k, before[i]));
  }
  // Each kind's items from the first one at or after the cut: they are merged again.
  const from = prefix.map((p, k) => {
    let i = p;
    while (i > 0 && startOf(k, sources[k][i - 1]) >= cut) i--;
    return i;
  });
  const tails = findingsByKind(analysis, from);
  // Each tail in order, and after the kept start (else the whole merge decides, as inTextOrder).
  for (const t of tails) for (let i = 0; i < t.length; i++) if (t[i].start < (i ? t[i - 1].start : cut)) return whole();
  let same = 0;
  const kept = last.findings;
  while (same < kept.length && kept[same].start < cut) same++;
  const findings = kept.slice(0, same);
  const at = [0, 0, 0];
  for (let total = tails[0].length + tails[1].length + tails[2].length; total > 0; total--) {
    let best = -1;
    for (let r = 0; r < 3; r++)
      if (at[r] < tails[r].length && (best < 0 || tails[r][at[r]].start < tails[best][at[best]].start)) best = r;
    findings.push(tails[best][at[best]++]);
  }
  return { findings, sources, same, merged: true };
}

/**
 * Reads a block's position against the viewport and a screen either side. Blocks with no box
 * (hidden) count as before it: they neither join the first part nor end it.
 */
function defaultView(doc: Document): Placement {
  return (el) => {
    const h = doc.defaultView?.innerHeight || 800;
    const r = el.getBoundingClientRect();
    if (!r.height && !r.width) return -1;
    return r.bottom < -h ? -1 : r.top > 2 * h ? 1 : 0;
  };
}

/** Blocks within a screen of the viewport: one layout, a few dozen rectangle reads. */
function defaultNearViewport(doc: Document): (blocks: Element[]) => Set<Element> {
  return (blocks) => new Set(blocksNear(blocks, doc.defaultView?.innerHeight ?? 800));
}

export class PageLens {
  private entries = new Map<string, Entry>();
  private byBlock = new Map<Element, Entry[]>();
  private blockIds = new WeakMap<Element, number>();
  private nextBlockId = 1;
  /** The entry of each finding object: a re-run's unchanged findings are the same objects. */
  private byFinding = new WeakMap<Finding, Entry>();
  private runs = 0;
  /**
   * The last complete run's findings in order (what the next run's order starts from), and the
   * entry of each; `settled` while no run changed the entries since it.
   */
  private order: Ordered | null = null;
  private applied: (Entry | null)[] = [];
  private settled = false;
  private readonly windowAt: number;
  private readonly makeWatcher: WatcherFactory;
  private readonly nearViewport: (blocks: Element[]) => Set<Element>;
  private watcher: ViewportWatcher | null = null;
  /** Blocks whose highlights are drawn, in windowed mode. */
  private near = new Set<Element>();
  private windowed = false;
  private readonly firstChars: number;
  private readonly longChars: number;
  private readonly view: Placement | null;
  /** Sentence-level results by block text: a re-run analyses only the blocks that changed. */
  private readonly cache = new AnalysisCache();
  /** Blocks as read from the page, kept while nothing in them changes (with `trackChanges`). */
  private readonly extraction: ExtractionCache | null;
  analysis: Analysis | null = null;
  /** The findings of `analysis` in text order, once a complete run has drawn them (the page report reads them). */
  inOrder: Finding[] = [];
  /** The last complete extraction of the page (what `analysis` read). */
  extracted: ExtractedDocument | null = null;

  /**
   * Blocks the last run analysed afresh and reused unchanged, blocks it did not read again and
   * read again, and children it took from its list without reading the page (see ExtractionCache).
   */
  get lastRun(): { analysed: number; reused: number; notReread: number; reread: number; listed: number } {
    const notReread = this.extraction?.reused ?? 0;
    const reread = this.extraction?.fresh ?? 0;
    const listed = this.extraction?.listed ?? 0;
    return { analysed: this.cache.analysed, reused: this.cache.reused, notReread, reread, listed };
  }

  /** Reports a change in the page (a text node's text, or an element's children). */
  markDirty(node: Node) {
    this.extraction?.markDirty(node);
  }

  /** Reports a change to an element's children, with what was added and removed (a MutationRecord's lists). */
  markChildren(node: Node, added: ArrayLike<Node>, removed: ArrayLike<Node>) {
    this.extraction?.markChildren(node, added, removed);
  }

  /** The gov.uk site the page is on, read once (see siteOf): a council's release names its council by it. */
  private siteRead: string | undefined | null = null;
  private get site(): string | undefined {
    if (this.siteRead === null) this.siteRead = siteOf(this.doc);
    return this.siteRead;
  }

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    options: LensOptions = {},
  ) {
    this.windowAt = options.windowAt ?? WINDOW_AT;
    this.makeWatcher = options.watcher ?? scrollWatcher(doc, { ahead: SCROLL_AHEAD });
    this.nearViewport = options.nearViewport ?? defaultNearViewport(doc);
    this.firstChars = options.firstChars ?? FIRST_CHARS;
    // A caller's own first part (tests) is also its own threshold.
    this.longChars = options.firstChars ?? LONG_CHARS;
    this.view = options.view === undefined ? defaultView(doc) : options.view;
    // With <mark> wrappers the page's text nodes are ours to split: blocks are always re-read.
    this.extraction = options.trackChanges && highlighter.mode === 'highlight-api' ? new ExtractionCache() : null;
  }

  private blockId(el: Element): number {
    let id = this.blockIds.get(el);
    if (!id) {
      id = this.nextBlockId++;
      this.blockIds.set(el, id);
    }
    return id;
  }

  /** True while only the highlights near the viewport are drawn. */
  get isWindowed(): boolean {
    return this.windowed;
  }

  /** How many highlights are drawn now (all of them, unless windowed). */
  get drawn(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.handle !== null) n++;
    return n;
  }

  /** Analyses the page as it is now and brings the highlights up to date. */
  run(): LensReport {
    return runSteps(this.steps(Number.MAX_SAFE_INTEGER));
  }

  /** The same as `run`, giving the main thread back (`pause()`) whenever a step ran over `budgetMs`. */
  runAsync(
    pause: () => Promise<void>,
    budgetMs = 30,
    stats?: SliceStats,
    paint?: () => Promise<void>,
  ): Promise<LensReport> {
    return runStepsWithPauses(this.steps(150), pause, budgetMs, stats, paint);
  }

  private *steps(sliceSize: number): Generator<Step, LensReport> {
    // A long article shows its first screens while the rest is still read: the top is analysed
    // and drawn on its own, the page painted, then the whole article analysed and reconciled.
    const firstChars = this.entries.size ? 0 : this.firstChars; // only before anything is drawn
    const extraction = extractArticleSteps(
      this.doc,
      {
        firstChars,
        longChars: this.longChars,
        ...(this.view ? { view: this.view } : {}),
        ...(this.extraction ? { cache: this.extraction } : {}),
      },
      sliceSize * 10,
    );
    let next = extraction.next();
    while (!next.done) {
      if (next.value) yield* this.first(next.value, sliceSize);
      else yield;
      next = extraction.next();
    }
    const extracted = next.value;
    this.extracted = extracted;
    markTime('il:extracted');
    yield;
    const analysis = yield* analyzeSteps(toSourceDocument(extracted, this.site), sliceSize, this.cache);
    markTime('il:analysed');
    this.analysis = analysis;
    if (!analysis.detection.isInspectionArticle) {
      this.clear();
      return { isInspectionArticle: false, confidence: analysis.detection.confidence, counts: {}, analysis };
    }
    const ordered = inTextOrderAfter(analysis, this.settled ? this.order : null);
    const findings = ordered.findings;
    this.inOrder = findings;
    this.setWindowed(findings.length >= this.windowAt);
    yield* this.apply(extracted, analysis, findings, sliceSize, true, ordered.same);
    this.order = ordered;
    return {
      isInspectionArticle: true,
      confidence: analysis.detection.confidence,
      counts: this.counts(),
      analysis,
    };
  }

  /**
   * The first part of a long article (its top, and what the reader sees if elsewhere): analysed
   * and drawn alone, then painted (nothing is removed).
   */
  private *first(top: ExtractedDocument, sliceSize: number): Generator<Step, void> {
    const analysis = yield* analyzeSteps(toSourceDocument(top, this.site), sliceSize, this.cache);
    if (!analysis.detection.isInspectionArticle) return;
    this.analysis ??= analysis;
    this.setWindowed(true);
    yield* this.apply(top, analysis, inTextOrder(analysis), sliceSize, false);
    markTime('il:first-highlighted', { drawn: this.drawn });
    yield PAINT;
  }

  /**
   * Brings entries up to date with an analysis; `complete` drops those it no longer finds.
   * `findings` must be in text order: each is placed in its block by a pointer that only moves on.
   * `same`: how many of the first findings are the last complete run's (see inTextOrderAfter).
   */
  private *apply(
    extracted: ExtractedDocument,
    analysis: Analysis,
    findings: Finding[],
    sliceSize: number,
    complete: boolean,
    same = 0,
  ): Generator<Step, void> {
    const blocks = analysisBlocks(extracted);
    const spans = analysis.prepared.blocks;
    const fresh = this.highlighter.mode === 'mark';
    const run = ++this.runs;
    const added: Entry[] = [];
    // The last complete run's entry of each of its findings, when nothing ran since: the
    // unchanged start's findings take theirs without a look-up, and only that run's entries
    // past the start (and those the start did not take) can be left over to drop.
    const prior = complete && this.settled ? this.applied : null;
    const skip = prior ? Math.min(same, prior.length) : 0;
    const loose: Entry[] = [];
    const now: (Entry | null)[] | null = complete ? [] : null;
    this.settled = false;
    let b = 0;
    let n = 0;
    for (const f of findings) {
      if (++n % sliceSize === 0) yield;
      while (b < spans.length - 1 && spans[b].end < f.start) b++;
      const block = blocks[b];
      if (n <= skip) {
        // The same finding as last time, in the same block object: a block the extraction did
        // not read again (nothing in it reported changed), so its entry is as it was.
        const e = (prior as (Entry | null)[])[n - 1];
        if (e?.live && e.finding === f && e.source === block) {
          e.run = run;
          e.order = n;
          const r = e.materialised ? e.tryRange() : null;
          if (!e.materialised || (r && !r.collapsed && r.startContainer.isConnected)) {
            now?.push(e);
            continue;
          }
        }
        if (e?.live) loose.push(e);
      }
      // (Placed before it is recorded: \`now?.push(…)\` would skip the call on a first part.)
      const placed = block ? this.place(f, block, spans[b], run, n, fresh, added) : null;
      now?.push(placed);
    }
    if (complete) {
      if (prior) {
        for (let i = skip; i < prior.length; i++) {
          const e = prior[i];
          if (e?.live && e.run !== run) this.drop(e);
        }
        for (const e of loose) if (e.live && e.run !== run) this.drop(e);
      } else for (const e of this.entries.values()) if (e.run !== run) this.drop(e);
      // The watcher searches the blocks by position: they are in document order here already.
      if (this.watcher?.reorder) {
        const highlighted: Element[] = [];
        for (const b of blocks) if (b && this.byBlock.has(b.element)) highlighted.push(b.element);
        this.watcher.reorder(highlighted);
      }
    }
    this.draw(added);
    if (now) {
      this.applied = now;
      this.settled = true;
    }
  }

  /** Brings the entry of one finding up to date, or makes it; returns it (null when none is kept). */
  private place(
    f: Finding,
    block: ExtractedBlock,
    span: { start: number; end: number },
    run: number,
    n: number,
    fresh: boolean,
    added: Entry[],
  ): Entry | null {
    // A finding the last run had too (the same object: same text, same place in its block),
    // still in the same element: its entry stays as it is, drawn or not.
    const had = this.byFinding.get(f);
    if (had?.run && had.source.element === block.element && this.entries.get(had.key) === had) {
      had.run = run;
      had.order = n;
      if (!had.materialised) {
        had.source = block;
        return had;
      }
      const r = had.tryRange();
      if (r && !r.collapsed && r.startContainer.isConnected) return had;
      this.drop(had);
    }
    const localStart = f.start - span.start;
    const localEnd = Math.min(f.end, span.end) - span.start;
    // The text is not part of the key (a long string to join and hash for every finding on
    // every run): a finding at the same place with other text replaces the entry instead.
    const key = `${this.blockId(block.element)}:${localStart}:${localEnd}:${f.highlight}`;
    let existing = this.entries.get(key);
    if (existing && existing.finding.text !== f.text) {
      this.drop(existing);
      existing = undefined;
    }
    if (existing) {
      existing.run = run;
      existing.order = n;
      existing.finding = f;
      this.byFinding.set(f, existing);
      if (!existing.materialised) {
        existing.source = block; // same element, offsets and text: today's segments map it
        return existing;
      }
      const r = existing.tryRange();
      if (r && !r.collapsed && r.startContainer.isConnected) return existing;
      this.drop(existing);
    }
    const entry = new Entry(key, f, block, localStart, localEnd, this.doc, fresh);
    entry.order = n;
    entry.run = run;
    if (!this.add(entry)) return null;
    added.push(entry);
    this.byFinding.set(f, entry);
    return entry;
  }

  private setWindowed(on: boolean) {
    if (on && !this.windowed) {
      this.watcher = this.makeWatcher((el, near) => this.onViewport(el, near));
      if (!this.watcher || this.highlighter.mode !== 'highlight-api') {
        this.watcher?.disconnect();
        this.watcher = null;
        return;
      }
      this.windowed = true;
      this.near = new Set();
      for (const [el, list] of this.byBlock) {
        this.watcher.observe(el);
        for (const e of list) this.undraw(e); // redrawn when their block is reported near
      }
    } else if (!on && this.windowed) {
      this.windowed = false;
      this.watcher?.disconnect();
      this.watcher = null;
      this.near.clear();
      for (const e of this.entries.values()) this.show(e);
    }
  }

  /** Draws new entries: all of them, or in windowed mode those in blocks near the viewport. */
  private draw(added: Entry[]) {
    if (!this.windowed) {
      for (const e of added) if (!this.show(e)) this.drop(e);
      return;
    }
    const fresh = [...new Set(added.map((e) => e.block))].filter((el) => !this.near.has(el));
    if (!fresh.length) {
      for (const e of added) if (this.near.has(e.block)) this.show(e);
      return;
    }
    // Blocks already known to be near keep their state; new blocks get a first guess now (so
    // the first frame has the highlights on screen) and the watcher's word shortly after.
    for (const el of this.nearViewport(fresh)) this.near.add(el);
    for (const e of added) if (this.near.has(e.block)) this.show(e);
  }

  private onViewport(el: Element, near: boolean) {
    const list = this.byBlock.get(el);
    if (!list) return;
    if (near) {
      if (this.near.has(el) && list.every((e) => e.handle !== null)) return;
      this.near.add(el);
      for (const e of list) this.show(e);
    } else {
      this.near.delete(el);
      for (const e of list) this.undraw(e);
    }
  }

  /** Draws one entry; false when its text is no longer in the block. */
  private show(e: Entry): boolean {
    if (e.handle !== null) return true;
    const range = e.tryRange();
    if (range) e.handle = this.highlighter.add(e.finding.highlight, range);
    return !!range;
  }

  private undraw(e: Entry) {
    if (e.handle === null) return;
    this.highlighter.remove(e.finding.highlight, e.handle);
    e.handle = null;
  }

  private add(entry: Entry): boolean {
    if (this.entries.has(entry.key)) return false;
    // Ranges are made when drawn: with <mark> wrappers, just before wrapping (wrapping moves
    // text nodes, which would collapse live ranges made earlier); in windowed mode, when the
    // block comes near the viewport.
    this.entries.set(entry.key, entry);
    const list = this.byBlock.get(entry.block);
    if (list) list.push(entry);
    else {
      this.byBlock.set(entry.block, [entry]);
      this.watcher?.observe(entry.block);
    }
    return true;
  }

  private drop(e: Entry) {
    this.undraw(e);
    e.live = false;
    this.entries.delete(e.key);
    const list = this.byBlock.get(e.block);
    if (list) {
      const i = list.indexOf(e);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) {
        this.byBlock.delete(e.block);
        this.near.delete(e.block);
        this.watcher?.unobserve(e.block);
      }
    }
  }

  /** Findings per highlight name, on the whole page. */
  private counts(): Partial<Record<HighlightName, number>> {
    const counts: Partial<Record<HighlightName, number>> = {};
    for (const e of this.entries.values()) counts[e.finding.highlight] = (counts[e.finding.highlight] ?? 0) + 1;
    return counts;
  }

  /** Removes every highlight and forgets every finding. */
  clear() {
    this.inOrder = [];
    this.order = null;
    this.applied = [];
    this.settled = false;
    for (const e of this.entries.values()) e.live = false;
    this.highlighter.clear();
    this.watcher?.disconnect();
    this.watcher = null;
    this.windowed = false;
    this.near.clear();
    this.entries.clear();
    this.byBlock.clear();
  }

  /** Drawn findings under a DOM point, most specific first (grades, councils, then improvement areas). */
  findingsAt(node: Node, offset: number, visible: (h: HighlightName) => boolean = () => true): LensEntry[] {
    const out: LensEntry[] = [];
    for (let el: Node | null = node; el; el = el.parentNode) {
      const list = this.byBlock.get(el as Element);
      if (!list) continue;
      for (const e of list) {
        if (!visible(e.finding.highlight) || e.handle === null) continue;
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

  /** Every finding on the page in document order (drawn or waiting for its block to be near). */
  all(): LensEntry[] {
    return [...this.entries.values()].sort((a, b) => a.order - b.order);
  }
}
