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
import { clipText } from './select';

const FROM = process.env.IL_UPDATE_FROM ?? '50c399b009bbed309f03d1d5ff9075fd5b7ce6e7';
/** A clone without that commit (a shallow one) cannot build it: said, and the test skipped. */
const haveFrom = (() => {
  try {
    execFileSync('git', ['cat-file', '-e', `${FROM}^{commit}`], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`update test skipped: commit ${FROM} is not in this clone's history`);
    return false;
  }
})();
/** Made in beforeAll (only when the test runs), removed in afterAll. */
let tmp = '';
const oldSource = () => path.join(tmp, 'old');
/** One folder for both builds: Chromium derives an unpacked extension's id from its path. */
const installed = () => path.join(tmp, 'extension');
const profile = () => path.join(tmp, 'profile');
let server: FixtureServer;
const timings: Record<string, number> = {};

function buildOld() {
  const t0 = Date.now();
  fs.mkdirSync(oldSource());
  const archive = execFileSync('git', ['archive', '--format=tar', FROM], { cwd: root, maxBuffer: 512 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', oldSource()], { input: archive });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(oldSource(), 'node_modules'));
  execFileSync('npx', ['wxt', 'build'], { cwd: oldSource(), stdio: 'ignore' });
  timings.buildOld = Date.now() - t0;
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
  if (!haveFrom) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-update-'));
  buildOld();
  fs.mkdirSync(profile());
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  if (haveFrom) console.log(`update test: old build ${timings.buildOld} ms, whole test ${timings.total} ms`);
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
