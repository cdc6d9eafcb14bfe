// Rules that read only sentences holding one of a few words. A rule's pattern that cannot match
// without one of a few words (every text it matches contains one, in any case) is run only on a
// sentence whose lower-case copy holds one. The point is a page's first analysis: V8 compiles a
// pattern the first times it runs, and on a typical article compiling the patterns is much of the
// work, so a pattern whose words the page never uses is never compiled. After COLD_LOOKUPS
// look-ups the patterns a page needs have been compiled, and running them costs less than looking
// their words up: the look-ups stop (on a 1 MB page, within its first screens). Either way every
// rule decides the same.

/** Look-ups (one list of words in one sentence) before the patterns just run. */
const COLD_LOOKUPS = 4000;
let left = COLD_LOOKUPS;

let mode: 'cold' | 'always' | 'off' = 'cold';

/**
 * For tests: 'always' looks the words up for every sentence, 'off' never (every pattern runs);
 * the default, 'cold', for the first COLD_LOOKUPS look-ups. No output may change.
 */
export function setRuleNeeds(value: 'cold' | 'always' | 'off') {
  mode = value;
  left = COLD_LOOKUPS;
}

/** Whether words are still looked up (when not, every pattern runs and no lower-case copy is needed). */
export function lookingUp(): boolean {
  return mode === 'always' || (mode === 'cold' && left > 0);
}

/** Whether `lower` (a text in lower case) may hold a match of a pattern that needs one of `list` (lower case). */
export function holdsAny(lower: string, list: readonly string[]): boolean {
  if (mode !== 'always') {
    if (mode === 'off' || left <= 0) return true;
    left--;
  }
  for (let i = 0; i < list.length; i++) if (lower.includes(list[i])) return true;
  return false;
}
