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
  let settings: Settings = settingsItem.fallback;
  let known = false;
  let hasClips = false;
  let paused = false;
  let marks = false;
  const site = siteOf(url);

  const ready = (takeEarlyRead(STORED_KEYS) ?? Promise.reject(new Error('no early read')))
    .catch(() => browser.storage.local.get(STORED_KEYS))
    .then((got: Record<string, unknown>) => {
      settings = settingsItem.fromRecord(got);
      hasClips = got[HAS_CLIPS_KEY] === true;
      paused = isPaused(got[PAUSED_SITES_KEY], site);
      marks = got[BENCH_MARKS_KEY] === true;
    })
    .catch(() => {})
    .then(() => {
      setMarking(marks);
      trace('il:settings');
      known = true;
      if (!signal.aborted) emit('known');
    });

  const onStorage = (changes: StorageChanges, area: string) => {
    if (area !== 'local' || signal.aborted) return;
    if (changes[HAS_CLIPS_KEY]) hasClips = changes[HAS_CLIPS_KEY].newValue === true;
    if (changes[PAUSED_SITES_KEY]) {
      const now = isPaused(changes[PAUSED_SITES_KEY].newValue, site);
      if (now !== paused) {
        paused = now;
        emit(now ? 'pause' : 'resume');
      }
    }
    const changed = settingsItem.fromChanges(changes, area);
    if (changed) {
      settings = changed;
      emit('settings');
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), { once: true });

  const gate: SettingsGate = {
    get known() {
      return known;
    },
    ready,
    get settings() {
      return settings;
    },
    get hasClips() {
      return hasClips;
    },
    get paused() {
      return paused;
    },
    get marks() {
      return marks;
    },
    pageEnabled: true,
    highlighting: () => !paused && settings.enabled && gate.pageEnabled,
    visible: (h) => known && gate.highlighting() && settings.categories[h],
    on: events.on,
    setPageEnabled(on) {
      gate.pageEnabled = on;
      emit('page');
    },
  };
  return gate;
}
