// The labelled real pages beside the project (../shared/corpus/pages), for the tests that check
// the product on real text where they are (a user's clone has no ../shared: those tests skip).
import fs from 'node:fs';
import path from 'node:path';

export const corpusPagesDir = path.resolve(import.meta.dirname, '../../../shared/corpus/pages');

/** The corpus pages' file names, sorted (none where the corpus is not beside the project). */
export function corpusPages(): string[] {
  return fs.existsSync(corpusPagesDir)
    ? fs
        .readdirSync(corpusPagesDir)
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
}

/** A minimal RFC 4180 reader (CRLF rows, quoted cells with doubled quotes): the CSV a spreadsheet reads. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
