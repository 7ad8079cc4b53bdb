// A progress line for long batches, on a terminal's stderr: rewritten in place at most every
// 200 ms, and cleared before any other message so that none runs into it.
import type { Io } from '../node/io';

export interface Progress {
  /** The io to use while the line may show: its `err` clears the line first. */
  io: Io;
  tick(done: number, total: number): void;
  clear(): void;
}

const CLEAR = '\r\x1b[K';

export function progressLine(io: Io, text: (done: number, total: number) => string, now: () => number = Date.now): Progress {
  let shown = false;
  let last = -Infinity;
  const clear = () => {
    if (!shown) return;
    io.err(CLEAR);
    shown = false;
  };
  return {
    io: {
      ...io,
      err: (s) => {
        clear();
        io.err(s);
      },
    },
    tick(done, total) {
      const t = now();
      if (t - last < 200) return;
      last = t;
      io.err(`${CLEAR}${text(done, total)}`);
      shown = true;
    },
    clear,
  };
}
