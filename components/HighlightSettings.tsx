import { CATEGORY_LABELS } from '../lib/data/category-labels';
import type { Settings } from '../lib/settings';

export interface HighlightSettingsProps {
  settings: Settings;
  counts?: Record<string, number>;
  onChange(next: Settings): void;
}

/** Switches for highlighting as a whole and for each category (remembered across pages). */
export function HighlightSettings({ settings, counts, onChange }: HighlightSettingsProps) {
  return (
    <fieldset class="settings">
      <legend>Highlights on every page</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })}
        />{' '}
        Highlight inspection articles
      </label>
      {CATEGORY_LABELS.map(([name, label]) => (
        <label key={name} class={`cat ${name}`}>
          <input
            type="checkbox"
            checked={settings.categories[name]}
            disabled={!settings.enabled}
            onChange={(e) =>
              onChange({ ...settings, categories: { ...settings.categories, [name]: e.currentTarget.checked } })
            }
          />{' '}
          <span class="swatch" aria-hidden="true" />
          {label}
          {counts ? <span class="count"> {counts[name] ?? 0}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
