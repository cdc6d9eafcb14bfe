// `npm run bench:style`: what the extension adds to a page's own style work on a page that is not
// an article (issue 15, stop 31), and on an inspection article whose highlights are drawn (stop
// 33). A stylesheet a content script brings is matched against every element of every page
// whenever the page's styles are recalculated: until stop 31 the highlights' CSS (its
// `::highlight()` rules) was listed in the manifest and made each full recalculation of a large
// page about 2.5 times as long. Each load opens a large page (3,000 rows, about 15,000 elements),
// then in the page itself toggles a class on <html> that restyles every row and forces the style
// (and layout) update, 20 times; the median of those updates over all loads is printed for each
// build, beside the floor: an extension whose content scripts are empty, in the same run, loads
// interleaved. The rows come once as a page that is not an article, once inside an inspection
// article, where our highlights are drawn and our styles stay.
// Other builds to compare: `npx tsx scripts/bench-style-recalc.ts name=<chrome-mv3 dir>...`;
// IL_EXTENSION_DIR measures a copy of a build instead of .output; BENCH_RUNS loads per build (8).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { extensionDir, launchChromiumWith, root, serveFixtures } from '../tests/e2e/harness';
import { chromiumVersion, figure, recordResults } from './bench-results';
import { namedBuilds } from './build-args';
import { emptyExtension } from './nonarticle-baselines';

const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const UPDATES = 20;
const others = namedBuilds(process.argv.slice(2));
if (process.env.IL_REUSE_BUILD !== '1' && !process.env.IL_EXTENSION_DIR)
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });

const ROW =
  '<div class="item"><span class="who">Ramblers</span> <a href="#">through</a> the <em>beech</em> woods to the ridge, where the views are <b>outstanding</b>.</div>';
const PAGE = `<!doctype html><html><head><title>Walks near you</title><style>.t .item{outline:0 solid red}</style></head><body><main>${ROW.repeat(3000)}</main></body></html>`;

// The same rows under an inspection article's head and opening paragraph: the engine runs, draws
// its highlights and keeps its styles, and every restyle of the page pays for them (stop 33).
const ARTICLE = `<!doctype html><html><head><title>Ofsted rates Essex children’s services good</title><style>.t .item{outline:0 solid red}</style></head><body><article><h1>Ofsted rates Essex children’s services good</h1><p>Ofsted inspectors rated Essex County Council’s children’s services ‘good’ overall, the inspection report published this week says. The council was judged ‘requires improvement’ at its previous inspection in 2019.</p><p>Inspectors said leaders must improve the timeliness of assessments for children in need.</p>${ROW.repeat(3000)}</article></body></html>`;
const PAGES = [
  { path: '/rows.html', html: PAGE, label: 'A page that is not an article, 3,000 rows' },
  {
    path: '/article-rows.html',
    html: ARTICLE,
    label: 'An inspection article with the same 3,000 rows, its highlights drawn',
  },
] as const;

const floorDir = emptyExtension();
const builds = [
  { name: 'floor (empty content scripts)', dir: floorDir },
  { name: 'Inspection Lens', dir: process.env.IL_EXTENSION_DIR || extensionDir },
  ...others.map((b) => ({ name: `Inspection Lens, ${b.name}`, dir: b.dir })),
];

const server = await serveFixtures();
for (const p of PAGES) server.extra.set(p.path, p.html);
const browsers = [];
for (const b of builds) browsers.push(await launchChromiumWith(b.dir));
const samples: number[][][] = PAGES.map(() => builds.map(() => []));
let version = '';
try {
  version = await chromiumVersion(browsers[0].context);
  // A first load warms each browser; then the loads, builds interleaved.
  for (let run = 0; run <= RUNS; run++)
    for (const [j, p] of PAGES.entries())
      for (const [k, b] of browsers.entries()) {
        const page = await b.context.newPage();
        await page.goto(`${server.origin}${p.path}`);
        await page.waitForTimeout(1500);
        // On the article, ours has drawn (the floor draws nothing).
        if (j === 1 && k > 0) await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 15_000 });
        const times = await page.evaluate((n) => {
          const out: number[] = [];
          const html = document.documentElement;
          for (let i = 0; i <= n; i++) {
            html.classList.toggle('t');
            const t0 = performance.now();
            void document.body.offsetHeight;
            out.push(performance.now() - t0);
          }
          return out.slice(1);
        }, UPDATES);
        if (run > 0) samples[j][k].push(...times);
        await page.close();
      }
} finally {
  for (const b of browsers) await b.close();
  await server.close();
  fs.rmSync(floorDir, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [j, p] of PAGES.entries()) {
  const floor = median(samples[j][0]);
  console.log(`${p.label}: one full style update forced by the page (median of ${RUNS} loads x ${UPDATES})`);
  for (const [k, b] of builds.entries()) {
    const m = median(samples[j][k]);
    console.log(
      `  ${b.name}: ${m.toFixed(2)} ms${k ? ` (${(m / floor).toFixed(2)}x the floor, ${m - floor >= 0 ? '+' : ''}${(m - floor).toFixed(2)} ms)` : ''}`,
    );
  }
}
if (process.env.IL_EXTENSION_DIR || others.length)
  console.log('  (not recorded: a copy or other builds were measured)');
else
  recordResults(
    'styleRecalc',
    {
      page: 'a page that is not an article (3,000 rows, about 15,000 elements), and the same rows in an inspection article; the page toggles a class on <html> restyling every row and forces the update',
      runs: RUNS,
      figures: {
        fullStyleUpdate: figure(samples[0][1], {
          baselines: { [builds[0].name]: samples[0][0] },
          note: "the page's own work: what our content scripts' styles add to it on a page that is not an article",
        }),
        articleFullStyleUpdate: figure(samples[1][1], {
          baselines: { [builds[0].name]: samples[1][0] },
          note: "the same rows in an inspection article with its highlights drawn: what our styles and highlights add to the page's own restyling",
        }),
      },
    },
    { name: 'Chromium (headless)', version },
  );
