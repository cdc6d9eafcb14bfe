// The page runner: analyses the page and draws its highlights when it may be an inspection
// article, runs again (reading again only what changed) when the page changes or navigates,
// reports to the background (toolbar badge, side panel) and keeps the saved clips' highlights.
import type { HighlightName } from '../analysis/findings';
import type { Clip } from '../clips';
import { send } from '../messages';
import { removeHighlightStyles } from '../page/highlight-styles';
import { createHighlighter, type Highlighter } from '../page/highlighter';
import { inTextOrder, type LensReport, PageLens } from '../page/lens';
import { reportedFindings } from '../page/panel-requests';
import { mayBeInspectionArticle } from '../page/quick-check';
import { ClipShower, isFlashLayer } from '../page/show-clip';
import { type TextMap, textMapOf } from '../page/text-map';
import { nextTask, yieldToPage } from '../page/timing';
import { MAX_REPORTED_FINDINGS } from '../reports';
import { type ContentContext, onAbort } from './context';
import { createEvents } from './events';
import { createReportSender } from './report-sender';
import { trace } from './trace';
import { WARM_CHARS, whenIdle } from './warm-rerun';

export type RunnerEvent = 'forget' | 'navigated' | 'ran' | 'first-painted';

export interface PageRunner {
  readonly lens: PageLens | null;
  readonly last: LensReport | null;
  /** The highlighter, made when first needed (a page that is not an article never touches the Highlight API). */
  highlighter(): Highlighter;
  /** Runs the analysis now (or once more after the run in progress). */
  analyse(): void;
  /**
   * The page's article text as the last run read it, while still current (no run in progress,
   * no change since, the page's text nodes not split by <mark> wrappers); else null: read afresh.
   */
  textMap(model: Clip['textModel']): TextMap | null;
  /** Draws a saved clip's highlight (once per clip) and tells the shower where it is. */
  showClip(id: string, range: Range): void;
  /** Scrolls to a saved clip's passage and flashes it when the side panel opens it (lib/page/show-clip.ts). */
  readonly shower: ClipShower;
  /** Sends the page report again, whatever was sent before (the background asked: it lost it). */
  reportAgain(): Promise<void>;
  /**
   * `forget`: the page was paused, everything shown must go; `navigated`: a single-page navigation;
   * `ran`: a run ended (not the quiet idle re-run); `first-painted`: a long article's first
   * screens, drawn before the rest is analysed, have been painted (the frame was rendered).
   */
  on(type: RunnerEvent, f: () => void, signal: AbortSignal): void;
}

export interface RunnerOptions {
  /** The quick check's answer at start. */
  worth: boolean;
  /** Nodes that are ours (the UI host), not the page's: their changes are not the page's changes. */
  isOurs(n: Node): boolean;
}

