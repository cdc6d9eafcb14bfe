import './loaded';
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { CLIP_BUTTON_CSS, ClipButton } from '../../components/ClipButton';
import { FINDING_CARD_CSS, FindingCard } from '../../components/FindingCard';
import { describeFinding } from '../../lib/analysis/describe';
import type { HighlightName } from '../../lib/analysis/findings';
import { findingsOf } from '../../lib/analysis/findings';
import type { ClipFinding } from '../../lib/clips';
import { ofstedLinksOf } from '../../lib/data/ofsted';
import { type Data, parseMessage, send } from '../../lib/messages';
import { ownCanonical } from '../../lib/ownership';
import { placeCard } from '../../lib/page/card-place';
import { anchorClips, pageText, spanOfRange } from '../../lib/page/clip-anchoring';
import {
  articleOf,
  buildClip,
  buildFindingClip,
  type SaveOutcome,
  saveWithRetry,
  tooLongToClip,
  withOverlappedFindings,
} from '../../lib/page/clipper';
import { takeEarlyRead } from '../../lib/page/early-storage';
import { focusAtRange, focusedElement, returnFocus, tabGoesToClipButton } from '../../lib/page/focus-return';
import { createHighlighter, type Highlighter } from '../../lib/page/highlighter';
import { type LensEntry, type LensReport, PageLens } from '../../lib/page/lens';
import { answerPanelRequest, reportedFindings } from '../../lib/page/panel-requests';
import { mayBeInspectionArticle } from '../../lib/page/quick-check';
import { ClipShower } from '../../lib/page/show-clip';
import { markTime, nextTask, setMarking, yieldToPage } from '../../lib/page/timing';
import { createUiHost, type UiHost } from '../../lib/page/ui-host';
import { isPaused, PAUSED_SITES_KEY, siteOf } from '../../lib/pause';
import { type Settings, settingsItem } from '../../lib/settings';
import { BENCH_MARKS_KEY, EARLY_KEYS, HAS_CLIPS_KEY } from '../../lib/storage-keys';
import './style.css';

markTime('il:modules');

