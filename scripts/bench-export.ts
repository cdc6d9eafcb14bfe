// `npm run bench:export`: export and import of 50,000 clips in real Chromium, through the
// extension's own side panel and background (not Node with fake-indexeddb: a real IndexedDB and
// real messages are what take the time). Import: the JSON file chosen with "Import" until
// "Imported" is shown. Export: each format's button until the browser's download arrives.
// Peak memory: the side panel's and the service worker's JS heaps, sampled every 20 ms through
// the DevTools protocol (a sample cannot land inside a long synchronous step, so a peak within
// one can be missed), above each one's heap before the step. Beside them, in the same run, the
// floor: one IndexedDB getAll of every clip, JSON.stringify of them and JSON.parse of the export.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Article, Clip } from '../lib/clips';
import { buildJson } from '../lib/export/json';
import { launchWithExtension, root } from '../tests/e2e/harness';
import { chromiumVersion, figure, recordResults } from './bench-results';

if (process.env.IL_REUSE_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });

const CLIPS = Number(process.env.IL_BENCH_CLIPS ?? 50_000);
const ARTICLES = Math.max(1, Math.round(CLIPS / 25));
const GRADES = ['outstanding', 'good', 'requires improvement', 'inadequate'] as const;
const COUNCILS = [
  { code: 'E09000012', name: 'Hackney' },
  { code: 'E09000022', name: 'Lambeth' },
  { code: 'E10000016', name: 'Kent' },
  { code: 'E08000025', name: 'Birmingham' },
];

/** A collection shaped like a heavy reader's: 25 clips an article, a third with a finding, some notes and tags. */
function collection(): { clips: Clip[]; articles: Article[] } {
  const t0 = Date.UTC(2024, 0, 1);
  const articles: Article[] = Array.from({ length: ARTICLES }, (_, i) => ({
    id: `https://news.example/story/${i}`,
    url: `https://news.example/story/${i}`,
    canonicalUrl: `https://news.example/story/${i}`,
    title: `Council children’s services rated after inspection, story ${i}`,
    site: 'news.example',
    published: '2025-06-01',
    outcomes: [{ council: COUNCILS[i % 4], grade: GRADES[i % 4], current: true, year: 2020 + (i % 6) }],
    created: t0 + i * 1000,
    updated: t0 + i * 1000,
  }));
  const clips: Clip[] = Array.from({ length: CLIPS }, (_, i) => {
    const a = articles[i % ARTICLES];
    const quote = `Inspectors found that leaders had not yet improved the timeliness of assessments for children in need, case ${i}, and that “drift and delay” persisted.`;
    const graded = i % 3 === 0;
    const council = COUNCILS[i % 4];
    const grade = GRADES[i % 4];
    return {
      id: `bench-${i.toString(36).padStart(6, '0')}`,
      articleId: a.id,
      url: a.url,
      quote,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'the report said that ', suffix: ' It added that' },
        { type: 'TextPositionSelector', start: 1000 + i, end: 1000 + i + quote.length },
      ],
      textModel: 'article',
      category: graded ? 'grade' : 'selection',
      ...(graded ? { finding: { kind: 'grade' as const, grade, councils: [council], current: true, year: 2025 } } : {}),
      councilCodes: graded ? [council.code] : [],
      grades: graded ? [grade] : [],
      note: i % 4 === 0 ? `Follow up with the DCS about case ${i}, "caseloads", 2025` : '',
      tags: i % 5 === 0 ? ['follow-up', `batch-${i % 40}`] : [],
      colour: 'yellow',
      created: t0 + i * 60_000,
      updated: t0 + i * 60_000,
      orphaned: false,
    };
  });
  return { clips, articles };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** A DevTools session to a page or a worker, enough to read its heap. */
interface HeapTarget {
  send(method: string): Promise<unknown>;
}

/**
 * A DevTools session to the extension's service worker (Playwright opens sessions to pages
 * only): attached through the browser session, messages relayed by Target.sendMessageToTarget.
 * A reply that does not come within 2 s (a worker being restarted) counts as nothing.
 */
async function serviceWorkerHeap(context: BrowserContext, extensionId: string): Promise<HeapTarget | null> {
  const cdp = await context.browser()?.newBrowserCDPSession();
  if (!cdp) return null;
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!target) return null;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
    sessionId: string;
  };
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result ?? { usedSize: 0 });
  });
  let next = 0;
  return {
    send(method) {
      const id = ++next;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        setTimeout(() => resolve({ usedSize: 0 }), 2000);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => {});
      });
    },
  };
}

