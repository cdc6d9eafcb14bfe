// `npx tsx scripts/apply-floor-extension.ts [<dir>]`: writes a throwaway extension whose content
// script (document_idle, isolated world, as ours) makes on the typical article (seed 003) only the
// calls the lens's apply makes to show its findings, and prints its folder, to be traced beside
// ours: `npx tsx scripts/trace-typical.ts --no-profile main=<build> floor=<this folder>`.
// The findings are the analysis's own (the CLI's JSON of the seed: the same texts, same categories);
// each is found in the page's text nodes before `il:analysed` (what extraction and analysis stand
// for), then, between `il:analysed` and `il:highlighted` (the span trace-typical reports as the
// apply's CPU): a Range each (createRange, setStart, setEnd), a Highlight per category with its
// priority, registered in CSS.highlights, its ranges added: the first touch of these interfaces
// in the isolated world included, as ours pays it. Marks il:start … il:painted as ours (a
// frame and a task after the highlights); a service worker with storage so the harness launches it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { highlightForGrade } from '../lib/analysis/findings';
import { GRADE_STYLES, type Grade } from '../lib/data/grades';

const root = path.resolve(import.meta.dirname, '..');
const seed = path.join(root, '../shared/seeds/003_7373dea24638aad1.txt');
const json = execFileSync('npm', ['run', '--silent', 'analyze', '--', '--json', seed], { cwd: root, encoding: 'utf8' });
const parsed = JSON.parse(json);
const result = (Array.isArray(parsed) ? parsed[0] : parsed) as {
  grades: { grade: Grade; text: string }[];
  councils: { mentions: { text: string }[] }[];
  improvementAreas: { sentence: string }[];
};
const named: [string, string][] = [
  ...result.grades.map((g) => [highlightForGrade(g.grade), g.text] as [string, string]),
  ...result.councils.flatMap((c) => c.mentions.map((m) => ['il-council', m.text] as [string, string])),
  ...result.improvementAreas.map((a) => ['il-improvement', a.sentence] as [string, string]),
];
// The lens's paint order (lib/page/highlighter.ts).
const priority: Record<string, number> = {
  'il-improvement': 2,
  'il-council': 3,
  ...Object.fromEntries(GRADE_STYLES.map((g) => [g.highlight, g.priority])),
};

const dir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'il-apply-floor-'));
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(
  path.join(dir, 'manifest.json'),
  JSON.stringify({
    manifest_version: 3,
    name: 'Inspection Lens apply floor',
    version: '1.0',
    permissions: ['storage'],
    background: { service_worker: 'background.js' },
    content_scripts: [
      { matches: ['http://127.0.0.1/*'], js: ['floor.js'], css: ['highlight.css'], run_at: 'document_idle' },
    ],
  }),
);
fs.writeFileSync(path.join(dir, 'background.js'), '');
fs.copyFileSync(path.join(root, 'lib/page/highlight-styles.css'), path.join(dir, 'highlight.css'));
fs.writeFileSync(
  path.join(dir, 'floor.js'),
  `(() => {
  const named = ${JSON.stringify(named)};
  const priority = ${JSON.stringify(priority)};
  performance.mark('il:start');
  performance.mark('il:engine-loaded');
  // Where each finding's text is (one text node holding it; each occurrence used once).
  const used = new Set();
  const places = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);
  performance.mark('il:extracted');
  const place = (name, text, again = false) => {
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      let i = node.data.indexOf(text);
      while (i >= 0 && !again && used.has(k + ':' + i)) i = node.data.indexOf(text, i + 1);
      if (i < 0) continue;
      used.add(k + ':' + i);
      places.push([name, node, i, i + text.length]);
      return true;
    }
    return false;
  };
  // A text no single node holds (a sentence across a link, a name the page has fewer times):
  // a range on its first word instead (a place used already, or a space, if need be): as many ranges as the lens draws.
  for (const [name, text] of named) {
    const word = text.split(/\\s+/)[0];
    place(name, text) || place(name, word) || place(name, word, true) || place(name, ' ', true);
  }
  performance.mark('il:analysed');
  const byName = new Map();
  for (const [name, node, start, end] of places) {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    let h = byName.get(name);
    if (!h) {
      h = new Highlight();
      h.priority = priority[name];
      byName.set(name, h);
      CSS.highlights.set(name, h);
    }
    h.add(r);
  }
  performance.mark('il:highlighted', { detail: { drawn: places.length, of: named.length } });
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => performance.mark('il:painted');
    ch.port2.postMessage(0);
  });
})();
`,
);
console.log(dir);
