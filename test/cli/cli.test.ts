// The CLI as a process: lint output format and exit codes, fix to stdout and in place, and clear
// errors for bad input.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, closeSync, existsSync, lstatSync, openSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';
import { applyEdits } from '../../server/src/core/fix';
import { fixAllEdits, IncrementalDocument } from '../../server/src/core/incremental';
import { main } from '../../server/src/cli/cli';
import { CLI, CLI_ENV, runCli } from '../helpers/cli';

const sample = SAMPLE;
const scratch = () => mkdtempSync(path.join(tmpdir(), 'newsprint-cli-'));

test('lint prints FILE:LINE:COL: SEVERITY RULE MESSAGE and exits 1 on warnings', () => {
  const r = runCli(['lint', sample]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines.find((l) => / spaced-glyphs /.test(l))!, /^.*zh-daily-p1\.txt:3:1: warning spaced-glyphs .+$/);
  assert.equal(lines.filter((l) => / spaced-glyphs /.test(l)).length, 16);
  assert.deepEqual(lines.filter((l) => / doubled-glyphs /.test(l)).map((l) => l.split(':')[1]), ['81']);
  assert.ok(lines.some((l) => /:92:\d+: hint mixed-script-spacing /.test(l)));
});

test('lint exits 0 when only hints remain, and --rule changes severities', () => {
  const dir = scratch();
  const f = path.join(dir, 'p.txt');
  writeFileSync(f, '本报讯  8 月 26 日，十八\n');
  assert.equal(runCli(['lint', f]).code, 0);
  const r = runCli(['lint', '--rule', 'mixed-script-spacing=error', f]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /p\.txt:1:6: error mixed-script-spacing/);
  assert.equal(runCli(['lint', '--rule', 'mixed-script-spacing=off', f]).stdout, '');
});

test('lint reports a missing file, a directory and a binary file, and goes on with the rest', () => {
  const dir = scratch();
  const bin = path.join(dir, 'x.bin');
  writeFileSync(bin, Buffer.from([0, 1, 2, 0, 0, 0, 3, 0]));
  const gz = path.join(dir, 'p1.page.txt'); // a compressed page under a page's name
  writeFileSync(gz, gzipSync(readFileSync(sample)));
  const r = runCli(['lint', path.join(dir, 'missing.txt'), dir, bin, gz, sample]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing\.txt: no such file/);
  assert.match(r.stderr, /x\.bin: looks like binary data/);
  assert.match(r.stderr, /p1\.page\.txt: is a gzip file, not a text dump; skipped\./);
  assert.match(r.stdout, /zh-daily-p1\.txt:81:1: warning doubled-glyphs/);
});

