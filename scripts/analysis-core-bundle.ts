// Shared by the benches that measure the analysis core of this tree beside another commit's
// (scripts/bench-analyze-chromium.ts, scripts/bench-analyze-cold.ts): a commit's lib/ exported by
// git, and the core bundled as one script that leaves `IL` (analyzeSteps, AnalysisCache, runSteps)
// in the global scope.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from '../tests/e2e/harness';

/** Writes `commit`'s lib/ into `dir` (which then stands for that commit's tree). */
export function exportLib(commit: string, dir: string): void {
  const tar = execFileSync('git', ['archive', commit, 'lib'], { cwd: root, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
}

/** The analysis core of the tree at `dir`, minified (unless told not: profiles name its functions), as a script that defines the global `IL`. */
export async function bundleAnalysisCore(dir: string, minify = true): Promise<string> {
  const entry = path.join(dir, '.bench-analysis-core-entry.ts');
  fs.writeFileSync(
    entry,
    `import { analyzeSteps } from './lib/analysis/analyze';
import { AnalysisCache } from './lib/analysis/cache';
import { runSteps } from './lib/analysis/steps';
(globalThis as any).IL = { analyzeSteps, AnalysisCache, runSteps };
`,
  );
  try {
    const r = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, minify });
    return r.outputFiles[0].text;
  } finally {
    fs.rmSync(entry);
  }
}
