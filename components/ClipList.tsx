import { useState } from 'preact/hooks';
import type { Article, Clip } from '../lib/clips';
import { gradeName } from '../lib/data/grades';

export interface ClipListProps {
  clips: Clip[];
  articles: Map<string, Article>;
  onOpen(url: string): void;
  onUpdate(id: string, patch: { note?: string; tags?: string[] }): void;
}

/** The saved clips, newest first: quote, article, council and grade, note and tags. */
export function ClipList({ clips, articles, onOpen, onUpdate }: ClipListProps) {
  if (!clips.length)
    return (
      <p class="muted">No clips yet. Select text on a page and press “Clip”, or use “Save clip” on a highlight.</p>
    );
  return (
    <ol class="clips" aria-label="Saved clips">
      {clips.map((c) => (
        <ClipItem key={c.id} clip={c} article={articles.get(c.articleId)} onOpen={onOpen} onUpdate={onUpdate} />
      ))}
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
  onUpdate(id: string, patch: { note?: string; tags?: string[] }): void;
}) {
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
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
          value={note}
          aria-label={`Note for clip “${clip.quote.slice(0, 40)}”`}
          onInput={(e) => setNote(e.currentTarget.value)}
          onBlur={() => note !== clip.note && onUpdate(clip.id, { note })}
        />
      </label>
      <label class="tags">
        <input
          type="text"
          placeholder="Tags, separated by commas"
          value={tags}
          aria-label={`Tags for clip “${clip.quote.slice(0, 40)}”`}
          onInput={(e) => setTags(e.currentTarget.value)}
          onBlur={() => {
            const next = tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean);
            if (next.join(',') !== clip.tags.join(',')) onUpdate(clip.id, { tags: next });
          }}
        />
      </label>
    </li>
  );
}