export function startPageRunner(cx: ContentContext, opts: RunnerOptions): PageRunner {
  const { doc, win, gate, signal } = cx;
  const events = createEvents<RunnerEvent>();
  let lens: PageLens | null = null;
  let last: LensReport | null = null;
  let observer: MutationObserver | null = null;
  let rerunTimer = 0;
  let lastUrl = win.location.href;
  let running: Promise<void> | null = null;
  let again = false;
  let highlighterMade: Highlighter | null = null;
  /** The lens whose idle re-run has been asked for (see warm-rerun.ts). */
  let warmed: PageLens | null = null;
  const clipHandles = new Map<string, unknown>();
  const shower = new ClipShower(doc);

  const highlighter = () => {
    highlighterMade ??= createHighlighter(doc);
    return highlighterMade;
  };

  // Sent only when it changed (report-sender.ts); `force` when the background asks for it again.
  const reports = createReportSender((data) => send('pageReport', data), MAX_REPORTED_FINDINGS);
  function report(rep: LensReport | null = last, force = false): Promise<void> {
    // Paused here: the badge and the panel learn nothing of the page.
    const r = gate.paused ? null : rep;
    const a = r?.isInspectionArticle ? r.analysis : null;
    const sources = a ? (lens?.analysis === a ? lens.inOrder : inTextOrder(a)) : [];
    // Its cost to the page is what runs before the message leaves (building, comparing, and the
    // browser copying it): bench:page prints it after each re-run.
    const t = performance.now();
    const sent = reports.send(
      {
        head: {
          url: win.location.href,
          title: doc.title.slice(0, 500),
          isInspectionArticle: !!r?.isInspectionArticle,
          confidence: r?.confidence ?? 0,
          counts: (r?.counts ?? {}) as Record<string, number>,
          outcomes: a ? a.outcomes.slice(0, 200) : [],
          highlighting: gate.highlighting(),
        },
        sources,
        findings: () => reportedFindings(a, sources),
      },
      force,
    );
    trace('il:reported', { ms: performance.now() - t, sent: reports.last });
    return sent;
  }

  function applyVisibility() {
    if (!highlighterMade) return;
    for (const name of Object.keys(gate.settings.categories) as HighlightName[])
      highlighterMade.setVisible(name, gate.visible(name));
  }

  /** Resolves once the next frame has been rendered (a message posted from its rAF callback). */
  const afterNextFrame = () =>
    new Promise<void>((resolve) =>
      win.requestAnimationFrame(() => {
        trace('il:frame');
        nextTask().then(resolve);
      }),
    );

  /**
   * After a frame: resolves when highlights set before it are on screen, that is at once, or
   * (hidden until the stored settings are known) at the frame after the settings arrive.
   */
  const onScreen = async () => {
    if (gate.known) return;
    await gate.ready;
    await afterNextFrame();
  };

  /** `quiet`: the idle re-run of an unchanged long page (warm-rerun.ts): no marks, no report. */
  function analyse(quiet = false) {
    if (gate.paused || signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    if (!lens) lens = new PageLens(doc, highlighter(), { trackChanges: true });
    const current = lens;
    const runUrl = win.location.href;
    running = (async () => {
      // Drawn hidden if the stored settings have not arrived yet (in Chromium they almost always
      // have; Firefox reads storage more slowly); shown the moment they do.
      applyVisibility();
      startWatching();
      const slices = { slices: 0, longest: 0, total: 0 };
      // On a long article the top is drawn first; `paint` lets the page paint it.
      // The mark is made before the work resumes (in the same task), not after its next slice.
      const paint = () =>
        afterNextFrame().then(() => {
          if (gate.known) trace('il:first-painted');
          else onScreen().then(() => trace('il:first-painted'));
          events.emit('first-painted');
        });
      last = await current.runAsync(yieldToPage, 20, slices, paint);
      if (quiet) return;
      trace('il:highlighted', {
        drawn: current.drawn,
        longestSlice: slices.longest,
        slices: slices.slices,
        work: slices.total,
        ...current.lastRun,
      });
      const painted = afterNextFrame()
        .then(onScreen)
        .then(() => trace('il:painted'));
      // The report (badge, side panel) is not needed for the highlights' frame: sent after it, its
      // message does not delay it. At once when no frame is near: a hidden tab renders none, and
      // before the stored settings are known the highlights wait for them (Firefox).
      if (!gate.known || doc.visibilityState === 'hidden') report();
      else {
        let sent = false;
        const sendOnce = () => {
          if (sent || signal.aborted) return;
          sent = true;
          win.clearTimeout(late);
          report();
        };
        // A tab hidden before its frame renders none until shown again: the report does not wait.
        const late = win.setTimeout(sendOnce, 250);
        painted.then(sendOnce);
      }
      if (!last.isInspectionArticle) stopWatching();
      else if (warmed !== current && (current.analysis?.prepared.text.length ?? 0) >= WARM_CHARS) {
        // Once the highlights are on screen, when the browser is next idle.
        warmed = current;
        painted.then(() => whenIdle(win, () => !running && !rerunTimer && lens === current && analyse(true), signal));
      }
    })()
      .catch(() => {})
      .finally(() => {
        running = null;
        dropUnusedStyles();
        if (!quiet) events.emit('ran');
        if (gate.paused) {
          forgetPage();
          return;
        }
        if (again) {
          again = false;
          // Once more: the page changed while this run worked. Not for a page that is not an
          // article (a ticker would keep it busy forever), unless it navigated meanwhile.
          if (last?.isInspectionArticle || win.location.href !== runUrl) analyse();
        }
      });
  }

  function scheduleRerun() {
    if (rerunTimer || signal.aborted) return;
    rerunTimer = win.setTimeout(() => {
      rerunTimer = 0;
      if (win.location.href !== lastUrl) {
        lastUrl = win.location.href;
        events.emit('navigated');
      }
      if (lens || mayBeInspectionArticle(doc)) analyse();
    }, 250);
  }

  // Ours: the UI host, our <mark>s, and the outline a flash lays over a passage for a moment.
  const isOurs = (n: Node) =>
    opts.isOurs(n) || (n.nodeName === 'MARK' && (n as Element).hasAttribute('data-il')) || isFlashLayer(n);
  const notAllOurs = (nodes: NodeList) => {
    for (let i = 0; i < nodes.length; i++) if (!isOurs(nodes[i])) return true;
    return false;
  };

  // Every change to the page is reported to the lens (so a re-run reads again only what
  // changed) and schedules a re-run. Watching starts before the first run, so changes made
  // while it works are not missed; it stops if the page turns out not to be an article.
  function startWatching() {
    if (observer) return;
    observer = new MutationObserver((records) => {
      let relevant = false;
      for (const r of records) {
        if (r.type === 'characterData') {
          lens?.markDirty(r.target);
          relevant = true;
          continue;
        }
        if (
          (notAllOurs(r.addedNodes) || notAllOurs(r.removedNodes)) &&
          !(r.target instanceof Element && r.target.closest('mark[data-il]'))
        ) {
          lens?.markChildren(r.target, r.addedNodes, r.removedNodes);
          relevant = true;
        }
      }
      if (relevant) scheduleRerun();
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  }

  function stopWatching() {
    observer?.disconnect();
    observer = null;
    clearTimeout(rerunTimer);
    rerunTimer = 0;
  }

  /**
   * The highlights' styles, added early on a page that looked like an article (entrypoints/early.ts),
   * are taken off while nothing is drawn (the last run found no inspection article, and no saved
   * clip is shown): a page that is not an article then pays nothing for them on each restyling
   * (lib/page/highlight-styles.ts). Drawing adds them again.
   */
  function dropUnusedStyles() {
    if (!running && !last?.isInspectionArticle && clipHandles.size === 0) removeHighlightStyles(doc);
  }

  /** Takes away everything drawn or shown on the page; a run in progress does it when it ends. */
  function forgetPage() {
    stopWatching();
    events.emit('forget');
    if (running) return;
    lens?.clear();
    lens = null;
    last = null;
    highlighterMade?.clear();
    clipHandles.clear();
    removeHighlightStyles(doc);
  }

  const mayRun = () => gate.settings.enabled && mayBeInspectionArticle(doc);
  const on = (type: Parameters<typeof gate.on>[0], f: () => void) => gate.on(type, f, signal);
  on('known', () => {
    if (gate.paused) forgetPage();
    applyVisibility();
    report();
  });
  on('pause', () => {
    forgetPage();
    report();
  });
  on('resume', () => {
    report();
    if (mayRun()) analyse();
  });
  on('settings', () => {
    if (!lens && mayRun()) analyse();
    applyVisibility();
    report();
  });
  on('page', () => {
    if (gate.pageEnabled && !lens && !gate.paused) analyse();
    applyVisibility();
    report();
  });

  // Single-page navigation: the URL changes without a load.
  win.addEventListener('popstate', scheduleRerun, { signal });
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', scheduleRerun, { signal } as AddEventListenerOptions);

  onAbort(signal, () => {
    stopWatching();
    lens?.clear();
    highlighterMade?.clear();
  });

  if (opts.worth) analyse();
  gate.ready.then(() => {
    if (signal.aborted || (opts.worth && gate.settings.enabled)) return;
    dropUnusedStyles();
    report(null);
    // A late-loading article body: look once more after the page has settled.
    const late = win.setTimeout(() => {
      if (!lens && !signal.aborted && mayRun()) analyse();
    }, 1500);
    onAbort(signal, () => clearTimeout(late));
  });

  return {
    get lens() {
      return lens;
    },
    get last() {
      return last;
    },
    highlighter,
    analyse: () => analyse(),
    reportAgain: () => report(last, true),
    textMap(model) {
      const extracted = lens?.extracted;
      if (model !== 'article' || !extracted || running || rerunTimer || highlighterMade?.mode !== 'highlight-api')
        return null;
      return textMapOf(extracted, model);
    },
    shower,
    showClip(id, range) {
      if (!gate.paused) shower.found(id, range);
      if (gate.paused || clipHandles.has(id)) return;
      clipHandles.set(id, highlighter().add('il-clip', range));
    },
    on: events.on,
  };
}
