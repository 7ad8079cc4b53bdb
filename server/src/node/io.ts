// Where a command's output and messages go: the process's stdout and stderr for the CLI, a test's
// buffers, or the language server's log.

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Resolves once what `out` was given has gone to its reader, when it has not (a pipe read more
   * slowly than written). A command printing file after file waits on it, so that a batch's output
   * does not pile up in memory (undefined: nothing to wait for).
   */
  drained?: () => Promise<void> | undefined;
}
