import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Clip } from '../lib/clips';
import { gradeLabel, isMainGrade } from '../lib/data/grades';
import type { ExportFilter } from '../lib/export/records';
import type { UpdateReply } from '../lib/messages';
import type { CollectionPage, CollectionQuery, CollectionRow, GroupBy, GroupHeader } from '../lib/store/collection';
import { ClipFilter } from './ClipFilter';
import { WindowedList } from './WindowedList';

/** What the view needs from the extension (the side panel sends messages; tests use the store directly). */
export interface CollectionApi {
  query(q: CollectionQuery): Promise<CollectionPage>;
  update(
    id: string,
    patch: { note?: string; tags?: string[] },
    from: { rev: number; base: { note?: string; tags?: string[] } },
  ): Promise<UpdateReply>;
  remove(ids: string[]): Promise<Clip[]>;
  restore(clips: Clip[]): Promise<number>;
  open(clipId: string): Promise<{ ok: boolean; error?: string }>;
  /** Calls `onChange` whenever clips change anywhere (any tab, any window); returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

export interface CollectionViewProps {
  api: CollectionApi;
  /** Told the current search and filter (what Export writes when asked for only those clips). */
  onFilterChange?(filter: ExportFilter): void;
  /** Shown beside the filters (the Export and Import buttons). */
  tools?: ComponentChildren;
  /** The list's height before it is laid out (tests). */
  fallbackHeight?: number;
  /** Where errors and edit conflicts are told (the panel's status line); by default the view's own live region. */
  onStatus?(text: string): void;
}

/** Fixed heights of the list's items (the CSS gives them these heights). */
export const HEADING_HEIGHT = 52;
export const ROW_HEIGHT = 176;
/** Rows fetched beyond the rendered ones. */
const FETCH_MARGIN = 20;
/** Typing pauses this long before a note or tags are saved. */
export const SAVE_AFTER_MS = 500;

type Meta = Omit<CollectionPage, 'rows'>;

const dateText = (d: string | number | undefined) => {
  if (d === undefined || d === '') return '';
  const t = typeof d === 'number' ? new Date(d) : new Date(d);
  return Number.isNaN(t.getTime())
    ? String(d)
    : t.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
};

