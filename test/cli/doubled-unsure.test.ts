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

test('lint\'s exit code counts an unsure finding at its own level, as any other finding: 0 at information (as hard-wrap and orphan-label there), 1 once the rule is raised so that it is a warning', () => {
  const dir = scratch();
  const unsure = path.join(dir, 'unsure.txt');
  writeFileSync(unsure, '跨跨境境运运输输\n\n天天高高兴兴快快乐乐\n');
  const info = path.join(dir, 'info.txt');
  writeFileSync(info, '本报讯 节日里，孩子们在广场上放风筝，老人们在公园里\n下棋，大家都过得很开心，一直玩到了傍晚才回家吃饭\n休息。\n\n编者按\n');
  // Other rules' information-level findings alone: exit 0 too.
  const other = runCli(['lint', info]);
  assert.deepEqual(other.stdout.trim().split('\n').map((l) => l.slice(info.length).split(' ').slice(0, 3).join(' ')), [':1:5: information hard-wrap', ':5:1: information orphan-label']);
  assert.equal(other.code, 0, other.stdout);
  const levels: [string | null, string, number][] = [
    [null, 'information', 0], // the rule's default warning: unsure is one below
    ['warning', 'information', 0],
    ['information', 'hint', 0],
    ['hint', 'hint', 0],
    ['error', 'warning', 1], // to make lint fail on unsure lines, raise the rule
  ];
  for (const [level, shown, code] of levels) {
    const r = runCli(level ? ['lint', '--rule', `doubled-glyphs=${level}`, unsure] : ['lint', unsure]);
    const severities = r.stdout.trim().split('\n').map((l) => l.slice(unsure.length).split(' ').slice(0, 2).join(' '));
    assert.deepEqual(severities, [`:1:1: ${shown}`, `:3:1: ${shown}`], `${level}: ${r.stdout}`);
    assert.equal(r.code, code, `${level}: ${r.stdout}`);
  }
  // Beside a sure finding (a warning), the file fails as before.
  writeFileSync(unsure, '跨跨境境运运输输\n\nTTIIRR 跨跨境境运运输输\n');
  assert.equal(runCli(['lint', unsure]).code, 1);
});
