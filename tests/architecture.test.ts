// README's architecture rules as checks over the import graph: imports go downward only (one
// table of layers), the analysis core imports only the council data, only the store imports idb,
// only the background entry point imports lib/background, and entry points stay small. A second part proves each check can fail: the same checker runs on
// a small example tree, written to a temporary folder, that breaks every rule once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkTree, importsOf, type Rules, sourcesOf } from './support/import-graph';

/** The content script's wiring budget: it only starts the feature modules of lib/content/. */
const CONTENT_SCRIPT_MAX_LINES = 50;
/** The background's wiring budget: it only registers listeners over lib/background/. */
const BACKGROUND_MAX_LINES = 100;
/** Every other file under entrypoints/ (the side panel's App, the largest, lays out its three tabs). */
const ENTRY_POINT_MAX_LINES = 200;

/** The project's rules. Layers from the bottom up: a module imports only its own layer and those below. */
const RULES: Rules = {
  roots: ['lib', 'components', 'entrypoints'],
  layers: [
    { name: 'data', modules: ['lib/data'] },
    { name: 'analysis', modules: ['lib/analysis'] },
    {
      name: 'shapes',
      modules: ['lib/clips.ts', 'lib/reports.ts', 'lib/search-text.ts', 'lib/storage-keys.ts', 'lib/rate-limit.ts'],
    },
    {
      name: 'rules',
      modules: [
        'lib/anchor',
        'lib/welcome.ts',
        'lib/ownership.ts',
        'lib/pause.ts',
        'lib/settings.ts',
        'lib/settings-item.ts',
      ],
    },
    { name: 'page', modules: ['lib/page'] },
    { name: 'store', modules: ['lib/store'] },
    { name: 'export', modules: ['lib/export'] },
    { name: 'protocol', modules: ['lib/messages.ts', 'lib/open-clip.ts', 'lib/import-port.ts', 'lib/toolbar.ts'] },
    { name: 'cli', modules: ['lib/cli'] },
    { name: 'components', modules: ['components'] },
    // The content script's features: they mount components/ in the page, and only the entry point starts them.
    { name: 'content features', modules: ['lib/content'] },
    // The background's answers and its trust boundary: the top of lib, used by its entry point only.
    { name: 'background', modules: ['lib/background'] },
    { name: 'entry points', modules: ['entrypoints'] },
  ],
  onlyImports: [{ module: 'lib/analysis', may: ['lib/data'] }],
  packageOwners: [{ pkg: 'idb', owners: ['lib/store'] }],
  privateTo: [{ module: 'lib/background', importers: ['entrypoints/background.ts'] }],
  entryPoints: {
    folder: 'entrypoints',
    maxLines: ENTRY_POINT_MAX_LINES,
    budgets: {
      'entrypoints/content/index.ts': CONTENT_SCRIPT_MAX_LINES,
      'entrypoints/background.ts': BACKGROUND_MAX_LINES,
    },
  },
};

describe('the project keeps its rules', () => {
  const violations = checkTree(process.cwd(), RULES);
  const of = (rule: string) => violations.filter((v) => v.rule === rule);

  test('the table places every source file in a layer', () => {
    expect(sourcesOf(process.cwd(), RULES).length).toBeGreaterThan(60);
    expect(of('unplaced')).toEqual([]);
  });
  test('no import runs up a layer', () => expect(of('upward')).toEqual([]));
  test('lib/analysis imports only lib/data (no package, no browser API)', () => expect(of('only-imports')).toEqual([]));
  test('only lib/store imports idb', () => expect(of('package-owner')).toEqual([]));
  test('only entrypoints/background.ts imports lib/background', () => expect(of('private')).toEqual([]));
  test(`entry points stay small (content script ≤ ${CONTENT_SCRIPT_MAX_LINES} lines, background ≤ ${BACKGROUND_MAX_LINES}, others ≤ ${ENTRY_POINT_MAX_LINES})`, () =>
    expect(of('entry-size')).toEqual([]));
});

