// Names, from a vitest JSON report, the tests that failed and those that passed only when tried
// again, each with the first line of its (first) error: npm test prints them above its closing
// line, where a CI log that keeps only its tail still shows them.
import path from 'node:path';

const firstLine = (text) => (text ?? '').split('\n')[0].slice(0, 240);

/** `label`: the suite's name, printed first; paths are printed relative to `root` (types: test-report.d.mts). */
export function namedResults(rep, label, root) {
  const failures = [];
  const retried = [];
  for (const file of rep.testResults) {
    const where = path.relative(root, file.name);
    for (const t of file.assertionResults) {
      const first = firstLine(t.failureMessages[0]);
      if (t.status === 'failed') failures.push(`${label}: ${where} > ${t.fullName}\n    ${first}`);
      // A test retried and then passed keeps its failed try's error in vitest's JSON report.
      else if (t.status === 'passed' && t.failureMessages.length)
        retried.push(`${label}: ${where} > ${t.fullName}\n    first try: ${first}`);
    }
    // A file that failed with no failed test: an import error, a failed beforeAll.
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'))
      failures.push(`${label}: ${where}\n    ${firstLine(file.message) || 'the file failed before its tests ran'}`);
  }
  return { failures, retried };
}
