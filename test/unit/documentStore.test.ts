// The document store collects garbage before a full analysis of a big text (the message it came
// in is garbage by then); while typing, only once the versions of the text it dropped pass the
// budget (when the server is idle, or in the analysis if it never is), never on every keystroke.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/types';
import { DocumentStore } from '../../server/src/lsp/documentStore';
import { LineDocument, lineDocuments } from '../../server/src/lsp/textDocument';
import { findingKey } from '../helpers/edits';
import { SAMPLE } from '../helpers/rules';

const sample = readFileSync(SAMPLE, 'utf8');

/** The analysis of `doc` as the server gets it, in one slice (the whole analysis at once). */
const analyse = (store: DocumentStore, doc: TextDocument) => store.analysisInSlices(doc, {}, 0, () => false, Infinity);

test('a full analysis of a big text collects first; typing does not', async () => {
  let collections = 0;
  const store = new DocumentStore(() => undefined, () => collections++, 2 * sample.length);
  const small = TextDocument.create('file:///small.pagedump', 'pagedump', 1, sample);
  await analyse(store, small);
  assert.equal(collections, 0, 'below the threshold');

  let doc = TextDocument.create('file:///big.pagedump', 'pagedump', 1, [sample, sample, sample].join('\f'));
  await analyse(store, doc);
  assert.equal(collections, 1, 'open');

  const at = doc.positionAt(10);
  store.noteChange(doc.uri, { start: 10, oldEnd: 10, newEnd: 11 });
  doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: '字' }], 2);
  await analyse(store, doc);
  assert.equal(collections, 1, 'typing');

  store.noteChange(doc.uri, null);
  doc = TextDocument.update(doc, [{ text: [sample, sample, sample, sample].join('\f') }], 3);
  await analyse(store, doc);
  assert.equal(collections, 2, 'full replace');
});

/** One-char edits at offset 10, noted as the server notes them; `after(k)` runs after the k-th one's analysis. */
async function typing(store: DocumentStore, doc: TextDocument, n: number, after: (k: number) => void = () => {}): Promise<TextDocument> {
  for (let k = 1; k <= n; k++) {
    const at = doc.positionAt(10);
    store.noteChange(doc.uri, { start: 10, oldEnd: 10, newEnd: 11 }, doc.getText().length);
    doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'a' }], doc.version + 1);
    await analyse(store, doc);
    after(k);
  }
  return doc;
}

test('typing: a collection when idle once the dropped versions pass the budget, not on every keystroke', async () => {
  const at: number[] = [];
  let k = 0;
  const text = [sample, sample, sample].join('\f');
  // Opening collects nothing (below collectAbove); due once 2 copies of the text are dropped.
  const store = new DocumentStore(() => undefined, () => at.push(k), 10 * text.length, { above: 0, copies: 2, floor: 0 });
  const doc = TextDocument.create('file:///typing.pagedump', 'pagedump', 1, text);
  await analyse(store, doc);
  await typing(store, doc, 12, (i) => {
    k = i;
    // What the server does once the diagnostics are sent and nothing is queued.
    assert.equal(store.collectIfDue(), at.at(-1) === i);
  });
  assert.deepEqual(at, [3, 6, 9, 12]);
  assert.equal(store.garbageDue(), false);
});

test('typing: what the analysis of each edit leaves behind counts towards the budget (perChar)', async () => {
  const text = [sample, sample, sample].join('\f');
  const collectedAt = async (perChar: number, perCharAbove = 0) => {
    const at: number[] = [];
    let k = 0;
    // Due once 100 copies of the text are dropped; each edit drops one, and re-analyses one page.
    const store = new DocumentStore(() => undefined, () => at.push(k), 10 * text.length, { above: 0, copies: 100, floor: 0, perChar, perCharAbove });
    const doc = TextDocument.create('file:///garbage.pagedump', 'pagedump', 1, text);
    await analyse(store, doc);
    await typing(store, doc, 12, (i) => {
      k = i;
      store.collectIfDue();
    });
    return at;
  };
  assert.deepEqual(await collectedAt(0), []);
  // 30 per character of the page: ten copies' worth an edit, so due at the 10th.
  assert.deepEqual(await collectedAt(30), [10]);
  // Only for an edit that analysed perCharAbove characters or more.
  assert.deepEqual(await collectedAt(30, sample.length + 100), []); // the edited page is a character longer each edit
});

test('a full analysis of a big text collects as it goes whenever the heap has grown by `growth`', async () => {
  // 120 pages: the heap grows over most of them, whenever V8 collects the young generation (with
  // 40 pages, a loaded machine once saw it grow over only 2 of them).
  const text = Array(120).fill(sample).join('\f');
  const collections = async (growth?: number) => {
    let n = 0;
    const store = new DocumentStore(() => undefined, () => n++, text.length, { above: 0, copies: 1, floor: 0, growth });
    await analyse(store, TextDocument.create('file:///open.pagedump', 'pagedump', 1, text));
    return n;
  };
  assert.equal(await collections(undefined), 1, 'once before, as for any big text');
  // One byte: after pages whose analysis grew the heap (how many depends on when V8 collected the young generation).
  const n = await collections(1);
  assert.ok(n >= 3, String(n));
});

test('typing with no idle moment: the analysis collects once twice the budget is spent', async () => {
  const at: number[] = [];
  let k = 0;
  const text = [sample, sample, sample].join('\f');
  const store = new DocumentStore(() => undefined, () => at.push(k), 10 * text.length, { above: 0, copies: 2, floor: 0 });
  const doc = TextDocument.create('file:///busy.pagedump', 'pagedump', 1, text);
  await analyse(store, doc);
  await typing(store, doc, 12, (i) => (k = i));
  // Collected in the analysis of the 5th edit (k still 4 then: 5 copies dropped, twice 2 copies
  // of the live text due), then of the 10th.
  assert.deepEqual(at, [4, 9]);
});

