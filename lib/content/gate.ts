// The settings gate: what the reader stored (settings, whether any clip exists, sites paused,
// benchmark marks) and whether highlighting is on for this page. Until the stored values are
// read nothing may be shown (a category the reader switched off must not flash), so every
// feature asks the gate. Changes are told through events: `known` once the read is done,
// `settings` when they change, `pause` and `resume` for this site, `page` for the per-page switch.
import { browser } from 'wxt/browser';
import type { HighlightName } from '../analysis/findings';
import { takeEarlyRead } from '../page/early-storage';
import { setMarking } from '../page/timing';
import { isPaused, PAUSED_SITES_KEY, siteOf } from '../pause';
import { type Settings, settingsItem } from '../settings';
import { BENCH_MARKS_KEY, EARLY_KEYS, HAS_CLIPS_KEY } from '../storage-keys';
import { createEvents } from './events';
import { trace } from './trace';

/** What the gate reads (the early content script begins the same read at document_start). */
export const STORED_KEYS = EARLY_KEYS;

export type GateEvent = 'known' | 'settings' | 'pause' | 'resume' | 'page';

export interface SettingsGate {
  /** The stored values have been read (or failed to be: then the defaults hold). */
  readonly known: boolean;
  /** Resolves once `known`. */
  readonly ready: Promise<void>;
  readonly settings: Settings;
  /** Whether the reader has any clip (not which pages: no content script may know that). */
  readonly hasClips: boolean;
  /** The reader paused Inspection Lens on this site: nothing is done here. */
  readonly paused: boolean;
  /** A benchmark asked for performance marks. */
  readonly marks: boolean;
  /** Highlighting for this page (the side panel's switch), on until switched off. */
  pageEnabled: boolean;
  /** Highlighting is on here: settings known or not, not paused, on everywhere and on this page. */
  highlighting(): boolean;
  /** Whether a category may be shown now. */
  visible(h: HighlightName): boolean;
  /** Calls `f` on each event of that type until `signal` aborts. */
  on(type: GateEvent, f: () => void, signal: AbortSignal): void;
  /** Sets the per-page switch and tells the features. */
  setPageEnabled(on: boolean): void;
}

type StorageChanges = Record<string, { newValue?: unknown }>;

/** Starts reading the stored values (the early read begun at document_start when there is one). */
export function startSettingsGate(signal: AbortSignal, url = location.href): SettingsGate {
  const events = createEvents<GateEvent>();
  const emit = events.emit;
  // This page's site, worked out (a URL parsed) only once some site is paused: on most pages none is.
  let site: string | null | undefined;
  const pausedHere = (raw: unknown) => {
    if (!Array.isArray(raw) || !raw.length) return false;
    if (site === undefined) site = siteOf(url);
    return isPaused(raw, site);
  };

  const readAfresh = () => browser.storage.local.get(STORED_KEYS);
  const early = takeEarlyRead(STORED_KEYS);
  // Read (the early read, or afresh if there is none or it failed), then known: few promise steps,
  // as this runs on every page; a failed read leaves the defaults.
  const done = () => {
    setMarking(gate.marks);
    trace('il:settings');
    gate.known = true;
    if (!signal.aborted) emit('known');
  };
  // (The callbacks run once the read is done, when `gate` below exists.)
  const ready = (early ? early.catch(readAfresh) : Promise.resolve().then(readAfresh))
    .then((got: Record<string, unknown>) => {
      gate.settings = settingsItem.fromRecord(got);
      gate.hasClips = got[HAS_CLIPS_KEY] === true;
      gate.paused = pausedHere(got[PAUSED_SITES_KEY]);
      gate.marks = got[BENCH_MARKS_KEY] === true;
    })
    .then(done, done);

  // Plain fields, written here and read by the features (no getter functions: this script is
  // compiled whole on every page, issue 15).
  const gate: { -readonly [K in keyof SettingsGate]: SettingsGate[K] } = {
    known: false,
    ready,
    settings: settingsItem.fallback,
    hasClips: false,
    paused: false,
    marks: false,
    pageEnabled: true,
    highlighting: () => !gate.paused && gate.settings.enabled && gate.pageEnabled,
    visible: (h) => gate.known && gate.highlighting() && gate.settings.categories[h],
    on: events.on,
    setPageEnabled(on) {
      gate.pageEnabled = on;
      emit('page');
    },
  };
  const onStorage = (changes: StorageChanges, area: string) => {
    if (area !== 'local' || signal.aborted) return;
    if (changes[HAS_CLIPS_KEY]) gate.hasClips = changes[HAS_CLIPS_KEY].newValue === true;
    if (changes[PAUSED_SITES_KEY]) {
      const now = pausedHere(changes[PAUSED_SITES_KEY].newValue);
      if (now !== gate.paused) {
        gate.paused = now;
        emit(now ? 'pause' : 'resume');
      }
    }
    const changed = settingsItem.fromChanges(changes, area);
    if (changed) {
      gate.settings = changed;
      emit('settings');
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), { once: true });
  return gate;
}
