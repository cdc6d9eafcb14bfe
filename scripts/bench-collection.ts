// `npm run bench:collection`: the Collection view at scale, printed as figures.
// 10,000 clips from 1,000 articles in IndexedDB (fake-indexeddb, in Node), then:
// - first render: the view mounted with Preact into happy-dom, from mount to the first window of
//   clip rows in the DOM (the query included), with the background's search cache cold and warm;
// - each search keystroke: a word typed letter by letter (and a two-word search), the query's time
//   (search, filters, grouping, one window of rows), median and p95;
// - filters through the indexes (grade + council, tag, date range);
// beside the same queries as a plain array filter over all clips (each clip's text normalised per
// query, then grouped, sorted and cut to the same window), measured in the same run.
// Then the same collection in Chromium's real IndexedDB through the built extension (skipped with
// BENCH_BROWSER=0): the side panel's first render (page load to the first clip row, cold and
// warm) and each keystroke's queryClips round trip from the panel, beside a plain array filter
// of the same clips in the service worker.
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import type { Article, Clip } from '../lib/clips';
import { matchesFilter } from '../lib/export/records';
import { Collection, type CollectionQuery } from '../lib/store/collection';
import { openLensDb } from '../lib/store/db';
import { extensionDir, launchWithExtension, root } from '../tests/e2e/harness';
import { chromiumVersion, figure, recordResults } from './bench-results';

const CLIPS = Number(process.env.BENCH_CLIPS ?? 10_000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (value: number, max: number, what = 'measured') =>
  `${Number.isFinite(value) && value <= max ? 'met' : 'NOT met'} (budget ≤ ${max.toFixed(0)} ms, ${what} ${Number.isFinite(value) ? value.toFixed(1) : '–'} ms)`;
/** What bench/results.json records of this run (section "collection"). */
const results: Record<string, unknown> = {};

// A repeatable pseudo-random collection with real-looking words.
let seed = 42;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const WORDS =
  'children social workers inspectors found managers leaders council services care leavers assessments plans help protection families drift delay quality practice oversight caseloads exploitation missing placements court timely effective improve urgently support partners police health schools early strong weak inadequate outstanding good improvement visits reviews supervision training recruitment agency staff budget trust director corporate parenting fostering adoption homes'.split(
    ' ',
  );
const COUNCILS = [
  { code: 'E08000035', name: 'Leeds' },
  { code: 'E08000032', name: 'Bradford' },
  { code: 'E10000012', name: 'Essex' },
  { code: 'E09000022', name: 'Lambeth' },
  { code: 'E09000012', name: 'Hackney' },
  { code: 'E10000016', name: 'Kent' },
  { code: 'E06000038', name: 'Reading' },
  { code: 'E08000002', name: 'Bury' },
];
const GRADES = ['outstanding', 'good', 'requires improvement', 'inadequate'];
const TAGS = ['follow-up', 'delay', 'leadership', 'care-leavers', 'court', 'budget'];
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function makeCollection() {
  const articles: Article[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const url = `https://news${i % 7}.example/story/${i}`;
    articles.push({
      id: url,
      url,
      canonicalUrl: url,
      title: `${pick(COUNCILS).name} ${sentence(7)}`,
      site: `news${i % 7}.example`,
      published: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      outcomes: [],
      created: 1_600_000_000_000 + i * 86_400_000,
      updated: 1_600_000_000_000 + i * 86_400_000,
    });
  }
  const clips: Clip[] = [];
  for (let i = 0; i < CLIPS; i++) {
    const a = articles[i % ARTICLES];
    const council = pick(COUNCILS);
    const graded = rnd() < 0.3;
    const grade = pick(GRADES);
    const quote = sentence(12 + Math.floor(rnd() * 30));
    clips.push({
      id: `clip-${String(i).padStart(6, '0')}`,
      articleId: a.id,
      url: a.url,
      quote,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: i, end: i + quote.length },
      ],
      textModel: 'article',
      category: graded ? 'grade' : pick(['selection', 'improvement', 'council'] as const),
      ...(graded
        ? { finding: { kind: 'grade' as const, grade: grade as Clip['grades'][0] as never, councils: [council] } }
        : {}),
      councilCodes: rnd() < 0.8 ? [council.code] : [],
      grades: graded ? [grade] : [],
      note: rnd() < 0.3 ? sentence(6) : '',
      tags: rnd() < 0.4 ? [pick(TAGS)] : [],
      colour: 'yellow',
      created: a.created + i * 1000,
      updated: a.created + i * 1000,
      orphaned: rnd() < 0.05,
      rev: 0,
    });
  }
  return { articles, clips };
}

