// Saving an export and reading an import file: the two small browser helpers beside the pure
// builders (the builders never touch the DOM).
import { tooLarge } from './import';

/** Offers `text` as a file download named `name` (the browser's own download, no permission needed). */
export function downloadText(name: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is released once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a chosen file as text, refusing one larger than `maxBytes` before reading it. */
export async function readFileText(file: Blob, maxBytes: number): Promise<string> {
  if (file.size > maxBytes) throw new Error(tooLarge(file.size, maxBytes));
  return file.text();
}
