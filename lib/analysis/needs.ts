// Rules that read only sentences holding one of a few words. A rule's pattern that cannot match
// without one of a few words (every text it matches contains one, in any case) is run only on a
// sentence whose lower-case copy holds one: the look-up is one native substring search per word,
// and a pattern never run is never compiled either (on a page's first analysis, compiling the
// patterns is much of the work).

let on = true;

/** Runs every rule pattern whatever words the sentence holds (for tests: no output may change). */
export function setRuleNeeds(value: boolean) {
  on = value;
}

/** Whether `lower` (a sentence in lower case) holds one of `list` (lower case); always true when switched off. */
export function holdsAny(lower: string, list: readonly string[]): boolean {
  if (!on) return true;
  for (let i = 0; i < list.length; i++) if (lower.includes(list[i])) return true;
  return false;
}
