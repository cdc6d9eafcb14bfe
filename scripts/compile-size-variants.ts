// `npx tsx scripts/compile-size-variants.ts <build dir> <out dir>`: copies of a build whose
// content.js differs only in what V8 is asked to compile, to measure what carrying code that a page
// that is not an article never runs costs on that page (issue 15, stop 26):
// - `as-built`: the build as it is (the whole-file compile hint, every function compiled with the script);
// - `no-hint`: the same file without the hint (functions compiled on their first call);
// - `dead-copy`: the hint, and the file's own code a second time inside a function that is never
//   called (as much code again, compiled and never run);
// - `dead-copy-no-hint`: the same without the hint (that code only pre-parsed).
// Then: `TRACE_RUNS=10 npx tsx scripts/trace-nonarticle-compile.ts <the names=dirs it prints>`.
import fs from 'node:fs';
import path from 'node:path';

const [from, out] = process.argv.slice(2);
if (!from || !out) {
  console.error('usage: npx tsx scripts/compile-size-variants.ts <build dir> <out dir>');
  process.exit(2);
}
const HINT = '//# allFunctionsCalledOnLoad\n';
const code = fs.readFileSync(path.join(from, 'content.js'), 'utf8');
const body = code.startsWith(HINT) ? code.slice(HINT.length) : code;
// The copy is the body of a function nothing calls: parsed (and with the hint compiled), never run.
const dead = `${body.trimEnd()}\nfunction ilNeverCalled() {\n${body}}\n`;
const variants: Record<string, string> = {
  'as-built': code,
  'no-hint': body,
  'dead-copy': HINT + dead,
  'dead-copy-no-hint': dead,
};
const args: string[] = [];
for (const [name, js] of Object.entries(variants)) {
  const dir = path.resolve(out, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(from, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'content.js'), js);
  args.push(`${name}=${dir}`);
  console.error(`${name}: content.js ${(Buffer.byteLength(js) / 1024).toFixed(1)} KB`);
}
console.log(args.join(' '));
