// Where a command's output and messages go: the process's stdout and stderr for the CLI, a test's
// buffers, or the language server's log.

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
