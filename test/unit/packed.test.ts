// Packed findings unpack to exactly what was packed: the language server keeps every page's
// findings packed and sends the unpacked ones as diagnostics with their fixes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { packFindings, unpackFindings } from '../../server/src/core/packed';
import type { Finding } from '../../server/src/core/types';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';

const samples = [SAMPLE, ...readdirSync(path.join(SAMPLES_DIR, 'en')).map((f) => path.join(SAMPLES_DIR, 'en', f))];

test('the findings of every sample page unpack to what was packed', () => {
  for (const file of samples) {
    const { findings } = analyze(readFileSync(file, 'utf8'));
    assert.ok(findings.some((f) => f.fix && f.fix.edits.length > 1 && f.related && f.related.length > 0), `${file}: a finding with edits and related spans`);
    const packed = packFindings(findings);
    assert.ok(packed.values instanceof Uint16Array, `${file}: a page's offsets fit in 16 bits`);
    // As plain data (what JSON and the LSP carry): the core keeps some fixes as rows behind getters.
    assert.deepEqual(unpackFindings(packed), JSON.parse(JSON.stringify(findings)), file);
  }
});

test('offsets past 65,535, empty lists and absent ones survive packing', () => {
  const findings: Finding[] = [
    { rule: 'spaced-glyphs', severity: 'warning', start: 70_000, end: 70_003, message: 'm', fix: { title: 'Fix', edits: [{ start: 70_001, end: 70_002, newText: '' }] } },
    { rule: 'hard-wrap', severity: 'hint', start: 1, end: 2, message: 'a message longer than thirteen', fix: { title: 'Join', edits: [] }, related: [] },
    { rule: 'encoding', severity: 'error', start: 0, end: 0, message: '' },
  ];
  const packed = packFindings(findings);
  assert.ok(packed.values instanceof Uint32Array);
  assert.deepEqual(unpackFindings(packed), findings);
  assert.deepEqual(unpackFindings(packFindings([])), []);
});