/** The same query as a plain array filter over every clip: text normalised per query, grouped, sorted, windowed. */
function arrayQuery(clips: Clip[], titles: Map<string, string>, q: CollectionQuery) {
  const matched = clips.filter((c) => matchesFilter(c, q, titles.get(c.articleId)));
  const groups = new Map<string, Clip[]>();
  for (const c of matched) {
    const g = groups.get(c.articleId) ?? [];
    g.push(c);
    groups.set(c.articleId, g);
  }
  const ordered = [...groups.entries()].sort(
    (a, b) => Math.max(...b[1].map((c) => c.created)) - Math.max(...a[1].map((c) => c.created)),
  );
  const flat: (string | Clip)[] = [];
  for (const [key, g] of ordered) flat.push(key, ...g.sort((a, b) => b.created - a.created));
  return { total: matched.length, rows: flat.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 50)) };
}

function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  return f().then((r) => [performance.now() - t0, r]);
}

async function main() {
  const { articles, clips } = makeCollection();
  const db = await openLensDb('bench-collection');
  {
    const tx = db.transaction(['clips', 'articles'], 'readwrite');
    for (const a of articles) tx.objectStore('articles').put(a);
    for (const c of clips) tx.objectStore('clips').put(c);
    await tx.done;
  }
  db.close();
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  console.log(
    `Collection view: ${CLIPS.toLocaleString('en-GB')} clips from ${ARTICLES.toLocaleString('en-GB')} articles (fake-indexeddb in Node; happy-dom for rendering)`,
  );

  // --- first render: mount the view, until the first window of rows is in the DOM ---------
  const window = new Window({ url: 'https://example.test/' });
  const g = globalThis as Record<string, unknown>;
  for (const k of ['document', 'HTMLElement', 'Node', 'Event', 'KeyboardEvent', 'FocusEvent', 'navigator'])
    g[k] ??= (window as unknown as Record<string, unknown>)[k];
  g.window = window;
  const { CollectionView } = await import('../components/CollectionView');

  const firstRender = async (collection: Collection) => {
    const host = window.document.createElement('div');
    window.document.body.append(host);
    const api = {
      query: (q: CollectionQuery) => collection.query(q),
      update: async () => ({ ok: false as const, error: 'not in the bench', retry: false as const }),
      remove: async () => [],
      restore: async () => 0,
      open: async () => ({ ok: true }),
      subscribe: () => () => {},
    };
    const t0 = performance.now();
    render(h(CollectionView, { api, fallbackHeight: 720 }), host as unknown as Element);
    for (let i = 0; i < 10_000 && !host.querySelector('li.cv-row[data-clip-id]'); i++)
      await new Promise((r) => setTimeout(r, 0));
    const took = performance.now() - t0;
    const shown = host.querySelectorAll('li.cv-row[data-clip-id]').length;
    render(null, host as unknown as Element);
    host.remove();
    return { took, shown };
  };

  // The floor under a cold first render: reading every clip and article from the store at all.
  const floor = await time(async () => {
    const d = await openLensDb('bench-collection');
    await Promise.all([d.getAll('clips'), d.getAll('articles')]);
    d.close();
  });
  // The cache path: the first query waits until every clip is read (its search text is worked out later).
  const viaCache = new Collection('bench-collection');
  viaCache.noIndexPath = true;
  const firstViaCache = await firstRender(viaCache);
  viaCache.close();
  // Now: the first query answered from the indexes; the cache is built afterwards.
  const cold = new Collection('bench-collection');
  const first = await firstRender(cold);
  await cold.queryCached({ limit: 1 }); // the cache built after the first reply
  const again = await firstRender(cold);
  // Baseline for the first render: the array filter's first window (all clips already in memory).
  const [arrayFirst] = await time(async () => arrayQuery(clips, titles, { limit: 40 }));
  console.log(
    `  first render (cold, from the indexes; search cache built afterwards):    ${ms(first.took)}  (${first.shown} clip rows rendered of ${CLIPS.toLocaleString('en-GB')})`,
  );
  console.log(`    the same through the cache path (every clip read before the reply):   ${ms(firstViaCache.took)}`);
  console.log(`    floor: reading every clip and article from the store (getAll), nothing else: ${ms(floor[0])}`);
  console.log(`  first render (warm cache, a panel opened again):                        ${ms(again.took)}`);
  console.log(`    baseline: plain array filter of the first window, clips already in memory: ${ms(arrayFirst)}`);

  // --- keystrokes ---------------------------------------------------------------------------
  const typed: string[] = [];
  for (const word of ['assessments', 'children drift', 'leeds urgently improve'])
    for (let i = 1; i <= word.length; i++) if (word[i - 1] !== ' ') typed.push(word.slice(0, i));
  const ours: number[] = [];
  const plain: number[] = [];
  let totals = 0;
  for (let round = 0; round < 3; round++)
    for (const text of typed) {
      const [a, r] = await time(() => cold.query({ text, limit: 40 }));
      const [b, s] = await time(async () => arrayQuery(clips, titles, { text, limit: 40 }));
      if (r.total !== s.total) throw new Error(`counts differ for "${text}": ${r.total} vs ${s.total}`);
      ours.push(a);
      plain.push(b);
      totals += r.total;
    }
  console.log(
    `  search keystroke (${typed.length} keystrokes x 3, e.g. "assessm", "children dri"): median ${ms(median(ours))}, p95 ${ms(p95(ours))}`,
  );
  console.log(
    `    baseline: plain array filter:                                   median ${ms(median(plain))}, p95 ${ms(p95(plain))}  (x${(median(plain) / median(ours)).toFixed(1)} our median)`,
  );

  // --- filters through the indexes -----------------------------------------------------------
  const filters: CollectionQuery[] = [
    { grade: 'inadequate', council: 'E08000035' },
    { tag: 'delay' },
    { from: articles[500].created, to: articles[600].created },
    { category: 'improvement', text: 'children' },
  ];
  for (const f of filters) {
    const runs: number[] = [];
    const base: number[] = [];
    let total = 0;
    for (let i = 0; i < 5; i++) {
      // Each write clears the index filters' ids: the first run reads the index, the next ones reuse it.
      const [a, r] = await time(() => cold.query({ ...f, limit: 40 }));
      const [b, s] = await time(async () => arrayQuery(clips, titles, { ...f, limit: 40 }));
      if (r.total !== s.total) throw new Error(`counts differ for ${JSON.stringify(f)}: ${r.total} vs ${s.total}`);
      runs.push(a);
      base.push(b);
      total = r.total;
    }
    console.log(
      `  filter ${JSON.stringify(f)} (${total} clips): first ${ms(runs[0])}, then median ${ms(median(runs.slice(1)))}; array filter median ${ms(median(base))}`,
    );
  }
  results.node = {
    runtime: `Node ${process.version}, fake-indexeddb, happy-dom`,
    clips: CLIPS,
    articles: ARTICLES,
    firstRenderCold: figure([first.took], {
      baselines: { cachePath: [firstViaCache.took], readEveryClip: [floor[0]] },
    }),
    firstRenderWarm: figure([again.took], { baselines: { arrayFilterFirstWindow: [arrayFirst] } }),
    keystroke: figure(ours, { baselines: { arrayFilter: plain }, budget: 50, note: 'median of each keystroke' }),
  };
  console.log(
    `  (checked: every query's count equals the array filter's; ${totals.toLocaleString('en-GB')} matches in all)`,
  );
  cold.close();
  if (process.env.BENCH_BROWSER !== '0') await inChromium(articles, clips, typed);
}