/** The Collection: every clip, searched, filtered and grouped by article or council, in a windowed list. */
export function CollectionView({ api, onFilterChange, tools, fallbackHeight, onStatus }: CollectionViewProps) {
  const [filter, setFilter] = useState<ExportFilter>({});
  const [groupBy, setGroupBy] = useState<GroupBy>('article');
  const [meta, setMeta] = useState<Meta | null>(null);
  const [rows, setRows] = useState<Map<number, CollectionRow>>(new Map());
  const [ownMessage, setOwnMessage] = useState('');
  const message = onStatus ? '' : ownMessage;
  const setMessage = (text: string) => (onStatus && text ? onStatus(text) : setOwnMessage(text));
  const [undo, setUndo] = useState<Clip[] | null>(null);
  const query = useRef<CollectionQuery>({ groupBy: 'article' });
  const range = useRef<[number, number]>([0, 30]);
  const seq = useRef(0);

  /** Reads the counts, the headings and the rows around the rendered range (the latest request wins). */
  const load = useCallback(
    async (fromTop = false) => {
      const my = ++seq.current;
      const [s, e] = range.current;
      const offset = fromTop ? 0 : Math.max(0, s - FETCH_MARGIN);
      const limit = Math.min(500, e - s + 2 * FETCH_MARGIN);
      try {
        const p = await api.query({ ...query.current, offset, limit });
        if (my !== seq.current) return;
        const { rows: got, ...rest } = p;
        setMeta(rest);
        setRows(new Map(got.map((r) => [r.index, r])));
      } catch (err) {
        if (my === seq.current) setMessage(`Could not read the clips: ${(err as Error)?.message ?? err}`);
      }
    },
    [api],
  );

  const search = (f: ExportFilter, g: GroupBy) => {
    const { text, ...rest } = f;
    query.current = { ...rest, ...(text?.trim() ? { text } : {}), groupBy: g };
    onFilterChange?.(f);
    load(true);
  };

  useEffect(() => {
    load(true);
    return api.subscribe(() => load());
  }, [api, load]);

  const onRange = useCallback(
    (s: number, e: number) => {
      range.current = [s, e];
      setRows((have) => {
        for (let i = s; i < e; i++)
          if (!have.has(i) && !headingAt.current.has(i)) {
            load();
            break;
          }
        return have;
      });
    },
    [load],
  );

  const groups = meta?.groups ?? [];
  const groupCount = meta?.headings.length ?? 0;
  /** Every heading's position (for the items' heights); the headings' text comes with each window. */
  const headingAt = useRef(new Set<number>());
  headingAt.current = useMemo(() => new Set(meta?.headings ?? []), [meta?.headings]);
  const headingText = useMemo(() => new Map(groups.map((g) => [g.index, g])), [groups]);
  const heightOf = useCallback((i: number) => (headingAt.current.has(i) ? HEADING_HEIGHT : ROW_HEIGHT), [meta]);

  const save = async (
    clip: Clip,
    patch: { note?: string; tags?: string[] },
    from: { rev: number; base: { note?: string; tags?: string[] } },
  ): Promise<UpdateReply | null> => {
    let r: UpdateReply;
    try {
      r = await api.update(clip.id, patch, from);
    } catch (err) {
      setMessage(`Could not save the change: ${(err as Error)?.message ?? err}`);
      return null;
    }
    const fresh = r.ok ? r.clip : r.current;
    if (fresh)
      setRows((have) => {
        const next = new Map(have);
        for (const [i, row] of have) if (row.clip?.id === fresh.id) next.set(i, { ...row, clip: fresh });
        return next;
      });
    if (r.ok) setMessage('');
    else
      setMessage(
        r.current
          ? `This clip’s ${patch.note !== undefined ? 'note' : 'tags'} was changed in another window. Your text was not saved and is still in the field: type on or leave the field again to replace the other change with it.`
          : r.error,
      );
    return r;
  };

  const remove = async (clip: Clip) => {
    try {
      const gone = await api.remove([clip.id]);
      setUndo(gone.length ? gone : null);
      setMessage(gone.length ? '' : 'That clip was already deleted.');
    } catch (err) {
      setMessage(`Could not delete the clip: ${(err as Error)?.message ?? err}`);
    }
    load();
  };

  const restore = async () => {
    if (!undo) return;
    const clips = undo;
    setUndo(null);
    try {
      const n = await api.restore(clips);
      setMessage(n ? 'Clip restored.' : 'The clip was already back.');
    } catch (err) {
      setMessage(`Could not restore the clip: ${(err as Error)?.message ?? err}`);
    }
    load();
  };

  const open = async (clip: Clip) => {
    const r = await api.open(clip.id).catch((err: unknown) => ({ ok: false, error: String(err) }));
    setMessage(r.ok ? '' : (r.error ?? 'The clip could not be shown.'));
  };

  const filtered = Object.keys(filter).length > 0;
  const clear = () => {
    setFilter({});
    search({}, groupBy);
  };

  const renderRange = (start: number, end: number, tabbable: number) => {
    const items: ComponentChildren[] = [];
    for (let i = start; i < end; i++) {
      const heading = headingAt.current.has(i)
        ? (headingText.get(i) ?? { key: `pending${i}`, title: '…', count: 0, index: i })
        : undefined;
      const row = rows.get(i);
      items.push(
        heading ? (
          <GroupHeading key={`h${heading.key}`} group={heading} groupBy={groupBy} index={i} tabbable={tabbable} />
        ) : row?.clip ? (
          <ClipRow
            key={row.clip.id}
            row={row as CollectionRow & { clip: Clip }}
            groupBy={groupBy}
            tabbable={tabbable === i}
            onSave={save}
            onDelete={remove}
            onOpen={open}
          />
        ) : row?.unreadable ? (
          <li key={`u${row.unreadable.id}`} class="cv-row unreadable" data-index={i} tabIndex={tabbable === i ? 0 : -1}>
            <div class="cv-card">
              <p class="warn">This clip could not be read.</p>
              <p class="muted">
                Its stored record is damaged or from an unknown version; the other clips are not affected. It was saved{' '}
                <time dateTime={new Date(row.unreadable.created).toISOString()}>
                  {new Date(row.unreadable.created).toLocaleString('en-GB')}
                </time>
                .
              </p>
            </div>
          </li>
        ) : (
          <li key={`p${i}`} class="cv-row cv-pending" data-index={i} tabIndex={tabbable === i ? 0 : -1}>
            <div class="cv-card muted">Loading…</div>
          </li>
        ),
      );
    }
    return (
      <ul class="cv-clips" aria-label="Saved clips">
        {items}
      </ul>
    );
  };

  const resetKey = `${JSON.stringify(filter)}|${groupBy}`;
  return (
    <section class="collection" aria-labelledby="collection-title">
      <h2 id="collection-title">Clips</h2>
      <search class="cv-search">
        <input
          type="search"
          aria-label="Search clips"
          placeholder="Search quotes, notes, tags, headlines"
          value={filter.text ?? ''}
          onInput={(e) => {
            const text = e.currentTarget.value;
            const { text: _old, ...rest } = filter;
            const next: ExportFilter = text ? { ...rest, text } : rest;
            setFilter(next);
            search(next, groupBy);
          }}
        />
      </search>
      <ClipFilter
        extended
        filter={filter}
        onChange={(f) => {
          setFilter(f);
          search(f, groupBy);
        }}
      />
      <fieldset class="cv-group">
        <legend>Group by</legend>
        {(['article', 'council'] as const).map((g) => (
          <label key={g}>
            <input
              type="radio"
              name="cv-group-by"
              value={g}
              checked={groupBy === g}
              onChange={() => {
                setGroupBy(g);
                search(filter, g);
              }}
            />{' '}
            {g === 'article' ? 'Article' : 'Council'}
          </label>
        ))}
      </fieldset>
      {tools ? <div class="transfer">{tools}</div> : null}
      <div aria-live="polite" class="cv-live">
        {undo ? (
          <>
            {undo.length === 1 ? 'Clip deleted.' : `${undo.length} clips deleted.`}{' '}
            <button type="button" onClick={restore}>
              Undo
            </button>
          </>
        ) : (
          message
        )}
      </div>
      {meta ? (
        <p class="cv-count muted">
          {meta.total === 1 ? '1 clip' : `${meta.total.toLocaleString('en-GB')} clips`}
          {filtered ? ' match' : ''}
          {/* A provisional reply (partial) knows only its window's articles: their number comes with the exact one. */}
          {groupCount && !meta.partial
            ? ` in ${groupCount.toLocaleString('en-GB')} ${groupBy === 'article' ? (groupCount === 1 ? 'article' : 'articles') : groupCount === 1 ? 'group' : 'groups'}`
            : ''}
          {meta.unreadable ? ` (${meta.unreadable} could not be read)` : ''}
        </p>
      ) : null}
      {meta && meta.total === 0 ? (
        filtered ? (
          <div class="cv-empty">
            <p>No clips match this filter.</p>
            <button type="button" onClick={clear}>
              Clear search and filters
            </button>
          </div>
        ) : (
          <div class="cv-empty">
            <p>
              <strong>No clips yet.</strong> Select text on any page and press the <strong>Clip</strong> button beside
              it (or Alt+Shift+C, or right-click and choose “Save to Inspection Lens”).
            </p>
            <p>
              On an inspection article, Inspection Lens highlights grades, councils and improvement areas by itself:
              hover one (or press Alt+Shift+N) and choose “Save clip”. Your clips are kept here, grouped by article or
              by council, with your notes and tags.
            </p>
          </div>
        )
      ) : null}
      {meta && meta.length > 0 ? (
        <WindowedList
          class="cv-list"
          count={meta.length}
          heightOf={heightOf}
          renderRange={renderRange}
          onRange={onRange}
          resetKey={resetKey}
          fallbackHeight={fallbackHeight}
        />
      ) : null}
    </section>
  );
}

