// The trace and bench scripts' builds: `name=<build dir>` arguments (or a bare dir, named by
// itself), and their loads interleaved.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension, root } from '../tests/e2e/harness';

export interface NamedBuild {
  name: string;
  dir: string;
}

export function namedBuilds(args: string[]): NamedBuild[] {
  return args.map((p) => {
    const eq = p.indexOf('=');
    return eq > 0 ? { name: p.slice(0, eq), dir: p.slice(eq + 1) } : { name: p, dir: p };
  });
}

/**
 * This worktree built with IL_PROFILE=1 (not minified: function names and the bundle's `// lib/...`
 * comments kept) into a new temporary folder (IL_OUT_DIR), so `.output` keeps the minified build
 * the benches measure. Returns the Chrome build's dir; its parent is the caller's to remove.
 */
export function profiledBuild(prefix: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, IL_PROFILE: '1', IL_OUT_DIR: out },
  });
  return path.join(out, 'chrome-mv3');
}

/**
 * Each build in its own Chromium with the extension loaded; `loads` loads of each, interleaved load
 * by load (a busy moment of the machine falls on all of them), after a first load of each that only
 * warms the browser. `measure` makes one load and reads it (null: nothing to keep). Rows per build.
 */
export async function interleavedLoads<T>(
  builds: NamedBuild[],
  loads: number,
  measure: (context: BrowserContext, build: number) => Promise<T | null>,
  pauseMs = 400,
): Promise<T[][]> {
  const exts = [];
  const rows: T[][] = builds.map(() => []);
  try {
    for (const b of builds) exts.push(await launchWithExtension(b.dir));
    for (let i = 0; i <= loads; i++)
      for (let k = 0; k < builds.length; k++) {
        await new Promise((r) => setTimeout(r, pauseMs));
        const r = await measure(exts[k].context, k);
        if (i > 0 && r !== null) rows[k].push(r);
      }
  } finally {
    for (const e of exts) await e.close();
  }
  return rows;
}
