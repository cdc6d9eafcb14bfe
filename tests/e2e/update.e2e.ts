// An update over a reader's profile: the build of an earlier commit (IL_UPDATE_FROM, by default
// the last one before the hardening of issue #17) is loaded, clips are saved with it, then the
// current build is loaded over the same profile from the same folder (so the same extension id
// and the same IndexedDB) and every clip is found again, notes kept. The earlier commit is taken
// from this repository's history with `git archive` and built in a temporary folder with this
// checkout's node_modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extensionDir, type FixtureServer, launchWithExtension, pagesDir, root, serveFixtures } from './harness';
import { onCollection } from './panel-tabs';
import { clipText } from './select';

const FROM = process.env.IL_UPDATE_FROM ?? '50c399b009bbed309f03d1d5ff9075fd5b7ce6e7';
/**
 * The second update starts from the last commit with schema version 3 (before the Collection
 * view's version 4): clips saved there must be listed, searchable and filterable after it.
 */
const FROM_V3 = process.env.IL_UPDATE_FROM_V3 ?? 'ea4e662c6c3315e4a1094517b51adb7caa38bf9c';
/** A clone without that commit (a shallow one) cannot build it: said, and the test skipped. */
const have = (commit: string) => {
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`update test skipped: commit ${commit} is not in this clone's history`);
    return false;
  }
};
const haveFrom = have(FROM);
const haveFromV3 = have(FROM_V3);
/** Made in beforeAll (only when the test runs), removed in afterAll. */
let tmp = '';
/** Which update is being tested: each has its own source, extension folder and profile. */
let run = 'first';
const oldSource = () => path.join(tmp, run, 'old');
/** One folder for both builds: Chromium derives an unpacked extension's id from its path. */
const installed = () => path.join(tmp, run, 'extension');
const profile = () => path.join(tmp, run, 'profile');
let server: FixtureServer;
const timings: Record<string, number> = {};

function buildOld(commit = FROM) {
  const t0 = Date.now();
  fs.mkdirSync(oldSource(), { recursive: true });
  fs.mkdirSync(profile(), { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit], {
    cwd: root,
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', oldSource()], { input: archive });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(oldSource(), 'node_modules'));
  execFileSync('npx', ['wxt', 'build'], { cwd: oldSource(), stdio: 'ignore' });
  if (commit === FROM) timings.buildOld = Date.now() - t0;
}

/**
 * Puts a build in the extension folder. The earlier build is given an earlier version number,
 * as a release before this one has: Chromium keeps a registered service worker until the
 * extension's version changes, as a real update does.
 */
const install = (from: string, version?: string) => {
  fs.rmSync(installed(), { recursive: true, force: true });
  fs.cpSync(from, installed(), { recursive: true });
  if (!version) return;
  const file = path.join(installed(), 'manifest.json');
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), version }));
};

beforeAll(async () => {
  server = await serveFixtures();
  if (!haveFrom && !haveFromV3) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-update-'));
  if (haveFrom) buildOld();
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  if (haveFrom) console.log(`update test: old build ${timings.buildOld} ms, whole test ${timings.total} ms`);
  if (haveFromV3)
    console.log(`update from schema 3: old build ${timings.buildV3} ms, whole test ${timings.totalV3} ms`);
});

const pages = {
  '/update-a.html': {
    seed: '002_ba3b3e12e34938f9.html',
    quote: 'inspectors saw the damaging impact of this drift and delay',
  },
  '/update-b.html': { seed: '004_c2a22b1b94052d91.html', quote: 'improve the frequency of management oversight' },
};

/** Selects `quote` and clips it with real mouse input (what a reader does, in any version). */
const clip = (page: Page, quote: string) => clipText(page, quote, 'body');

const clipTexts = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('il-clip') ?? [])].map((r) => (r as Range).toString()));

