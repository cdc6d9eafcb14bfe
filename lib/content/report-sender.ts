// The page report (toolbar badge, side panel) is sent only when it changed. A long page is run
// again at every change to it (a live blog's ticker, a timestamp, an advert) and most re-runs find
// what the last one did: each report then was a message of up to 300 findings and 200 outcomes to
// serialise and send, and a badge, a store and a panel update in the background. Whether it
// changed is told without building it: the findings the lens gives are the same objects for the
// same findings (lib/analysis/findings.ts), so the first ones are compared by identity, and the
// rest of the report (address, title, counts, outcomes, highlighting) is small.
//
// The background keeps reports in memory: when it restarts (Chrome stops an idle service worker)
// it has none, and when the panel asks for a tab's report it asks the page to send it again
// (`sendReport`), which sends it whatever it sent before (`force`).
import type { PageReport, ReportedFinding } from '../messages';

/** The report without its findings, and where its findings come from (in page order). */
export interface ReportParts {
  head: Omit<PageReport, 'findings'>;
  /** The findings the report's list is made from (only the first `limit` are compared). */
  sources: readonly unknown[];
  /** Builds the report's list of findings from them. */
  findings(): ReportedFinding[];
}

export interface ReportSender {
  /** Sends the report if it differs from the last one sent (or `force`); resolves when sent or skipped. */
  send(parts: ReportParts, force?: boolean): Promise<void>;
}

export function createReportSender(
  post: (report: PageReport) => Promise<unknown>,
  limit: number,
): ReportSender & { readonly skipped: number } {
  let lastHead: string | null = null;
  let lastSources: readonly unknown[] = [];
  let skipped = 0;
  const sameSources = (a: readonly unknown[]) => {
    const n = Math.min(a.length, limit);
    if (n !== Math.min(lastSources.length, limit)) return false;
    for (let i = 0; i < n; i++) if (a[i] !== lastSources[i]) return false;
    return true;
  };
  return {
    get skipped() {
      return skipped;
    },
    async send(parts, force = false) {
      const head = JSON.stringify(parts.head);
      if (!force && head === lastHead && sameSources(parts.sources)) {
        skipped++;
        return;
      }
      lastHead = head;
      lastSources = parts.sources.slice(0, limit);
      try {
        await post({ ...parts.head, findings: parts.findings() });
      } catch {
        // Not delivered: the next report is sent whatever it holds.
        lastHead = null;
      }
    },
  };
}
