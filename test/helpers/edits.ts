// Random edits for the incremental-analysis properties: applied to a text one after another, with
// the change window the server would merge from them; and how their findings are compared.
import { IncrementalDocument, mergeWindow, type ChangeWindow } from '../../server/src/core/incremental';

/** A finding as two analyses of the same text must agree on it: rule, place and message. */
export const findingKey = (f: { rule: string; start: number; end: number; message: string }) => `${f.rule}@${f.start}-${f.end}:${f.message}`;

/** A diagnostic of `doc` keyed as its finding is (findingKey): code, offsets in `doc`, message. */
export const diagnosticKey = (doc: { offsetAt(p: Position): number }, d: { code?: unknown; range: { start: Position; end: Position }; message: string }) =>
  findingKey({ rule: String(d.code), start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end), message: d.message });

interface Position {
  line: number;
  character: number;
}

export interface RandomEdit {
  /** Where (taken modulo the text's length + 1). */
  at: number;
  /** How many characters it deletes there (as many as there are). */
  del: number;
  ins: string;
}

/** `text` with the edits applied in order, and the window of all of them. */
export function applyEdits(text: string, edits: readonly RandomEdit[]): { text: string; window: ChangeWindow | undefined } {
  let window: ChangeWindow | undefined;
  for (const e of edits) {
    const at = e.at % (text.length + 1);
    const end = Math.min(text.length, at + e.del);
    text = text.slice(0, at) + e.ins + text.slice(end);
    window = mergeWindow(window, { start: at, oldEnd: end, newEnd: at + e.ins.length });
  }
  return { text, window };
}

/**
 * An incremental analysis of `base`, brought up to date after each batch of edits (with the batch's
 * window, unless `windowed` is false); `after` sees it after each. Returns it and the final text.
 */
export function editBatches(
  base: string,
  batches: readonly (readonly RandomEdit[])[],
  windowed = true,
  after: (inc: IncrementalDocument, text: string) => void = () => {},
): { inc: IncrementalDocument; text: string } {
  let text = base;
  const inc = new IncrementalDocument({});
  inc.update(text);
  for (const batch of batches) {
    const edited = applyEdits(text, batch);
    text = edited.text;
    inc.update(text, undefined, windowed ? edited.window : undefined);
    after(inc, text);
  }
  return { inc, text };
}
