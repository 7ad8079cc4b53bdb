// The document store collects garbage before a full analysis of a big text (the message it came
// in is garbage by then), and never on an incremental one (typing).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../server/src/lsp/documentStore';
import { SAMPLE } from '../helpers/rules';

const sample = readFileSync(SAMPLE, 'utf8');

test('a full analysis of a big text collects first; typing does not', () => {
  let collections = 0;
  const store = new DocumentStore(() => undefined, () => collections++, 2 * sample.length);
  const small = TextDocument.create('file:///small.pagedump', 'pagedump', 1, sample);
  store.analysis(small, {}, 0);
  assert.equal(collections, 0, 'below the threshold');

  let doc = TextDocument.create('file:///big.pagedump', 'pagedump', 1, [sample, sample, sample].join('\f'));
  store.analysis(doc, {}, 0);
  assert.equal(collections, 1, 'open');

  const at = doc.positionAt(10);
  store.noteChange(doc.uri, { start: 10, oldEnd: 10, newEnd: 11 });
  doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: '字' }], 2);
  store.analysis(doc, {}, 0);
  assert.equal(collections, 1, 'typing');

  store.noteChange(doc.uri, null);
  doc = TextDocument.update(doc, [{ text: [sample, sample, sample, sample].join('\f') }], 3);
  store.analysis(doc, {}, 0);
  assert.equal(collections, 2, 'full replace');
});
