import { useState } from 'preact/hooks';
import type { Article, Clip } from '../lib/clips';
import { gradeName } from '../lib/data/grades';
import type { UnreadableClip } from '../lib/store/clip-store';

export interface ClipPatch {
  note?: string;
  tags?: string[];
}
/** What an edit was made on: the clip's version and the edited fields' values then. */
export interface EditedFrom {
  rev: number;
  base: ClipPatch;
}

export interface ClipListProps {
  clips: Clip[];
  /** Stored records that could not be read: shown as such, in their place. */
  unreadable?: UnreadableClip[];
  articles: Map<string, Article>;
  onOpen(url: string): void;
  /**
   * Saves an edit; resolves once the list holds the saved (or the newer) clip: with the newer clip
   * when another window changed the edited field meanwhile (the edit was not saved).
   */
  onUpdate(id: string, patch: ClipPatch, from: EditedFrom): Promise<UpdateOutcome> | UpdateOutcome;
}

export type UpdateOutcome = { saved: true } | { saved: false; newer?: Clip };

type Entry = { clip: Clip; created: number; id: string } | { clip: null; created: number; id: string };

/** The saved clips, newest first: quote, article, council and grade, note and tags. */
export function ClipList({ clips, unreadable = [], articles, onOpen, onUpdate }: ClipListProps) {
  if (!clips.length && !unreadable.length)
    return (
      <p class="muted">No clips yet. Select text on a page and press “Clip”, or use “Save clip” on a highlight.</p>
    );
  // The store's order: newest first, then by id (descending) on equal times.
  const entries: Entry[] = [
    ...clips.map((c) => ({ clip: c, created: c.created, id: c.id })),
    ...unreadable.map((u) => ({ clip: null, created: u.created, id: u.id })),
  ].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return (
    <ol class="clips" aria-label="Saved clips">
      {entries.map((e) =>
        e.clip ? (
          <ClipItem
            key={e.id}
            clip={e.clip}
            article={articles.get(e.clip.articleId)}
            onOpen={onOpen}
            onUpdate={onUpdate}
          />
        ) : (
          <li key={e.id} class="clip-item unreadable">
            <p class="warn">This clip could not be read.</p>
            <p class="muted">
              Its stored record is damaged or from an unknown version; the other clips are not affected. It was saved{' '}
              <time dateTime={new Date(e.created).toISOString()}>{new Date(e.created).toLocaleString()}</time>.
            </p>
          </li>
        ),
      )}
    </ol>
  );
}

function ClipItem({
  clip,
  article,
  onOpen,
  onUpdate,
}: {
  clip: Clip;
  article?: Article;
  onOpen(url: string): void;
  onUpdate: ClipListProps['onUpdate'];
}) {
  // A field shows the stored value unless the reader is editing it (a draft, with the value and
  // version it was started from), so a change made in another window shows here at once, and
  // leaving an untouched field never writes an old value back.
  const [note, setNote] = useState<{ text: string; from: EditedFrom } | null>(null);
  const [tags, setTags] = useState<{ text: string; from: EditedFrom } | null>(null);
  const rev = clip.rev ?? 0;
  const f = clip.finding;
  return (
    <li class={`clip-item${clip.orphaned ? ' orphaned' : ''}`}>
      <button type="button" class="quote" onClick={() => onOpen(clip.url)} title="Open the article at this clip">
        “{clip.quote.length > 400 ? `${clip.quote.slice(0, 397)}…` : clip.quote}”
      </button>
      <div class="meta">
        <a
          href={clip.url}
          onClick={(e) => {
            e.preventDefault();
            onOpen(clip.url);
          }}
        >
          {article?.title || clip.url}
        </a>
        {f?.councils.length ? <span class="tag">{f.councils.map((x) => x.name).join(', ')}</span> : null}
        {f?.grade ? (
          <span class="tag">
            {gradeName(f.grade)}
            {f.current === false ? ' (previous)' : ''}
            {f.year ? ` ${f.year}` : ''}
          </span>
        ) : null}
        {f?.topic ? <span class="tag">{f.topic}</span> : null}
        {clip.orphaned ? (
          <span class="tag warn" title="The passage could not be found on the page's last visit; the clip is kept.">
            not found on the page
          </span>
        ) : null}
        <time dateTime={new Date(clip.created).toISOString()}>{new Date(clip.created).toLocaleString()}</time>
      </div>
      <label class="note">
        <span class="visually-hidden">Note</span>
        <textarea
          rows={1}
          placeholder="Add a note…"
          value={note ? note.text : clip.note}
          aria-label={`Note for clip “${clip.quote.slice(0, 40)}”`}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setNote((d) => ({ text, from: d?.from ?? { rev, base: { note: clip.note } } }));
          }}
          onBlur={async () => {
            if (!note) return;
            const draft = note;
            const r = draft.text !== clip.note ? await onUpdate(clip.id, { note: draft.text }, draft.from) : null;
            // Changed in another window meanwhile: the reader's text stays in the field, now based on
            // the newer version, so leaving the field again saves it (nothing is lost on either side).
            const newer = r && !r.saved ? r.newer : undefined;
            setNote((d) =>
              d !== draft
                ? d
                : newer
                  ? { text: draft.text, from: { rev: newer.rev ?? 0, base: { note: newer.note } } }
                  : null,
            );
          }}
        />
      </label>
      <label class="tags">
        <input
          type="text"
          placeholder="Tags, separated by commas"
          value={tags ? tags.text : clip.tags.join(', ')}
          aria-label={`Tags for clip “${clip.quote.slice(0, 40)}”`}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setTags((d) => ({ text, from: d?.from ?? { rev, base: { tags: clip.tags } } }));
          }}
          onBlur={async () => {
            if (!tags) return;
            const draft = tags;
            const next = draft.text
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean);
            const r =
              next.join(',') !== clip.tags.join(',') ? await onUpdate(clip.id, { tags: next }, draft.from) : null;
            const newer = r && !r.saved ? r.newer : undefined;
            setTags((d) =>
              d !== draft
                ? d
                : newer
                  ? { text: draft.text, from: { rev: newer.rev ?? 0, base: { tags: newer.tags } } }
                  : null,
            );
          }}
        />
      </label>
    </li>
  );
}
