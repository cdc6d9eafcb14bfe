/** The part of a vitest JSON report that npm test reads. */
export interface VitestJsonReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
  }[];
}
/** The tests that failed, and those that passed only when tried again, one line each with its error. */
export function namedResults(
  rep: VitestJsonReport,
  label: string,
  root: string,
): { failures: string[]; retried: string[] };
