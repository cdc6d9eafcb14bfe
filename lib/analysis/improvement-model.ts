// The learned half of improvement-area finding: a logistic regression over a sentence's words,
// and named features (the hand cues it fires, where it stands on the page). The
// weights are data (improvement-model.generated.ts, made by `npm run train:improvements` from the
// odd-id corpus pages and the project's fixtures); this file only reads them. Scoring is one pass
// over the sentence's characters with no allocation: each word is hashed as it is read and looked
// up in an open-addressed table.
import { MODEL_TABLE } from './improvement-model.generated';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Hash of a named feature ("cue:slow") or a word, the same as the scan computes for a word. */
export function hashName(name: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), FNV_PRIME);
  return h || 1;
}

/** Key of a feature name as stored with the weights: a word ("caseloads") or a named feature ("cue:slow"). */
export function keyOf(name: string): number {
  return hashName(name);
}

const TABLE_BITS = 13;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
let KEYS: Int32Array | null = null;
let WEIGHTS = new Float32Array(0);
/** Per table slot, 1 + the index of its feature in the model's list (0: empty), for naming it. */
let SLOT_FEATURE = new Int16Array(0);
/** The features' names, in the model's order (for naming the strongest). */
let names: readonly string[] = [];
let bias = 0;
let threshold = 0;
let veto = 0;
/** The strongest positive features of the sentence being scored: their slots and weights. */
const TOP = 3;
const topSlots = new Int32Array(TOP);
const topWeights = new Float64Array(TOP);

/** Keeps slot `s` among the TOP strongest positive features of the sentence. */
function note(s: number, w: number) {
  if (w <= topWeights[TOP - 1]) return;
  let k = TOP - 1;
  for (; k > 0 && topWeights[k - 1] < w; k--) {
    topWeights[k] = topWeights[k - 1];
    topSlots[k] = topSlots[k - 1];
  }
  topWeights[k] = w;
  topSlots[k] = s;
}

/** Starts a sentence: forgets the strongest features of the last one. */
export function resetStrongest() {
  topWeights.fill(0);
}

/** The strongest positive features of the sentence scored since `resetStrongest`, as "name +1.23". */
export function strongestFeatures(): string {
  const parts: string[] = [];
  for (let k = 0; k < TOP && topWeights[k] > 0; k++)
    parts.push(`${names[SLOT_FEATURE[topSlots[k]] - 1] ?? ''} +${topWeights[k].toFixed(2)}`);
  return parts.join(', ');
}

function slotOf(keys: Int32Array, key: number): number {
  let i = Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
  while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & TABLE_MASK;
  return i;
}

/** The model as a list of features and weights, parsed from the generated text. */
export interface Weights {
  bias: number;
  /** The logit from which the model alone takes a sentence. */
  threshold: number;
  /** The logit under which the model overrules the hand cues. */
  veto: number;
  features: [string, number][];
}

/** Parses the generated model: a header line "bias threshold veto", then "weight<TAB>name" lines. */
export function parseModel(text: string): Weights {
  const lines = text.trim().split('\n');
  const [bias, threshold, veto] = lines[0].split(' ').map(Number);
  const features = lines.slice(1).map((l): [string, number] => {
    const tab = l.indexOf('\t');
    return [l.slice(tab + 1), Number(l.slice(0, tab))];
  });
  return { bias, threshold, veto, features };
}

/**
 * Installs a model: the given one (training and tests pass their own), else the generated one,
 * from its stored keys, weights and names: a page neither parses the model's text nor hashes its
 * names (both were most of a page's model set-up).
 */
export function useModel(weights?: Weights): void {
  const features = weights ? weights.features.length : MODEL_TABLE.keys.length;
  if (features > (1 << TABLE_BITS) / 2) throw new Error('too many features for the table');
  const keys = new Int32Array(1 << TABLE_BITS);
  WEIGHTS = new Float32Array(1 << TABLE_BITS);
  SLOT_FEATURE = new Int16Array(1 << TABLE_BITS);
  const add = (f: number, key: number, w: number) => {
    const i = slotOf(keys, key);
    keys[i] = key;
    WEIGHTS[i] += w;
    SLOT_FEATURE[i] = f + 1;
  };
  if (weights) {
    for (let f = 0; f < features; f++) add(f, keyOf(weights.features[f][0]), weights.features[f][1]);
    names = weights.features.map(([name]) => name);
    ({ bias, threshold, veto } = weights);
  } else {
    const table = MODEL_TABLE;
    for (let f = 0; f < features; f++) add(f, table.keys[f], table.weights[f]);
    names = table.names;
    ({ bias, threshold, veto } = table);
  }
  KEYS = keys;
}

function current(): void {
  if (!KEYS) useModel();
}

/** The model's bias and decision threshold (on the logit). */
export function modelBias(): number {
  current();
  return bias;
}
export function modelThreshold(): number {
  current();
  return threshold;
}
export function modelVeto(): number {
  current();
  return veto;
}

/** Weight of one feature key (0 when the model does not know it). */
export function weightOfKey(key: number): number {
  current();
  const keys = KEYS as Int32Array;
  const i = slotOf(keys, key);
  if (keys[i] !== key) return 0;
  note(i, WEIGHTS[i]);
  return WEIGHTS[i];
}

/** ASCII letters of either case to lower case, the apostrophes to one; else 0 (a separator). */
const FOLD = new Uint8Array(128);
for (let c = 97; c <= 122; c++) FOLD[c] = FOLD[c - 32] = c;
FOLD[39] = 39;

/**
 * Sum of the weights of the sentence's words. With `names`, also lists every word it read (for
 * training and for explaining a decision). Word pairs were tried and added nothing in
 * cross-validation, so they are not read.
 */
export function wordScore(text: string, names?: string[]): number {
  current();
  const keys = KEYS as Int32Array;
  let sum = 0;
  let h = FNV_OFFSET;
  let len = 0;
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const code = c < 128 ? FOLD[c] : c === 0x2019 ? 39 : 0;
    // An apostrophe belongs to a word only inside it ("council's"), not as a quotation mark.
    if (code !== 0 && (code !== 39 || len > 0)) {
      if (len === 0) start = i;
      h = Math.imul(h ^ code, FNV_PRIME);
      len++;
      continue;
    }
    if (len === 0) continue;
    let word = h || 1;
    let end = i;
    if (text.charCodeAt(i - 1) === 39 || text.charCodeAt(i - 1) === 0x2019) {
      // A closing quotation mark after the word ("'weak'"): hash the word again without it.
      word = FNV_OFFSET;
      for (let k = start; k < i - 1; k++) {
        const d = text.charCodeAt(k);
        word = Math.imul(word ^ (d < 128 ? FOLD[d] : 39), FNV_PRIME);
      }
      word ||= 1;
      end = i - 1;
    }
    const s = slotOf(keys, word);
    if (keys[s] === word) {
      sum += WEIGHTS[s];
      note(s, WEIGHTS[s]);
    }
    if (names) names.push(fold(text.slice(start, end)));
    h = FNV_OFFSET;
    len = 0;
  }
  return sum;
}

function fold(s: string): string {
  return s.toLowerCase().replace(/’/g, "'");
}
