// The page report (toolbar badge, side panel) is sent only when it changed. A long page is run
// again at every change to it (a live blog's ticker, a timestamp, an advert) and most re-runs find
// what the last one did: each report then was a message of up to 300 findings and 200 outcomes to
// serialise and send, and a badge, a store and a panel update in the background. Whether it
// changed is told without building it: the findings the lens gives are the same objects for the
// same findings (lib/analysis/findings.ts), so the first ones are compared by identity, and the
// rest of the report (address, title, counts, outcomes, highlighting) is small.
//
// When only the small part changed (a count, an outcome, a finding past the first ones: a paragraph
// added to a long page), the findings are not sent again (`sameFindings`): on the 1 MB article
// each report of 300 findings cost the page 4-10 ms of main-thread time at every change.
//
// The background keeps reports in memory: when it restarts (Chrome stops an idle service worker)
// it has none, and when the panel asks for a tab's report it asks the page to send it again
// (`sendReport`), which sends it whatever it sent before (`force`). A report that kept its findings
// and reaches a background without them is answered `resend`, and sent again with them.
import type { PageReport, PageReportReply, ReportedFinding } from '../messages';

/** The report without its findings, and where its findings come from (in page order). */
export interface ReportParts {
  head: Omit<PageReport, 'findings'>;
  /** The findings the report's list is made from (only the first `limit` are compared). */
  sources: readonly unknown[];
  /** Builds the report's list of findings from them. */
  findings(): ReportedFinding[];
}

/** What the last call of `send` did: sent the report whole, without its findings, or nothing. */
export type ReportSent = 'whole' | 'same-findings' | 'skipped';

export interface ReportSender {
  /** Sends the report if it differs from the last one sent (or `force`); resolves when sent or skipped. */
  send(parts: ReportParts, force?: boolean): Promise<void>;
  /** What the last `send` did (known as soon as it is called). */
  readonly last: ReportSent | null;
}

export function createReportSender(
  post: (report: PageReport) => Promise<unknown>,
  limit: number,
): ReportSender & { readonly skipped: number } {
  let last: ReportSent | null = null;
  let lastHead: string | null = null;
  /** The sources of the findings last sent (null: none sent yet, or the last send failed). */
  let lastSources: readonly unknown[] | null = null;
  let skipped = 0;
  const sameSources = (a: readonly unknown[]) => {
    if (!lastSources) return false;
    const n = Math.min(a.length, limit);
    if (n !== Math.min(lastSources.length, limit)) return false;
    for (let i = 0; i < n; i++) if (a[i] !== lastSources[i]) return false;
    return true;
  };
  const whole = (parts: ReportParts) => post({ ...parts.head, findings: parts.findings() });
  return {
    get skipped() {
      return skipped;
    },
    get last() {
      return last;
    },
    async send(parts, force = false) {
      const head = JSON.stringify(parts.head);
      const same = !force && sameSources(parts.sources);
      if (same && head === lastHead) {
        skipped++;
        last = 'skipped';
        return;
      }
      last = same ? 'same-findings' : 'whole';
      lastHead = head;
      lastSources = parts.sources.slice(0, limit);
      try {
        if (!same) await whole(parts);
        else {
          const reply = await post({ ...parts.head, sameFindings: true });
          if ((reply as PageReportReply | undefined)?.resend === true) await whole(parts);
        }
      } catch {
        // Not delivered: the next report is sent whatever it holds, findings and all.
        lastHead = null;
        lastSources = null;
      }
    },
  };
}