function GroupHeading({
  group,
  groupBy,
  index,
  tabbable,
}: {
  group: GroupHeader;
  groupBy: GroupBy;
  index: number;
  tabbable: number;
}) {
  const sub =
    groupBy === 'article'
      ? [group.site, dateText(group.date)].filter(Boolean).join(' · ')
      : `${group.count === 1 ? '1 clip' : `${group.count} clips`}`;
  return (
    <li class="cv-head-item" data-index={index} tabIndex={tabbable === index ? 0 : -1}>
      <h3 class="cv-head">
        <span class="cv-head-title">{group.title}</span>
        <span class="cv-head-sub">
          {sub}
          {groupBy === 'article' && group.site !== undefined
            ? ` · ${group.count === 1 ? '1 clip' : `${group.count} clips`}`
            : ''}
        </span>
      </h3>
    </li>
  );
}

type Draft = { text: string; from: { rev: number; base: { note?: string; tags?: string[] } } };

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** A note or tags field that saves as the reader types (after a pause) and when the reader leaves it. */
function AutoField({
  clip,
  field,
  onSave,
}: {
  clip: Clip;
  field: 'note' | 'tags';
  onSave(patch: { note?: string; tags?: string[] }, from: Draft['from']): Promise<UpdateReply | null>;
}) {
  const stored = field === 'note' ? clip.note : clip.tags.join(', ');
  const [draft, setDraft] = useState<Draft | null>(null);
  const draftNow = useRef(draft);
  draftNow.current = draft;
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<void> | null>(null);
  const baseOf = (c: Clip) => (field === 'note' ? { note: c.note } : { tags: c.tags });
  /** The draft says what the version it is based on says (nothing to save). */
  const clean = (d: Draft) =>
    field === 'note'
      ? d.text === d.from.base.note
      : splitTags(d.text).join('\u0000') === (d.from.base.tags ?? []).join('\u0000');

  const flush = async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    while (saving.current) await saving.current;
    const d = draftNow.current;
    if (!d) return;
    const patch = field === 'note' ? { note: d.text } : { tags: splitTags(d.text) };
    if (clean(d)) return;
    const run = (async () => {
      const r = await onSave(patch, d.from);
      const fresh = r ? (r.ok ? r.clip : r.current) : undefined;
      if (fresh)
        setDraft((cur) => (cur ? { text: cur.text, from: { rev: fresh.rev ?? 0, base: baseOf(fresh) } } : cur));
    })();
    saving.current = run;
    try {
      await run;
    } finally {
      saving.current = null;
    }
  };

  // Unmounted (scrolled away, list changed) with typing not yet saved: save it now.
  useEffect(
    () => () => {
      if (timer.current) flush();
    },
    [],
  );

  // Once the reader has left the field and the text is saved (the list showing that version or a
  // newer one), the field shows the stored value again. Text not saved (a conflict) stays.
  useLayoutEffect(() => {
    if (
      draft &&
      !focused.current &&
      !timer.current &&
      !saving.current &&
      clean(draft) &&
      (clip.rev ?? 0) >= draft.from.rev
    )
      setDraft(null);
  }, [clip, draft]);

  const props = {
    value: draft ? draft.text : stored,
    'aria-label': `${field === 'note' ? 'Note' : 'Tags'} for clip “${clip.quote.slice(0, 40)}”`,
    placeholder: field === 'note' ? 'Add a note…' : 'Tags, separated by commas',
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      flush().then(() => setDraft((d) => (d ? { ...d } : d)));
    },
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      const text = e.currentTarget.value;
      setDraft((d) => ({ text, from: d?.from ?? { rev: clip.rev ?? 0, base: baseOf(clip) } }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        flush();
      }, SAVE_AFTER_MS);
    },
  };
  return field === 'note' ? (
    <textarea class="cv-note" rows={1} {...props} />
  ) : (
    <input class="cv-tags" type="text" {...props} />
  );
}

