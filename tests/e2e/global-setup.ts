import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Always test a fresh build: a stale .output/ passes tests it shouldn't.
// IL_REUSE_BUILD=1 skips the build when the caller has just built (the test script does).
export default function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  const built = (dir: string) => fs.existsSync(path.join(root, '.output', dir, 'manifest.json'));
  if (process.env.IL_REUSE_BUILD === '1' && built('chrome-mv3') && built('firefox-mv2')) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, stdio: 'inherit' });
}
