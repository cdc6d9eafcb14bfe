#!/usr/bin/env node
// `npm start`: builds the extension, serves a bundled sample article on 127.0.0.1, prints the
// analysis of that article, and opens Chromium with the extension loaded on it. With no display
// it says so and stops after printing the analysis.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sample = path.join(root, 'tests/fixtures/pages/003_7373dea24638aad1.html');

console.log('Building the extension (Chrome MV3)…');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log('Built: .output/chrome-mv3\n');

console.log('Analysis of the bundled sample article:\n');
execFileSync('npx', ['tsx', 'lib/cli/analyze.ts', sample], { cwd: root, stdio: 'inherit' });

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('\nNo display found (DISPLAY and WAYLAND_DISPLAY are unset), so Chromium cannot be opened here.');
  console.log('Run `npm start` on a desktop, or load .output/chrome-mv3 by hand (see README).');
  process.exit(0);
}

const html = fs.readFileSync(sample);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/sample-article.html`;
  const bin = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && fs.existsSync(p),
  );
  if (!bin) {
    console.log(`\nChromium not found: install Debian's "chromium" or set CHROMIUM_PATH. Sample served at ${url}`);
    return;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'il-start-'));
  const ext = path.join(root, '.output/chrome-mv3');
  console.log(`\nOpening Chromium on ${url} (close the window to stop)`);
  const child = spawn(
    bin,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium refuses to run as root without this (containers, CI boxes).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      url,
    ],
    { stdio: 'ignore' },
  );
  child.on('exit', () => {
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });
});
