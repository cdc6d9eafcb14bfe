// The command line as the CLI tests spawn it. `npm run analyze` runs lib/cli/analyze.ts through
// tsx, which starts its loader and compiles the sources on every spawn (about 0.6 s of the 0.9 s
// a spawn takes on these machines; the CLI tests spawn 30 times). Here the same source is
// bundled once per test file by esbuild and run by node; `viaTsx` keeps the contract's own
// route for the tests that are about it.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll } from 'vitest';

export const root = path.resolve(import.meta.dirname, '../..');

let bundle: string | undefined;

/**
 * `[node, script]` for the CLI, bundled on first use. Call it at a test file's top level: it
 * registers the bundle's removal with that file's `afterAll`.
 */
export function cliCommand({ viaTsx = false } = {}): string[] {
  if (viaTsx) return [process.execPath, '--import', 'tsx', 'lib/cli/analyze.ts'];
  if (!bundle) {
    // Inside the project, so that the packages left outside the bundle resolve from node_modules.
    const cache = path.join(root, 'node_modules', '.cache');
    fs.mkdirSync(cache, { recursive: true });
    const dir = fs.mkdtempSync(path.join(cache, 'il-cli-'));
    // Named analyze.mjs: the module runs its main only when started as analyze.{ts,mjs,...}.
    const out = path.join(dir, 'analyze.mjs');
    buildSync({
      entryPoints: [path.join(root, 'lib/cli/analyze.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: out,
      logLevel: 'warning',
    });
    bundle = out;
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return [process.execPath, bundle];
}
