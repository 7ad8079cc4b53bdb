// The heap in use after a full collection, for tests that check what an analysis keeps. The
// tests run without --expose-gc: the flag is set at run time and `gc` taken from a new context.
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function heapAfterGc(): number {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  return process.memoryUsage().heapUsed;
}
