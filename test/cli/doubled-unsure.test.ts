// The CLI as a process on unsure doubled-glyphs runs (a whole line of Han pairs, which real
// reduplicated words can be too): `lint` lists them, `fix` leaves them.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'newsprint-unsure-'));
const PAGE = '跨跨境境运运输输\n\n本报讯 今年以来，全市跨境电商进出口规模持续扩大。\n\n天天高高兴兴快快乐乐\n\nTTIIRR 跨跨境境运运输输\n';

test('lint lists unsure doubled-glyphs runs at information level (no warning: exit 0 when they are all there is)', () => {
  const dir = scratch();
  const f = path.join(dir, 'p.txt');
  writeFileSync(f, '跨跨境境运运输输\n\n天天高高兴兴快快乐乐\n');
  const r = runCli(['lint', f]);
  assert.equal(r.code, 0, r.stdout);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(
    lines.map((l) => l.slice(f.length)),
    [
      ':1:1: information doubled-glyphs Looks like fake bold (every glyph printed twice): "跨跨境境运运输输" would read "跨境运输". Reduplicated words such as 高高兴兴 are real, so check before fixing (Fix All leaves it).',
      ':3:1: information doubled-glyphs Looks like fake bold (every glyph printed twice): "天天高高兴兴快快乐乐" would read "天高兴快乐". Reduplicated words such as 高高兴兴 are real, so check before fixing (Fix All leaves it).',
    ],
  );
  const zh = runCli(['lint', '--locale', 'zh-cn', f]);
  assert.match(zh.stdout, /p\.txt:1:1: information doubled-glyphs .*高高兴兴.*核对/);
});

test('fix leaves unsure runs and undoubles the sure fake bold; with --rule doubled-glyphs=error too', () => {
  const dir = scratch();
  const f = path.join(dir, 'p.txt');
  writeFileSync(f, PAGE);
  const want = PAGE.replace('TTIIRR 跨跨境境运运输输', 'TIR 跨境运输');
  const r = runCli(['fix', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, want);
  assert.equal(runCli(['fix', '--rule', 'doubled-glyphs=error', f]).stdout, want);
  const w = runCli(['fix', '--write', f]);
  assert.equal(w.code, 0, w.stderr);
  assert.equal(readFileSync(f, 'utf8'), want);
  // What is left is no problem fix can fix: a second run has nothing to do.
  assert.match(runCli(['fix', '--write', f]).stderr, /nothing to fix/);
  const lint = runCli(['lint', f]).stdout;
  assert.equal(lint.split('\n').filter((l) => / doubled-glyphs /.test(l)).length, 2, lint);
});
