import { useEffect, useState } from 'preact/hooks';
import { allCouncils } from '../lib/data/gazetteer';
import { gradeName, MAIN_GRADES } from '../lib/data/grades';
import type { ExportFilter } from '../lib/export/records';

export interface ClipFilterProps {
  filter: ExportFilter;
  onChange(filter: ExportFilter): void;
}

/** Keeps only the fields that are set, so an empty filter is `{}` (everything). */
function cleaned(f: ExportFilter): ExportFilter {
  const out: ExportFilter = {};
  if (f.council) out.council = f.council;
  if (f.grade) out.grade = f.grade;
  if (f.tag?.trim()) out.tag = f.tag.trim();
  return out;
}

/**
 * Narrows the clip list (and what Export writes, when the reader asks) by council, grade and tag.
 * Councils by name, sent as their ONS codes; grades by their words.
 */
export function ClipFilter({ filter, onChange }: ClipFilterProps) {
  const set = (patch: ExportFilter) => onChange(cleaned({ ...filter, ...patch }));
  const councils = [...allCouncils()].sort((a, b) => a.name.localeCompare(b.name));
  const active = Object.keys(filter).length > 0;
  // The tag box keeps what the reader types (spaces included); the filter gets it trimmed.
  const [tagText, setTagText] = useState(filter.tag ?? '');
  useEffect(() => {
    if (!filter.tag) setTagText((t) => (t.trim() ? '' : t));
  }, [filter.tag]);
  return (
    <fieldset class="clip-filter">
      <legend>Show clips</legend>
      <label>
        Council{' '}
        <select value={filter.council ?? ''} onChange={(e) => set({ council: e.currentTarget.value || undefined })}>
          <option value="">Any council</option>
          {councils.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Grade{' '}
        <select value={filter.grade ?? ''} onChange={(e) => set({ grade: e.currentTarget.value || undefined })}>
          <option value="">Any grade</option>
          {MAIN_GRADES.map((g) => (
            <option key={g.grade} value={g.grade}>
              {gradeName(g.grade)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag{' '}
        <input
          type="text"
          value={tagText}
          placeholder="any tag"
          onInput={(e) => {
            setTagText(e.currentTarget.value);
            set({ tag: e.currentTarget.value || undefined });
          }}
        />
      </label>
      {active ? (
        <button type="button" onClick={() => onChange({})}>
          Show all clips
        </button>
      ) : null}
    </fieldset>
  );
}
