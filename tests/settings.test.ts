// The settings item: one key, default and parse, read, written and watched the same way by the
// content script (early read and live changes), the side panel and the options page.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HIGHLIGHT_NAMES } from '../lib/analysis/findings';
import { GRADE_HIGHLIGHT_NAMES } from '../lib/data/grades';
import { CATEGORY_HIGHLIGHTS, GRADE_HIGHLIGHTS } from '../lib/data/highlight-names';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings, settingsItem } from '../lib/settings';
import { EARLY_KEYS } from '../lib/storage-keys';

const allOn = Object.fromEntries(HIGHLIGHT_NAMES.map((n) => [n, true]));

describe('parsing what is stored', () => {
  test('nothing stored: highlighting on, every category shown', () => {
    expect(settingsItem.fromRecord({})).toEqual({ enabled: true, categories: allOn });
    expect(settingsItem.fromRecord(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsItem.fallback).toEqual(DEFAULT_SETTINGS);
  });

  test.each<[string, unknown, Partial<Record<keyof Settings, unknown>>]>([
    ['highlighting off', { enabled: false }, { enabled: false }],
    ['councils hidden', { categories: { 'il-council': false } }, { categories: { ...allOn, 'il-council': false } }],
    ['a string where a boolean belongs', { enabled: 'false', categories: { 'il-council': 0 } }, {}],
    // An object literal's __proto__ sets its prototype: inherited fields are not read.
    [
      'an unknown or inherited category',
      { categories: { 'il-made-up': false, __proto__: { 'il-council': false } } },
      {},
    ],
    ['inherited enabled', { __proto__: { enabled: false } }, {}],
    ['an array', [false], {}],
    ['a string', 'off', {}],
    ['null', null, {}],
  ])('%s', (_, stored, expected) => {
    const s = settingsItem.fromRecord({ [SETTINGS_KEY]: stored });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    expect(Object.keys(s.categories).sort()).toEqual([...HIGHLIGHT_NAMES].sort());
  });

  test('a change of another key, or in another storage area, is not a settings change', () => {
    const newValue = { enabled: false };
    expect(settingsItem.fromChanges({ [SETTINGS_KEY]: { newValue } }, 'local')?.enabled).toBe(false);
    expect(settingsItem.fromChanges({ [SETTINGS_KEY]: { newValue } }, 'sync')).toBeUndefined();
    expect(settingsItem.fromChanges({ 'il-paused-sites': { newValue: [] } }, 'local')).toBeUndefined();
    // Removed: back to the defaults.
    expect(settingsItem.fromChanges({ [SETTINGS_KEY]: {} }, 'local')).toEqual(DEFAULT_SETTINGS);
  });

  test('the early document_start read includes the settings', () => {
    expect(EARLY_KEYS).toContain(SETTINGS_KEY);
  });
});

describe('reading, writing and watching through browser.storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('what the panel writes, the options page reads, and every watcher hears', async () => {
    const heard: Settings[] = [];
    const unwatch = settingsItem.watch((s) => heard.push(s));
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    const next = { enabled: true, categories: { ...DEFAULT_SETTINGS.categories, 'il-improvement': false } };
    await settingsItem.set(next);
    expect(await settingsItem.get()).toEqual(next);
    expect(heard).toEqual([next]);
    unwatch();
    await settingsItem.set(DEFAULT_SETTINGS);
    expect(heard).toHaveLength(1);
  });

  test('a malformed value written by an older version reads as the defaults; a write stores only known fields', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: 'yes', categories: 'all' } });
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    await settingsItem.set({ ...DEFAULT_SETTINGS, extra: 'x' } as Settings);
    const raw = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual(['categories', 'enabled']);
  });
});

test('no reader parses the stored settings by hand: every context reads through settingsItem', () => {
  // The content script reads its settings in its settings gate (lib/content/gate.ts).
  for (const file of ['lib/content/gate.ts', 'entrypoints/sidepanel/App.tsx', 'entrypoints/options/App.tsx']) {
    const src = readFileSync(file, 'utf8');
    expect(src, file).toMatch(/settingsItem\./);
    expect(src, file).not.toMatch(/SETTINGS_KEY|parseSettings/);
  }
  for (const file of readdirSync('lib/content').map((f) => `lib/content/${f}`)) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/SETTINGS_KEY|parseSettings/);
  }
  expect(readFileSync('entrypoints/content/index.ts', 'utf8')).not.toMatch(/SETTINGS_KEY|parseSettings/);
});

test('the settings name the categories as the analysis does, without loading the grade vocabulary', () => {
  expect(CATEGORY_HIGHLIGHTS).toEqual(HIGHLIGHT_NAMES);
  expect(GRADE_HIGHLIGHTS).toEqual(GRADE_HIGHLIGHT_NAMES);
  expect(Object.keys(DEFAULT_SETTINGS.categories)).toEqual([...HIGHLIGHT_NAMES]);
  // The content script reads the settings on every page: nothing there may pull in the grade tables.
  expect(readFileSync('lib/settings.ts', 'utf8')).not.toMatch(
    /from '\.\/data\/grades'|import \{[^}]*\} from '\.\/analysis/,
  );
});