test('standard output that cannot be written (a full disk) is said, with exit 2', () => {
  const full = openSync('/dev/full', 'w');
  try {
    for (const args of [['lint', sample], ['export', sample], ['export', SAMPLES_DIR, '--include', '*.txt', '--jsonl', '-']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', full, 'pipe'], env: CLI_ENV, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, 'newsprint: cannot write to standard output: no space left on the disk (ENOSPC).\n');
    }
  } finally {
    closeSync(full);
  }
});

test('bad usage gets a clear message and exit 2', () => {
  assert.equal(runCli([]).code, 2);
  const r = runCli(['frobnicate', sample]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Unknown command "frobnicate"/);
  assert.match(runCli(['lint', '--rule', 'nope=warning', sample]).stderr, /Bad --rule/);
  assert.match(runCli(['lint']).stderr, /No input files/);
  // Said in the run's language, before any work, each in one line.
  const usage: [string[], RegExp][] = [
    [['lint', '--rule', 'hard-wrap=off=x', sample], /^newsprint: Bad --rule "hard-wrap=off=x"/],
    [['rewrite', sample, '--out', 'fixed'], /^newsprint: Option --out does not apply to "rewrite"\./],
    [['lint', sample, '--update'], /^newsprint: Option --update does not apply to "lint"\./],
    [['lint', sample, '--write'], /^newsprint: Option --write does not apply to "lint"\./],
    [['lint', '--bogus', sample], /^newsprint: Unknown option "--bogus"\./],
    [['export', sample, '--out'], /^newsprint: Option "--out" needs a value\.\n$/],
    [['export', sample, '--jobs', '-1'], /^newsprint: Option "--jobs" is followed by something that starts with "-"/],
    [['export', 'no-such-folder', '--out', 'o', '--jobs', '0'], /^newsprint: Bad --jobs "0"/],
    [['lint', '--bogus', sample, '--locale', 'zh-cn'], /^newsprint: 未知选项“--bogus”/],
    [['export', sample, '--out', '--locale=zh-cn'], /^newsprint: 选项“--out”后面的参数以“-”开头/],
  ];
  for (const [args, said] of usage) {
    const u = runCli(args);
    assert.equal(u.code, 2, args.join(' '));
    assert.match(u.stderr, said, args.join(' '));
    assert.equal(u.stderr.split('\n').length, 2, `one line: ${u.stderr}`);
  }
});

test('--help lists the exit codes, in both languages; information findings alone exit 0', () => {
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Exit codes:\n {2}0 +done; lint found no warning or error \(hints and information only\)\n {2}1 .*\n {2}2 .*\n(?: .*\n)* {2}3 +internal error/);
  assert.match(runCli(['--help', '--locale', 'zh-cn']).stdout, /退出码：\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 +内部错误/);
  const dir = scratch();
  const f = path.join(dir, 'p.txt');
  writeFileSync(f, '本报讯  8 月 26 日，十八\n');
  const info = runCli(['lint', '--rule', 'mixed-script-spacing=information', f]);
  assert.match(info.stdout, /: information mixed-script-spacing /);
  assert.equal(info.code, 0);
});

test('--help explains every option, and where the locale comes from; no arguments is an error, its usage on stderr', () => {
  const help = runCli(['--help']).stdout;
  for (const option of ['--write', '--out DIR', '--jsonl FILE', '--force', '--update', '--prune']) assert.match(help, new RegExp(`\\n {2}${option} +\\S`), option);
  assert.match(help, /\n {2}--jobs N +worker threads, 1 to 64 \(default: one per 16 MB of input, at least one,\n +at most the number of cores\)/);
  assert.match(help, /from LC_ALL, LC_MESSAGES or\n +LANG/);
  const zh = runCli(['--help', '--locale', 'zh-cn']).stdout;
  for (const option of ['--write', '--out', '--jsonl', '--force', '--update', '--prune', '--jobs N']) assert.match(zh, new RegExp(`\\n {2}${option}[^\\n]* +\\S`), option);
  assert.match(zh, /LC_ALL、LC_MESSAGES 或 LANG/);
  const none = runCli([]);
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^Usage: newsprint <command>/);
});

test('an unknown --locale is said (exit 2), not read as English', () => {
  for (const args of [['lint', '--locale', 'fr', sample], ['--locale=zh-tw', 'lint', sample], ['--locale', '', 'lint', sample]]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^newsprint: Unknown --locale "[^"]*": the messages are in en \(English\) and zh-cn \(Simplified Chinese\)\.\n$/);
  }
  for (const locale of ['en', 'en-GB', 'zh-CN', 'zh-Hans', 'zh_SG.UTF-8']) assert.equal(runCli(['lint', '--locale', locale, sample]).code, 1, locale);
  assert.match(runCli(['lint', '--locale', 'fr', sample], { env: { LANG: 'zh_CN.UTF-8' } }).stderr, /^newsprint: 未知的 --locale“fr”/);
});

