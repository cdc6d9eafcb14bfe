// Cutting a text at the first or the last match of a separator without splitting it into pieces.
// The grade rules cut the words around every grade word into clauses; `text.split(sep)[0]` and
// `text.split(sep).pop()` allocate every piece (and an array) to keep one.

/**
 * The text before the first match of `sep`: `text.split(sep)[0]`. `sep` is not global or sticky
 * and never matches the empty string.
 */
export function beforeFirst(text: string, sep: RegExp): string {
  const m = sep.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/**
 * The text after the last match of `sep`: `text.split(sep).pop()`. `sep` is global (its matches
 * are taken from the left, one after another, as `split` takes them) and never matches the empty
 * string.
 */
export function afterLast(text: string, sep: RegExp): string {
  sep.lastIndex = 0;
  let end = 0;
  while (sep.exec(text)) end = sep.lastIndex;
  return end ? text.slice(end) : text;
}
