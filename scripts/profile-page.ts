// `npm run profile:page -- [page] [--reps N] [--interval µs]`: a CPU profile of the content
// script in Chromium, summed over N reloads, printed as the functions with the most self time
// per load. Builds with IL_PROFILE=1 so the bundle keeps its function names. A tool for finding
// where time goes; the figures to quote come from `npm run bench:page`.
//
// --rerun: profile the re-run after a paragraph is added to the loaded page instead of the load.
// page: typical (seed 003, the default), 1mb, log (30,000 paragraphs), walks (not an article),
// or a path under tests/fixtures/pages.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  has,
  launchWithExtension,
  longArticle,
  paintedOrTurnedDown,
  paragraphLog,
  serveFixtures,
  untilMarked,
} from '../tests/e2e/harness';
import { profiledBuild } from './build-args';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '10' },
    interval: { type: 'string', default: '50' },
    // Profile the re-run after a paragraph is added to the loaded page, not the load.
    rerun: { type: 'boolean', default: false },
  },
});
const reps = Number(values.reps);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main() {
  const dir = profiledBuild('il-profile-build-');
  const server = await serveFixtures();
  const walk =
    '<p>The walk climbs gently through beech woods before reaching the ridge, where the views over the valley are outstanding on a clear day.</p>';
  server.extra.set('/1mb.html', longArticle(1_000_000));
  server.extra.set('/log.html', paragraphLog(30_000));
  server.extra.set(
    '/walks.html',
    `<!doctype html><html><head><title>Ten great walks</title></head><body><article><h1>Ten great walks</h1>${walk.repeat(300)}</article></body></html>`,
  );
  const named: Record<string, string> = {
    typical: '/003_7373dea24638aad1.html',
    '1mb': '/1mb.html',
    log: '/log.html',
    walks: '/walks.html',
  };
  const arg = positionals[0] ?? 'typical';
  const target = named[arg] ?? `/${arg.replace(/^\//, '')}`;
  const ext = await launchWithExtension(dir);
  const page = await ext.context.newPage();
  await page.goto(server.origin + target);
  await page.waitForTimeout(500);
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(values.interval) });
  const self = new Map<string, number>();
  let ours = 0;
  for (let rep = 0; rep < reps; rep++) {
    if (values.rerun) {
      await page.reload();
      await untilMarked(page, has('il:painted'), 60_000);
      await page.waitForTimeout(300);
      await cdp.send('Profiler.start');
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Update: neighbouring Southwark was rated ‘good’ in 2019, inspectors noted.';
        (document.querySelector('article') ?? document.body).append(p);
      });
      await untilMarked(page, has('il:highlighted', 2), 60_000);
    } else {
      await cdp.send('Profiler.start');
      await page.reload();
      // Done when highlights are painted, or when the quick check has turned the page down.
      await untilMarked(page, paintedOrTurnedDown, 60_000);
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const cf = byId.get(id)?.callFrame;
      if (!cf) return;
      const file = cf.url.split('/').pop() ?? '';
      const key = `${cf.functionName || '(top level)'} ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
      const us = profile.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + us);
      if (file === 'content.js') ours += us;
    });
  }
  console.log(`${target}: ${reps} loads, sampled every ${values.interval} µs; self time per load`);
  console.log(`content script in all: ${(ours / reps / 1000).toFixed(2)} ms per load`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${(v / reps / 1000).toFixed(2).padStart(8)} ms  ${k}`);
  await ext.close();
  await server.close();
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