/** Samples a JS heap every 20 ms while `work` runs; resolves with the time taken and the peak rise. */
async function measured<T>(
  heaps: HeapTarget[],
  work: () => Promise<T>,
): Promise<{ ms: number; peak: number[]; value: T }> {
  const used = async (s: HeapTarget) => ((await s.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  for (const s of heaps) await s.send('HeapProfiler.collectGarbage').catch(() => {});
  const base = await Promise.all(heaps.map(used));
  const peak = [...base];
  let running = true;
  const sampler = (async () => {
    while (running) {
      const now = await Promise.all(heaps.map((s) => used(s).catch(() => 0)));
      now.forEach((u, i) => {
        peak[i] = Math.max(peak[i], u);
      });
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  running = false;
  await sampler;
  return { ms, peak: peak.map((p, i) => p - base[i]), value };
}

/**
 * Clicks the button named `name` (inside `within`, a CSS selector). Not getByRole: naming every
 * element of a panel listing 50,000 clips takes the harness far longer than the export itself.
 */
const click = (panel: Page, within: string, name: string) =>
  panel.evaluate(
    ([sel, n]) => {
      const b = [...document.querySelectorAll(`${sel} button`)].find((x) => x.textContent?.trim() === n);
      if (!b) throw new Error(`no button ${n}`);
      (b as HTMLButtonElement).click();
    },
    [within, name] as const,
  );

async function statusContains(panel: Page, text: string, timeoutMs = 600_000) {
  await panel.waitForFunction(
    (t) => [...document.querySelectorAll('[role=status],[role=alert]')].some((s) => s.textContent?.includes(t)),
    text,
    { timeout: timeoutMs, polling: 100 },
  );
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-bench-export-'));
  const data = collection();
  const file = path.join(tmp, 'collection.json');
  fs.writeFileSync(file, buildJson(data, new Date()));
  console.log(
    `Export and import of ${CLIPS.toLocaleString('en-GB')} clips from ${ARTICLES.toLocaleString('en-GB')} articles (JSON file ${mb(fs.statSync(file).size)}), in real Chromium: side panel and background service worker`,
  );

  // IL_EXTENSION_DIR: a copy of a build to measure (the worktree can be rebuilt meanwhile).
  const ext = await launchWithExtension(process.env.IL_EXTENSION_DIR || undefined);
  const browserVersion = chromiumVersion(ext.context);
  // The side panel's clip list is stubbed empty here: until lists are paged it renders every clip,
  // and a panel holding 50,000 rendered clips makes everything in it slow (GC and layout), which
  // would be timed instead of the export and import.
  const panel = await ext.context.newPage();
  await panel.addInitScript(() => {
    const runtime = chrome.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown };
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      if ((args[0] as { type?: string })?.type !== 'listClips') return send(...args);
      const reply = { clips: [], articles: [] };
      const callback = args.at(-1);
      if (typeof callback === 'function') setTimeout(() => callback(reply));
      else return Promise.resolve(reply);
    };
  });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  const panelHeap = await ext.context.newCDPSession(panel);
  const labels = ['side panel'];
  const heaps: HeapTarget[] = [panelHeap];
  const swHeap = await serviceWorkerHeap(ext.context, ext.extensionId);
  if (swHeap) {
    heaps.push(swHeap);
    labels.push('service worker');
  }
  const heapText = (peak: number[]) => peak.map((p, i) => `${labels[i]} +${mb(p)}`).join(', ');

  const imp = await measured(heaps, async () => {
    const [chooser] = await Promise.all([panel.waitForEvent('filechooser'), click(panel, '.import-button', 'Import')]);
    await chooser.setFiles(file);
    await statusContains(panel, 'Imported:');
  });
  console.log(
    `  import (file chosen → "Imported" shown): ${(imp.ms / 1000).toFixed(2)} s; peak heap ${heapText(imp.peak)}`,
  );
  const summary = await panel.locator('.import-button [role=status]').allTextContents();
  if (!summary.some((s) => s.includes(`${CLIPS.toLocaleString('en-GB')} clips added`)))
    throw new Error(`import did not add every clip: ${summary.join(' | ')}`);

  const exportTimes: number[] = [];
  const exports: Record<string, unknown> = {};
  for (const format of ['JSON', 'Web Annotation (JSON-LD)', 'CSV', 'Outcomes CSV', 'Markdown']) {
    const r = await measured(heaps, async () => {
      await click(panel, '.export-menu', 'Export');
      const [download] = await Promise.all([
        panel.waitForEvent('download', { timeout: 600_000 }),
        click(panel, '#export-formats', format),
      ]);
      return fs.statSync(await download.path()).size;
    });
    exportTimes.push(r.ms);
    exports[format] = { clickToDownload: figure([r.ms]), bytes: r.value, peakHeapBytes: r.peak };
    console.log(
      `  export ${format} (click → download): ${(r.ms / 1000).toFixed(2)} s, ${mb(r.value)}; peak heap ${heapText(r.peak)}`,
    );
  }

  const floor = await panel.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('inspection-lens');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const t0 = performance.now();
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('clips').objectStore('clips').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const t1 = performance.now();
    const text = JSON.stringify(all);
    const t2 = performance.now();
    JSON.parse(text);
    const t3 = performance.now();
    db.close();
    return { count: all.length, getAll: t1 - t0, stringify: t2 - t1, parse: t3 - t2 };
  });
  const floorMs = floor.getAll + floor.stringify;
  console.log(
    `  floor, in the side panel: IndexedDB getAll of the ${floor.count.toLocaleString('en-GB')} clips ${floor.getAll.toFixed(0)} ms, JSON.stringify ${floor.stringify.toFixed(0)} ms, JSON.parse ${floor.parse.toFixed(0)} ms`,
  );
  console.log(
    `  ratios: JSON export ${(exportTimes[0] / floorMs).toFixed(1)}× (getAll + stringify); import ${(imp.ms / (floor.parse + floor.getAll)).toFixed(1)}× (parse + getAll)`,
  );
  await ext.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  recordResults(
    'export',
    {
      clips: CLIPS,
      articles: ARTICLES,
      note: 'one run each (50,000 clips take minutes): min = median = max; heaps sampled every 20 ms, in the order of heapTargets',
      heapTargets: labels,
      import: {
        fileChosenToImported: figure([imp.ms], { baselines: { parsePlusGetAll: [floor.parse + floor.getAll] } }),
        peakHeapBytes: imp.peak,
      },
      exports,
      floor: {
        getAll: figure([floor.getAll]),
        stringify: figure([floor.stringify]),
        parse: figure([floor.parse]),
      },
    },
    { name: 'Chromium (headless)', version: await browserVersion },
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
