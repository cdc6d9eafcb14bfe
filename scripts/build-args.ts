// The trace and bench scripts' builds: `name=<build dir>` arguments (or a bare dir, named by
// itself), and their loads interleaved.
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../tests/e2e/harness';

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
