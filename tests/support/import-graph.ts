// A small checker of the project's import rules, run by tests/architecture.test.ts on the real
// tree and on example trees that break each rule. Imports are read with regular expressions
// (static `import … from`, `export … from`, side-effect `import '…'` and dynamic `import('…')`),
// after comments are removed; relative specifiers are resolved to files of the tree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** The rules, as data: tests/architecture.test.ts holds the project's. */
export interface Rules {
  /** Folders (and single files) whose sources are checked, relative to the root. */
  roots: string[];
  /**
   * Layers from the bottom up: a module may import its own layer and those below it, never one
   * above. An entry is a folder or a file; the longest matching entry places a file.
   */
  layers: { name: string; modules: string[] }[];
  /** Modules (folder or file) that may import only the listed modules (and themselves): no package either. */
  onlyImports: { module: string; may: string[] }[];
  /** A package only the listed modules may import. */
  packageOwners: { pkg: string; owners: string[] }[];
  /** A module (folder or file) only the listed modules (and itself) may import. */
  privateTo: { module: string; importers: string[] }[];
  /** Files under these folders are entry points; each has a line budget (the default, or its own). */
  entryPoints: { folder: string; maxLines: number; budgets: Record<string, number> };
}

export interface Violation {
  rule: 'unplaced' | 'upward' | 'only-imports' | 'package-owner' | 'private' | 'entry-size';
  file: string;
  /** What it imports (a file or package), or for entry-size its line count and budget. */
  detail: string;
}

const SOURCE = /\.(ts|tsx|mts)$/;
const toPosix = (p: string) => p.split(sep).join('/');

function listSources(root: string, rel: string): string[] {
  const abs = join(root, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return SOURCE.test(rel) ? [toPosix(rel)] : [];
  return readdirSync(abs).flatMap((name) =>
    name === 'node_modules' || name.startsWith('.') ? [] : listSources(root, join(rel, name)),
  );
}

/** The specifiers a source imports. */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const patterns = [
    /(?:^|[;\s}])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[;\s])import\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

/** A relative specifier resolved to a file of the tree (as written if no file matches). */
function resolve(root: string, from: string, spec: string): string {
  const base = toPosix(normalize(join(dirname(from), spec)));
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (existsSync(join(root, cand)) && statSync(join(root, cand)).isFile()) return cand;
  return base;
}

/** The package a bare specifier names (`idb`, `@scope/pkg`, `wxt/browser` → `wxt`). */
const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** True when `file` is the module `mod` or inside the folder `mod`. */
const within = (file: string, mod: string) =>
  file === mod || file.startsWith(`${mod}/`) || file.replace(SOURCE, '') === mod.replace(SOURCE, '');

function layerOf(rules: Rules, file: string): number {
  let best = -1;
  let bestLen = -1;
  rules.layers.forEach((layer, i) => {
    for (const m of layer.modules)
      if (within(file, m) && m.length > bestLen) {
        best = i;
        bestLen = m.length;
      }
  });
  return best;
}

/** Every violation of `rules` in the tree at `root`, in file order. */
export function checkTree(root: string, rules: Rules): Violation[] {
  const files = [...new Set(rules.roots.flatMap((r) => listSources(root, r)))].sort();
  const out: Violation[] = [];
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    const layer = layerOf(rules, file);
    if (layer < 0) out.push({ rule: 'unplaced', file, detail: 'in no layer of the table' });
    const only = rules.onlyImports.find((o) => within(file, o.module));
    for (const spec of importsOf(source)) {
      const relativeSpec = spec.startsWith('.');
      const target = relativeSpec ? resolve(root, file, spec) : packageOf(spec);
      if (relativeSpec) {
        const to = layerOf(rules, target);
        if (layer >= 0 && to > layer)
          out.push({
            rule: 'upward',
            file,
            detail: `${target} (${rules.layers[layer].name} imports ${rules.layers[to].name})`,
          });
        for (const p of rules.privateTo)
          if (within(target, p.module) && ![p.module, ...p.importers].some((m) => within(file, m)))
            out.push({ rule: 'private', file, detail: target });
      }
      if (only && !(relativeSpec && [only.module, ...only.may].some((m) => within(target, m))))
        out.push({ rule: 'only-imports', file, detail: target });
      if (!relativeSpec)
        for (const p of rules.packageOwners)
          if (target === p.pkg && !p.owners.some((o) => within(file, o)))
            out.push({ rule: 'package-owner', file, detail: p.pkg });
    }
    const ep = rules.entryPoints;
    if (within(file, ep.folder)) {
      const lines = source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
      const budget = ep.budgets[file] ?? ep.maxLines;
      if (lines > budget) out.push({ rule: 'entry-size', file, detail: `${lines} lines, budget ${budget}` });
    }
  }
  return out;
}

/** The files of `root` a rule set reaches (for a test that the table places every one). */
export const sourcesOf = (root: string, rules: Rules) =>
  [...new Set(rules.roots.flatMap((r) => listSources(root, r)))].sort();

export const relativeTo = (root: string, abs: string) => toPosix(relative(root, abs));
