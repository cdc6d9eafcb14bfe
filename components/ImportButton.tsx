import { useRef, useState } from 'preact/hooks';
import { readFileText } from '../lib/export/download';
import { IMPORT_LIMITS, type ImportRecords, parseImport } from '../lib/export/import';
import type { ImportResult } from '../lib/store/import';

export interface ImportButtonProps {
  /** Writes checked records (in one transaction), reporting progress. */
  run(records: ImportRecords, onProgress: (done: number, total: number) => void): Promise<ImportResult>;
}

const n = (k: number) => k.toLocaleString('en-GB');
const plural = (k: number, word: string) => `${n(k)} ${word}${k === 1 ? '' : 's'}`;

function summary(r: ImportResult): string {
  const parts = [`${plural(r.clipsAdded, 'clip')} added`];
  if (r.clipsMerged) parts.push(`${n(r.clipsMerged)} merged with clips already saved`);
  if (r.clipsUnchanged) parts.push(`${n(r.clipsUnchanged)} already saved`);
  if (r.articlesAdded) parts.push(`${plural(r.articlesAdded, 'article')} added`);
  return `Imported: ${parts.join(', ')}.`;
}

/** The "Import" button: reads a JSON or Web Annotation export, checks all of it, then writes it. */
export function ImportButton({ run }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const importFile = async (file: File) => {
    setErrors([]);
    setStatus(`Checking ${file.name}…`);
    try {
      const parsed = parseImport(await readFileText(file, IMPORT_LIMITS.fileChars));
      if (!parsed.ok) {
        setStatus('');
        setErrors(parsed.errors);
        return;
      }
      const total = parsed.records.clips.length + parsed.records.articles.length;
      setProgress({ done: 0, total });
      setStatus(`Importing ${plural(parsed.records.clips.length, 'clip')}…`);
      const result = await run(parsed.records, (done, all) => setProgress({ done, total: all }));
      setStatus(summary(result));
    } catch (e) {
      setStatus('');
      setErrors([(e as Error)?.message ?? String(e)]);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="import-button">
      <button type="button" disabled={!!progress} onClick={() => input.current?.click()}>
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) importFile(file);
        }}
      />
      {progress ? (
        <progress max={progress.total} value={progress.done} aria-label="Import progress">
          {n(progress.done)} of {n(progress.total)}
        </progress>
      ) : null}
      {status ? (
        <p role="status" class="muted">
          {status}
        </p>
      ) : null}
      {errors.length ? (
        <div role="alert" class="import-errors">
          <p>Nothing was imported:</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
