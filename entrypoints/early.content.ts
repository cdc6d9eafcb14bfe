import { startEarlyRead } from '../lib/page/early-storage';
import { EARLY_KEYS } from '../lib/storage-keys';

// Starts reading the settings (and whether the reader has clips, paused this site, or a benchmark
// wants marks) as the page starts loading (see lib/page/early-storage.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    startEarlyRead(EARLY_KEYS);
  },
});