function ClipRow({
  row,
  groupBy,
  tabbable,
  onSave,
  onDelete,
  onOpen,
}: {
  row: CollectionRow & { clip: Clip };
  groupBy: GroupBy;
  tabbable: boolean;
  onSave(clip: Clip, patch: { note?: string; tags?: string[] }, from: Draft['from']): Promise<UpdateReply | null>;
  onDelete(clip: Clip): void;
  onOpen(clip: Clip): void;
}) {
  const { clip } = row;
  const f = clip.finding;
  const grade = f?.grade ?? clip.grades[0];
  const gradeClass = grade && isMainGrade(grade) ? `grade-${grade.replace(/ /g, '-')}` : 'grade-other';
  return (
    <li
      class={`cv-row${clip.orphaned ? ' orphaned' : ''}`}
      data-index={row.index}
      data-clip-id={clip.id}
      tabIndex={tabbable ? 0 : -1}
      aria-label={clip.quote.length > 120 ? `${clip.quote.slice(0, 117)}…` : clip.quote}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          onOpen(clip);
        } else if (e.key === 'Delete') {
          e.preventDefault();
          onDelete(clip);
        }
      }}
    >
      <div class="cv-card">
        <button type="button" class="cv-quote" onClick={() => onOpen(clip)} title="Open the article at this passage">
          {clip.quote}
        </button>
        <p class="cv-meta">
          {grade ? (
            <span class={`cv-grade ${gradeClass}`}>
              {gradeLabel(grade)}
              {f?.current === false ? ' (previous)' : ''}
              {f?.year ? ` ${f.year}` : ''}
            </span>
          ) : null}
          {f?.councils.length && groupBy !== 'council' ? <span>{f.councils.map((c) => c.name).join(', ')}</span> : null}
          {groupBy === 'council' ? <span class="cv-from">{row.title}</span> : null}
          {clip.orphaned ? <span class="tag warn">Passage not found on the page last time</span> : null}
          <time dateTime={new Date(clip.created).toISOString()}>{dateText(clip.created)}</time>
        </p>
        <AutoField clip={clip} field="note" onSave={(p, from) => onSave(clip, p, from)} />
        <div class="cv-actions">
          <AutoField clip={clip} field="tags" onSave={(p, from) => onSave(clip, p, from)} />
          <button type="button" class="cv-delete" onClick={() => onDelete(clip)} aria-label="Delete clip">
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
