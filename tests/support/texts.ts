// Real text for tests that check a reading or a gate against the pattern it stands for: the plain
// text fixtures (seeds and cases) and, when ../shared is beside the project, the corpus's 120
// pages as text; each text whole, its non-empty lines, and its sentences as the analysis splits them.
import fs from 'node:fs';
import path from 'node:path';
import { documentFromPlainText, prepareText } from '../../lib/analysis/text';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus/txt');

export const texts: string[] = [
  ...['seeds', 'cases'].flatMap((dir) =>
    fs
      .readdirSync(path.join(fixtures, dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(fixtures, dir, f)),
  ),
  ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).map((f) => path.join(corpus, f)) : []),
]
  .sort()
  .map((f) => fs.readFileSync(f, 'utf8'));
export const lines: string[] = texts.flatMap((t) => t.split('\n')).filter((l) => l.trim());
export const sentences: string[] = texts.flatMap((t) =>
  prepareText(documentFromPlainText(t)).sentences.map((s) => s.text),
);
