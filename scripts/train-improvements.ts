// `npm run train:improvements`: trains the improvement-area model (a logistic regression over a
// sentence's words, hand cues and context) and writes
// lib/analysis/improvement-model.generated.ts.
//   npm run train:improvements -- [--check] [--cv [--grid]] [--compare]
// Training data: the project's labelled fixtures (tests/fixtures) and the ODD-id pages of the
// shared corpus (../shared/corpus); the even ids are held aside for evaluation and never read.
// Deterministic: full-batch gradient descent from zero weights, a fixed number of iterations.
// --check exits 1 when the generated file differs from what training makes now; --cv prints a
// 5-fold cross-validation (folds by page) of the hand rules, the model and their combinations
// (--grid: the combination over a grid of thresholds). --compare runs the analyser with each way
// of deciding (hand cues, model, either, combined) and prints only the improvement-area figures
// of the fixtures and of each corpus half (the held-aside half in aggregate, as npm run eval does).
import fs from 'node:fs';
import path from 'node:path';
import { findGrades } from '../lib/analysis/grades';
import { keyOf, parseModel, useModel } from '../lib/analysis/improvement-model';
import {
  type ImprovementMode,
  improvementListBlocks,
  type SentenceFeatures,
  sentenceFeatures,
  setImprovementMode,
} from '../lib/analysis/improvements';
import { prepareText, type SourceDocument } from '../lib/analysis/text';
import { analyzeInput, loadDocument } from '../lib/cli/analyze';
import { type Gold, overlaps, score } from './score';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'lib/analysis/improvement-model.generated.ts');

/** A word is a feature only when it occurs in at least this many pages. */
const MIN_PAGES = 4;
const ITERATIONS = 2000;
const RATE = 2;
const L2 = 0.003;
/** Weights smaller than this are dropped from the committed model (keeps the bundle small). */
const KEEP = 0.2;
/**
 * How the model and the hand cues combine: a sentence is taken when the cues take it and the
 * model's logit is at least VETO, or when the logit alone reaches ADD. Chosen by the 5-fold
 * cross-validation on the training pages (--cv): the F1 is flat around these values.
 */
const ADD = 1.5;
const VETO = -2.5;

interface Example {
  page: string;
  names: string[];
  label: 0 | 1;
  byRules: boolean;
  hand: number;
}

/** The training pages: fixtures and odd-id corpus pages, each with its gold labels. */
export function trainingPages(): { id: string; doc: SourceDocument; gold: Gold }[] {
  const pages: { id: string; doc: SourceDocument; gold: Gold }[] = [];
  const fixtures = path.join(root, 'tests/fixtures');
  for (const f of fs.readdirSync(path.join(fixtures, 'gold')).sort()) {
    const gold: Gold = JSON.parse(fs.readFileSync(path.join(fixtures, 'gold', f), 'utf8'));
    const input = ['seeds', 'cases']
      .map((d) => path.join(fixtures, d, `${gold.id}.txt`))
      .find((p) => fs.existsSync(p)) as string;
    pages.push({ id: gold.id, doc: loadDocument(input, fs.readFileSync(input), { extract: true }), gold });
  }
  const corpus = path.resolve(root, '../shared/corpus');
  if (fs.existsSync(path.join(corpus, 'gold')))
    for (const f of fs.readdirSync(path.join(corpus, 'gold')).sort()) {
      const id = f.replace(/\.json$/, '');
      if (Number(id.replace(/\D/g, '')) % 2 !== 1) continue; // even ids: held aside
      const gold: Gold = JSON.parse(fs.readFileSync(path.join(corpus, 'gold', f), 'utf8'));
      const page = path.join(corpus, 'pages', `${id}.html`);
      pages.push({ id, doc: loadDocument(page, fs.readFileSync(page), { extract: true }), gold });
    }
  return pages;
}

/** Every sentence of every page with its features and gold label (optional ones left out). */
function examples(pages: ReturnType<typeof trainingPages>): Example[] {
  useModel({ bias: 0, threshold: 0, veto: 0, features: [] }); // features do not depend on weights
  const out: Example[] = [];
  for (const { id, doc, gold } of pages) {
    const prepared = prepareText(doc);
    const listBlocks = improvementListBlocks(doc);
    const grades = [];
    for (let b = 0; b < prepared.blocks.length; b++)
      grades.push(...findGrades(prepared.sentences.filter((s) => s.block === b)));
    grades.sort((x, y) => x.start - y.start);
    const need = gold.improvementSentences;
    const optional = gold.optionalImprovementSentences ?? [];
    for (const f of sentenceFeatures(prepared.sentences, grades, listBlocks, prepared.text)) {
      const text = f.sentence.text;
      const positive = need.some((s) => overlaps(s, text));
      if (!positive && optional.some((s) => overlaps(s, text))) continue;
      out.push(example(id, f, positive));
    }
  }
  return out;
}

