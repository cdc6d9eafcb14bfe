import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Article, Clip } from '../lib/clips';
import { howSure, judgementWords } from '../lib/data/wording';
import type { PageReport, ReportedFinding } from '../lib/messages';
import { SHOWN_SENTENCE, SHOWN_TEXT, shownCut } from '../lib/reports';
import { GradeWord, whenOf } from './GradeWord';

export interface ThisPageViewProps {
  report: PageReport | null;
  /** The reader paused Inspection Lens on this page's site. */
  paused: boolean;
  site: string | null;
  /** The article's stored record (its saved outcomes), when one is stored. */
  record: Article | null;
  /** The clips saved from this page. */
  clips: Clip[];
  /** Scrolls the page to a finding and flashes it; resolves to an error in words, or null. */
  onShowFinding(id: string): Promise<string | null>;
  /** Saves a finding as a clip (its whole sentence); resolves to an error in words, or null. */
  onClipFinding(id: string): Promise<string | null>;
  /** Scrolls the page to a saved clip. */
  onShowClip(clip: Clip): void;
  /** The page's switches (pause, highlight), shown under the heading. */
  children?: ComponentChildren;
}

const KIND_LABEL: Record<ReportedFinding['kind'], string> = {
  grade: 'Grade',
  council: 'Council',
  improvement: 'Improvement area',
};

const short = (s: string, n = SHOWN_SENTENCE) => shownCut(s, n);

