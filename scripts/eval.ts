// `npm run eval`: runs the analyser over the labelled fixtures (the seed articles with the labels
// from ../shared/gold, plus our own cases and near misses, all under tests/fixtures) and prints
// precision, recall and F1 per figure with the contract's scoring rules.
//   npm run eval -- [--verbose] [--min detection=0.95,grades=0.9]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalysisResult } from '../lib/analysis/analyze';
import { analyzeInput } from '../lib/cli/analyze';
import { type Gold, probePageFile, score } from './score';

const root = path.resolve(import.meta.dirname, '..');
const goldDir = path.join(root, 'tests/fixtures/gold');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const minArg = args[args.indexOf('--min') + 1];

/** The labels in a directory of gold files, in file order. */
function goldsIn(dir: string): Gold[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}
/** The analyser's result for one input file, its main content extracted. */
const analyzeFile = (file: string) => analyzeInput(file, () => fs.readFileSync(file), { extract: true });

const golds: Gold[] = goldsIn(goldDir);

function inputFor(id: string): string {
  for (const dir of ['tests/fixtures/seeds', 'tests/fixtures/cases']) {
    const f = path.join(root, dir, `${id}.txt`);
    if (fs.existsSync(f)) return f;
  }
  throw new Error(`no input for gold ${id}`);
}

const results = golds.map((g) => analyzeFile(inputFor(g.id)));
const s = score(golds, results);
const subsets = [
  ['all fixtures', golds],
  ['dev set (seeds)', golds.filter((g) => /^\d{3}_/.test(g.id))],
] as const;
for (const [label, subset] of subsets) {
  const r = label === 'all fixtures' ? s : score([...subset], results);
  console.log(`\n${label}: ${r.articles} articles, detection accuracy ${r.detection.toFixed(3)}`);
  for (const [k, f] of Object.entries(r.figures))
    console.log(
      `  ${k.padEnd(13)} P ${f.p.toFixed(3)}  R ${f.r.toFixed(3)}  F1 ${f.f1.toFixed(3)}  (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`,
    );
}
if (verbose) for (const m of s.misses) console.log(`  ${m}`);
else if (s.misses.length) console.log(`\n${s.misses.length} differences (--verbose lists them)`);

// Probe pages (tests/fixtures/probes): labelled pages in other kinds than the corpus holds most of,
// written from the labelling rules by helpers that never saw the code. Found errors, not scores.
const probes = path.join(root, 'tests/fixtures/probes');
for (const set of fs.existsSync(probes)
  ? fs
      .readdirSync(probes)
      .filter((d) => fs.existsSync(path.join(probes, d, 'gold')))
      .sort()
  : []) {
  const dir = path.join(probes, set);
  const pg = goldsIn(path.join(dir, 'gold'));
  const pr = pg.map((g) => analyzeFile(probePageFile(dir, g.id)));
  const r = score(pg, pr);
  console.log(
    `\nprobe pages ${set}/ (written for us, not a score): ${r.articles} articles, detection accuracy ${r.detection.toFixed(3)}`,
  );
  for (const [k, f] of Object.entries(r.figures))
    console.log(
      `  ${k.padEnd(13)} P ${f.p.toFixed(3)}  R ${f.r.toFixed(3)}  F1 ${f.f1.toFixed(3)}  (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`,
    );
  if (args.includes('--probe-verbose')) for (const m of r.misses) console.log(`  ${m}`);
}

// The real-page corpus (../shared/corpus), when it is beside the project, whole and by half. Round
// one wrote the rules on the odd ids with the even ids held aside; round two read the even ids'
// errors for general patterns, with the odd ids as the check (README: "How well it reads real pages").
// `--corpus-verbose` lists the differences of the tuning half (never of the held half).
const corpus = path.resolve(root, '../shared/corpus');
if (fs.existsSync(path.join(corpus, 'gold'))) {
  const cg = goldsIn(path.join(corpus, 'gold'));
  const cr = cg.map((g) => analyzeFile(path.join(corpus, 'pages', `${g.id}.html`)));
  const num = (id: string) => Number(id.replace(/\D/g, ''));
  const halves = [
    ['corpus, whole', () => true],
    [
      'corpus, odd ids (rules written on them in round one; the check half in round two)',
      (g: Gold) => num(g.id) % 2 === 1,
    ],
    [
      'corpus, even ids (held aside in round one; read in round two for general patterns)',
      (g: Gold) => num(g.id) % 2 === 0,
    ],
    [
      'corpus as plain text (the same pages as .txt copies, whole: first line the title, blank lines between paragraphs)',
      () => true,
      'txt',
    ],
  ] as const;
  const asText = cg.map((g) => {
    const file = path.join(corpus, 'txt', `${g.id}.txt`);
    return fs.existsSync(file) ? analyzeFile(file) : null;
  });
  // Scored with the shared scorer itself (../shared/tools/score-analysis.mjs), half by half.
  const scorer = path.resolve(root, '../shared/tools/score-analysis.mjs');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-eval-'));
  for (const [label, keep, kind] of halves) {
    const results = kind === 'txt' ? asText : cr;
    if (results.some((r) => r === null)) continue;
    const dir = fs.mkdtempSync(path.join(tmp, 'gold-'));
    const kept = cg.map((g, i) => [g, results[i] as AnalysisResult] as const).filter(([g]) => keep(g));
    for (const [g] of kept) fs.copyFileSync(path.join(corpus, 'gold', `${g.id}.json`), path.join(dir, `${g.id}.json`));
    const resultsFile = `${dir}.results.json`;
    fs.writeFileSync(resultsFile, JSON.stringify(kept.map(([, r]) => r)));
    const verboseHere = args.includes('--corpus-verbose') && label.includes('odd');
    const out = spawnSync(
      process.execPath,
      [scorer, '--gold', dir, '--results', resultsFile, ...(verboseHere ? ['--verbose'] : [])],
      { encoding: 'utf8' },
    );
    const lines = out.stdout.split('\n').filter((l) => verboseHere || !l.startsWith('  '));
    console.log(`\n${label}:\n${lines.join('\n').trim()}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (args.includes('--min') && minArg) {
  const figures: Record<string, number> = { detection: s.detection };
  for (const [k, f] of Object.entries(s.figures)) figures[k] = f.f1;
  const short = minArg
    .split(',')
    .map((kv) => kv.split('='))
    .filter(([k, v]) => !(figures[k] >= Number(v)));
  if (short.length) {
    console.log(`falls short: ${short.map(([k, v]) => `${k} ${figures[k]?.toFixed(3)} < ${v}`).join(', ')}`);
    process.exit(1);
  }
}
