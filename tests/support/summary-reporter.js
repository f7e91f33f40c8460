/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after jest's own summary, so
 * that tools reading the end of the log (CI) count the tests without parsing jest's format.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`,
    );
  }
}

module.exports = SummaryReporter;
