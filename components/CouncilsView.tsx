import { judgementWords } from '../lib/data/wording';
import type { CouncilPoint, CouncilRow } from '../lib/messages';
import { GradeWord, whenOf } from './GradeWord';

export interface CouncilsViewProps {
  /** null while the first read is under way. */
  rows: CouncilRow[] | null;
  /** Opens (or switches to) an article. */
  onOpen(url: string): void;
}

const reportsUrl = (urn: string) => `https://reports.ofsted.gov.uk/provider/44/${urn}`;

/** The year a point shows: its own, else "year unknown". */
const yearOf = (p: CouncilPoint) => (p.year ? String(p.year) : 'year unknown');

/**
 * "Councils": one row per council the reader has clips or saved outcomes for, with its grade
 * history as a small timeline, oldest first (each point opens the article it comes from), and a
 * link to the council's Ofsted reports where its URN is known.
 */
export function CouncilsView({ rows, onOpen }: CouncilsViewProps) {
  if (rows === null) return <p class="muted">Reading your councils…</p>;
  if (!rows.length)
    return (
      <div class="empty">
        <p>No councils yet.</p>
        <p class="muted">
          A council appears here once you save a clip about it, or save the inspection record of an article that grades
          it: open an inspection article, hover a highlighted grade and press “Save inspection record” or “Save clip”.
          Its grades from every article you saved then form a timeline here.
        </p>
      </div>
    );
  return (
    <ul class="councils" aria-label="Your councils and their grades">
      {rows.map((r) => (
        <li key={r.code} class="council">
          <h3 id={`council-${r.code}`}>{r.name}</h3>
          <p class="meta">
            {r.clips} clip{r.clips === 1 ? '' : 's'}
            {r.urn ? (
              <>
                {' · '}
                <a href={reportsUrl(r.urn)} target="_blank" rel="noopener noreferrer">
                  Ofsted reports for {r.name}
                </a>
              </>
            ) : null}
          </p>
          {r.points.length ? (
            <ol class="timeline" aria-label={`Grade history of ${r.name}, oldest first`}>
              {r.points.map((p) => (
                <li key={`${p.articleId}|${p.grade}|${p.current}|${p.year ?? ''}|${p.area ?? ''}`} class="point">
                  <span class="stack">
                    <a
                      href={p.url}
                      title={p.title || p.url}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(p.url);
                      }}
                    >
                      <span class="year">{yearOf(p)}</span> <GradeWord grade={p.grade} />{' '}
                      <span class="when">{whenOf({ current: p.current })}</span>
                      {p.area ? <span class="area"> · {judgementWords(p.area)}</span> : null}
                      <span class="source"> · {p.title || new URL(p.url).hostname}</span>
                    </a>
                    {p.alsoIn?.length ? (
                      <span class="also">
                        {'also in '}
                        {p.alsoIn.map((o, i) => (
                          <span key={o.articleId}>
                            {i ? ', ' : ''}
                            <a
                              href={o.url}
                              title={o.title || o.url}
                              onClick={(e) => {
                                e.preventDefault();
                                onOpen(o.url);
                              }}
                            >
                              {o.title || new URL(o.url).hostname}
                            </a>
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">No grades for {r.name} in the articles you saved from yet.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
