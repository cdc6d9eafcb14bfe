import { useState } from 'preact/hooks';
import { buildClipsCsv, buildOutcomesCsv } from '../lib/export/csv';
import { downloadText } from '../lib/export/download';
import { buildJson } from '../lib/export/json';
import { buildJsonLd } from '../lib/export/jsonld';
import { buildMarkdown } from '../lib/export/markdown';
import { type ExportData, type ExportFilter, type ExportKind, exportFileName } from '../lib/export/records';

export interface ExportMenuProps {
  /** The Collection view's current search and filter; without one, everything is exported. */
  filter?: ExportFilter;
  load(filter: ExportFilter, onProgress: (clipsRead: number) => void): Promise<ExportData>;
  now?(): Date;
}

const FORMATS: {
  kind: ExportKind;
  label: string;
  type: string;
  build(d: ExportData, now: Date, f: ExportFilter): string;
}[] = [
  { kind: 'json', label: 'JSON', type: 'application/json', build: buildJson },
  { kind: 'jsonld', label: 'Web Annotation (JSON-LD)', type: 'application/ld+json', build: buildJsonLd },
  { kind: 'csv', label: 'CSV', type: 'text/csv', build: buildClipsCsv },
  { kind: 'outcomes', label: 'Outcomes CSV', type: 'text/csv', build: buildOutcomesCsv },
  { kind: 'markdown', label: 'Markdown', type: 'text/markdown', build: buildMarkdown },
];

const n = (k: number) => k.toLocaleString('en-GB');

/** The "Export" button: the formats by name, for everything or for the current filter. */
export function ExportMenu({ filter, load, now = () => new Date() }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [onlyFiltered, setOnlyFiltered] = useState(true);
  const hasFilter = !!filter && Object.values(filter).some(Boolean);

  const run = async (format: (typeof FORMATS)[number]) => {
    setBusy(true);
    setStatus('Reading the collection…');
    try {
      const scope = hasFilter && onlyFiltered ? (filter as ExportFilter) : {};
      const data = await load(scope, (k) => setStatus(`Reading the collection… ${n(k)} clips`));
      const at = now();
      const name = exportFileName(format.kind, at);
      downloadText(name, format.build(data, at, scope), format.type);
      setStatus(`Exported ${n(data.clips.length)} clips to ${name}`);
      setOpen(false);
    } catch (e) {
      setStatus(`Export failed: ${(e as Error)?.message ?? e}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="export-menu">
      <button type="button" aria-expanded={open} aria-controls="export-formats" onClick={() => setOpen(!open)}>
        Export
      </button>
      {open ? (
        <fieldset id="export-formats" class="export-formats" disabled={busy}>
          <legend>Export as</legend>
          {hasFilter ? (
            <label>
              <input
                type="checkbox"
                checked={onlyFiltered}
                onChange={(e) => setOnlyFiltered(e.currentTarget.checked)}
              />{' '}
              Only the clips the current filter shows
            </label>
          ) : null}
          {FORMATS.map((f) => (
            <button key={f.kind} type="button" onClick={() => run(f)}>
              {f.label}
            </button>
          ))}
        </fieldset>
      ) : null}
      {status ? (
        <p role="status" class="muted">
          {status}
        </p>
      ) : null}
    </div>
  );
}
