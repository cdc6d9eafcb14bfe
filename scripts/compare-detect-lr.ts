// `npx tsx scripts/compare-detect-lr.ts`: is a learned detector better than the hand-set one?
// Fits a logistic regression (L2, gradient descent) over the hand detector's own cues (one
// feature per cue, its contribution as the value) on the tuning half of ../shared/corpus (odd
// ids) plus the project's fixtures, and prints its accuracy beside the hand weights' on the
// held-aside half (even ids), as aggregates only. Nothing is written: the hand weights are kept
// while they generalise better (see README, "How a page is recognised").
import fs from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../lib/analysis/analyze';
import { documentFromPlainText } from '../lib/analysis/text';
import { loadDocument } from '../lib/cli/analyze';

const root = path.resolve(import.meta.dirname, '..');
const corpusDir = path.resolve(root, '../shared/corpus');
const fixtures = path.join(root, 'tests/fixtures');

interface Example {
  features: Map<string, number>;
  gold: boolean;
  hand: boolean;
}

/** One feature per cue (counts folded out of its name), valued at the cue's contribution. */
function features(reasons: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of reasons) {
    const w = Number(/[-+][\d.]+$/.exec(r)?.[0] ?? 0);
    const key = r.replace(/[-+][\d.]+$/, '').replace(/\d+/g, 'N');
    out.set(key, (out.get(key) ?? 0) + w);
  }
  return out;
}

function corpusHalf(odd: boolean): Example[] {
  const out: Example[] = [];
  for (let i = odd ? 1 : 2; i <= 120; i += 2) {
    const id = `t${String(i).padStart(2, '0')}`;
    const page = path.join(corpusDir, 'pages', `${id}.html`);
    const gold = JSON.parse(fs.readFileSync(path.join(corpusDir, 'gold', `${id}.json`), 'utf8'));
    const d = analyzeDocument(loadDocument(page, fs.readFileSync(page), { extract: true })).detection;
    out.push({ features: features(d.reasons), gold: gold.isInspectionArticle, hand: d.isInspectionArticle });
  }
  return out;
}

function fixtureSet(): Example[] {
  return fs
    .readdirSync(path.join(fixtures, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const id = f.replace(/\.json$/, '');
      const dir = fs.existsSync(path.join(fixtures, 'seeds', `${id}.txt`)) ? 'seeds' : 'cases';
      const text = fs.readFileSync(path.join(fixtures, dir, `${id}.txt`), 'utf8');
      const d = analyzeDocument(documentFromPlainText(text)).detection;
      const gold = JSON.parse(fs.readFileSync(path.join(fixtures, 'gold', f), 'utf8'));
      return { features: features(d.reasons), gold: gold.isInspectionArticle, hand: d.isInspectionArticle };
    });
}

function fitLogistic(train: Example[], l2: number) {
  const names = [...new Set(train.flatMap((e) => [...e.features.keys()]))];
  const w = new Map(names.map((n) => [n, 0]));
  let bias = 0;
  const z = (e: Example) => [...e.features].reduce((s, [k, v]) => s + (w.get(k) ?? 0) * v, bias);
  for (let it = 0; it < 4000; it++) {
    const grad = new Map(names.map((n) => [n, 0]));
    let gb = 0;
    for (const e of train) {
      const d = 1 / (1 + Math.exp(-z(e))) - (e.gold ? 1 : 0);
      gb += d;
      for (const [k, v] of e.features) grad.set(k, (grad.get(k) ?? 0) + d * v);
    }
    bias -= (0.05 * gb) / train.length;
    for (const n of names)
      w.set(n, (w.get(n) ?? 0) - 0.05 * ((grad.get(n) ?? 0) / train.length + l2 * (w.get(n) ?? 0)));
  }
  return (e: Example) => z(e) >= 0;
}

if (!fs.existsSync(corpusDir)) {
  console.log('no ../shared/corpus here: nothing to compare');
  process.exit(0);
}
const train = [...corpusHalf(true), ...fixtureSet()];
const heldAside = corpusHalf(false);
const accuracy = (set: Example[], predict: (e: Example) => boolean) =>
  (set.filter((e) => predict(e) === e.gold).length / set.length).toFixed(3);
console.log(
  `hand weights:        tuning ${accuracy(train, (e) => e.hand)}  held-aside ${accuracy(heldAside, (e) => e.hand)}`,
);
for (const l2 of [0.01, 0.1, 1]) {
  const predict = fitLogistic(train, l2);
  console.log(
    `logistic, L2 ${String(l2).padEnd(4)}: tuning ${accuracy(train, predict)}  held-aside ${accuracy(heldAside, predict)}`,
  );
}