function example(page: string, f: SentenceFeatures, positive: boolean): Example {
  return { page, names: f.names, label: positive ? 1 : 0, byRules: f.byRules, hand: f.hand };
}

interface Trained {
  bias: number;
  weights: Map<string, number>;
}

/** Fits the logistic regression by full-batch gradient descent (deterministic). */
function train(data: Example[]): Trained {
  const pagesOf = new Map<string, Set<string>>();
  for (const e of data)
    for (const n of e.names) {
      if (!pagesOf.has(n)) pagesOf.set(n, new Set());
      pagesOf.get(n)?.add(e.page);
    }
  const vocab = [...pagesOf.keys()].filter((n) => n.includes(':') || (pagesOf.get(n)?.size ?? 0) >= MIN_PAGES).sort();
  const index = new Map(vocab.map((n, i) => [n, i]));
  const rows = data.map((e) => {
    const xs: number[] = [];
    for (const n of e.names) {
      const i = index.get(n);
      if (i !== undefined) xs.push(i);
    }
    return xs;
  });
  const w = new Float64Array(vocab.length);
  let bias = 0;
  const n = data.length;
  // Positives are rare: weigh them so both classes count alike in the loss.
  const positives = data.filter((e) => e.label).length;
  const posWeight = (n - positives) / Math.max(1, positives);
  const grad = new Float64Array(vocab.length);
  for (let it = 0; it < ITERATIONS; it++) {
    grad.fill(0);
    let gb = 0;
    let total = 0;
    for (let k = 0; k < n; k++) {
      let z = bias;
      for (const i of rows[k]) z += w[i];
      const p = 1 / (1 + Math.exp(-z));
      const y = data[k].label;
      const weight = y ? posWeight : 1;
      const d = (p - y) * weight;
      total += weight;
      gb += d;
      for (const i of rows[k]) grad[i] += d;
    }
    bias -= (RATE * gb) / total;
    for (let i = 0; i < w.length; i++) w[i] -= RATE * (grad[i] / total + L2 * w[i]);
  }
  const weights = new Map<string, number>();
  vocab.forEach((name, i) => {
    const r = Math.round(w[i] * 100) / 100;
    if (Math.abs(r) >= KEEP) weights.set(name, r);
  });
  return { bias: Math.round(bias * 100) / 100, weights };
}

function logit(m: Trained, e: Example): number {
  let z = m.bias;
  for (const n of e.names) z += m.weights.get(n) ?? 0;
  return z;
}

function prf(tp: number, fp: number, fn: number) {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The threshold (on the logit) with the best F1 over the given out-of-fold scores. */
function bestThreshold(scored: { z: number; label: number }[]): number {
  let best = 0;
  let bestF1 = -1;
  for (let t = -3; t <= 3; t += 0.25) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of scored) {
      if (s.z >= t && s.label) tp++;
      else if (s.z >= t) fp++;
      else if (s.label) fn++;
    }
    const f1 = prf(tp, fp, fn).f1;
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = t;
    }
  }
  return best;
}

/** Out-of-fold logits for every example, folds by page. */
function crossValidate(data: Example[], folds = 5): number[] {
  const pages = [...new Set(data.map((e) => e.page))];
  const foldOf = new Map(pages.map((p, i) => [p, i % folds]));
  const z = new Array<number>(data.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const m = train(data.filter((e) => foldOf.get(e.page) !== f));
    data.forEach((e, k) => {
      if (foldOf.get(e.page) === f) z[k] = logit(m, e);
    });
  }
  return z;
}