describe('every check fails on a tree that breaks it', () => {
  const root = mkdtempSync(join(tmpdir(), 'il-architecture-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  // A tree that keeps the rules…
  write('lib/data/councils.ts', 'export const COUNCILS = [];\n');
  write('lib/analysis/ok.ts', "import { COUNCILS } from '../data/councils';\nexport const n = COUNCILS.length;\n");
  write('lib/store/db.ts', "import { openDB } from 'idb';\nexport { openDB };\n");
  write('lib/clips.ts', "import type { Grade } from './analysis/ok';\nexport type Clip = { grade: Grade };\n");
  write('entrypoints/content/index.ts', "import '../../lib/page/fine';\n".repeat(3));
  write('lib/page/fine.ts', "import { articleIdFor } from '../clips';\n");
  // …and one break of each rule.
  write('lib/analysis/reads-the-page.ts', "import { extract } from '../page/fine';\n");
  write(
    'lib/analysis/uses-a-package.ts',
    "import {\n  h,\n  render,\n} from 'preact';\nexport const view = () => import('../store/db');\n",
  );
  write('lib/export/opens-the-db.ts', "export { openDB } from 'idb';\n");
  write('lib/store/import.ts', "import { toCsv } from '../export/opens-the-db';\n");
  write(
    'lib/page/uses-the-store.ts',
    "/* import { x } from '../anchor/x'; */\nimport { LIMITS } from '../store/db';\n",
  );
  write('lib/stray.ts', 'export const nobody = 1;\n');
  write('lib/background/answer.ts', "import { LIMITS } from '../store/db';\n");
  write('lib/content/answers-too.ts', "import { answer } from '../background/answer';\n");
  write('entrypoints/sidepanel/main.ts', "import { answer } from '../../lib/background/answer';\n");
  write('entrypoints/background.ts', "import '../lib/background/answer';\n".repeat(BACKGROUND_MAX_LINES + 1));
  write('entrypoints/content/big.ts', '// ok\n'.repeat(ENTRY_POINT_MAX_LINES));
  write('entrypoints/content/index2.ts', "import '../../lib/page/fine';\n".repeat(ENTRY_POINT_MAX_LINES + 1));

  const found = checkTree(root, RULES).map((v) => `${v.rule} ${v.file}: ${v.detail}`);

  test('each break is reported, and nothing else', () => {
    expect(found.sort()).toEqual(
      [
        'upward lib/analysis/reads-the-page.ts: lib/page/fine.ts (analysis imports page)',
        'only-imports lib/analysis/reads-the-page.ts: lib/page/fine.ts',
        'only-imports lib/analysis/uses-a-package.ts: preact',
        'upward lib/analysis/uses-a-package.ts: lib/store/db.ts (analysis imports store)',
        'only-imports lib/analysis/uses-a-package.ts: lib/store/db.ts',
        'package-owner lib/export/opens-the-db.ts: idb',
        'upward lib/store/import.ts: lib/export/opens-the-db.ts (store imports export)',
        'upward lib/page/uses-the-store.ts: lib/store/db.ts (page imports store)',
        'unplaced lib/stray.ts: in no layer of the table',
        'upward lib/content/answers-too.ts: lib/background/answer.ts (content features imports background)',
        'private lib/content/answers-too.ts: lib/background/answer.ts',
        'private entrypoints/sidepanel/main.ts: lib/background/answer.ts',
        `entry-size entrypoints/background.ts: ${BACKGROUND_MAX_LINES + 1} lines, budget ${BACKGROUND_MAX_LINES}`,
        `entry-size entrypoints/content/index2.ts: ${ENTRY_POINT_MAX_LINES + 1} lines, budget ${ENTRY_POINT_MAX_LINES}`,
      ].sort(),
    );
  });

  test('import forms: multi-line, re-export, side effect, dynamic, type-only; comments are not imports', () => {
    const src = [
      "import type { A } from './a';",
      "import {\n  b,\n  c,\n} from '../b';",
      "export * from './c';",
      "export { d } from './d';",
      "import './e.css';",
      "const f = await import('./f');",
      "// import { g } from './g';",
      "/* import { h } from './h'; */",
      'const s = \'import x from "nope"\';',
    ].join('\n');
    expect(importsOf(src)).toEqual(expect.arrayContaining(['./a', '../b', './c', './d', './e.css', './f']));
    expect(importsOf(src)).not.toEqual(expect.arrayContaining(['./g']));
    expect(importsOf(src)).not.toEqual(expect.arrayContaining(['./h']));
  });
});