async function inChromium(articles: Article[], clips: Clip[], typed: string[]) {
  const { execFileSync } = await import('node:child_process');
  if (process.env.IL_REUSE_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  const ext = await launchWithExtension(extensionDir, { marks: false });
  try {
    const sw = await ext.serviceWorker();
    await sw.evaluate(
      async ({ articles, clips }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('inspection-lens', 4);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const tx = db.transaction(['clips', 'articles'], 'readwrite');
        for (const a of articles) tx.objectStore('articles').put(a);
        for (const c of clips) tx.objectStore('clips').put(c);
        await new Promise((r) => {
          tx.oncomplete = r;
        });
        db.close();
      },
      { articles, clips },
    );
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    const url = `chrome-extension://${ext.extensionId}/sidepanel.html`;
    /** From the start of the page's navigation to its first clip row in the DOM. */
    const firstRow = async () => {
      await panel.goto(url);
      // A string: tsx's helpers (named functions) do not exist in the page.
      return panel.evaluate<number>(
        `new Promise((resolve) => { const look = () => document.querySelector('li.cv-row[data-clip-id]') ? resolve(performance.now()) : requestAnimationFrame(look); look(); })`,
      );
    };
    const cold = await firstRow();
    // The search cache is built once the background is idle; then the panel opened again.
    await new Promise((r) => setTimeout(r, 3000));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await firstRow());
    const words = [...typed, ...typed, ...typed];
    // tsx names functions with a helper the page and the worker do not have.
    await panel.evaluate('globalThis.__name = (f) => f');
    await sw.evaluate('globalThis.__name = (f) => f');
    // The floor of a keystroke: a message round trip from the panel to the running background.
    const pings = await panel.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'ping', data: null });
        out.push(performance.now() - t0);
      }
      return out;
    });
    const times = await panel.evaluate(async (ws: string[]) => {
      const out: number[] = [];
      for (const text of ws) {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'queryClips', data: { text, limit: 40 } });
        out.push(performance.now() - t0);
      }
      return out;
    }, words);
    const plain = await sw.evaluate(async (ws: string[]) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('inspection-lens');
        req.onsuccess = () => resolve(req.result);
      });
      const t0 = performance.now();
      const [all, arts] = await Promise.all(
        ['clips', 'articles'].map(
          (name) =>
            new Promise<Record<string, unknown>[]>((resolve) => {
              const r = db.transaction(name).objectStore(name).getAll();
              r.onsuccess = () => resolve(r.result);
            }),
        ),
      );
      const read = performance.now() - t0;
      db.close();
      const titles = new Map(arts.map((a) => [a.id as string, a.title as string]));
      const norm = (x: string) =>
        x
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
      const out: number[] = [];
      for (const text of ws) {
        const t1 = performance.now();
        const parts = norm(text).split(' ');
        const last = parts.pop() as string;
        const hits = all.filter((c) => {
          const t = ` ${norm(`${c.quote} ${c.note} ${(c.tags as string[]).join(' ')} ${titles.get(c.articleId as string) ?? ''}`)} `;
          return t.includes(` ${last}`) && parts.every((w) => t.includes(` ${w} `));
        });
        hits.sort((a, b) => (b.created as number) - (a.created as number));
        out.push(performance.now() - t1);
      }
      return { read, out };
    }, words);
    // After the background starts again (the panel already open), interleaved, ROUNDS restarts each:
    // - the floor: `ping` (no database), and `listClips` with pageSize 1 (opening IndexedDB and one
    //   cursor step), the smallest database read the background already answers;
    // - the Collection's first reply with no text (answered from the indexes), and one with text
    //   (every clip read and its search text worked out first);
    // - the Collection's first render: the panel loaded again right after the restart, page load to
    //   its first clip row.
    const ctl = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(ctl);
    await cdp.send('ServiceWorker.enable');
    const restart = async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 500));
    };
    const afterRestart = async (msg: object) => {
      await restart();
      return panel.evaluate(async (m) => {
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage(m);
        if (!reply || reply.ok === false) throw new Error(`no reply to ${JSON.stringify(m)}`);
        return performance.now() - t0;
      }, msg);
    };
    // The exact layout after a provisional first reply (`partial`): the panel asks again when the
    // background says so (clipsChanged); from the first request to the exact reply.
    const exactAfterRestart = async () => {
      await restart();
      return panel.evaluate(async () => {
        const t0 = performance.now();
        // (An inline listener: a named function here would need tsx's __name helper in the page.)
        const told = new Promise<void>((resolve) => {
          chrome.runtime.onMessage.addListener((m: { type?: string }) => {
            if (m?.type === 'clipsChanged') resolve();
          });
        });
        const q = { type: 'queryClips', data: { limit: 40 } };
        const first = await chrome.runtime.sendMessage(q);
        if (first?.partial) await told;
        const exact = await chrome.runtime.sendMessage(q);
        if (!exact || exact.partial || exact.ok === false) throw new Error('no exact reply');
        return performance.now() - t0;
      });
    };
    const ROUNDS = Number(process.env.BENCH_RESTARTS ?? 7);
    const floorPing: number[] = [];
    const floorOne: number[] = [];
    const indexed: number[] = [];
    const viaCache: number[] = [];
    const coldRender: number[] = [];
    const wokenFirst: number[] = [];
    const exactLayout: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      floorPing.push(await afterRestart({ type: 'ping', data: null }));
      floorOne.push(await afterRestart({ type: 'listClips', data: { pageSize: 1 } }));
      indexed.push(await afterRestart({ type: 'queryClips', data: { limit: 40 } }));
      exactLayout.push(await exactAfterRestart());
      viaCache.push(await afterRestart({ type: 'queryClips', data: { text: 'c', limit: 40 } }));
      await restart();
      coldRender.push(await firstRow());
      // The background started by something else (here a ping; in use, a tab's page report), the
      // Collection asked 1 s later: what warming the layout at start buys.
      await restart();
      await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', data: null }));
      await new Promise((r) => setTimeout(r, 1000));
      wokenFirst.push(
        await panel.evaluate(async () => {
          const t0 = performance.now();
          await chrome.runtime.sendMessage({ type: 'queryClips', data: { limit: 40 } });
          return performance.now() - t0;
        }),
      );
    }
    const range = (xs: number[]) => `median ${ms(median(xs))} (${ms(Math.min(...xs))}-${ms(Math.max(...xs))})`;
    console.log(`Chromium (real IndexedDB, built extension), the same ${clips.length.toLocaleString('en-GB')} clips:`);
    console.log(`  after the background restarts (x${ROUNDS} each, interleaved; median (min-max)):`);
    console.log(`    floor, ping (no database):                              ${range(floorPing)}`);
    console.log(`    floor, listClips pageSize 1 (open IndexedDB, one record): ${range(floorOne)}`);
    console.log(`    Collection first reply, no text (the panel's first query): ${range(indexed)}`);
    console.log(`    then its exact layout (asked again when told):          ${range(exactLayout)}`);
    console.log(`    Collection first reply, with text (search cache built):  ${range(viaCache)}`);
    console.log(`    Collection first render, panel load to first clip row:  ${range(coldRender)}`);
    console.log(`    Collection first reply, asked 1 s after a ping woke it:   ${range(wokenFirst)}`);
    console.log(
      `  side panel first render, page load to first clip row: first of the run ${ms(cold)}, warm median ${ms(median(warm))}`,
    );
    console.log(
      `  search keystroke, queryClips round trip from the panel: median ${ms(median(times))}, p95 ${ms(p95(times))}`,
    );
    console.log(
      `    baseline: plain array filter in the service worker: median ${ms(median(plain.out))}, p95 ${ms(p95(plain.out))} (after reading every clip: ${ms(plain.read)})`,
    );
    const slowest = times
      .map((t, i) => ({ t, w: words[i], round: Math.floor(i / typed.length) + 1 }))
      .sort((a, b) => b.t - a.t)
      .slice(0, 6);
    console.log(`    floor: a ping round trip from the panel: median ${ms(median(pings))}, p95 ${ms(p95(pings))}`);
    if (process.env.BENCH_DEBUG) console.log(times.map((t, i) => `${words[i]}=${ms(t)}`).join(' '));
    console.log(`    slowest keystrokes: ${slowest.map((x) => `"${x.w}" (round ${x.round}) ${ms(x.t)}`).join(', ')}`);
    const floor = median(floorOne);
    console.log('  budgets:');
    console.log(`    first render after a background restart ≤ 300 ms: ${verdict(median(coldRender), 300, 'median')}`);
    console.log(
      `    floor (one record) itself within 300 ms: ${verdict(floor, 300, 'median')}; it is ${((floor / 300) * 100).toFixed(0)}% of the 300 ms`,
    );
    console.log(
      `    first render after a restart within floor + 150 ms: ${verdict(median(coldRender), floor + 150, 'median')}`,
    );
    console.log(`    Collection first reply within floor + 100 ms: ${verdict(median(indexed), floor + 100, 'median')}`);
    console.log(`    warm opening (background running) ≤ 300 ms: ${verdict(median(warm), 300, 'median')}`);
    console.log(
      `    search keystroke ≤ 50 ms: ${verdict(median(times), 50, 'median')}; ${verdict(p95(times), 50, 'p95')}`,
    );
    results.chromium = {
      clips: clips.length,
      articles: articles.length,
      afterBackgroundRestart: {
        restarts: ROUNDS,
        floorPing: figure(floorPing),
        floorOneRecord: figure(floorOne, {
          budget: 300,
          note: 'listClips pageSize 1: opening IndexedDB and one cursor step; if this is near 300 ms, the 300 ms first render is not meetable here',
        }),
        collectionFirstReply: figure(indexed, {
          baselines: { floorPing, floorOneRecord: floorOne, withText: viaCache },
          budget: floor + 100,
          note: 'floor (one record, median) + 100 ms',
        }),
        collectionFirstRender: figure(coldRender, {
          baselines: { floorPing, floorOneRecord: floorOne },
          budget: floor + 150,
          note: 'floor (one record, median) + 150 ms; the issue asks 300 ms: see firstRender300',
        }),
        exactLayoutAfterRestart: figure(exactLayout, {
          baselines: { firstReply: indexed },
          note: 'the first reply is provisional (partial: the first window exact, the layout not); from the first request to the exact reply, asked again on clipsChanged',
        }),
        firstReplyOneSecondAfterAnotherWake: figure(wokenFirst, { baselines: { restartedByTheQuery: indexed } }),
        firstRender300: figure(coldRender, { budget: 300, note: "the issue's budget, after a background restart" }),
      },
      firstRenderOfRun: figure([cold]),
      warmOpening: figure(warm, { budget: 300 }),
      keystroke: figure(times, {
        baselines: { arrayFilterInWorker: plain.out },
        budget: 50,
        note: 'median; see p95 for "each keystroke"',
      }),
    };
    recordResults('collection', results, { name: 'chromium', version: await chromiumVersion(ext.context) });
    console.log('  wrote bench/results.json (section "collection")');
  } finally {
    await ext.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
