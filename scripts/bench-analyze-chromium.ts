// `npx tsx scripts/bench-analyze-chromium.ts [--against <commit>] [--runs N]`: the analysis core on
// the 1 MB article of `bench:page`, in Chromium, timed as the renderer main thread's CPU time
// (CDP Performance metrics in thread ticks), which a loaded machine disturbs far less than wall
// time. Each sample is a fresh Chromium, so every run is as cold as a page's: the first 30,000
// characters are analysed first (as the page runner draws the first screens before the rest),
// then the whole article with the same cache (the bench page's "analysed" phase), then three
// paragraphs are added one after another (the re-runs). In another fresh browser, the typical
// article (seed 003, extracted) is analysed once: a page's first analysis, nothing compiled yet
// (the engine's script itself, its parse, compile and module top level, is timed before it). With
// --against, the analysis core of that commit (its lib/, from git) is measured in the same run,
// samples interleaved. --typical-only skips the 1 MB article; --compile-hint starts each bundle with
// the compile hint the extension's engine carries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseHtml } from '../lib/cli/parse-html';
import { extractArticle, toSourceDocument } from '../lib/page/extract';
import { longArticle, pagesDir, root } from '../tests/e2e/harness';
import { bundleAnalysisCore, exportLib } from './analysis-core-bundle';
import { spread } from './bench-results';
import { freshChromium } from './fresh-chromium';

const { values } = parseArgs({
  options: {
    against: { type: 'string' },
    runs: { type: 'string', default: '8' },
    'typical-only': { type: 'boolean' },
    'compile-hint': { type: 'boolean' },
  },
});
const runs = Number(values.runs);

/** The source trees to measure: this worktree, and the commit's lib/ exported by git. */
const trees: { name: string; dir: string }[] = [{ name: 'this tree', dir: root }];
let tmp: string | null = null;
if (values.against) {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-against-'));
  exportLib(values.against, tmp);
  trees.push({ name: values.against, dir: tmp });
}

async function bundle(dir: string): Promise<string> {
  // --compile-hint: the engine's build starts with V8's hint to compile every function with the
  // script (wxt.config.ts), so a page's first analysis compiles none of them on first call.
  return (values['compile-hint'] ? '//# allFunctionsCalledOnLoad\n' : '') + (await bundleAnalysisCore(dir));
}

// Page-side steps, as strings (no bundler helpers in them).
const FIRST_SCREENS = `(() => {
  const doc = globalThis.DOC;
  globalThis.CACHE = new IL.AnalysisCache();
  let n = doc.title.length, k = 0;
  while (k < doc.blocks.length && n < 30000) n += doc.blocks[k++].length;
  IL.runSteps(IL.analyzeSteps({ ...doc, blocks: doc.blocks.slice(0, k), blockKinds: doc.blockKinds.slice(0, k) }, 300, globalThis.CACHE));
})()`;
const TYPICAL = 'IL.runSteps(IL.analyzeSteps(globalThis.DOC, 300, new IL.AnalysisCache())), 0';
const WHOLE = 'IL.runSteps(IL.analyzeSteps(globalThis.DOC, 300, globalThis.CACHE)), 0';
const addParagraph = (i: number) => `(() => {
  const d = globalThis.DOC;
  globalThis.DOC = { ...d, blocks: [...d.blocks, 'Update ${i}: neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.'], blockKinds: [...d.blockKinds, 'text'] };
  IL.runSteps(IL.analyzeSteps(globalThis.DOC, 300, globalThis.CACHE));
})()`;

async function main() {
  const doc = toSourceDocument(extractArticle(parseHtml(longArticle(1_000_000))));
  const typical = toSourceDocument(
    extractArticle(parseHtml(fs.readFileSync(path.join(pagesDir, '003_7373dea24638aad1.html'), 'utf8'))),
  );
  const code = await Promise.all(trees.map((t) => bundle(t.dir)));
  const samples = trees.map(() => ({
    typical: [] as number[],
    script: [] as number[],
    first: [] as number[],
    whole: [] as number[],
    rerun: [] as number[],
    laterRerun: [] as number[],
  }));
  const load = os.loadavg()[0];
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < trees.length * 2; k++) {
      const tree = k >> 1;
      const long = (k & 1) === 1;
      if (long && values['typical-only']) continue;
      const { browser, page, cpu } = await freshChromium();
      try {
        // The engine's script: parsed, compiled and its module top level run (no analysis yet).
        const t0 = await cpu();
        await page.addScriptTag({ content: code[tree] });
        if (!long) samples[tree].script.push((await cpu()) - t0);
        await page.evaluate(
          (d) => {
            (globalThis as unknown as { DOC: unknown }).DOC = d;
          },
          long ? doc : typical,
        );
        const timed = async (script: string) => {
          const t0 = await cpu();
          await page.evaluate(script);
          return (await cpu()) - t0;
        };
        if (!long) {
          samples[tree].typical.push(await timed(TYPICAL));
          continue;
        }
        samples[tree].first.push(await timed(FIRST_SCREENS));
        samples[tree].whole.push(await timed(WHOLE));
        samples[tree].rerun.push(await timed(addParagraph(1)));
        await timed(addParagraph(2));
        samples[tree].laterRerun.push(await timed(addParagraph(3)));
      } finally {
        await browser.close();
      }
    }
  const show = (xs: number[]) => {
    const s = spread(xs);
    return `${s.median.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)})`;
  };
  console.log(
    `1 MB article, ${doc.blocks.length} blocks, and the typical article: renderer main-thread CPU time, median of ${runs} fresh Chromiums per tree, interleaved${values['compile-hint'] ? ', with the compile hint' : ''}; load average ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  trees.forEach((t, k) => {
    console.log(`  ${t.name}:`);
    console.log(`    the engine's script (parse, compile, module top level): ${show(samples[k].script)}`);
    console.log(`    the typical article (seed 003), its first analysis: ${show(samples[k].typical)}`);
    if (!samples[k].first.length) return;
    console.log(`    its first screens (the first 30,000 characters), cold: ${show(samples[k].first)}`);
    console.log(`    the whole article after its first screens: ${show(samples[k].whole)}`);
    console.log(
      `    both (first screens, then the whole article): ${show(samples[k].first.map((x, i) => x + samples[k].whole[i]))}`,
    );
    console.log(
      `    a paragraph added, the re-run: ${show(samples[k].rerun)}; the third: ${show(samples[k].laterRerun)}`,
    );
  });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
});
