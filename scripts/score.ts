// Scores analyser results against gold labels with the contract's rules
// (../shared/contracts/ANALYSIS.md "How results are scored"): detection accuracy; grade mentions
// matched by grade and overlap of the gold quote with the predicted sentence; outcomes as
// (council, grade, current) sets; councils as code sets; improvement sentences by containment
// or 60% word overlap, with optional sentences neither rewarded nor penalised.

import fs from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../lib/analysis/analyze';
import { gazetteerData } from '../lib/data/gazetteer.generated';

const { councils: COUNCILS, formerCouncils: FORMER_COUNCILS, retiredCodes: RETIRED_CODES } = gazetteerData();

export interface Gold {
  id: string;
  isInspectionArticle: boolean;
  grades: { quote: string; grade: string; council: string | null; councils?: string[]; current: boolean }[];
  outcomes?: { council: string; councils?: string[]; grade: string; current: boolean }[];
  councils: { name: string; mentions: string[] }[];
  improvementSentences: string[];
  optionalImprovementSentences?: string[];
}

export function norm(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-\u2022*]\s+/, '')
    .trim();
}

const wordSet = (s: string) =>
  new Set(
    norm(s)
      .replace(/[^a-z0-9' ]+/g, ' ')
      .split(' ')
      .filter(Boolean),
  );

export function overlaps(a: string, b: string, min = 0.6): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const A = wordSet(a);
  const B = wordSet(b);
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  const union = A.size + B.size - inter;
  return union > 0 && inter / union >= min;
}

const STRIP =
  /\b(london borough of|royal borough of|metropolitan borough of|borough of|city of|county of|the|council|county|borough|metropolitan|city|district)\b/g;
const nameKey = (s: string) =>
  norm(s)
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(STRIP, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const codeByName = new Map<string, string>();
const successor = new Map<string, string>();
for (const c of COUNCILS) codeByName.set(nameKey(c.name), c.code);
for (const f of FORMER_COUNCILS) {
  if (f.replacedBy.length === 1) successor.set(f.code, f.replacedBy[0]);
  const code = f.replacedBy.length === 1 ? f.replacedBy[0] : f.code;
  if (!codeByName.has(nameKey(f.name))) codeByName.set(nameKey(f.name), code);
}
for (const [old, current] of RETIRED_CODES) successor.set(old, current);

export function councilKey(c: unknown): string | null {
  if (c == null) return null;
  if (typeof c === 'string') return codeByName.get(nameKey(c)) ?? `name:${nameKey(c)}`;
  const o = c as { code?: string; name?: string };
  if (o.code && /^[EWSN]\d{8}$/.test(o.code)) return successor.get(o.code) ?? o.code;
  return councilKey(o.name);
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
export interface Scores {
  articles: number;
  detection: number;
  figures: Record<'grades' | 'outcomes' | 'councils' | 'improvements', Tally & { p: number; r: number; f1: number }>;
  misses: string[];
}

const prf = (t: Tally) => {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  return { ...t, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Scores results (paired with gold by id = source file name without extension). */
export function score(golds: Gold[], results: AnalysisResult[]): Scores {
  const byId = new Map(results.map((r) => [r.source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), r]));
  const t = {
    grades: { tp: 0, fp: 0, fn: 0 },
    outcomes: { tp: 0, fp: 0, fn: 0 },
    councils: { tp: 0, fp: 0, fn: 0 },
    improvements: { tp: 0, fp: 0, fn: 0 },
  };
  const misses: string[] = [];
  let ok = 0;
  for (const gold of golds) {
    const res = byId.get(gold.id);
    if (!res || res.error) {
      misses.push(`${gold.id}: no result`);
      continue;
    }
    if (res.isInspectionArticle === gold.isInspectionArticle) ok++;
    else misses.push(`${gold.id}: detection said ${res.isInspectionArticle}, gold ${gold.isInspectionArticle}`);
    if (!gold.isInspectionArticle) continue;

    const mentions = [...new Map(gold.grades.map((h) => [`${norm(h.quote)}|${norm(h.grade)}`, h])).values()];
    const free = mentions.map(() => true);
    for (const g of res.grades) {
      const i = mentions.findIndex(
        (h, k) => free[k] && norm(h.grade) === norm(g.grade) && overlaps(h.quote, g.sentence, 0.5),
      );
      if (i >= 0) {
        free[i] = false;
        t.grades.tp++;
      } else {
        t.grades.fp++;
        misses.push(`${gold.id}: extra grade ${g.grade} in "${g.sentence}"`);
      }
    }
    mentions.forEach((h, k) => {
      if (free[k]) {
        t.grades.fn++;
        misses.push(`${gold.id}: missed grade ${h.grade} in "${h.quote}"`);
      }
    });

    const tuple = (c: unknown, g: string, cur: boolean) => `${councilKey(c)}|${norm(g)}|${Boolean(cur)}`;
    const goldOut = new Set<string>();
    // As the shared scorer: labels with no outcomes list give them from the grades with a council.
    const outcomes = gold.outcomes ?? gold.grades.filter((h) => h.council || h.councils);
    for (const o of outcomes) for (const c of o.councils ?? [o.council]) goldOut.add(tuple(c, o.grade, o.current));
    const predOut = new Set(res.outcomes.map((o) => tuple(o.council, o.grade, o.current)));
    compareSets(goldOut, predOut, t.outcomes, (k, w) => misses.push(`${gold.id}: ${w} outcome ${k}`));
    const goldC = new Set(gold.councils.map((c) => councilKey(c.name) ?? ''));
    const predC = new Set(res.councils.map((c) => councilKey(c) ?? ''));
    compareSets(goldC, predC, t.councils, (k, w) => misses.push(`${gold.id}: ${w} council ${k}`));

    const need = gold.improvementSentences;
    const optional = gold.optionalImprovementSentences ?? [];
    const open = need.map(() => true);
    for (const a of res.improvementAreas) {
      const i = need.findIndex((s, k) => open[k] && overlaps(s, a.sentence));
      if (i >= 0) {
        open[i] = false;
        t.improvements.tp++;
      } else if (![...optional, ...need].some((s) => overlaps(s, a.sentence))) {
        t.improvements.fp++;
        misses.push(`${gold.id}: extra improvement "${a.sentence}"`);
      }
    }
    need.forEach((s, k) => {
      if (open[k]) {
        t.improvements.fn++;
        misses.push(`${gold.id}: missed improvement "${s}"`);
      }
    });
  }
  return {
    articles: golds.length,
    detection: golds.length ? ok / golds.length : 0,
    figures: {
      grades: prf(t.grades),
      outcomes: prf(t.outcomes),
      councils: prf(t.councils),
      improvements: prf(t.improvements),
    },
    misses,
  };
}

function compareSets(gold: Set<string>, pred: Set<string>, t: Tally, miss: (k: string, what: string) => void) {
  for (const k of pred)
    if (gold.has(k)) t.tp++;
    else {
      t.fp++;
      miss(k, 'extra');
    }
  for (const k of gold)
    if (!pred.has(k)) {
      t.fn++;
      miss(k, 'missed');
    }
}

/** A probe page's file (tests/fixtures/probes): `<id>.txt`, or the whole web page `<id>.html`. */
export function probePageFile(dir: string, id: string): string {
  const txt = path.join(dir, `${id}.txt`);
  return fs.existsSync(txt) ? txt : path.join(dir, `${id}.html`);
}
