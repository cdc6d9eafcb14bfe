// Both ends of the import port (see IMPORT_PORT in messages.ts): the side panel sends checked
// records in batches and then "commit"; the background collects them, writes them in one
// transaction with progress, and rolls the write back if the port closes before it has finished.
import type { Article, Clip } from './clips';
import {
  IMPORT_BATCH,
  IMPORT_MAX_RECORDS,
  type ImportReply,
  type ImportRequest,
  parseImportReply,
  parseImportRequest,
} from './messages';
import type { ImportOptions, ImportResult } from './store/import';

/** What both ends need of a runtime Port (Chrome's, Firefox's, the polyfill's, a test's). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: (message: unknown) => void): void };
  onDisconnect: { addListener(f: () => void): void };
}

/** Panel side: sends the records, resolves with what the background wrote (or rejects with why not). */
export function sendImport(
  port: PortLike,
  records: { clips: Clip[]; articles: Article[] },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      port.disconnect();
    };
    port.onMessage.addListener((raw) => {
      const m = parseImportReply(raw);
      if (m?.type === 'importProgress') onProgress?.(m.done, m.total);
      else if (m?.type === 'importDone') finish(() => resolve(m.result));
      else if (m?.type === 'importFailed') finish(() => reject(new Error(m.error)));
    });
    port.onDisconnect.addListener(() => {
      if (!settled) {
        settled = true;
        reject(new Error('The connection to Inspection Lens was lost: nothing was imported.'));
      }
    });
    const send = (m: ImportRequest) => port.postMessage(m);
    const { clips, articles } = records;
    for (let i = 0; i < articles.length; i += IMPORT_BATCH)
      send({ type: 'importBatch', clips: [], articles: articles.slice(i, i + IMPORT_BATCH) });
    for (let i = 0; i < clips.length; i += IMPORT_BATCH)
      send({ type: 'importBatch', clips: clips.slice(i, i + IMPORT_BATCH), articles: [] });
    send({ type: 'importCommit' });
  });
}

/** Background side: serves one import over `port`, writing with `write`; `onWritten` runs after a successful write. */
export function serveImport(
  port: PortLike,
  write: (data: { clips: Clip[]; articles: Article[] }, options: ImportOptions) => Promise<ImportResult>,
  onWritten: () => void,
): void {
  const clips: Clip[] = [];
  const articles: Article[] = [];
  const closed = new AbortController();
  let committed = false;
  const reply = (m: ImportReply) => {
    try {
      port.postMessage(m);
    } catch {
      /* the panel has gone */
    }
  };
  const refuse = (error: string) => {
    reply({ type: 'importFailed', error });
    closed.abort();
    port.disconnect();
  };
  port.onDisconnect.addListener(() => closed.abort());
  port.onMessage.addListener(async (raw) => {
    if (committed) return;
    const m = parseImportRequest(raw);
    if (!m) return refuse('The import sent a malformed record: nothing was imported.');
    if (m.type === 'importBatch') {
      clips.push(...m.clips);
      articles.push(...m.articles);
      if (clips.length + articles.length > IMPORT_MAX_RECORDS)
        refuse(`An import holds at most ${IMPORT_MAX_RECORDS.toLocaleString('en-GB')} records: nothing was imported.`);
      return;
    }
    committed = true;
    try {
      const result = await write(
        { clips, articles },
        { signal: closed.signal, onProgress: (done, total) => reply({ type: 'importProgress', done, total }) },
      );
      onWritten();
      reply({ type: 'importDone', result });
    } catch (e) {
      const quota = (e as { name?: string })?.name === 'QuotaExceededError';
      reply({
        type: 'importFailed',
        error: quota
          ? 'The browser has no room left for these clips (storage quota exceeded): nothing was imported.'
          : `The import failed: nothing was imported (${(e as Error)?.message ?? e}).`,
      });
    }
  });
}
