// The outline's cache of page symbols (lsp/structure.ts) keeps pages of older versions until it is
// full: what it keeps must not hold their texts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { IncrementalDocument } from '../../server/src/core/incremental';
import { en } from '../../server/src/core/messages';
import { pageSymbols } from '../../server/src/lsp/structure';
import { SAMPLES_DIR } from '../helpers/rules';
import { heapAfterGc } from '../helpers/heap';

const english = readFileSync(path.join(SAMPLES_DIR, 'en/nytribune-1903-05-01-p1.txt'), 'utf8');

test("the outline's cached symbols keep neither their pages' texts nor older results", async () => {
  const pages = 60;
  let text = Array.from({ length: pages }, () => english).join('\f');
  const inc = new IncrementalDocument({});
  inc.update(text);
  const ask = () => {
    let symbols = 0;
    for (const s of inc.segments) symbols += pageSymbols(s, en)?.count ?? 0;
    return symbols;
  };
  const symbols = ask();
  assert.ok(symbols > pages * 20, `${symbols} symbols`);
  const before = heapAfterGc();
  const old = inc.segments.map((s) => new WeakRef(s.result));
  // A keystroke on every page: every page analysed again, its outline made again; the cache keeps
  // the old pages' symbols too (it holds 1,024 pages).
  text = text.split('\f').map((p) => `字${p}`).join('\f');
  inc.update(text);
  ask();
  // A WeakRef keeps its target until the job that made it ends, hence a turn before collecting.
  await new Promise((resolve) => setImmediate(resolve));
  const grown = heapAfterGc() - before;
  // The results of the pages before the keystroke (their analyses, findings and views) are gone.
  assert.equal(old.filter((r) => r.deref() !== undefined).length, 0, 'older results kept');
  // A page's text is ~30,000 units (60 KB as the two-byte copy a keystroke of 字 makes): kept by
  // their symbols' names, the 120 pages cached made the heap grow 9 MB (2.3 MB without them).
  assert.ok(grown < 2 * text.length, `heap grew ${(grown / 1e6).toFixed(1)} MB`);
});
