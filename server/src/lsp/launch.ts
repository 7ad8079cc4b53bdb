// Node flags the language server is started with, by the extension and by the tests and the
// benchmark alike (so what they measure is what users run).
//   --expose-gc: after a big text arrives in one message (open, full replace), the server collects
//   the message's garbage before analysing it (see DocumentStore); otherwise that garbage (about
//   three times the text) is still on the heap when the analysis peaks.
export const SERVER_EXEC_ARGV: readonly string[] = ['--expose-gc'];
