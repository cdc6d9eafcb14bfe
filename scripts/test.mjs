#!/usr/bin/env node
// Runs every check: type check, lint, unit tests, a fresh build, web-ext lint of the Firefox
// build, and the real-browser tests; then prints one closing line "N passed, N failed".
// The unit tests run beside the rest (their output is printed when they end): on these
// two-core machines the browser tests leave about a fifth of the CPU idle, and the two suites
// took 470 s one after the other, 408 s side by side (docs/performance-log.md, "CI time").
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { namedResults } from './test-report.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-test-'));
let passed = 0;
let failed = 0;
/** Tests that failed, and browser tests that passed only when tried again, named at the end. */
const failures = [];
const retried = [];

/** Each step's wall time, printed before the closing line (CI has ten minutes for all of it). */
const took = [];
const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const started = Date.now();
function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  took.push(`${label} ${since(t0)}`);
  return r.status === 0;
}
function step(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    console.log(`FAILED: ${label}`);
  }
}
const vitestArgs = (label, args) => [
  'vitest',
  'run',
  ...args,
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${path.join(tmp, `${label}.json`)}`,
];
function vitest(label, args, env) {
  count(label, run(label, 'npx', vitestArgs(label, args), env));
}
/** Starts a vitest run in the background, its output kept in a file; `await` it to print and count. */
function vitestBeside(label, args) {
  const log = path.join(tmp, `${label}.log`);
  const fd = fs.openSync(log, 'w');
  console.log(
    `\n=== ${label} (beside the steps below; printed when it ends): npx ${vitestArgs(label, args).join(' ')}`,
  );
  const t0 = Date.now();
  const child = spawn('npx', vitestArgs(label, args), {
    cwd: root,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      fs.closeSync(fd);
      // The close is seen only after the steps beside it (they block this process): the run
      // ended when vitest wrote its report.
      const report = path.join(tmp, `${label}.json`);
      const end = fs.existsSync(report) ? fs.statSync(report).mtimeMs : Date.now();
      took.push(`${label} (beside) ${((end - t0) / 1000).toFixed(1)} s`);
      console.log(`\n=== ${label} (ran beside the steps above)`);
      process.stdout.write(fs.readFileSync(log));
      count(label, code === 0);
      resolve();
    });
  });
}
function count(label, ok) {
  const out = path.join(tmp, `${label}.json`);
  if (!fs.existsSync(out)) {
    failed++;
    console.log(`FAILED: ${label} produced no report`);
    return;
  }
  const rep = JSON.parse(fs.readFileSync(out, 'utf8'));
  const named = namedResults(rep, label, root);
  failures.push(...named.failures);
  retried.push(...named.retried);
  passed += rep.numPassedTests;
  failed += rep.numFailedTests + (ok || rep.numFailedTests ? 0 : 1);
  console.log(`${label}: ${rep.numPassedTests} passed, ${rep.numFailedTests} failed`);
}

const only = process.argv[2];
const unit = !only ? vitestBeside('unit', []) : only === 'unit' ? vitest('unit', []) : undefined;
if (!only || only === 'static') {
  step('type check', 'npx', ['tsc', '--noEmit']);
  step('lint and format', 'npx', ['biome', 'ci', '.']);
}
if (!only || only === 'e2e') {
  const chrome = run('build chrome', 'npx', ['wxt', 'build']);
  const firefox = run('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
  for (const ok of [chrome, firefox]) {
    if (ok) passed++;
    else failed++;
  }
  if (!only && firefox)
    step('web-ext lint (firefox)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-input']);
  // Chromium and Firefox browser tests, on the builds just made.
  if (chrome && firefox) vitest('e2e', ['--config', 'tests/e2e/vitest.config.ts'], { IL_REUSE_BUILD: '1' });
  else {
    failed++;
    console.log('FAILED: browser tests not run (a build failed)');
  }
}
await unit;
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\nwall time: ${took.join(', ')}; in all ${since(started)}`);
if (retried.length) console.log(`\npassed only when tried again (${retried.length}):\n  ${retried.join('\n  ')}`);
if (failures.length) console.log(`\nfailed (${failures.length}):\n  ${failures.join('\n  ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