test('system errors are said in words, their code after them for support, in both languages', () => {
  const dir = scratch();
  writeFileSync(path.join(dir, 'afile'), 'a file');
  const said = (args: string[]) => {
    const r = runCli(args, { cwd: dir });
    assert.equal(r.code, 2, args.join(' '));
    return r.stderr;
  };
  assert.equal(said(['export', sample, sample, '--jsonl', '/nonexistent/x.jsonl']), 'newsprint: /nonexistent/x.jsonl: cannot be written: no such file or folder (ENOENT).\n');
  assert.equal(said(['export', sample, sample, '--jsonl', '/nonexistent/x.jsonl', '--locale', 'zh-cn']), 'newsprint: /nonexistent/x.jsonl：无法写入：文件或文件夹不存在（ENOENT）。\n');
  assert.equal(said(['lint', '--files-from', 'nolist']), 'newsprint: Cannot read the list of files nolist: no such file or folder (ENOENT).\n');
  assert.equal(said(['lint', '--files-from', 'nolist', '--locale', 'zh-cn']), 'newsprint: 无法读取文件列表 nolist：文件或文件夹不存在（ENOENT）。\n');
  assert.equal(said(['export', sample, '--out', 'afile']), 'newsprint: afile: is a file, not a folder; the export writes its files into a folder.\n');
  assert.equal(said(['export', sample, '--out', 'afile/sub', '--locale', 'zh-cn']), 'newsprint: afile/sub：无法创建此文件夹：路径中有一部分是文件而不是文件夹（ENOTDIR）。\n');
});

