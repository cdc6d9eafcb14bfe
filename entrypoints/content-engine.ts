import { startEngine } from '../lib/content/engine';
import { ENGINE_SLOT, type EngineModule } from '../lib/content/engine-slot';
import { setMarking } from '../lib/page/timing';

// The content script's engine (analysis, council data, highlights, card, clipping): loaded by the
// content script (lib/content/loader.ts) only on a page that may be an article, or when the
// reader clips or has clips here. It leaves its start function in the isolated world's global.
export default defineUnlistedScript(() => {
  const engine: EngineModule = {
    startEngine(cx, start) {
      // This bundle has its own copy of the timing module: marks as the gate says.
      cx.gate.ready.then(() => setMarking(cx.gate.marks));
      return startEngine(cx, start);
    },
  };
  (globalThis as Record<string, unknown>)[ENGINE_SLOT] = engine;
});
