// Long request handlers (the outline of a big dump, Fix All) pause now and then, so that the
// server goes on taking changes and requests, and stop when the request is cancelled or the
// document changes under them.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** A long request lets other messages in this often (ms). */
const YIELD_MS = 8;

/**
 * A pause for a long handler: lets other messages in every YIELD_MS (a keystroke's diagnostics need
 * not wait for it), and stops a request the editor cancelled (VS Code cancels on a text change) or
 * whose document changed (`current` false).
 */
export function yielder(token: CancellationToken, current: () => boolean): () => Promise<void> {
  let next = 0; // the first pause yields: a cancellation sent with the request is seen at once
  return async () => {
    if (performance.now() < next) return;
    await nextTurn();
    next = performance.now() + YIELD_MS;
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!current()) throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');
  };
}