test('small documents never trigger the garbage budget; a quiet collection only after a big text was dropped', async () => {
  let collections = 0;
  const store = new DocumentStore(() => undefined, () => collections++);
  await typing(store, TextDocument.create('file:///small.pagedump', 'pagedump', 1, sample), 200, () => store.collectIfDue());
  assert.equal(collections, 0);
  assert.equal(store.collectQuiet(), false);
  // Below `above`, however much is dropped.
  const below = new DocumentStore(() => undefined, () => collections++, Infinity, { above: 4 * sample.length, copies: 1, floor: 0 });
  await typing(below, TextDocument.create('file:///below.pagedump', 'pagedump', 1, [sample, sample].join('\f')), 20, () => below.collectIfDue());
  assert.equal(collections, 0);

  const big = new DocumentStore(() => undefined, () => collections++, 2 * sample.length);
  const text = [sample, sample, sample].join('\f');
  const d = TextDocument.create('file:///quiet.pagedump', 'pagedump', 1, text);
  await analyse(big, d);
  assert.equal(collections, 1, 'open');
  assert.equal(big.collectQuiet(), false, 'nothing dropped yet');
  await typing(big, d, 1);
  assert.equal(big.collectQuiet(), true);
  assert.equal(collections, 2);
  assert.equal(big.collectQuiet(), false, 'nothing dropped since');
});

/** A LineDocument (changed in place, as the server's are) of `pages` pages, each the sample after a line of its own (no two alike). */
function pagesDoc(uri: string, pages: number): LineDocument {
  return lineDocuments.create(uri, 'pagedump', 1, Array.from({ length: pages }, (_, k) => `第${k + 1}页\n${sample}`).join('\f')) as LineDocument;
}

const findingKeys = (fs: readonly Finding[]) => fs.map(findingKey);

test('in slices: an edit meanwhile restarts the analysis on the new version, from the edit, taking over the pages done', async () => {
  let collections = 0;
  // A big text (collectAbove 1): collected before its first analysis, not again when it restarts.
  const store = new DocumentStore(() => undefined, () => collections++, 1);
  const doc = pagesDoc('file:///slices.pagedump', 8);
  const at = doc.getText().length - 5; // in the last page
  let slices = 0;
  let doneBefore = -1;
  let focusAfter = -1;
  const e = await store.analysisInSlices(doc, {}, 0, () => false, 0, (inc) => {
    slices++;
    if (slices === 4) {
      // What the server does when a change arrives between two slices.
      doneBefore = inc.pending!.segments.filter(Boolean).length;
      store.noteChange(doc.uri, { start: at, oldEnd: at, newEnd: at + 1 });
      const p = doc.positionAt(at);
      doc.update([{ range: { start: p, end: p }, text: '字' }], 2);
    } else if (slices === 5) focusAfter = inc.pending!.focus;
  });
  assert.ok(e);
  assert.equal(e.version, 2);
  assert.equal(doneBefore, 3, 'three pages done before the edit');
  assert.equal(focusAfter, 7, 'the next run starts at the edited page');
  assert.equal(e.inc.analysed, 8 - 3, 'the pages done before are taken over');
  assert.equal(collections, 1, 'one collection');
  assert.deepEqual(findingKeys(e.inc.findings()), findingKeys(analyze(doc.getText()).findings));
});

test('in slices: a cancelled analysis keeps its pages for the next one; callers at once share one analysis', async () => {
  const store = new DocumentStore(() => undefined);
  const doc = pagesDoc('file:///cancel.pagedump', 6);
  let slices = 0;
  const cancelled = await store.analysisInSlices(doc, {}, 0, () => slices >= 3, 0, () => slices++);
  assert.equal(cancelled, undefined);
  const [a, b] = await Promise.all([store.analysisInSlices(doc, {}, 0, () => false, 0), store.analysisInSlices(doc, {}, 0, () => false, 0)]);
  assert.ok(a && a === b);
  assert.equal(a.version, 1);
  // The second call found it up to date; the first analysed what the cancelled one had not.
  assert.equal(a.inc.analysed, 6 - 2);
  assert.deepEqual(findingKeys(a.inc.findings()), findingKeys(analyze(doc.getText()).findings));
});

test('in slices: closing the document or new settings while it runs ends it', async () => {
  const store = new DocumentStore(() => undefined);
  const doc = pagesDoc('file:///closed.pagedump', 4);
  let slices = 0;
  const r = await store.analysisInSlices(doc, {}, 0, () => false, 0, () => {
    if (++slices === 2) store.delete(doc.uri);
  });
  assert.equal(r, undefined);
  slices = 0;
  const r2 = await store.analysisInSlices(doc, {}, 0, () => false, 0, () => {
    if (++slices === 2) store.clear();
  });
  assert.equal(r2, undefined);
});

test('in slices: a call that waits for an analysis another call started is told of its slices', async () => {
  const store = new DocumentStore(() => undefined);
  const doc = pagesDoc('file:///waiting.pagedump', 5);
  let told = 0;
  const [a, b] = await Promise.all([store.analysisInSlices(doc, {}, 0, () => false, 0), store.analysisInSlices(doc, {}, 0, () => false, 0, () => told++)]);
  assert.ok(a && a === b);
  assert.ok(told >= 5, `told of ${told} slices`);
});