const dateOf = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "This page": the current tab's article, its outcomes, findings and saved clips, in page order. */
export function ThisPageView(props: ThisPageViewProps) {
  const { report, paused, site, record, clips, children } = props;
  const [status, setStatus] = useState('');
  const pageClips = [...clips].sort((a, b) => a.selectors[1].start - b.selectors[1].start);

  const show = async (f: ReportedFinding) => {
    const error = await props.onShowFinding(f.id);
    setStatus(error ?? '');
  };
  const clip = async (f: ReportedFinding) => {
    setStatus('Saving…');
    const error = await props.onClipFinding(f.id);
    setStatus(error ?? `Saved as a clip: “${short(f.sentence, 80)}”`);
  };

  let body: ComponentChildren;
  if (paused)
    body = (
      <p class="muted">Paused on {site}: Inspection Lens does not read, highlight or clip anything on this site.</p>
    );
  else if (!report)
    body = (
      <div class="empty">
        <p>Inspection Lens has not looked at this page (it reads only web pages: http and https).</p>
        <p class="muted">
          Open a news article about an Ofsted inspection of a council’s children’s services: its grades, councils and
          improvement areas are highlighted in the page and listed here.
        </p>
      </div>
    );
  else if (!report.isInspectionArticle)
    body = (
      <div class="empty">
        <p>This page is {howSure(false, report.confidence)}, so nothing is highlighted here.</p>
        <p class="muted">
          You can still clip from it: select text and press the <strong>Clip</strong> button beside it (or Alt+Shift+C,
          or “Save to Inspection Lens” in the right-click menu).
        </p>
      </div>
    );
  else body = <ArticleParts report={report} record={record} onShow={show} onClip={clip} />;

  return (
    <div class="this-page">
      {report?.title ? <h2 class="page-title">{report.title}</h2> : <h2 class="page-title">This page</h2>}
      {children}
      {body}
      <p aria-live="polite" class="muted view-status">
        {status}
      </p>
      {!paused && report ? (
        <section aria-labelledby="page-clips-h">
          <h3 id="page-clips-h">Clips from this page ({pageClips.length})</h3>
          {pageClips.length ? (
            <ol class="page-clips" aria-label="Clips from this page">
              {pageClips.map((c) => (
                <li key={c.id} class={c.orphaned ? 'orphaned' : ''}>
                  <button type="button" class="link-like" onClick={() => props.onShowClip(c)}>
                    <q>{short(c.quote)}</q>
                  </button>
                  {c.finding?.grade ? (
                    <span class="meta">
                      {' '}
                      <GradeWord grade={c.finding.grade} />
                      {c.finding.councils.length ? ` · ${c.finding.councils.map((x) => x.name).join(', ')}` : ''}
                    </span>
                  ) : null}
                  {c.orphaned ? <span class="meta"> · not found on the last visit</span> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">
              No clips from this page yet: select text and press <strong>Clip</strong>
              {report.isInspectionArticle ? ', or “Save as clip” on a finding above' : ''}.
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}

function ArticleParts({
  report,
  record,
  onShow,
  onClip,
}: {
  report: PageReport;
  record: Article | null;
  onShow(f: ReportedFinding): void;
  onClip(f: ReportedFinding): void;
}) {
  const findings = report.findings ?? [];
  // The report lists the first findings only (a bounded list); the counts are of every finding.
  const total = Object.entries(report.counts)
    .filter(([name]) => name !== 'il-clip')
    .reduce((n, [, k]) => n + k, 0);
  return (
    <>
      <section aria-labelledby="outcomes-h">
        <h3 id="outcomes-h">Outcomes</h3>
        <p class="muted">This page is {howSure(true, report.confidence)}.</p>
        {report.outcomes.length ? (
          <table class="outcomes">
            <thead>
              <tr>
                <th scope="col">Council</th>
                <th scope="col">Grade</th>
                <th scope="col">When</th>
                <th scope="col">Judgement</th>
              </tr>
            </thead>
            <tbody>
              {report.outcomes.map((o) => (
                <tr key={`${o.council.code}|${o.grade}|${o.current}|${o.year ?? ''}|${o.area ?? ''}`}>
                  <td>
                    {o.council.name} <span class="code">{o.council.code}</span>
                  </td>
                  <td>
                    <GradeWord grade={o.grade} />
                  </td>
                  <td>{whenOf(o)}</td>
                  {/* No area: the grade is the overall one (an empty cell read as unknown). */}
                  <td>{o.area ? judgementWords(o.area) : 'Overall'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">No grades found on this page.</p>
        )}
        {record?.recordSaved ? (
          <section class="record" aria-label="Saved inspection record">
            <p>
              Inspection record saved on {dateOf(record.recordSaved)}: {record.outcomes.length} outcome
              {record.outcomes.length === 1 ? '' : 's'}, shown in Councils.
            </p>
            <ul>
              {record.outcomes.map((o) => (
                <li key={`${o.council.code}|${o.grade}|${o.current}|${o.year ?? ''}|${o.area ?? ''}`}>
                  {o.council.name}: <GradeWord grade={o.grade} /> {whenOf(o)}
                  {o.area ? `, ${judgementWords(o.area)}` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : report.outcomes.length ? (
          <p class="muted">
            To keep these outcomes in Councils, open a grade’s card in the page (hover it, or Alt+Shift+N) and press
            “Save inspection record”.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="findings-h">
        <h3 id="findings-h">
          Findings ({total > findings.length ? `the first ${findings.length} of ${total}` : findings.length})
        </h3>
        {findings.length ? (
          <ol class="findings" aria-label="Findings on this page">
            {findings.map((f) => (
              <li key={f.id} class={`finding ${f.kind}`}>
                <div class="finding-head">
                  <span class="kind">{KIND_LABEL[f.kind]}:</span>{' '}
                  <button
                    type="button"
                    class="link-like"
                    aria-label={`Show “${short(f.text, SHOWN_TEXT)}” in the page`}
                    onClick={() => onShow(f)}
                  >
                    {f.grade ? <GradeWord grade={f.grade} /> : short(f.text, SHOWN_TEXT)}
                  </button>
                </div>
                <p class="meta">
                  {[
                    f.councils.map((c) => c.name).join(', '),
                    f.grade ? whenOf(f) : '',
                    judgementWords(f.area),
                    f.topic ? `topic: ${f.topic}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p class="sentence">{short(f.sentence)}</p>
                <button
                  type="button"
                  class="small"
                  aria-label={`Save as clip: ${f.kind === 'improvement' ? 'improvement area' : f.kind} “${short(f.text, 60)}”`}
                  onClick={() => onClip(f)}
                >
                  Save as clip
                </button>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">No grades, councils or improvement areas were found on this page.</p>
        )}
      </section>
    </>
  );
}
