// The chart of docs/performance.md: time to highlights against page size, for Inspection Lens,
// mark.js and the floor (a bare TreeWalker over the text), from the `page` section of
// bench/results.json. A plain SVG written here (log-log axes, one line per series, the median
// as a point and the min–max spread as a bar). `npx tsx scripts/bench-chart.ts` draws it again
// from the file; `npm run bench:page` draws it after measuring.
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS_FILE, type Spread } from './bench-results';

export const CHART_FILE = path.resolve(import.meta.dirname, '../docs/performance-chart.svg');

export interface SweepPoint {
  bytes: number;
  series: Record<string, Spread>;
}

const SERIES: { key: string; label: string; colour: string; dash?: string }[] = [
  { key: 'ours', label: 'Inspection Lens (whole article painted)', colour: '#1a7f37' },
  { key: 'oursFirst', label: 'Inspection Lens (first screens painted)', colour: '#1a7f37', dash: '5 4' },
  { key: 'markjs', label: 'mark.js (same words, painted)', colour: '#b3261e' },
  { key: 'floor', label: 'floor: bare TreeWalker (painted)', colour: '#555555' },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function drawChart(points: SweepPoint[], subtitle = ''): string {
  const W = 720;
  const H = 440;
  const m = { left: 70, right: 20, top: 50, bottom: 120 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const xs = points.map((p) => p.bytes);
  const ys = points.flatMap((p) =>
    Object.values(p.series).flatMap((s) => [s.min, s.max].filter((v) => Number.isFinite(v) && v > 0)),
  );
  const x0 = Math.log10(Math.min(...xs) / 1.5);
  const x1 = Math.log10(Math.max(...xs) * 1.5);
  const y0 = Math.floor(Math.log10(Math.max(0.1, Math.min(...ys))));
  const y1 = Math.ceil(Math.log10(Math.max(...ys)));
  const X = (b: number) => m.left + ((Math.log10(b) - x0) / (x1 - x0)) * pw;
  const Y = (v: number) => m.top + ph - ((Math.log10(Math.max(v, 10 ** y0)) - y0) / (y1 - y0)) * ph;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12" role="img">`,
    `<title>Time to highlights against page size: Inspection Lens, mark.js and a bare TreeWalker (the floor)</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${m.left}" y="22" font-size="15" font-weight="600">Time to highlights against page size (Chromium, log scales)</text>`,
    `<text x="${m.left}" y="40" fill="#555">${esc(subtitle)}</text>`,
  );
  for (let e = y0; e <= y1; e++) {
    for (const k of [1, 2, 5]) {
      const v = k * 10 ** e;
      if (v > 10 ** y1) break;
      const y = Y(v);
      out.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
      out.push(
        `<text x="${m.left - 6}" y="${y + 4}" text-anchor="end" fill="#333">${v >= 1 ? v : v.toFixed(1)} ms</text>`,
      );
    }
  }
  for (const b of xs) {
    const x = X(b);
    out.push(`<line x1="${x}" x2="${x}" y1="${m.top}" y2="${m.top + ph}" stroke="#f0f0f0"/>`);
    const label = b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${Math.round(b / 1e3)} KB`;
    out.push(`<text x="${x}" y="${m.top + ph + 16}" text-anchor="middle" fill="#333">${label}</text>`);
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`,
    `<text x="${m.left + pw / 2}" y="${m.top + ph + 34}" text-anchor="middle" fill="#333">page size (HTML)</text>`,
  );
  SERIES.forEach((s, i) => {
    const pts = points
      .map((p) => ({ b: p.bytes, v: p.series[s.key] }))
      .filter((p) => p.v && Number.isFinite(p.v.median) && p.v.median > 0);
    if (!pts.length) return;
    const line = pts.map((p) => `${X(p.b).toFixed(1)},${Y(p.v.median).toFixed(1)}`).join(' ');
    out.push(
      `<polyline points="${line}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    for (const p of pts) {
      const x = X(p.b).toFixed(1);
      out.push(
        `<line x1="${x}" x2="${x}" y1="${Y(p.v.min).toFixed(1)}" y2="${Y(p.v.max).toFixed(1)}" stroke="${s.colour}" stroke-width="1"/>`,
        `<circle cx="${x}" cy="${Y(p.v.median).toFixed(1)}" r="3.5" fill="${s.colour}"><title>${esc(s.label)}: median ${p.v.median} ms (min ${p.v.min}, max ${p.v.max}, n ${p.v.n})</title></circle>`,
      );
    }
    const ly = m.top + ph + 56 + i * 16;
    out.push(
      `<line x1="${m.left}" x2="${m.left + 26}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      `<text x="${m.left + 34}" y="${ly}" fill="#222">${esc(s.label)}; points: median, bars: min–max</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Draws the chart from bench/results.json's page sweep. */
export function writeChart(): boolean {
  const all = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
  const page = all.sections?.page;
  const sweep = page?.sweep as SweepPoint[] | undefined;
  if (!sweep?.length) return false;
  const sub = `median of ${sweep[0].series.ours?.n ?? '?'} loads per point; ${page.browser?.version ?? ''}, ${page.machine?.cpus} × ${page.machine?.cpuModel}, commit ${page.commit}`;
  fs.writeFileSync(CHART_FILE, drawChart(sweep, sub));
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (!writeChart()) {
    console.error('no page sweep in bench/results.json: run `npm run bench:page` first');
    process.exit(1);
  }
  console.log(`wrote ${path.relative(process.cwd(), CHART_FILE)}`);
}