// The content script: a cheap check first; on an inspection article, analysis, highlights, the
// hover card and live updates as the page changes. Everything it adds is removed on invalidation.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // Timings for `npm run bench` (performance marks are cheap and visible to the page's tools).
    markTime('il:start');
    // Settings load while the page is checked and analysed; highlights wait for them (no flash).
    let settings: Settings = settingsItem.fallback;
    /** Until the stored settings are read, nothing is shown (a category the reader switched off must not flash). */
    let settingsKnown = false;
    /** Whether the reader has any clip (not which pages: no content script may know that). */
    let hasClips = false;
    /** The reader paused Inspection Lens on this site (side panel): nothing is done here. */
    let paused = false;
    let marksWanted = false;
    const storedKeys = EARLY_KEYS;
    // Begun at document_start by the early content script when it ran; else read now.
    const settingsLoaded = (takeEarlyRead(storedKeys) ?? Promise.reject(new Error('no early read')))
      .catch(() => browser.storage.local.get(storedKeys))
      .then((r) => {
        const got = r as Record<string, unknown>;
        settings = settingsItem.fromRecord(got);
        hasClips = got[HAS_CLIPS_KEY] === true;
        paused = isPaused(got[PAUSED_SITES_KEY], siteOf(location.href));
        marksWanted = got[BENCH_MARKS_KEY] === true;
      })
      .catch(() => {})
      .finally(() => {
        setMarking(marksWanted);
        markTime('il:settings');
        settingsKnown = true;
        if (paused) pauseHere();
        applyVisibility(highlighterMade);
        report(last);
      });
    let pageEnabled = true;
    let lens: PageLens | null = null;
    let last: LensReport | null = null;
    let observer: MutationObserver | null = null;
    let ui: UiHost | null = null;
    let shown: LensEntry | null = null;
    let status = '';
    let rerunTimer = 0;
    let lastUrl = location.href;

    const visible = (h: HighlightName) =>
      settingsKnown && !paused && settings.enabled && pageEnabled && settings.categories[h];

    function report(rep: LensReport | null) {
      // Paused here: the badge and the panel learn nothing of the page.
      const r = paused ? null : rep;
      const a = r?.analysis;
      send('pageReport', {
        url: location.href,
        title: document.title.slice(0, 500),
        isInspectionArticle: !!r?.isInspectionArticle,
        confidence: r?.confidence ?? 0,
        counts: (r?.counts ?? {}) as Record<string, number>,
        outcomes: r?.isInspectionArticle && a ? a.outcomes.slice(0, 200) : [],
        highlighting: !paused && settings.enabled && pageEnabled,
        findings: reportedFindings(r?.isInspectionArticle ? a : null),
      }).catch(() => {});
    }

    // Made when first needed: a page that is not an article never touches the Highlight API.
    let highlighterMade: Highlighter | null = null;
    const highlighter = () => {
      highlighterMade ??= createHighlighter(document);
      return highlighterMade;
    };

    function applyVisibility(h: Highlighter | null) {
      if (!h) return;
      for (const name of Object.keys(settings.categories) as HighlightName[]) h.setVisible(name, visible(name));
    }

    /** Resolves once the next frame has been rendered (a message posted from its rAF callback). */
    const afterNextFrame = () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          markTime('il:frame');
          nextTask().then(resolve);
        }),
      );

    /**
     * After a frame: resolves when highlights set before it are on screen, that is at once, or
     * (hidden until the stored settings are known) at the frame after the settings arrive.
     */
    const onScreen = async () => {
      if (settingsKnown) return;
      await settingsLoaded;
      await afterNextFrame();
    };

    let running: Promise<void> | null = null;
    let again = false;
    function analyse() {
      if (paused) return;
      if (running) {
        again = true;
        return;
      }
      if (!lens) lens = new PageLens(document, highlighter(), { trackChanges: true });
      const current = lens;
      const runUrl = location.href;
      running = (async () => {
        // Drawn hidden if the stored settings have not arrived yet (in Chromium they almost always
        // have; Firefox reads storage more slowly); shown the moment they do.
        applyVisibility(highlighterMade);
        startWatching();
        const slices = { slices: 0, longest: 0, total: 0 };
        // On a long article the top is drawn first; `paint` lets the page paint it.
        // The mark is made before the work resumes (in the same task), not after its next slice.
        const paint = () =>
          afterNextFrame().then(() => {
            if (settingsKnown) markTime('il:first-painted');
            else onScreen().then(() => markTime('il:first-painted'));
          });
        last = await current.runAsync(yieldToPage, 20, slices, paint);
        markTime('il:highlighted', {
          drawn: current.drawn,
          longestSlice: slices.longest,
          slices: slices.slices,
          work: slices.total,
          ...current.lastRun,
        });
        afterNextFrame()
          .then(onScreen)
          .then(() => markTime('il:painted'));
        report(last);
        if (!last.isInspectionArticle) stopWatching();
      })()
        .catch(() => {})
        .finally(() => {
          running = null;
          if (paused) {
            forgetPage();
            return;
          }
          if (again) {
            again = false;
            // Once more: the page changed while this run worked. Not for a page that is not an
            // article (a ticker would keep it busy forever), unless it navigated meanwhile.
            if (last?.isInspectionArticle || location.href !== runUrl) analyse();
          }
        });
    }

    function scheduleRerun() {
      if (rerunTimer) return;
      rerunTimer = window.setTimeout(() => {
        rerunTimer = 0;
        if (location.href !== lastUrl) {
          lastUrl = location.href;
          hideCard();
        }
        if (lens || mayBeInspectionArticle(document)) analyse();
      }, 250);
    }

    function isOurs(n: Node) {
      return n === ui?.host || (n.nodeName === 'MARK' && (n as Element).hasAttribute('data-il'));
    }

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
          const changed = [...r.addedNodes, ...r.removedNodes];
          if (changed.some((n) => !isOurs(n)) && !(r.target instanceof Element && r.target.closest('mark[data-il]'))) {
            lens?.markDirty(r.target);
            relevant = true;
          }
        }
        if (relevant) scheduleRerun();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }

    function stopWatching() {
      observer?.disconnect();
      observer = null;
      clearTimeout(rerunTimer);
      rerunTimer = 0;
    }

    // --- pause on this site (from the side panel) ----------------------------------------------
    /** Takes away everything drawn or shown on the page; a run in progress does it when it ends. */
    function forgetPage() {
      stopWatching();
      hideCard();
      clipAt = null;
      clipStatus = '';
      renderClipButton();
      if (running) return;
      lens?.clear();
      lens = null;
      last = null;
      highlighterMade?.clear();
      clipHandles.clear();
    }

    function pauseHere() {
      paused = true;
      forgetPage();
      report(null);
    }

    function resumeHere() {
      paused = false;
      report(last);
      if (settings.enabled && mayBeInspectionArticle(document)) analyse();
      refindClips().catch(() => {});
    }

    // --- in-page UI: one shadow root, a mount for the card and one for the Clip button --------
    let clipMount: HTMLElement | null = null;
    function ensureUi(): { card: HTMLElement; clip: HTMLElement } {
      if (!ui) {
        ui = createUiHost(document, FINDING_CARD_CSS + CLIP_BUTTON_CSS);
        clipMount = document.createElement('div');
        ui.root.append(clipMount);
      }
      ui.attach(); // the page may have taken it out
      return { card: ui.mount, clip: clipMount as HTMLElement };
    }

    /**
     * Only the reader acts: a handler for the in-page UI that runs for real input (mouse,
     * keyboard, touch) and ignores events a page script made (`click()`, `dispatchEvent`): the
     * UI's shadow root is open to the page's scripts, its buttons are not theirs to press.
     */
    const byReader =
      (act: () => void) =>
      (e: Event): void => {
        if (e.isTrusted) act();
      };

    // --- the hover / focus card -------------------------------------------------------------
    function renderCard() {
      if (!shown || !lens?.analysis) {
        if (ui) render(null, ui.mount);
        return;
      }
      const mounts = ensureUi();
      const entry = shown;
      const description = describeFinding(entry.finding, lens.analysis.outcomes);
      render(
        h(FindingCard, {
          description,
          category: entry.finding.highlight,
          status,
          onSaveClip: byReader(() => saveFindingClip(entry)),
          ...(lens.analysis.outcomes.length && entry.finding.kind !== 'improvement'
            ? { onSaveRecord: byReader(() => saveRecord()) }
            : {}),
          onClose: byReader(closeCard),
          links: ofstedLinksOf(entry.finding.councils),
          onLayout: positionCard,
          onTabOut: (e: KeyboardEvent) => {
            if (!e.isTrusted) return;
            e.preventDefault();
            hideCard();
            focusAtRange(entry.range);
          },
        }),
        mounts.card,
      );
      positionCard();
    }

    /** Places the card beside its highlight (again when it grows, as when its key opens). */
    function positionCard() {
      const card = ui?.mount.firstElementChild as HTMLElement | null;
      if (card && shown) {
        const rect = shown.range.getBoundingClientRect();
        // Beside the highlight, never over the text the reader is selecting.
        const sel = selectedRange();
        const p = placeCard(
          rect,
          { width: card.offsetWidth, height: card.offsetHeight },
          { width: window.innerWidth, height: window.innerHeight },
          sel ? [...sel.getClientRects()] : [],
        );
        card.style.top = `${Math.round(p.top)}px`;
        card.style.left = `${Math.round(p.left)}px`;
      }
    }

    function showCard(entry: LensEntry) {
      if (shown?.key === entry.key) return;
      shown = entry;
      status = '';
      renderCard();
    }

    function hideCard() {
      shown = null;
      renderCard();
    }

    /** Where focus was before the keyboard opened the card (null: on the page itself). */
    let focusBefore: HTMLElement | null = null;
    /** Closes the card (Esc, ×); focus goes back where the reader was, not to the top of the page. */
    function closeCard() {
      const range = shown?.range ?? null;
      const hadFocus = !!ui && ui.host.matches(':focus-within');
      hideCard();
      if (hadFocus) returnFocus(focusBefore, range);
      focusBefore = null;
    }

    const pointIn = (r: Range, x: number, y: number) =>
      [...r.getClientRects()].some((b) => x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1);

    function caretAt(x: number, y: number): { node: Node; offset: number } | null {
      const d = document as Document & {
        caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
        caretRangeFromPoint?(x: number, y: number): Range | null;
      };
      const p = d.caretPositionFromPoint?.(x, y);
      if (p) return { node: p.offsetNode, offset: p.offset };
      const r = d.caretRangeFromPoint?.(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }

    let frame = 0;
    let hideTimer = 0;
    function onPointerMove(e: MouseEvent) {
      if (!e.isTrusted || paused || !lens || frame) return;
      if (ui && e.composedPath().includes(ui.host)) {
        clearTimeout(hideTimer);
        return;
      }
      const { clientX: x, clientY: y } = e;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const caret = caretAt(x, y);
        const hit = caret && lens?.findingsAt(caret.node, caret.offset, visible).find((en) => pointIn(en.range, x, y));
        if (hit) {
          clearTimeout(hideTimer);
          showCard(hit);
        } else if (shown) {
          clearTimeout(hideTimer);
          hideTimer = window.setTimeout(hideCard, 300);
        }
      });
    }

    // Keyboard: Alt+Shift+N / Alt+Shift+P step through highlights, showing and focusing the card.
    let cursor = -1;
    function onKey(e: KeyboardEvent) {
      if (!e.isTrusted || paused || !lens || !e.altKey || !e.shiftKey || (e.code !== 'KeyN' && e.code !== 'KeyP'))
        return;
      // Every category the reader shows, improvement areas included.
      const all = lens.all().filter((en) => visible(en.finding.highlight));
      if (!all.length) return;
      e.preventDefault();
      cursor = (cursor + (e.code === 'KeyN' ? 1 : -1) + all.length) % all.length;
      const entry = all[cursor];
      (entry.range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      if (!ui?.host.matches(':focus-within')) focusBefore = focusedElement(document);
      shown = null;
      showCard(entry);
      (ui?.mount.firstElementChild as HTMLElement | null)?.focus();
    }

    // --- clips: save from a selection, a highlight or the whole record; re-find saved ones ---
    const clipHandles = new Map<string, unknown>();
    /** Opening a clip from the side panel scrolls to its passage and flashes it (lib/page/show-clip.ts). */
    const shower = new ClipShower();
    function showClip(id: string, range: Range) {
      if (!paused) shower.found(id, range);
      if (paused || clipHandles.has(id)) return;
      clipHandles.set(id, highlighter().add('il-clip', range));
    }

    function setCardStatus(text: string) {
      status = text;
      renderCard();
    }

    async function save<K extends 'saveClip' | 'saveRecord'>(
      kind: K,
      data: Data<K>,
      onStatus: (s: string) => void,
    ): Promise<SaveOutcome> {
      onStatus('Saving…');
      const r = await saveWithRetry(
        () => send(kind, data),
        (attempt) => onStatus(`Saving… (retry ${attempt})`),
      );
      onStatus(r.ok ? (kind === 'saveRecord' ? 'Inspection record saved' : 'Saved to Inspection Lens') : r.error);
      return r;
    }

    async function saveFindingClip(entry: Pick<LensEntry, 'finding' | 'range'>): Promise<SaveOutcome> {
      const analysis = lens?.analysis;
      if (!analysis) return { ok: false, error: 'This page has not been read yet.', retry: false };
      // The clip keeps the finding's whole sentence, with the finding attached.
      const clip = buildFindingClip(location.href, analysis.prepared.text, analysis.prepared.sentences, entry.finding);
      const r = await save(
        'saveClip',
        { clip, article: articleOf(document, location.href, analysis.outcomes) },
        setCardStatus,
      );
      if (r.ok) showClip(clip.id, entry.range.cloneRange());
      return r;
    }

    async function saveRecord() {
      const outcomes = lens?.analysis?.outcomes ?? [];
      await save('saveRecord', { article: articleOf(document, location.href, outcomes) }, setCardStatus);
    }

    let clipStatus = '';
    let clipAt: { top: number; left: number } | null = null;
    /** Hides the "Saved" button a moment after a save; a new selection cancels it (its own button stays). */
    let clipHideTimer = 0;
    function renderClipButton() {
      if (!clipAt && !ui) return;
      const { clip } = ensureUi();
      render(
        clipAt ? h(ClipButton, { ...clipAt, status: clipStatus, onClip: byReader(() => clipSelection()) }) : null,
        clip,
      );
    }

    function selectedRange(): Range | null {
      const sel = document.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
      const r = sel.getRangeAt(0);
      if (ui && (ui.host.contains(r.commonAncestorContainer) || r.commonAncestorContainer === ui.host)) return null;
      return r.toString().trim() ? r : null;
    }

    async function clipSelection(): Promise<{ ok: boolean; error?: string }> {
      if (paused) return { ok: false, error: 'Inspection Lens is paused on this site.' };
      const range = selectedRange();
      const onStatus = (s: string) => {
        clipStatus = s;
        renderClipButton();
      };
      if (!range) {
        onStatus('Select some text on the page to clip.');
        return { ok: false, error: 'no selection' };
      }
      let page = pageText(document, 'article');
      let span = spanOfRange(page, range);
      if (!span) {
        page = pageText(document, 'body');
        span = spanOfRange(page, range);
      }
      if (!span) {
        onStatus('This text cannot be clipped (it is not part of the page’s text).');
        return { ok: false, error: 'not in page text' };
      }
      const tooLong = tooLongToClip(span);
      if (tooLong) {
        onStatus(tooLong);
        return { ok: false, error: tooLong };
      }
      clipAt ??= buttonPosition(range);
      // A selection keeps the findings it overlaps (when its text is the analysed text).
      const analysed = lens?.analysis;
      const plain = buildClip(location.href, page.text, span, page.model, 'selection');
      const clip =
        analysed && page.model === 'article' && analysed.prepared.text === page.text
          ? withOverlappedFindings(plain, findingsOf(analysed))
          : plain;
      const r = await save(
        'saveClip',
        { clip, article: articleOf(document, location.href, lens?.analysis?.outcomes ?? []) },
        onStatus,
      );
      if (r.ok) {
        showClip(clip.id, range.cloneRange());
        clearTimeout(clipHideTimer);
        clipHideTimer = window.setTimeout(() => {
          clipAt = null;
          clipStatus = '';
          renderClipButton();
        }, 1500);
      }
      return r.ok ? { ok: true } : { ok: false, error: r.error };
    }

    function buttonPosition(range: Range) {
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      return {
        top: Math.round(Math.min(last.bottom + 6, window.innerHeight - 40)),
        left: Math.round(Math.min(Math.max(4, last.right - 30), window.innerWidth - 200)),
      };
    }

    function onSelectionEnd(e: Event) {
      // A page script's made-up mouseup or keyup does not offer to clip what it selected.
      if (!e.isTrusted || paused || (ui && e.composedPath().includes(ui.host))) return;
      setTimeout(() => {
        const range = selectedRange();
        if (range) clearTimeout(clipHideTimer);
        clipAt = range ? buttonPosition(range) : null;
        clipStatus = '';
        renderClipButton();
      });
    }

    /** Re-finds this page's saved clips and shows them; tells the store which were not found. */
    async function refindClips() {
      // Ask the background only when the reader has clips at all (no wake-up otherwise). Which
      // pages have clips only the background knows: it answers for this page's own URL.
      await settingsLoaded;
      if (!hasClips || paused) return;
      // The page's canonical link counts only on its own origin (the background checks it again).
      const canonicalUrl = ownCanonical(
        location.href,
        document.head?.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      );
      const clips = await send('clipsForPage', {
        url: location.href.split('#')[0],
        ...(canonicalUrl ? { canonicalUrl } : {}),
      }).catch(() => []);
      if (!Array.isArray(clips) || !clips.length || paused) return;
      markTime('il:clips-start');
      const results = anchorClips(document, clips);
      const states = results.map((r) => ({ id: r.clip.id, orphaned: !r.range }));
      for (const r of results) if (r.range) showClip(r.clip.id, r.range);
      for (const r of results) if (!r.range) shower.notFound(r.clip.id);
      markTime('il:clips-end');
      if (states.some((st, i) => st.orphaned !== results[i].clip.orphaned))
        send('setClipStates', { states, ...(canonicalUrl ? { canonicalUrl } : {}) }).catch(() => {});
    }

    // --- messages and settings ---------------------------------------------------------------
    const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return false;
      const msg = parseMessage(raw, 'backgroundToPage');
      if (msg?.type === 'showClip') {
        shower.show(msg.data.clipId).then(sendResponse);
        return true;
      }
      if (msg?.type === 'clipSelection') {
        clipSelection().then(sendResponse);
        return true;
      }
      const panelAnswer = answerPanelRequest(msg, {
        entries: () => lens?.all() ?? [],
        saveFinding: saveFindingClip,
        doc: document,
      });
      if (panelAnswer) {
        panelAnswer.then((r) => sendResponse(r.ok ? { ok: true } : { ok: false, error: r.error }));
        return true;
      }
      if (msg?.type !== 'setHighlighting') return false;
      pageEnabled = msg.data.enabled;
      if (pageEnabled && !lens && !paused) analyse();
      applyVisibility(highlighterMade);
      if (!pageEnabled) hideCard();
      report(last);
      sendResponse({ ok: true });
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (changes[HAS_CLIPS_KEY]) hasClips = changes[HAS_CLIPS_KEY].newValue === true;
      if (changes[PAUSED_SITES_KEY]) {
        const now = isPaused(changes[PAUSED_SITES_KEY].newValue, siteOf(location.href));
        if (now && !paused) pauseHere();
        else if (!now && paused) resumeHere();
      }
      const changed = settingsItem.fromChanges(changes, area);
      if (!changed) return;
      settings = changed;
      if (settings.enabled && !lens && mayBeInspectionArticle(document)) analyse();
      applyVisibility(highlighterMade);
      report(last);
    };
    browser.storage.onChanged.addListener(onStorage);

    document.addEventListener('mousemove', onPointerMove, { passive: true, signal: ctx.signal });
    document.addEventListener('mouseup', onSelectionEnd, { signal: ctx.signal });
    document.addEventListener('keyup', (e) => e.shiftKey && onSelectionEnd(e), { signal: ctx.signal });
    document.addEventListener('keydown', onKey, { capture: true, signal: ctx.signal });
    // Tab after a selection: the Clip button is the next stop (it sits at the end of the document).
    document.addEventListener(
      'keydown',
      (e) => {
        if (!e.isTrusted || !tabGoesToClipButton(e, !!clipAt && !!selectedRange(), !!ui?.host.matches(':focus-within')))
          return;
        const button = clipMount?.querySelector('button');
        if (!button) return;
        e.preventDefault();
        button.focus();
      },
      { capture: true, signal: ctx.signal },
    );
    window.addEventListener('scroll', () => shown && renderCard(), { passive: true, signal: ctx.signal });

    // Single-page navigation: the URL changes without a load.
    window.addEventListener('popstate', scheduleRerun, { signal: ctx.signal });
    const nav = (window as unknown as { navigation?: EventTarget }).navigation;
    nav?.addEventListener('navigatesuccess', scheduleRerun, { signal: ctx.signal } as AddEventListenerOptions);

    ctx.onInvalidated(() => {
      observer?.disconnect();
      clearTimeout(rerunTimer);
      lens?.clear();
      highlighterMade?.clear();
      ui?.remove();
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    });

    // --- start: the cheap check, then the full analysis --------------------------------------
    markTime('il:check-start');
    const worth = mayBeInspectionArticle(document);
    markTime('il:check-end', { worth });
    if (worth) analyse();
    refindClips().catch(() => {});
    await settingsLoaded;
    if (!worth || !settings.enabled) {
      report(null);
      // A late-loading article body: look once more after the page has settled.
      window.setTimeout(() => {
        if (!lens && settings.enabled && mayBeInspectionArticle(document)) analyse();
      }, 1500);
    }
  },
});
