// The one tracing call of the content script's features: a performance mark at a feature
// boundary, for `npm run bench` and `npm run profile:page` (made only when the benchmark asks for
// marks: lib/page/timing.ts). The names are the ones the benches read (il:start, il:check-end,
// il:highlighted, il:painted, il:clips-end…).
import { markTime } from '../page/timing';

export function trace(name: `il:${string}`, detail?: unknown): void {
  markTime(name, detail);
}
