// `npx tsx scripts/bench-furniture.ts [--runs N] [<dir with lib/>...]`: the furniture rules
// (lib/analysis/furniture.ts `furnitureRule`, which extraction asks of every short block) in
// Chromium, on a page's first use: the typical article's text pieces (seed 003, cold: nothing
// compiled), then the 1 MB article's in the same page. Renderer main-thread CPU time (CDP thread
// ticks), a fresh Chromium per sample, trees interleaved (e.g. an older commit's
// `git archive <commit> lib | tar -x -C <dir>`), beside a floor (the loop, each piece trimmed); median and minimum.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { longArticle, pagesDir, root } from '../tests/e2e/harness';
import { freshChromium } from './fresh-chromium';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '9' } },
});
const dirs = [...(positionals.length ? positionals.map((d) => path.resolve(d)) : [root]), 'floor'];

async function bundle(dir: string): Promise<string> {
  // The floor: the same loop with a rule that only trims each piece.
  if (dir === 'floor') return 'globalThis.__rule = (p) => { const t = p.trim(); return t.length > 300 ? t : null; };';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-bench-furniture-'));
  const entry = path.join(tmp, 'entry.ts');
  fs.writeFileSync(
    entry,
    `import { furnitureRule } from ${JSON.stringify(path.join(dir, 'lib/analysis/furniture'))};\n(globalThis as any).__rule = furnitureRule;\n`,
  );
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'es2022' });
  fs.rmSync(tmp, { recursive: true });
  return `//# allFunctionsCalledOnLoad\n${out.outputFiles[0].text}`;
}

/** A page's text pieces between tags, as extraction meets its blocks (white space kept). */
const pieces = (html: string) => html.split(/<[^>]*>/).filter((p) => p.trim());
const typical = pieces(fs.readFileSync(path.join(pagesDir, '003_7373dea24638aad1.html'), 'utf8'));
const long = pieces(longArticle(1_000_000));
const RUN = (name: string) =>
  `(() => { let n = 0; for (const p of globalThis.${name}) if (globalThis.__rule(p)) n++; return n; })()`;

const code = await Promise.all(dirs.map(bundle));
const samples = dirs.map(() => ({ typical: [] as number[], long: [] as number[], found: '' }));
const load = os.loadavg()[0];
const runs = Number(values.runs);
for (let i = 0; i < runs; i++)
  for (let k = 0; k < dirs.length; k++) {
    const { browser, page, cpu } = await freshChromium();
    try {
      await page.addScriptTag({ content: code[k] });
      await page.evaluate(([a, b]) => Object.assign(globalThis, { TYPICAL: a, LONG: b }), [typical, long]);
      const timed = async (script: string) => {
        const t0 = await cpu();
        const n = await page.evaluate(script);
        return [(await cpu()) - t0, n] as const;
      };
      const [a, na] = await timed(RUN('TYPICAL'));
      const [b, nb] = await timed(RUN('LONG'));
      samples[k].typical.push(a);
      samples[k].long.push(b);
      samples[k].found = `${na} of ${typical.length}; ${nb} of ${long.length}`;
    } finally {
      await browser.close();
    }
  }
const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(
  `furnitureRule on every text piece, renderer main-thread CPU ms, median / min of ${runs} fresh Chromiums (load ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)})`,
);
for (const [k, d] of dirs.entries()) {
  const s = samples[k];
  console.log(`  ${d}: furniture found ${s.found}`);
  console.log(
    `    typical article, cold: ${med(s.typical).toFixed(2)} / ${Math.min(...s.typical).toFixed(2)}; then the 1 MB article: ${med(s.long).toFixed(2)} / ${Math.min(...s.long).toFixed(2)}`,
  );
}