test('export --out where mkdir says ENOENT under a folder that exists (/proc/x) fails at once, not loops for ever', { skip: existsSync('/proc/self') ? false : 'no /proc' }, () => {
  for (const out of ['/proc/x', '/proc/x/y/z']) {
    const r = spawnSync(process.execPath, [CLI, 'export', sample, '--out', out], { env: CLI_ENV, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
    assert.equal(r.signal, null, `${out}: it hung and was killed`);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `newsprint: ${out}: the folder cannot be made: no such file or folder (ENOENT).\n`);
  }
});

test('options may come before the command', () => {
  const dir = scratch();
  const f = path.join(dir, 'p.txt');
  writeFileSync(f, '本报讯  8 月 26 日，十八\n');
  const zh = runCli(['--locale', 'zh-cn', 'lint', sample]);
  assert.equal(zh.code, 1, zh.stderr);
  assert.match(zh.stdout, /字间距异常/);
  const rule = runCli(['--rule', 'mixed-script-spacing=error', 'lint', f]);
  assert.equal(rule.code, 1, rule.stderr);
  assert.match(rule.stdout, /p\.txt:1:6: error mixed-script-spacing/);
  const out = path.join(dir, 'out');
  const exported = runCli(['--jobs', '1', 'export', '--out', out, f]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.ok(statSync(path.join(out, 'p.articles.json')).isFile());
  assert.match(runCli(['--locale=zh-cn', 'frobnicate']).stderr, /^newsprint: 未知命令“frobnicate”/);
  for (const args of [['--help'], ['-h'], ['--locale', 'zh-cn', '--help'], ['help']]) assert.equal(runCli(args).code, 0, args.join(' '));
  assert.match(runCli(['-v']).stdout, /^\d+\.\d+\.\d+/);
});

test('lint names a finding\'s first related location after its message (where a misplaced headline\'s article starts), in the chosen language', () => {
  const dir = scratch();
  const f = path.join(dir, 'after.txt');
  writeFileSync(f, '\uFEFF本报讯 3月4日，市图书馆举办“书香青川”全\n民阅读推广活动，吸引市民300余人参加。\n\n市图书馆开展全民阅读推广活动\n');
  const line = (r: { stdout: string }) => r.stdout.split('\n').find((l) => / misplaced-headline /.test(l));
  assert.match(line(runCli(['lint', f]))!, /after\.txt:4:1: information misplaced-headline .+ \(1:1: The article starts here\)$/);
  assert.match(line(runCli(['lint', '--locale', 'zh-cn', f]))!, /after\.txt:4:1: information misplaced-headline .+（1:1：稿件从这里开始）$/);
  // More than one: the first, and how many more (three U+FFFD: the finding at the first, two related).
  const g = path.join(dir, 'lost.txt');
  writeFileSync(g, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait, na'), Buffer.from([0xef]), Buffer.from('ve, cr'), Buffer.from([0xe8]), Buffer.from('me.\n')]));
  assert.match(runCli(['lint', g]).stdout, /lost\.txt:1:4: \w+ encoding .+ \(1:17: Another replacement character \(U\+FFFD\); 1 more\)\n/);
});

test('lint: on line 1 of a file with a byte-order mark, columns count from after it, as editors show them', () => {
  const dir = scratch();
  const f = path.join(dir, 'bom.txt');
  writeFileSync(f, '\uFEFF本报讯  8 月 26 日，十八\n本报讯  8 月 26 日，十八\n');
  const r = runCli(['lint', f]);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split(':').slice(1, 3).join(':')), ['1:6', '2:6']);
});

test('fix prints the fixed text; --write rewrites atomically and leaves no temp file', () => {
  const r = runCli(['fix', sample]);
  assert.equal(r.code, 0);
  assert.ok(r.stdout.includes('心的、关注您所关注的，努力把'));
  const dir = scratch();
  const f = path.join(dir, 'page.txt');
  writeFileSync(f, readFileSync(sample));
  const w = runCli(['fix', '--write', f]);
  assert.equal(w.code, 0, w.stderr);
  assert.equal(readFileSync(f, 'utf8'), r.stdout);
  assert.deepEqual(readdirSync(dir), ['page.txt']);
  const again = runCli(['fix', '--write', f]);
  assert.match(again.stderr, /nothing to fix/);
});

test('fix changes only what lint flagged as a problem: no glyph of a real word, no hint', () => {
  const dir = scratch();
  const split = '他们一起唱歌跳舞，日子过得十分美好，大家都\n说祝愿所有的朋友们在新的一年里都能 快快乐乐\n平平安安 这就是我们最大的心愿，也是大家共同\n的期盼和梦想，我们一定会努力实现这个目标。\n';
  const cases: [string, string][] = [
    ['教 爷爷奶奶 QQ\n', '教 爷爷奶奶 QQ\n'], // a hint only
    ['高 高 兴 兴 快 快 乐 乐\n', '高高兴兴快快乐乐\n'], // spaced-glyphs only
    [split, split.replace(/\n(?!$)/g, '')], // hard-wrap only
    ['北京 12 上海 15 广州 18\n', '北京 12 上海 15 广州 18\n'],
    ['Copyright MMXXII by the Tribune.\n', 'Copyright MMXXII by the Tribune.\n'], // a Roman numeral
    ['Set the colour to FFFFFF now.\n', 'Set the colour to FFFFFF now.\n'], // a hex colour
    ['他笑着说 哈哈嘻嘻嘿嘿 好的\n', '他笑着说 哈哈嘻嘻嘿嘿 好的\n'], // AABBCC onomatopoeia
    ['叮叮当当咚咚\n', '叮叮当当咚咚\n'],
    ['TTIIRR 跨跨境境运运输输\n', 'TIR 跨境运输\n'], // a fake-bold heading
  ];
  const files = cases.map(([text], k) => {
    const f = path.join(dir, `p${k}.txt`);
    writeFileSync(f, text);
    return f;
  });
  const r = runCli(['fix', '--write', ...files]);
  assert.equal(r.code, 0, r.stderr);
  for (const [k, [text, want]] of cases.entries()) assert.equal(readFileSync(files[k], 'utf8'), want, text);
  // A hint raised to a warning is a problem Fix All fixes.
  const raised = runCli(['fix', '--rule', 'mixed-script-spacing=warning', files[3]]);
  assert.equal(raised.stdout, '北京12上海15广州18\n');
});

test('fix --write and rewrite --write leave a read-only page alone, say so, and go on with the others', () => {
  const dir = scratch();
  const page = readFileSync(sample, 'utf8');
  const locked = path.join(dir, 'a.page.txt');
  const open = path.join(dir, 'b.page.txt');
  writeFileSync(locked, page);
  writeFileSync(open, page);
  chmodSync(locked, 0o444);
  for (const command of ['fix', 'rewrite']) {
    writeFileSync(open, page);
    const r = runCli([command, '--write', locked, open]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^newsprint: ${locked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is read-only; not written\\. Make it writable first \\(chmod u\\+w\\) to change it\\.$`, 'm'));
    assert.equal(readFileSync(locked, 'utf8'), page);
    assert.equal(statSync(locked).mode & 0o777, 0o444);
    assert.notEqual(readFileSync(open, 'utf8'), page, `${command} wrote the writable page`);
    assert.deepEqual(readdirSync(dir).sort(), ['a.page.txt', 'b.page.txt']);
  }
});

test('fix --write and rewrite --write leave a page that is not valid UTF-8 alone (its bytes would be lost), say so, and go on', () => {
  const dir = scratch();
  const page = readFileSync(sample);
  const latin1 = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owner\n\n'), page]); // a Latin-1 é
  const bad = path.join(dir, 'a.page.txt');
  const good = path.join(dir, 'b.page.txt');
  for (const command of ['fix', 'rewrite']) {
    writeFileSync(bad, latin1);
    writeFileSync(good, page);
    const r = runCli([command, '--write', bad, good]);
    assert.equal(r.code, 2, r.stderr);
    // A Latin-1 é is not GB18030: the conversion named is one that works on it.
    assert.match(r.stderr, /a\.page\.txt: is not valid UTF-8 \(is it Windows-1252\/Latin-1\?\); not written, as its invalid bytes would be lost\. Convert it to UTF-8 first, e\.g\. iconv -f WINDOWS-1252 -t UTF-8\./);
    assert.doesNotMatch(r.stderr, /invalid bytes were read as U\+FFFD/, 'one message for the page');
    assert.deepEqual(readFileSync(bad), latin1, `${command} left its bytes as they were`);
    assert.notDeepEqual(readFileSync(good), page, `${command} wrote the other page`);
  }
  // Printed, not written: the text is shown with the warning.
  const shown = runCli(['fix', bad]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stderr, /invalid bytes were read as U\+FFFD/);
  assert.match(shown.stdout, /^Caf\uFFFD owner/);
});

test('fix --write through a link changes the page linked to and keeps the link', () => {
  const dir = scratch();
  mkdirSync(path.join(dir, 'real'));
  mkdirSync(path.join(dir, 'issue'));
  const real = path.join(dir, 'real', 'p1.page.txt');
  writeFileSync(real, readFileSync(sample));
  const link = path.join(dir, 'issue', 'p1.page.txt');
  symlinkSync('../real/p1.page.txt', link);
  const r = runCli(['fix', '--write', path.join(dir, 'issue')]); // a folder's links to files are taken
  assert.equal(r.code, 0, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink(), 'still a link');
  assert.equal(readFileSync(real, 'utf8'), runCli(['fix', sample]).stdout, 'the page linked to is fixed');
  assert.deepEqual(readdirSync(path.join(dir, 'real')), ['p1.page.txt']);
  assert.deepEqual(readdirSync(path.join(dir, 'issue')), ['p1.page.txt']);
});

test('fix says when its passes ran out with problems left, and how to fix the rest', () => {
  // 40 split sentences on one page: a pass moves one line on a page (see fixAll).
  const head = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n';
  const page = `${head}和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`;
  const dir = scratch();
  const f = path.join(dir, 'page.txt');
  writeFileSync(f, Array(40).fill(page).join('\n\n'));
  const r = runCli(['fix', '--write', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /page\.txt: stopped after 32 passes with \d+ problems still to fix; run the command again/);
  assert.match(r.stderr, /page\.txt: fixed \d+ problems/);
  const again = runCli(['fix', '--write', f]);
  assert.doesNotMatch(again.stderr, /stopped after/);
});

test('fix on a page cut in parts gives the editor\'s fix-all text', () => {
  const en = readFileSync(path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8').replace(/\f/g, '\n');
  const text = Array(10).fill(en).join('\n');
  const dir = scratch();
  const f = path.join(dir, 'glued.txt');
  writeFileSync(f, text);
  const inc = new IncrementalDocument({});
  inc.update(text);
  assert.ok(inc.segments.length > 1);
  const r = runCli(['fix', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, applyEdits(text, fixAllEdits(inc, {}).edits));
});

test('messages follow the locale', () => {
  const r = runCli(['lint', '--locale', 'zh-cn', sample]);
  assert.match(r.stdout, /字间距异常/);
  assert.match(runCli(['lint', '/nonexistent/x.txt'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr, /文件不存在/);
});

test('Traditional Chinese locales read English (the Chinese messages are Simplified), Simplified ones Chinese', () => {
  for (const LANG of ['zh_TW.UTF-8', 'zh_HK.Big5', 'zh_Hant_TW']) assert.match(runCli(['lint', '/nonexistent/x.txt'], { env: { LANG } }).stderr, /x\.txt: no such file/, LANG);
  assert.match(runCli(['lint', sample], { env: { LC_ALL: 'zh_TW.UTF-8' } }).stdout, /Letter-spaced line/);
  for (const LANG of ['zh_SG.UTF-8', 'zh', 'zh_CN.GB18030']) assert.match(runCli(['lint', '/nonexistent/x.txt'], { env: { LANG } }).stderr, /文件不存在/, LANG);
});

test('a reader that goes away (`lint … | head`) ends the run quietly, with no error trace', async () => {
  const dir = scratch();
  for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `p${i}.page.txt`), readFileSync(sample));
  const child = spawn(process.execPath, [CLI, 'lint', dir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C' } });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  // The first chunk read, the pipe is closed, as `head` does once it has its lines.
  await once(child.stdout, 'data');
  child.stdout.destroy();
  const [code] = (await once(child, 'close')) as [number | null];
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('lint, fix and rewrite wait for a slow reader between files instead of holding the batch\'s output', async () => {
  const dir = scratch();
  const files = [0, 1, 2].map((i) => path.join(dir, `p${i}.txt`));
  for (const f of files) writeFileSync(f, readFileSync(sample));
  for (const command of ['lint', 'fix', 'rewrite']) {
    const reader = slowReader();
    const run = main([command, ...files], reader.io);
    for (let k = 1; k <= files.length; k++) {
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(reader.out.length, k, `${command}: file ${k + 1} not started before the reader took file ${k}'s output`);
      reader.release();
    }
    await run;
    assert.equal(reader.waits, files.length, command);
  }
});

/** An io whose reader is slow: each output waits until `release()`; `waits` counts the waits. */
function slowReader() {
  const reader = {
    out: [] as string[],
    waits: 0,
    release: () => {},
    io: {
      out: (s: string) => void reader.out.push(s),
      err: () => {},
      drained: () => {
        reader.waits++;
        return new Promise<void>((resolve) => (reader.release = resolve));
      },
    },
  };
  return reader;
}

test('export --jsonl - waits for a slow reader between files instead of holding the batch\'s lines', async () => {
  const dir = scratch();
  // One issue (folder) a file, so that each file's lines are final once it is exported.
  const files = [0, 1, 2].map((i) => path.join(dir, `i${i}`, 'p1.page.txt'));
  for (const f of files) {
    mkdirSync(path.dirname(f));
    writeFileSync(f, readFileSync(sample));
  }
  const reader = slowReader();
  const run = main(['export', ...files, '--jsonl', '-', '--jobs', '1'], reader.io);
  for (let k = 1; k <= files.length; k++) {
    // The file's lines are out, and the next file waits for the reader.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let spin = 0; spin < 100 && reader.out.length < k; spin++) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(reader.out.length, k, `file ${k + 1} started before the reader took file ${k}'s lines`);
    reader.release();
  }
  assert.equal(await run, 0);
  assert.equal(reader.waits, files.length);
});

test('a dump too large for the heap is refused with its size and the way round, and the batch goes on', () => {
  const dir = scratch();
  const page = readFileSync(sample, 'utf8');
  writeFileSync(path.join(dir, 'big.txt'), Array.from({ length: 1300 }, () => page).join('\f')); // ~12.5 MB
  writeFileSync(path.join(dir, 'small.txt'), page);
  // With 64 MB of old space, this process analyses dumps of up to a few MB.
  const r = runCli(['lint', 'big.txt', 'small.txt'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=64' } });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^newsprint: big\.txt: too large to analyse in this process's memory \(13 MB > \d MB: .*\); skipped\. Split it at its page breaks .*--max-old-space-size/m);
  assert.match(r.stdout, /^small\.txt:\d+:\d+: /m, 'the next file is linted');
  assert.equal(runCli(['lint', 'big.txt'], { cwd: dir }).stderr, '', 'with the default heap the same file is analysed');
});
