// How the side panel reaches the collection for Export and Import: pages of clips read from the
// background by message, and imports sent over the import port.
import { browser } from 'wxt/browser';
import type { ImportRecords } from '../../lib/export/import';
import { collectPages, type ExportData, type ExportFilter } from '../../lib/export/records';
import { sendImport } from '../../lib/import-port';
import { IMPORT_PORT, send } from '../../lib/messages';
import type { ImportResult } from '../../lib/store/import';

const PAGE = 1000;

/** Reads the collection (or its filtered part) from the background, a page at a time. */
export function readCollection(filter: ExportFilter, onProgress?: (clipsRead: number) => void): Promise<ExportData> {
  return collectPages(async (cursor) => {
    const r = await send('exportPage', { cursor, limit: PAGE, filter });
    if (!Array.isArray(r?.clips) || !Array.isArray(r.articles)) throw new Error('The collection could not be read.');
    return r;
  }, onProgress);
}

/** Sends checked records to the background to be written in one transaction. */
export function importThroughBackground(
  records: ImportRecords,
  onProgress: (done: number, total: number) => void,
): Promise<ImportResult> {
  return sendImport(browser.runtime.connect({ name: IMPORT_PORT }), records, onProgress);
}
