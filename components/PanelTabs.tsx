import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

/** The side panel's three views. */
export const PANEL_TABS = [
  { id: 'page', label: 'This page' },
  { id: 'collection', label: 'Collection' },
  { id: 'councils', label: 'Councils' },
] as const;
export type PanelTab = (typeof PANEL_TABS)[number]['id'];

const TAB_KEY = 'inspection-lens:panel-tab';

/** The tab the reader chose last time (the panel's own storage), or "This page". */
export function rememberedTab(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): PanelTab {
  try {
    const v = storage?.getItem(TAB_KEY);
    return PANEL_TABS.some((t) => t.id === v) ? (v as PanelTab) : 'page';
  } catch {
    return 'page';
  }
}

/** Remembers the chosen tab for the next time the panel opens. */
export function rememberTab(tab: PanelTab, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(TAB_KEY, tab);
  } catch {
    /* storage refused (private mode): the choice lasts this visit only */
  }
}

export interface PanelTabsProps {
  selected: PanelTab;
  onSelect(tab: PanelTab): void;
  panels: Record<PanelTab, ComponentChildren>;
}

/**
 * An ARIA tablist (one tab stop; arrow keys, Home and End move between tabs and show them) over
 * three tab panels. Hidden panels stay in the document, so what they hold keeps its state.
 */
export function PanelTabs({ selected, onSelect, panels }: PanelTabsProps) {
  const refs = useRef<Partial<Record<PanelTab, HTMLButtonElement | null>>>({});
  const move = (e: KeyboardEvent, from: number) => {
    const n = PANEL_TABS.length;
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (from + 1) % n
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (from - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const tab = PANEL_TABS[to].id;
    onSelect(tab);
    refs.current[tab]?.focus();
  };
  return (
    <div class="panel-tabs">
      <div role="tablist" aria-label="Views" class="tablist">
        {PANEL_TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={selected === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={selected === t.id ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {PANEL_TABS.map((t) => (
        <section
          key={t.id}
          role="tabpanel"
          id={`panel-${t.id}`}
          // Only the shown panel is named (a hidden one is not exposed, and would share its tab's name).
          aria-labelledby={selected === t.id ? `tab-${t.id}` : undefined}
          hidden={selected !== t.id}
          class="tabpanel"
        >
          {panels[t.id]}
        </section>
      ))}
    </div>
  );
}
