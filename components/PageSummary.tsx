import { gradeName } from '../lib/data/grades';
import { howSure, judgementWords } from '../lib/data/wording';
import type { PageReport } from '../lib/messages';

/** What Inspection Lens understood on the current page: detection and who got which grade. */
export function PageSummary({ report }: { report: PageReport | null }) {
  if (!report)
    return <p class="muted">Inspection Lens has not looked at this page (it only reads http and https pages).</p>;
  if (!report.isInspectionArticle)
    return <p class="muted">This page is {howSure(false, report.confidence)}, so nothing is highlighted.</p>;
  return (
    <section aria-label="Inspection outcomes">
      <p>
        This page is {howSure(true, report.confidence)}: <em>{report.title}</em>
      </p>
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
                <td class={`grade grade-${gradeName(o.grade).replace(/\s+/g, '-')}`}>{gradeName(o.grade)}</td>
                <td>
                  {o.current ? 'current' : 'previous'}
                  {o.year ? ` (${o.year})` : ''}
                </td>
                <td>{judgementWords(o.area)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No grades found on this page.</p>
      )}
    </section>
  );
}
