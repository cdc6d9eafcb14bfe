// `npx tsx scripts/bench-from-navigation.ts [--loads N] [--page 1mb|typical] name=<build dir>...`:
// our marks counted from the page's navigation start, not from our content script's start
// (`il:start`, which the other benches count from): the page's DOMContentLoaded, load event and first paint,
// our start, the engine loaded, and the first screens painted (1 MB article) or the highlights
// painted (typical article), a new tab each load, builds interleaved. A build whose early.js is
// emptied (`printf '(function(){})();\n' > <copy>/early.js`) shows what the engine's import at
// document_start changes: when our start comes, and when the highlights are painted.
import { parseArgs } from 'node:util';
import { has, longArticle, serveFixtures, untilMarked } from '../tests/e2e/harness';
import { interleavedLoads, namedBuilds } from './build-args';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { loads: { type: 'string', default: '12' }, page: { type: 'string', default: '1mb' } },
});
const builds = namedBuilds(positionals);
if (!builds.length) throw new Error('give one or more build dirs (name=dir)');
const long = values.page === '1mb';
const path = long ? '/trace-1mb.html' : '/003_7373dea24638aad1.html';
const end = long ? 'il:first-painted' : 'il:painted';
const server = await serveFixtures();
server.extra.set('/trace-1mb.html', longArticle(1_000_000));
const names = [
  'DOMContentLoaded',
  'load event',
  "the page's first paint",
  'il:start',
  'il:engine-loaded',
  end,
  `${end} - il:start`,
];
let rows: number[][][];
try {
  rows = await interleavedLoads(
    builds,
    Number(values.loads),
    async (context) => {
      const p = await context.newPage();
      await p.goto(`${server.origin}${path}`);
      await untilMarked(p, has('il:painted'));
      await p.waitForTimeout(200);
      const r = (await p.evaluate(`(() => {
        const n = performance.getEntriesByType('navigation')[0];
        const t = (m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN;
        return [n.domContentLoadedEventEnd, n.loadEventStart, t('first-paint'), t('il:start'), t('il:engine-loaded'), t('${end}'), t('${end}') - t('il:start')];
      })()`)) as number[];
      await p.close();
      return r;
    },
    300,
  );
} finally {
  await server.close();
}
console.log(
  `${long ? '1 MB' : 'typical'} article, ms from navigation start, median (min-max) of ${values.loads} loads`,
);
console.log(`${''.padEnd(28)}${builds.map((b) => b.name.padStart(18)).join('')}`);
names.forEach((n, j) => {
  const cell = (rs: number[][]) => {
    const xs = rs.map((r) => r[j]).sort((a, b) => a - b);
    return `${xs[Math.floor(xs.length / 2)].toFixed(0)} (${xs[0].toFixed(0)}-${xs[xs.length - 1].toFixed(0)})`;
  };
  console.log(`${n.padEnd(28)}${rows.map((rs) => cell(rs).padStart(18)).join('')}`);
});
