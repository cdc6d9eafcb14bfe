import { startEarlyRead } from '../lib/page/early-storage';
import { CLIPPED_PAGES_KEY, SETTINGS_KEY } from '../lib/storage-keys';

// Starts reading the settings as the page starts loading (see lib/page/early-storage.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    startEarlyRead([SETTINGS_KEY, CLIPPED_PAGES_KEY]);
  },
});
