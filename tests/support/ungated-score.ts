// The improvement cues' hand score with every pattern run (no trigger gate, no word look-ups):
// what `improvementScore` must return for any sentence, however it gets there.
import { AGAINST, CUES, cueText } from '../../lib/analysis/improvements';

export function ungatedScore(s: string): number {
  if (s.length < 25) return 0;
  s = cueText(s);
  let score = 0;
  for (const { pattern, weight } of CUES) if (pattern.test(s)) score += weight;
  if (score > 0) for (const { pattern, weight } of AGAINST) if (pattern.test(s)) score -= weight;
  return score;
}
