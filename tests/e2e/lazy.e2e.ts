// The lazy engine in Chromium: a page that is not an inspection article runs only the quick
// check (the engine is never loaded there), yet the reader can still clip on it (the engine is
// loaded when they select text); an article loads the engine at once, its import begun by the
// early script as soon as the page's head was parsed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extensionDir, has, paintedOrTurnedDown, traceLoad, untilMarked, useExtensionBrowser } from './harness';
import { clipText } from './select';

const env = useExtensionBrowser();
const marks = (page: import('playwright-core').Page) =>
  page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));

describe('the engine loads only where it is needed', () => {
  test('a page that is not an article: no engine, until the reader clips on it', async () => {
    env.server.extra.set(
      '/walks.html',
      `<!doctype html><html><head><title>Ten great walks</title></head><body><nav><a href="/">Home</a></nav><article><h1>Ten great walks</h1>${'<p>The walk climbs gently through beech woods before reaching the ridge, where the views over the valley are wide.</p>'.repeat(20)}</article></body></html>`,
    );
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/walks.html`);
    await untilMarked(page, paintedOrTurnedDown);
    // Past the late second look (1.5 s after the settings are read).
    await page.waitForTimeout(2000);
    expect(await marks(page)).not.toContain('il:engine-load');
    // Its head said nothing of an inspection either: the early script did not start the import.
    expect(await marks(page)).not.toContain('il:engine-early');
    expect(await page.locator('[data-inspection-lens-ui]').count()).toBe(0);
    await clipText(page, 'climbs gently through beech woods', 'article');
    expect(await marks(page)).toContain('il:engine-loaded');
    await page.close();
  });

  test('an article: the engine loads at once and highlights', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/003_7373dea24638aad1.html`);
    await untilMarked(page, has('il:painted'));
    expect(await marks(page)).toEqual(expect.arrayContaining(['il:engine-load', 'il:engine-loaded', 'il:highlighted']));
    // Its title names the council's children's services: the early script (document_start) began
    // the engine's import from the head, before the content script started at document_idle.
    const early = await page.evaluate(() => {
      const m = performance.getEntriesByName('il:engine-early')[0] as PerformanceMark | undefined;
      const start = performance.getEntriesByName('il:start')[0]?.startTime ?? Number.NaN;
      return m ? { ...(m.detail as { by: string; startedAt: number }), start } : null;
    });
    expect(early?.by).toBe('head');
    expect(early?.startedAt).toBeLessThan(early?.start ?? 0);
    await page.close();
  });

  test('the engine is compiled whole off the page’s main thread while it loads', async () => {
    // The bundle asks V8 to compile every function at load (wxt.config.ts), and Chromium streams the
    // module: the parse and compile run on a background thread, not in the page's main thread.
    // Both parts of the engine (the second, the card and the Clip button, is its own file: stop 25).
    for (const part of ['content-engine.js', 'content-reader.js']) {
      const code = fs.readFileSync(path.join(extensionDir, part), 'utf8');
      expect(code.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    }
    // So do the every-page scripts: compiled whole when they load, not function by function as
    // each is first called (fewer compiles on every page: docs/performance-log.md, stop 24).
    for (const every of ['early.js', 'content.js']) {
      const script = fs.readFileSync(path.join(extensionDir, every), 'utf8');
      expect(script.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
      // Without WXT's runner around their start (its logger does nothing in a build: wxt.config.ts).
      expect(script).not.toContain('crashed on startup');
    }
    const events = await traceLoad(
      env.ext.context,
      `${env.server.origin}/003_7373dea24638aad1.html`,
      'v8,disabled-by-default-v8.compile',
      (page) => untilMarked(page, `${has('il:painted')} && ${has('il:reader-loaded')}`),
    );
    for (const part of ['content-engine', 'content-reader']) {
      const onBackground = events.filter(
        (e) => e.name === 'v8.parseOnBackground' && `${e.args?.data?.url ?? e.args?.fileName ?? ''}`.includes(part),
      );
      expect(onBackground.length, part).toBeGreaterThan(0);
    }
  });
});
