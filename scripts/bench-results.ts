// `bench/results.json`: every `npm run bench` script records its figures here, under its own
// section, beside the machine, the browser and the commit they were measured on. A figure
// carries its spread (median, p95, min, max over its samples), its baseline measured in the
// same run, and its budget when it has one. Scripts run one at a time: each reads the file,
// replaces its own section and writes it back, so running one bench alone updates only its part.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
export const RESULTS_FILE = path.join(root, 'bench/results.json');

export interface Spread {
  unit: string;
  /** Samples the figure was taken from. */
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export interface Figure extends Spread {
  /** What the figure is compared with, measured in the same run. */
  baselines?: Record<string, Spread>;
  budget?: { max: number; met: boolean; note?: string };
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);

/** The spread of a list of samples (non-finite ones left out). */
export function spread(samples: number[], unit = 'ms'): Spread {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const at = (q: number) =>
    xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * (xs.length - 1) + 0.5))] : Number.NaN;
  return {
    unit,
    n: xs.length,
    median: round(xs.length ? xs[Math.floor(xs.length / 2)] : Number.NaN) as number,
    p95: round(at(0.95)) as number,
    min: round(xs[0] ?? Number.NaN) as number,
    max: round(xs[xs.length - 1] ?? Number.NaN) as number,
  };
}

/** A figure with its baselines and, when given, whether its median is within `budget`. */
export function figure(
  samples: number[],
  options: { unit?: string; baselines?: Record<string, number[]>; budget?: number; note?: string } = {},
): Figure {
  const f: Figure = spread(samples, options.unit);
  if (options.baselines)
    f.baselines = Object.fromEntries(Object.entries(options.baselines).map(([k, v]) => [k, spread(v, options.unit)]));
  if (options.budget !== undefined)
    f.budget = {
      max: options.budget,
      met: Number.isFinite(f.median) && f.median <= options.budget,
      ...(options.note ? { note: options.note } : {}),
    };
  return f;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The machine, from Node. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Writes one bench's section into bench/results.json, keeping the others. */
export function recordResults(section: string, data: unknown, browser?: { name: string; version: string }): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
  } catch {
    /* first run */
  }
  const sections = (all.sections as Record<string, unknown> | undefined) ?? {};
  sections[section] = {
    measuredAt: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    machine: machine(),
    ...(browser ? { browser } : {}),
    ...(data as object),
  };
  const out = {
    about:
      'Figures of `npm run bench`, one section per bench script, each with the machine, browser and commit it was measured on. Times in ms unless a unit says otherwise; each figure has its spread (median, p95, min, max over n samples), its baselines measured in the same run, and its budget when it has one. See docs/performance.md.',
    machine: machine(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    sections,
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(out, null, 2)}\n`);
}

/** The browser's product and version (e.g. "Chrome/156.0.8078.108"), through the DevTools protocol. */
export async function chromiumVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const v = (await cdp.send('Browser.getVersion')) as { product: string };
    return v.product;
  } catch {
    return 'unknown';
  } finally {
    await page.close();
  }
}
