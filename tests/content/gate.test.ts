// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSettingsGate } from '../../lib/content/gate';
import { PAUSED_SITES_KEY, SETTINGS_KEY } from '../../lib/storage-keys';

beforeEach(() => fakeBrowser.reset());

describe('the settings gate', () => {
  test('holds every highlight until the stored settings are read, then shows only the ones switched on', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: true, categories: { 'il-council': false } } });
    const gate = startSettingsGate(new AbortController().signal, 'https://news.example/a');
    expect(gate.known).toBe(false);
    expect(gate.visible('il-grade-good')).toBe(false);
    await gate.ready;
    expect(gate.known).toBe(true);
    expect(gate.visible('il-grade-good')).toBe(true);
    expect(gate.visible('il-council')).toBe(false);
  });

  test('a site the reader paused shows nothing; pausing and resuming later are told as events', async () => {
    await fakeBrowser.storage.local.set({ [PAUSED_SITES_KEY]: ['news.example'] });
    const gate = startSettingsGate(new AbortController().signal, 'https://news.example/a');
    await gate.ready;
    expect(gate.paused).toBe(true);
    expect(gate.visible('il-grade-good')).toBe(false);
    const seen: string[] = [];
    const c = new AbortController();
    gate.on('resume', () => seen.push('resume'), c.signal);
    gate.on('pause', () => seen.push('pause'), c.signal);
    await fakeBrowser.storage.local.set({ [PAUSED_SITES_KEY]: [] });
    await fakeBrowser.storage.local.set({ [PAUSED_SITES_KEY]: ['other.example', 'news.example'] });
    expect(seen).toEqual(['resume', 'pause']);
  });

  test('the page switch and the global switch both turn highlighting off', async () => {
    const gate = startSettingsGate(new AbortController().signal, 'https://news.example/a');
    await gate.ready;
    let told = 0;
    gate.on('page', () => told++, new AbortController().signal);
    gate.setPageEnabled(false);
    expect(told).toBe(1);
    expect(gate.highlighting()).toBe(false);
    gate.setPageEnabled(true);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: false } });
    expect(gate.highlighting()).toBe(false);
    expect(gate.visible('il-grade-good')).toBe(false);
  });

  test('once aborted it no longer listens to storage', async () => {
    const c = new AbortController();
    const gate = startSettingsGate(c.signal, 'https://news.example/a');
    await gate.ready;
    let told = 0;
    gate.on('settings', () => told++, new AbortController().signal);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: false } });
    expect(told).toBe(1);
    c.abort();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: true } });
    expect(told).toBe(1);
    expect(gate.settings.enabled).toBe(false);
  });
});
