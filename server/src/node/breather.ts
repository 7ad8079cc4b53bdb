// Long synchronous loops (the CLI's file by file work, the in-process export) let the event loop run
// now and then, so that a Ctrl-C's handler, a progress line or a message is not held until the end.

/** How long a loop works before it lets the event loop run. */
export const BREATHE_MS = 50;

/** A function to await between steps: every `ms` it lets the event loop run, else it returns at once. */
export function breather(ms = BREATHE_MS): () => Promise<void> {
  let since = Date.now();
  return async () => {
    if (Date.now() - since < ms) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = Date.now();
  };
}
