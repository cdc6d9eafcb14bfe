import { useState } from 'preact/hooks';
import { GRADE_STYLES, gradeMeaning, MARK_STYLES } from '../lib/data/grades';
import { SHORTCUTS } from '../lib/data/wording';

/** One row of the key: a sample drawn the way the page draws the category, its name and meaning. */
interface KeyRow {
  highlight: string;
  label: string;
  meaning: string;
  decoration: string;
  fill: string;
}

/** The rows of the key, in the order of the settings: grades best first, then councils, improvement areas, clips. */
export function keyRows(): KeyRow[] {
  return [
    ...GRADE_STYLES.map((g) => ({
      highlight: g.highlight,
      label: g.label,
      meaning: gradeMeaning(g),
      decoration: `underline ${g.lineStyle} ${g.line}`,
      fill: g.fill,
    })),
    ...MARK_STYLES.map((m) => ({ ...m })),
  ];
}

/** The key's styles; it carries them itself, so it looks the same in the card's shadow root and in a page. */
export const LEGEND_CSS = `
.il-legend { margin: 6px 0 0; padding: 0; list-style: none; display: grid; gap: 3px; font-size: 12px; line-height: 1.4; }
.il-legend li { display: grid; grid-template-columns: 11.5em 1fr; gap: 6px; align-items: baseline; }
.il-legend .sample { text-decoration-thickness: 2px; text-underline-offset: 2px; padding: 0 1px; justify-self: start; white-space: nowrap; }
.il-legend .what { color: inherit; }
.il-legend-keys { margin: 6px 0 0; font-size: 12px; }
.il-legend-keys kbd { font: inherit; font-weight: 600; }
`;

/** The sample word drawn for a category. */
const SAMPLE: Record<string, string> = {
  'il-council': 'Kent',
  'il-improvement': 'must improve',
  'il-clip': 'saved',
};

/** The key: what each highlight colour and line means, and the keyboard shortcuts. */
export function Legend() {
  return (
    <div class="il-legend-box">
      <style>{LEGEND_CSS}</style>
      <ul class="il-legend" aria-label="Key to the highlights">
        {keyRows().map((r) => (
          <li key={r.highlight} data-category={r.highlight}>
            <span class="sample" style={{ textDecoration: r.decoration, backgroundColor: r.fill || 'transparent' }}>
              {SAMPLE[r.highlight] ?? (r.highlight === 'il-grade-other' ? 'adequate' : r.label)}
            </span>
            <span class="what">
              <strong>{r.label}</strong>: {r.meaning}
            </span>
          </li>
        ))}
      </ul>
      <p class="il-legend-keys">
        <kbd>{SHORTCUTS.next}</kbd> / <kbd>{SHORTCUTS.previous}</kbd>: next / previous highlight ·{' '}
        <kbd>{SHORTCUTS.clip}</kbd>: clip the selected text · <kbd>{SHORTCUTS.close}</kbd>: close the card
      </p>
    </div>
  );
}

/** A "Key" button that shows or hides the key below it (side panel). */
export function LegendDisclosure() {
  const [open, setOpen] = useState(false);
  return (
    <div class="il-legend-disclosure">
      <button type="button" aria-expanded={open} aria-controls="il-legend-panel" onClick={() => setOpen(!open)}>
        Key
      </button>
      {open ? (
        <div id="il-legend-panel">
          <Legend />
        </div>
      ) : null}
    </div>
  );
}
