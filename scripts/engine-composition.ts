// Which source files make up a built bundle, in bytes of the minified file (issue 15, stop 25).
// Build with source maps first: `IL_SOURCEMAP=1 npx wxt build`, then
//   npx tsx scripts/engine-composition.ts [.output/chrome-mv3/content-engine.js ...]
// Every byte of the bundle is counted to the source its source-map segment points at (the bytes
// before a line's first segment, and the compile hint, to "(unmapped)").
import fs from 'node:fs';
import zlib from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment's base64 VLQ fields. */
function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Bytes per source (grouped by folder for node_modules) for one bundle and its map. */
export function composition(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  // The compile hint wxt.config.ts adds after the build is one line the map does not know.
  const hint = code.startsWith('//# allFunctionsCalledOnLoad\n');
  const lines = code.split('\n').slice(hint ? 1 : 0);
  const sizes = new Map<string, number>(hint ? [['(compile hint)', 29]] : []);
  const add = (name: string, n: number) => sizes.set(name, (sizes.get(name) ?? 0) + n);
  const name = (i: number) => {
    const s = map.sources[i] ?? '(unmapped)';
    const nm = s.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    return nm ? `node_modules/${nm[1]}` : s.replace(/^(\.\.\/)+/, '');
  };
  let source = 0;
  map.mappings.split(';').forEach((line, li) => {
    const text = lines[li] ?? '';
    let col = 0;
    let prevCol = 0;
    let prevSource = -1;
    for (const seg of line ? line.split(',') : []) {
      const f = decodeSegment(seg);
      col += f[0];
      if (f.length > 1) source += f[1];
      add(prevSource < 0 ? '(unmapped)' : name(prevSource), Buffer.byteLength(text.slice(prevCol, col)));
      prevCol = col;
      prevSource = f.length > 1 ? source : -1;
    }
    add(prevSource < 0 ? '(unmapped)' : name(prevSource), Buffer.byteLength(text.slice(prevCol)) + 1);
  });
  return sizes;
}

function main() {
  const files = process.argv.slice(2);
  for (const file of files.length ? files : ['.output/chrome-mv3/content-engine.js']) {
    const code = fs.readFileSync(file, 'utf8');
    const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
    const sizes = [...composition(code, map)].sort((a, b) => b[1] - a[1]);
    const total = Buffer.byteLength(code);
    const gz = zlib.gzipSync(code).length;
    console.log(`${file}: ${(total / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped`);
    for (const [src, n] of sizes)
      if (n >= 512)
        console.log(`  ${(n / 1024).toFixed(1).padStart(6)} KB ${((100 * n) / total).toFixed(1).padStart(5)}%  ${src}`);
    const small = sizes.filter(([, n]) => n < 512);
    const rest = small.reduce((s, [, n]) => s + n, 0);
    console.log(
      `  ${(rest / 1024).toFixed(1).padStart(6)} KB ${((100 * rest) / total).toFixed(1).padStart(5)}%  (${small.length} files under 0.5 KB)`,
    );
  }
}

main();
