import { type ReaderModule, startReader } from '../lib/content/engine-reader';
import { READER_SLOT } from '../lib/content/engine-slot';
import { setMarking } from '../lib/page/timing';

// The engine's second part (the finding card, the Clip button, re-finding saved clips): imported by
// the engine's first part (lib/content/engine.ts) once its first run is done, or at the reader's
// first use. It leaves its start function in the isolated world's global.
export default defineUnlistedScript(() => {
  const reader: ReaderModule = {
    startReader(cx, runner, start) {
      // This bundle has its own copy of the timing module: marks as the gate says.
      cx.gate.ready.then(() => setMarking(cx.gate.marks));
      return startReader(cx, runner, start);
    },
  };
  (globalThis as Record<string, unknown>)[READER_SLOT] = reader;
});
