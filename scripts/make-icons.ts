// Draws the toolbar and store icons (public/icon/*.png): a magnifying lens over a bar in the four
// grade colours of lib/data/grades.ts, with a dark outline and a light halo so that the shape reads
// on light and dark toolbars. The "article" set (article-*.png) adds a dot the background shows
// when the tab's page is an inspection article. Run: npx tsx scripts/make-icons.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { MAIN_GRADES } from '../lib/data/grades';

type RGBA = [number, number, number, number];

const hex = (h: string): RGBA => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
  255,
];
const DARK: RGBA = [31, 35, 40, 255];
const HALO: RGBA = [255, 255, 255, 255];
const GLASS: RGBA = [255, 255, 255, 110];
const ACCENT: RGBA = hex('#3b3b98');
const BAR = MAIN_GRADES.map((g) => hex(g.card));

/** `top` painted over `under` (straight alpha). */
function over(under: RGBA, top: RGBA): RGBA {
  const a = top[3] / 255;
  const b = under[3] / 255;
  const out = a + b * (1 - a);
  if (out === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i] * a + under[i] * b * (1 - a)) / out;
  return [mix(0), mix(1), mix(2), out * 255];
}

/** Distance from (x, y) to the segment a-b. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** The colour at a point of the unit square, for the plain or the article icon. */
function sample(x: number, y: number, article: boolean, px: number): RGBA {
  // Lines at least about one pixel wide at 16 px.
  const line = Math.max(0.085, 1.1 / px);
  let c: RGBA = [0, 0, 0, 0];
  // The bar: four grade segments in a dark frame, behind the lens.
  const bx0 = 0.04;
  const bx1 = 0.82;
  const by0 = 0.3;
  const by1 = 0.56;
  if (x >= bx0 && x <= bx1 && y >= by0 && y <= by1) {
    const inner = x >= bx0 + line * 0.7 && x <= bx1 - line * 0.7 && y >= by0 + line * 0.7 && y <= by1 - line * 0.7;
    if (inner) {
      const i = Math.min(3, Math.floor(((x - bx0) / (bx1 - bx0)) * 4));
      c = BAR[i];
    } else c = DARK;
  }
  // The lens: glass, then a light halo and the dark ring and handle.
  const cx = 0.4;
  const cy = 0.43;
  const r = 0.3;
  const d = Math.hypot(x - cx, y - cy);
  if (d < r) c = over(c, GLASS);
  const ring = Math.abs(d - r);
  const handle = segment(x, y, cx + r * 0.72, cy + r * 0.72, 0.9, 0.9);
  const halo = line * 0.5 + Math.max(0.04, 0.9 / px);
  if (ring < halo || handle < 0.07 + halo) c = over(c, HALO);
  if (ring < line * 0.55 || handle < 0.07) c = DARK;
  if (article) {
    // A filled dot in the top right corner: this page is an inspection article.
    const dd = Math.hypot(x - 0.82, y - 0.18);
    if (dd < 0.17 + halo * 0.8) c = HALO;
    if (dd < 0.17) c = ACCENT;
  }
  return c;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG of `size` px, each pixel the average of 4×4 samples (anti-aliased edges). */
export function drawIcon(size: number, article: boolean): Buffer {
  const n = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0: none
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const s = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, article, size);
          const w = s[3] / 255;
          r += s[0] * w;
          g += s[1] * w;
          b += s[2] * w;
          a += w;
        }
      const o = 1 + px * 4;
      if (a > 0) {
        row[o] = Math.round(r / a);
        row[o + 1] = Math.round(g / a);
        row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((a / (n * n)) * 255);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.resolve(import.meta.dirname, '../public/icon');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  fs.writeFileSync(path.join(dir, `${size}.png`), drawIcon(size, false));
  fs.writeFileSync(path.join(dir, `article-${size}.png`), drawIcon(size, true));
}
console.log(`icons written to ${path.relative(process.cwd(), dir)}`);
