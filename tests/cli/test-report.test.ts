// npm test names what failed, and what passed only when tried again, above its closing line
// (scripts/test-report.mjs): a real vitest run's JSON report of a small suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { namedResults } from '../../scripts/test-report.mjs';

const root = path.resolve(__dirname, '../..');

describe("npm test's list of failed and retried tests", () => {
  it('names a failed test with its error, a test that passed on its second try, and a file that could not load', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-report-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'a.test.ts'),
        [
          "import { expect, test } from 'vitest';",
          'let tries = 0;',
          "test('flaky', { retry: 1 }, () => { tries++; expect(tries).toBe(2); });",
          "test('broken', () => { expect('grade').toBe('outcome'); });",
          "test('fine', () => { expect(1).toBe(1); });",
        ].join('\n'),
      );
      fs.writeFileSync(path.join(dir, 'b.test.ts'), "import './missing-module';\ntest('never', () => {});\n");
      fs.writeFileSync(path.join(dir, 'vitest.config.mjs'), 'export default { test: { globals: true } };\n');
      const out = path.join(dir, 'report.json');
      spawnSync(
        process.execPath,
        [
          path.join(root, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--root',
          dir,
          '--reporter=json',
          `--outputFile=${out}`,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      const rep = JSON.parse(fs.readFileSync(out, 'utf8'));
      const { failures, retried } = namedResults(rep, 'unit', dir);

      expect(retried).toHaveLength(1);
      expect(retried[0]).toMatch(/^unit: a\.test\.ts > flaky\n {4}first try: AssertionError: expected 1 to be 2/);
      expect(failures).toHaveLength(2);
      expect(failures.find((f) => f.includes('> broken'))).toMatch(/expected 'grade' to be 'outcome'/);
      const unloaded = failures.find((f) => f.startsWith('unit: b.test.ts'));
      expect(unloaded).toMatch(/missing-module/);
      expect(failures.join('\n')).not.toContain('fine');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
