import { useEffect, useState } from 'preact/hooks';
import type { FindingDescription } from '../lib/analysis/describe';
import { GRADE_STYLES, MARK_STYLES } from '../lib/data/grades';
import { SHORTCUTS } from '../lib/data/wording';
import { Legend } from './Legend';

export interface FindingCardProps {
  description: FindingDescription;
  /** The highlight category, used for the card's accent colour. */
  category: string;
  status: string;
  /** The handlers get the event: the content script acts only on the reader's own (trusted) input. */
  onSaveClip(e: Event): void;
  /** Present when the article has outcomes to save as an inspection record. */
  onSaveRecord?: (e: Event) => void;
  onClose(e: Event): void;
  /** Each council's page of Ofsted reports (councils without a known URN get none). */
  links?: { label: string; href: string }[];
  /** Tab pressed on the card's last control: focus goes back to the highlight it opened from. */
  onTabOut?: (e: KeyboardEvent) => void;
  /** The card changed size (its key opened or closed): place it again. */
  onLayout?: () => void;
}

/** The in-page hover/focus card for one highlight. Rendered inside a shadow root. */
export function FindingCard({
  description,
  category,
  status,
  onSaveClip,
  onSaveRecord,
  onClose,
  links = [],
  onTabOut,
  onLayout,
}: FindingCardProps) {
  const [keyOpen, setKeyOpen] = useState(false);
  useEffect(() => onLayout?.(), [keyOpen]);
  return (
    <div
      class={`card ${category}`}
      role="dialog"
      aria-label={description.heading}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose(e);
        else if (e.key === 'Tab' && !e.shiftKey && onTabOut) {
          const buttons = [...e.currentTarget.querySelectorAll('button')];
          if (buttons.length && e.composedPath()[0] === buttons[buttons.length - 1]) onTabOut(e);
        }
      }}
    >
      <div class="head">
        <strong>{description.heading}</strong>
        <button type="button" class="close" aria-label="Close" title={`Close (${SHORTCUTS.close})`} onClick={onClose}>
          ×
        </button>
      </div>
      <dl>
        {description.rows.map(([label, value]) => (
          <div key={`${label}:${value}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {links.map((l) => (
        <a key={l.href} class="ofsted" href={l.href} target="_blank" rel="noopener noreferrer">
          {l.label}
        </a>
      ))}
      <blockquote>
        {description.quote.length > 280 ? `${description.quote.slice(0, 277)}…` : description.quote}
      </blockquote>
      <div class="actions">
        <button type="button" onClick={onSaveClip} title="Save this passage to your clips">
          Save clip
        </button>
        {onSaveRecord ? (
          <button
            type="button"
            class="secondary"
            onClick={onSaveRecord}
            title="Save the article's councils and grades as one record"
          >
            Save inspection record
          </button>
        ) : null}
        <button
          type="button"
          class="secondary key"
          aria-expanded={keyOpen}
          title={`What the highlights mean (${SHORTCUTS.next} / ${SHORTCUTS.previous}: next / previous highlight)`}
          onClick={() => setKeyOpen(!keyOpen)}
        >
          Key
        </button>
        <span class="status" role="status">
          {status}
        </span>
      </div>
      {keyOpen ? <Legend /> : null}
    </div>
  );
}

/** Styles for the card, scoped to its shadow root. */
export const FINDING_CARD_CSS = `
:host { all: initial; }
:host { --il-fg: #1d1d2b; --il-bg: #fff; --il-border: #c9c9d6; --il-muted: #5a5a6e; --il-quote-bg: #f5f5fa;
  --il-quote-fg: #333; --il-accent: #3b3b98; --il-accent-fg: #fff; --il-close: #555; --il-shadow: rgba(0,0,0,.18); }
@media (prefers-color-scheme: dark) {
  :host { --il-fg: #e8e8f0; --il-bg: #1e1f26; --il-border: #4a4b5c; --il-muted: #b4b4c6; --il-quote-bg: #2a2b35;
    --il-quote-fg: #dcdce6; --il-accent: #a9a9f5; --il-accent-fg: #14142b; --il-close: #c8c8d4; --il-shadow: rgba(0,0,0,.6); }
}
.card { position: fixed; z-index: 2147483647; max-width: 360px; min-width: 240px; box-sizing: border-box;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--il-fg); background: var(--il-bg);
  border: 1px solid var(--il-border); border-left: 6px solid #6b6b80; border-radius: 8px; padding: 10px 12px;
  box-shadow: 0 6px 24px var(--il-shadow); }
.card:focus { outline: 2px solid var(--il-accent); outline-offset: 2px; }
${[...GRADE_STYLES, ...MARK_STYLES].map((g) => `.card.${g.highlight} { border-left-color: ${g.card}; }\n`).join('')}.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-bottom: 6px; }
.close { border: 0; background: transparent; font-size: 18px; line-height: 1; cursor: pointer; color: var(--il-close); padding: 0 4px; }
dl { margin: 0; display: grid; gap: 2px; }
dl > div { display: grid; grid-template-columns: 92px 1fr; gap: 6px; }
dt { color: var(--il-muted); } dd { margin: 0; font-weight: 600; }
blockquote { margin: 8px 0; padding: 6px 8px; background: var(--il-quote-bg); border-radius: 4px; color: var(--il-quote-fg); font-style: italic; }
.actions { display: flex; gap: 8px; align-items: center; }
.actions button { font: inherit; padding: 4px 10px; border-radius: 5px; border: 1px solid var(--il-accent); background: var(--il-accent); color: var(--il-accent-fg); cursor: pointer; }
.actions button:focus-visible { outline: 2px solid var(--il-fg); outline-offset: 2px; }
.actions button.secondary { background: var(--il-bg); color: var(--il-accent); }
.actions { flex-wrap: wrap; }
.status { color: var(--il-muted); }
a.ofsted { display: block; margin-top: 4px; color: var(--il-accent); }
a.ofsted:focus-visible { outline: 2px solid var(--il-fg); outline-offset: 2px; }
.card { max-height: calc(100vh - 8px); overflow-y: auto; }
`;
