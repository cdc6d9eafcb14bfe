// --explain: every finding in the text report says what made it; --json stays the contract's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeInputDetailed, explain, formatReport } from '../../lib/cli/analyze';
import { cliCommand } from './command';
import { contractProblems } from './contract-shape';

const root = path.resolve(import.meta.dirname, '../..');
const seed = 'tests/fixtures/seeds/004_c2a22b1b94052d91.txt';
const page = 'tests/fixtures/pages/wordpress-hull.html';

const [node, ...script] = cliCommand();
function cli(args: string[]) {
  const r = spawnSync(node, [...script, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const detailed = (f: string) => analyzeInputDetailed(f, () => fs.readFileSync(path.join(root, f)), { extract: true });

describe('npm run analyze -- --explain', () => {
  test.each([seed, page])(
    '%s: a "why" line under the detection and under every grade, council mention and improvement area',
    (f) => {
      const r = cli(['--explain', f]);
      expect(r.status).toBe(0);
      const { result } = detailed(f);
      const lines = r.stdout.split('\n');
      const whys = lines.filter((l) => /^\s+why: \S/.test(l));
      const mentions = result.councils.reduce((n, c) => n + c.mentions.length, 0);
      expect(whys).toHaveLength(1 + result.grades.length + mentions + result.improvementAreas.length);
      // The detection's reasons are the detector's own.
      const det = lines.findIndex((l) => l.startsWith('inspection article:'));
      expect(lines[det + 1]).toMatch(/^ {2}why: .*names Ofsted/);
      expect(r.stdout).toMatch(/^read as: utf-8 \(.+\)$/m);
      // Each grade line is followed by its sentence and its reason.
      const firstGrade = lines.findIndex((l) => /^grades \(\d+\):$/.test(l)) + 1;
      expect(lines[firstGrade + 1]).toBe(`      in: ${result.grades[0].sentence}`);
      expect(lines[firstGrade + 2]).toMatch(/^ {6}why: /);
    },
  );

  test('--json with --explain prints exactly the contract, nothing added', () => {
    const plain = cli(['--json', seed, page]);
    const explained = cli(['--json', '--explain', seed, page]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toBe(plain.stdout);
    for (const res of JSON.parse(explained.stdout)) expect(contractProblems(res)).toEqual([]);
    expect(explained.stdout).not.toMatch(/"why"/);
  });

  test('a recorded reason is printed under its finding; a missing one says so', () => {
    const d = detailed(seed);
    const a = d.analysis!;
    expect(a.grades.length).toBeGreaterThanOrEqual(2);
    a.grades[0].why = 'rating verb before a quoted grade';
    delete a.grades[1].why;
    a.improvements[0].why = 'cue "still necessary" (2.5)';
    a.councils[0].why = 'gazetteer name \x1b[31mLambeth';
    const text = formatReport(d.result, explain(a, d.decoded)).split('\n');
    const g = text.findIndex((l) => /^grades /.test(l));
    expect(text[g + 3]).toBe('      why: rating verb before a quoted grade');
    expect(text[g + 6]).toBe('      why: (no reason recorded)');
    expect(text).toContain('      why: cue "still necessary" (2.5)');
    expect(text).toContain('      why: gazetteer name [31mLambeth'); // no ESC reaches the terminal
    // Without an explanation the report is the short one.
    expect(formatReport(d.result)).not.toMatch(/why:/);
  });
});
