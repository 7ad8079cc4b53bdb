// Long synchronous loops (the CLI's file by file work, the in-process export) let the event loop run
// now and then, so that a Ctrl-C's handler, a progress line or a message is not held until the end.

/**
 * How long a loop works before it lets the event loop run: half a second, as a Ctrl-C may wait
 * that long. Every 50 ms cost the in-process export of 2,000 pages 2–3%: each turn of the event
 * loop let V8 run its collection tasks (a full collection more, and incremental marking steps).
 */
export const BREATHE_MS = 500;

/**
 * A function to call between steps: every `ms` it returns a promise to await, which lets the event
 * loop run; else undefined (no await per step: a page of an export is a fraction of a millisecond).
 */
export function breather(ms = BREATHE_MS): () => Promise<void> | undefined {
  let since = Date.now();
  return () => {
    if (Date.now() - since < ms) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = Date.now();
        resolve();
      }),
    );
  };
}
