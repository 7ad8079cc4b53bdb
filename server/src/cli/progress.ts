// A progress line for long batches, on a terminal's stderr: rewritten in place at most every
// 200 ms, and cleared before any other message so that none runs into it.
import { t, type Messages } from '../core/messages';
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
      out: io.out,
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

/** Before this long, or this share of the batch, a batch's pace says little (each job warms up first). */
const ETA_AFTER_MS = 5000;
const ETA_AFTER_SHARE = 0.01;

/**
 * How long the rest of a batch should take at its pace so far, in words ("about 3 min left"), or ''
 * while the pace says little yet.
 */
export function timeLeft(messages: Messages, elapsedMs: number, done: number, total: number): string {
  if (elapsedMs < ETA_AFTER_MS || done < total * ETA_AFTER_SHARE || done >= total) return '';
  const s = Math.ceil(((total - done) * elapsedMs) / done / 1000);
  const min = Math.ceil(s / 60);
  const time = s < 60 ? t(messages, 'cli.seconds', { n: s }) : min < 60 ? t(messages, 'cli.minutes', { n: min }) : t(messages, 'cli.hours', { h: Math.floor(min / 60), m: min % 60 });
  return t(messages, 'cli.timeLeft', { time });
}