describe.skipIf(!haveFrom)('an update over a reader’s profile', () => {
  test('clips saved with the earlier build are all found with the new one, notes kept', async () => {
    const t0 = Date.now();
    for (const [url, { seed }] of Object.entries(pages))
      server.extra.set(url, fs.readFileSync(path.join(pagesDir, seed), 'utf8'));

    install(path.join(oldSource(), '.output/chrome-mv3'), '0.0.1');
    const before = await launchWithExtension(installed(), { marks: false, profile: profile() });
    for (const [url, { quote }] of Object.entries(pages)) {
      const page = await before.context.newPage();
      await page.goto(server.origin + url);
      await clip(page, quote);
      await page.close();
    }
    const panel = await before.openSidePanel();
    const saved = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'listClips', data: {} }))) as {
      clips: { id: string; quote: string }[];
    };
    expect(saved.clips.map((c) => c.quote).sort()).toEqual(
      Object.values(pages)
        .map((p) => p.quote)
        .sort(),
    );
    const noted = saved.clips[0];
    await panel.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'updateClip', data: { id, note: 'kept across the update' } }),
      noted.id,
    );

    await before.close();

    // The update: the new build takes the folder's place (so the same id, the same profile and
    // the same database) and the browser starts again. An installed update has its service
    // worker registered anew; an unpacked extension loaded from the command line keeps the one
    // registered at its first start (and chrome.runtime.reload() disables it), so that
    // registration (only the worker's script cache, no data) is removed as the update would.
    install(extensionDir);
    fs.rmSync(path.join(profile(), 'Default', 'Service Worker'), { recursive: true, force: true });
    const after = await launchWithExtension(installed(), { marks: false, profile: profile() });
    expect(after.extensionId).toBe(before.extensionId);
    const sw = await after.serviceWorker();
    const newVersion = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')).version;
    expect(await sw.evaluate(() => chrome.runtime.getManifest().version)).toBe(newVersion);
    // The new background has replaced the old list of clipped URLs by a yes/no.
    await expect
      .poll(() => sw.evaluate(() => chrome.storage.local.get(null)), { timeout: 10_000 })
      .toMatchObject({ 'il-has-clips': true });
    expect(Object.keys(await sw.evaluate(() => chrome.storage.local.get(null)))).not.toContain('il-clipped-pages');
    for (const [url, { quote }] of Object.entries(pages)) {
      const page = await after.context.newPage();
      await page.goto(server.origin + url);
      await expect.poll(() => clipTexts(page), { timeout: 10_000 }).toEqual([quote]);
      await page.close();
    }
    const panelAfter = await after.openSidePanel();
    const listed = (await panelAfter.evaluate(() => chrome.runtime.sendMessage({ type: 'listClips', data: {} }))) as {
      clips: { id: string; note: string; orphaned: boolean }[];
    };
    expect(listed.clips).toHaveLength(2);
    expect(listed.clips.every((c) => !c.orphaned)).toBe(true);
    expect(listed.clips.find((c) => c.id === noted.id)?.note).toBe('kept across the update');
    await after.close();
    timings.total = Date.now() - t0 + timings.buildOld;
  });
});

describe.skipIf(!haveFromV3)('an update from schema version 3 (before the Collection view)', () => {
  test('clips saved with it are listed, searchable and filterable in the Collection view after the update', async () => {
    const t0 = Date.now();
    run = 'v3';
    buildOld(FROM_V3);
    timings.buildV3 = Date.now() - t0;
    for (const [url, { seed }] of Object.entries(pages))
      server.extra.set(url, fs.readFileSync(path.join(pagesDir, seed), 'utf8'));
    install(path.join(oldSource(), '.output/chrome-mv3'), '0.0.1');
    const before = await launchWithExtension(installed(), { marks: false, profile: profile() });
    for (const [url, { quote }] of Object.entries(pages)) {
      const page = await before.context.newPage();
      await page.goto(server.origin + url);
      await clip(page, quote);
      await page.close();
    }
    const panel = await before.openSidePanel();
    const saved = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'listClips', data: {} }))) as {
      clips: { id: string; quote: string; rev: number }[];
    };
    expect(saved.clips).toHaveLength(2);
    const noted = saved.clips.find((c) => c.quote === pages['/update-b.html'].quote) as { id: string };
    await panel.evaluate(
      (id) =>
        chrome.runtime.sendMessage({
          type: 'updateClip',
          data: { id, note: 'Oversight: ask in March', tags: ['march'] },
        }),
      noted.id,
    );
    await before.close();

    install(extensionDir);
    fs.rmSync(path.join(profile(), 'Default', 'Service Worker'), { recursive: true, force: true });
    const after = await launchWithExtension(installed(), { marks: false, profile: profile() });
    expect(after.extensionId).toBe(before.extensionId);
    const p = await onCollection(after.openSidePanel());
    const rows = p
      .getByRole('list', { name: 'Saved clips' })
      .getByRole('listitem')
      .filter({ hasNot: p.getByRole('heading') });
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect((await rows.allTextContents()).join('\n')).toContain(pages['/update-a.html'].quote);
    // Searchable: by quote words, and by the note written before the update.
    const box = p.getByRole('searchbox', { name: 'Search clips' });
    await box.fill('DRIFT and del');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(pages['/update-a.html'].quote)]);
    await box.fill('ask in march');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(pages['/update-b.html'].quote)]);
    await box.fill('');
    // Filterable: by tag and category (indexes added by the version-4 migration) and by date.
    await p.getByRole('textbox', { name: 'Tag', exact: true }).fill('march');
    await expect.poll(() => rows.count()).toBe(1);
    await p.getByRole('button', { name: 'Show all clips' }).click();
    await p.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Selected text' });
    await expect.poll(() => rows.count()).toBe(2);
    await p.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Grade' });
    await expect.poll(() => p.getByText('No clips match this filter.').count()).toBe(1);
    await p.getByRole('button', { name: 'Show all clips' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    // The note kept, in the field, at the version it had.
    expect(await p.getByRole('textbox', { name: /^Note for clip “improve the frequency/ }).inputValue()).toBe(
      'Oversight: ask in March',
    );
    const version = await p.evaluate(async () => {
      const open = indexedDB.open('inspection-lens');
      return new Promise<number>((resolve) => {
        open.onsuccess = () => {
          resolve(open.result.version);
          open.result.close();
        };
      });
    });
    expect(version).toBe(4);
    await after.close();
    timings.totalV3 = Date.now() - t0;
  });
});
