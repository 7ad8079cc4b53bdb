// A command with no active editor on a page dump too large for extensions says so (and points to
// the CLI) instead of "Open a file first" (see client/src/noEditor.ts). The tabs themselves are
// VS Code's: this tests the decision on them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { whyNoEditor } from '../../client/src/noEditor';

const isDump = (f: string) => f.endsWith('.pagedump');
const sizes: Record<string, number | undefined> = { 'big.pagedump': 60_000_000, 'small.pagedump': undefined, 'big.log': 70_000_000 };
const unitsOver = (f: string) => Promise.resolve(sizes[f]);

test('no editor: a page dump over the limit in the active tab is too large, not unopened', async () => {
  assert.deepEqual(await whyNoEditor('big.pagedump', isDump, unitsOver), { kind: 'tooLarge', units: 60_000_000 });
});

test('no editor: no text tab, another file, a small page dump, an unreadable one', async () => {
  assert.deepEqual(await whyNoEditor(undefined, isDump, unitsOver), { kind: 'noEditor' });
  assert.deepEqual(await whyNoEditor('big.log', isDump, unitsOver), { kind: 'noEditor' });
  assert.deepEqual(await whyNoEditor('big.log', () => true, unitsOver), { kind: 'tooLarge', units: 70_000_000 });
  assert.deepEqual(await whyNoEditor('small.pagedump', isDump, unitsOver), { kind: 'noEditor' });
  assert.deepEqual(await whyNoEditor('gone.pagedump', isDump, () => Promise.reject(new Error('ENOENT'))), { kind: 'noEditor' });
});
