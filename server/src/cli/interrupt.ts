// Ctrl-C (SIGINT) or SIGTERM during an export: the first stops the batch cleanly, as the editor's
// Cancel does (no file is started after it, the files in progress are finished, temps removed, a
// summary said); a second ends the process at once (the next export removes the temps it leaves).
import * as os from 'node:os';
import type { Cancel } from '../node/batchExport';

export interface Interrupt {
  cancel: Cancel;
  /** The exit code a process stopped by the signal has (128 + its number: 130 for Ctrl-C). */
  readonly exitCode: number;
  dispose(): void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Listens for the signals until disposed; `said` tells the user the batch is stopping. */
export function onInterrupt(said: () => void): Interrupt {
  const listeners: (() => void)[] = [];
  let signal: NodeJS.Signals | undefined;
  const code = (s: NodeJS.Signals) => 128 + os.constants.signals[s];
  const handler = (s: NodeJS.Signals) => {
    if (signal) process.exit(code(s));
    signal = s;
    said();
    for (const l of listeners) l();
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    cancel: {
      get requested() {
        return signal !== undefined;
      },
      onRequested: (l) => listeners.push(l),
    },
    get exitCode() {
      return signal ? code(signal) : 0;
    },
    dispose() {
      for (const s of SIGNALS) process.off(s, handler);
    },
  };
}
