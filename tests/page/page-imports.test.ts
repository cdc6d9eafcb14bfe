// The modules of lib/page/ import one another without a cycle (extraction was split into modules
// by job: each of them is read, and changed, on its own). tests/architecture.test.ts checks the
// layers between folders; this checks the order inside the folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importsOf } from '../support/import-graph';

/** A cycle of the graph (module names, the first repeated at the end), or null. */
function cycleIn(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (m: string): string[] | null => {
    if (state.get(m) === 'done') return null;
    if (state.get(m) === 'open') return [...path.slice(path.indexOf(m)), m];
    state.set(m, 'open');
    path.push(m);
    for (const next of graph.get(m) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(m, 'done');
    return null;
  };
  for (const m of graph.keys()) {
    const found = visit(m);
    if (found) return found;
  }
  return null;
}

/** Each module of a folder and the modules of the same folder it imports (`./x`). */
function folderGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
    const imports = importsOf(readFileSync(join(dir, file), 'utf8'))
      .filter((spec) => /^\.\/[^/]+$/.test(spec))
      .map((spec) => spec.slice(2));
    graph.set(file.replace(/\.tsx?$/, ''), imports);
  }
  return graph;
}

describe('lib/page imports', () => {
  test('no module of lib/page imports one that imports it back (directly or through others)', () => {
    const graph = folderGraph(join(process.cwd(), 'lib/page'));
    expect(graph.get('extract')).toContain('walk');
    expect(cycleIn(graph)).toBeNull();
  });

  test('the check finds a cycle when there is one', () => {
    const graph = new Map([
      ['extract', ['walk', 'extracted']],
      ['walk', ['block-builder']],
      ['block-builder', ['walk']],
      ['extracted', []],
    ]);
    expect(cycleIn(graph)).toEqual(['walk', 'block-builder', 'walk']);
    graph.set('block-builder', ['extracted']);
    expect(cycleIn(graph)).toBeNull();
  });
});