/** Trains on every training page and returns the generated module's text. */
export function generatedModel(): string {
  let data: Example[];
  try {
    data = examples(trainingPages());
  } finally {
    useModel(); // examples() reads features with a zero model: the analysis gets its own back
  }
  const m = train(data);
  const lines = [...m.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, w]) => `${w}\t${n}`);
  const text = [`${m.bias} ${ADD} ${VETO}`, ...lines.map((l) => l.replace(/[`\\$]/g, ''))];
  // The same model as stored keys, weights and names, so a page does not parse the text or hash its names.
  const parsed = parseModel(text.join('\n'));
  const table = `{ bias: ${parsed.bias}, threshold: ${parsed.threshold}, veto: ${parsed.veto}, keys: [${parsed.features.map(([n]) => keyOf(n)).join(', ')}], weights: [${parsed.features.map(([, w]) => w).join(', ')}], names: [${parsed.features.map(([n]) => JSON.stringify(n)).join(', ')}] }`;
  return [
    '// Generated by `npm run train:improvements` (scripts/train-improvements.ts) from the fixtures and the',
    '// odd-id corpus pages: do not edit. First line: bias and threshold on the logit; then weight<TAB>feature.',
    `export const MODEL = \`${text[0]}`,
    ...text.slice(1),
    '`;',
    '',
    "/** The same model as the analysis reads it: each feature name's key (improvement-model.ts keyOf) and weight. */",
    `export const MODEL_TABLE = ${table};`,
    '',
  ].join('\n');
}

/** Improvement-area figures of the fixtures and both corpus halves, for each way of deciding. */
function compare() {
  const fixtures = path.join(root, 'tests/fixtures');
  const corpus = path.resolve(root, '../shared/corpus');
  const sets: { label: string; items: { gold: Gold; file: string }[] }[] = [
    { label: 'fixtures', items: [] },
    { label: 'corpus odd ids (tuning)', items: [] },
    { label: 'corpus even ids (held aside)', items: [] },
  ];
  for (const f of fs.readdirSync(path.join(fixtures, 'gold')).sort()) {
    const gold: Gold = JSON.parse(fs.readFileSync(path.join(fixtures, 'gold', f), 'utf8'));
    const file = ['seeds', 'cases']
      .map((d) => path.join(fixtures, d, `${gold.id}.txt`))
      .find((p) => fs.existsSync(p)) as string;
    sets[0].items.push({ gold, file });
  }
  if (fs.existsSync(path.join(corpus, 'gold')))
    for (const f of fs.readdirSync(path.join(corpus, 'gold')).sort()) {
      const gold: Gold = JSON.parse(fs.readFileSync(path.join(corpus, 'gold', f), 'utf8'));
      const odd = Number(gold.id.replace(/\D/g, '')) % 2 === 1;
      sets[odd ? 1 : 2].items.push({ gold, file: path.join(corpus, 'pages', `${gold.id}.html`) });
    }
  for (const mode of ['rules', 'model', 'either', 'combined'] as ImprovementMode[]) {
    setImprovementMode(mode);
    for (const { label, items } of sets) {
      if (!items.length) continue;
      const results = items.map(({ file }) => analyzeInput(file, () => fs.readFileSync(file), { extract: true }));
      const f = score(
        items.map((i) => i.gold),
        results,
      ).figures.improvements;
      console.log(
        `${mode.padEnd(9)} ${label.padEnd(29)} P ${f.p.toFixed(3)}  R ${f.r.toFixed(3)}  F1 ${f.f1.toFixed(3)}  (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`,
      );
    }
  }
  setImprovementMode('combined');
}

function main(args: string[]) {
  if (args.includes('--compare')) {
    compare();
    return 0;
  }
  if (args.includes('--cv')) {
    const data = examples(trainingPages());
    const z = crossValidate(data);
    const t = bestThreshold(data.map((e, k) => ({ z: z[k], label: e.label })));
    const count = (pred: (e: Example, k: number) => boolean) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      data.forEach((e, k) => {
        const p = pred(e, k);
        if (p && e.label) tp++;
        else if (p) fp++;
        else if (e.label) fn++;
      });
      const s = prf(tp, fp, fn);
      return `P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`;
    };
    console.log(`${data.length} sentences, ${data.filter((e) => e.label).length} improvement areas; threshold ${t}`);
    console.log(`rules   ${count((e) => e.byRules)}`);
    console.log(`model   ${count((_e, k) => z[k] >= t)}`);
    console.log(`either  ${count((e, k) => e.byRules || z[k] >= t)}`);
    // As findImprovementAreas combines them: the model weighs only sentences where a cue, a list or
    // the title is, and adds none whose counter-cues outweigh its cues.
    const candidate = (e: Example) =>
      e.names.some((n) => n.startsWith('cue:') || n === 'ctx:list' || n === 'ctx:title') &&
      !(e.names.some((n) => n.startsWith('against:')) && e.hand <= 0);
    const combined = (e: Example, k: number, lo: number, hi: number) =>
      (e.byRules && z[k] >= lo) || (candidate(e) && z[k] >= hi);
    console.log(`combined (rules unless < ${VETO}, or model >= ${ADD}) ${count((e, k) => combined(e, k, VETO, ADD))}`);
    if (args.includes('--grid'))
      for (const lo of [-99, -4, -3, -2.5, -2, -1.5])
        for (const hi of [-0.5, 0, 0.5, 1, 1.5, 2, 3])
          console.log(`rules unless < ${lo}, or model >= ${hi}: ${count((e, k) => combined(e, k, lo, hi))}`);
    return 0;
  }
  const text = generatedModel();
  if (args.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
    console.log(
      same ? 'improvement model is up to date' : 'improvement model is stale: run npm run train:improvements',
    );
    return same ? 0 : 1;
  }
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(root, OUT)}: ${text.split('\n').length - 5} features, ${text.length} bytes`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  process.exit(main(process.argv.slice(2)));
