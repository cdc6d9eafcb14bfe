import { startEarlyRead } from '../lib/page/early-storage';
import { BENCH_MARKS_KEY, HAS_CLIPS_KEY, PAUSED_SITES_KEY, SETTINGS_KEY } from '../lib/storage-keys';

// Starts reading the settings (and whether the reader has clips, paused this site, or a benchmark
// wants marks) as the page starts loading (see lib/page/early-storage.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    startEarlyRead([SETTINGS_KEY, HAS_CLIPS_KEY, PAUSED_SITES_KEY, BENCH_MARKS_KEY]);
  },
});
