// How much of the quick check's answer is known once the page's <head> is parsed (before the body
// streams in): on the corpus of real pages (../shared/corpus), the share of inspection articles the
// head evidence (URL and <title>; description metadata when a page has it) already catches, and the
// share of pages that are not articles it wrongly catches (they would pay for the engine's load).
// `npx tsx scripts/corpus-head-evidence.ts [corpus dir]`
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { headMayBeInspectionArticle, mayBeInspectionArticle } from '../lib/page/quick-check';

const dir =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.resolve(import.meta.dirname, '../../shared/corpus');
const ids = fs
  .readdirSync(path.join(dir, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();

const tally = { pos: 0, neg: 0, headPos: 0, headNeg: 0, fullPos: 0, fullNeg: 0, headNegOnly: 0 };
const missed: string[] = [];
const wrong: string[] = [];
for (const id of ids) {
  const html = fs.readFileSync(path.join(dir, 'pages', `${id}.html`), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', `${id}.json`), 'utf8')) as {
    isInspectionArticle: boolean;
  };
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'articles', `${id}.json`), 'utf8')) as { url: string };
  const win = new Window({ url: meta.url });
  win.document.write(html);
  const doc = win.document as unknown as Document;
  const head = headMayBeInspectionArticle(doc, new URL(meta.url).pathname);
  const full = mayBeInspectionArticle(doc);
  const key = gold.isInspectionArticle ? 'Pos' : 'Neg';
  tally[gold.isInspectionArticle ? 'pos' : 'neg']++;
  if (head) tally[`head${key}`]++;
  if (full) tally[`full${key}`]++;
  if (gold.isInspectionArticle && !head) missed.push(`${id} ${doc.title.slice(0, 90)}`);
  if (!gold.isInspectionArticle && head && !full) tally.headNegOnly++;
  if (!gold.isInspectionArticle && head) wrong.push(`${id} ${doc.title.slice(0, 90)}`);
  await win.happyDOM.close();
}
const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / b).toFixed(0)}%)`;
console.log(`Corpus: ${ids.length} pages, ${tally.pos} inspection articles, ${tally.neg} not`);
console.log(`Head evidence (URL, title, description metadata) says "may be an article":`);
console.log(`  inspection articles caught: ${pct(tally.headPos, tally.pos)}`);
console.log(
  `  other pages wrongly caught (they load the engine early): ${pct(tally.headNeg, tally.neg)}, of which the quick check at document_idle would not load it: ${tally.headNegOnly}`,
);
console.log(`The whole quick check at document_idle (head evidence, then a text sample):`);
console.log(`  inspection articles: ${pct(tally.fullPos, tally.pos)}; other pages: ${pct(tally.fullNeg, tally.neg)}`);
if (process.argv.includes('--verbose')) {
  console.log('Articles the head evidence misses:');
  for (const m of missed) console.log(`  ${m}`);
  console.log('Other pages it catches:');
  for (const w of wrong) console.log(`  ${w}`);
}
