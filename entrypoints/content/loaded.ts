// Imported first by the content script: marks when its code starts to load, so `npm run bench`
// can tell what loading the modules costs on every page (il:load → il:start). Like every mark,
// made only when the benchmark asks for marks (lib/page/timing.ts).
import { markTime } from '../../lib/page/timing';

markTime('il:load');
