import { useEffect, useState } from 'preact/hooks';
import type { ClipCategory } from '../lib/clips';
import { allCouncils } from '../lib/data/gazetteer';
import { gradeName, MAIN_GRADES } from '../lib/data/grades';
import type { ExportFilter } from '../lib/export/records';

export interface ClipFilterProps {
  filter: ExportFilter;
  onChange(filter: ExportFilter): void;
  /** Also offer category and a date range (the Collection view). */
  extended?: boolean;
}

const CATEGORIES: { value: ClipCategory; label: string }[] = [
  { value: 'selection', label: 'Selected text' },
  { value: 'grade', label: 'Grade' },
  { value: 'council', label: 'Council' },
  { value: 'improvement', label: 'Improvement area' },
];

/** A day as a date field shows it (local time), and back: the day's first or last millisecond. */
const dayOf = (ms: number | undefined) => {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const dayStart = (v: string) => (v ? new Date(`${v}T00:00:00`).getTime() : Number.NaN);
const dayEnd = (v: string) => (v ? new Date(`${v}T23:59:59.999`).getTime() : Number.NaN);

/** Keeps only the fields that are set, so an empty filter is `{}` (everything). */
function cleaned(f: ExportFilter): ExportFilter {
  const out: ExportFilter = {};
  if (f.council) out.council = f.council;
  if (f.grade) out.grade = f.grade;
  if (f.tag?.trim()) out.tag = f.tag.trim();
  if (f.category) out.category = f.category;
  if (f.from !== undefined && Number.isFinite(f.from)) out.from = f.from;
  if (f.to !== undefined && Number.isFinite(f.to)) out.to = f.to;
  if (f.text?.trim()) out.text = f.text;
  return out;
}

/**
 * Narrows the clip list (and what Export writes, when the reader asks) by council, grade and tag.
 * Councils by name, sent as their ONS codes; grades by their words.
 */
export function ClipFilter({ filter, onChange, extended = false }: ClipFilterProps) {
  const set = (patch: ExportFilter) => onChange(cleaned({ ...filter, ...patch }));
  const councils = [...allCouncils()].sort((a, b) => a.name.localeCompare(b.name));
  const active = Object.keys(filter).some((k) => k !== 'text');
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
      {extended ? (
        <>
          <label>
            Category{' '}
            <select
              value={filter.category ?? ''}
              onChange={(e) => set({ category: (e.currentTarget.value || undefined) as ClipCategory | undefined })}
            >
              <option value="">Any category</option>
              {CATEGORIES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            From{' '}
            <input
              type="date"
              value={dayOf(filter.from)}
              onChange={(e) => set({ from: dayStart(e.currentTarget.value) })}
            />
          </label>
          <label>
            To{' '}
            <input type="date" value={dayOf(filter.to)} onChange={(e) => set({ to: dayEnd(e.currentTarget.value) })} />
          </label>
        </>
      ) : null}
      {active ? (
        <button type="button" onClick={() => onChange(filter.text ? { text: filter.text } : {})}>
          Show all clips
        </button>
      ) : null}
    </fieldset>
  );
}
