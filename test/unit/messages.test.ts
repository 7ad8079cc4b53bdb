// Every user-facing string exists in English and Simplified Chinese, with the same placeholders.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from '../helpers/fc';
import { en, errorReason, format, isSimplifiedChinese, messagesFor, ruleName, t, zhCn } from '../../server/src/core/messages';
import { chineseMessages, joinSentences } from '../../client/src/locale';

/** The arguments a message takes: its `{name}` placeholders (not a plural branch like `one {has}`) and the names its plural blocks count. */
const placeholders = (s: string) => [...new Set([...s.matchAll(/(?<!\b(?:zero|one|two|few|many|other|=\d+)\s*)\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]))].sort();
const root = pathToFileURL(path.resolve(__dirname, '../..') + '/');
const json = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Record<string, string>;

test('server messages: same keys and placeholders in en and zh-cn', () => {
  assert.deepEqual(Object.keys(zhCn).sort(), Object.keys(en).sort());
  for (const k of Object.keys(en) as (keyof typeof en)[]) assert.deepEqual(placeholders(zhCn[k]), placeholders(en[k]), k);
});

test('package.nls: same keys in en and zh-cn, and every %key% in package.json is defined', () => {
  const nls = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(nls).sort());
  const manifest = readFileSync(new URL('package.json', root), 'utf8');
  for (const m of manifest.matchAll(/"%([\w.-]+)%"/g)) assert.ok(m[1] in nls, `package.nls.json lacks ${m[1]}`);
});

test('client strings: every vscode.l10n.t string has a zh-cn translation, and none is stale', () => {
  const src = readFileSync(new URL('client/src/strings.ts', root), 'utf8');
  const used = [...src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
  assert.ok(used.length > 0);
  const zh = json('l10n/bundle.l10n.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), [...new Set(used)].sort());
  for (const [english, chinese] of Object.entries(zh)) assert.deepEqual(placeholders(chinese), placeholders(english), english);
});

test('no English message says "1 files": each count of a message is a plural block', () => {
  const src = readFileSync(new URL('client/src/strings.ts', root), 'utf8');
  const client = [...src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
  const plural = /\b1 (?:temporary |column |replacement |justification |extraction |Newsprint |export )?(?:files|articles|problems|outputs|folders|lines|spaces|characters|pages|parts|passes|rounds|page dumps)\b|\b1 \w+ (?:were|are|have)\b/;
  for (const message of [...Object.values(en), ...client]) {
    // Every argument 1, but {rule}: a rule's name ('Fix all {rule} problems').
    const ones = Object.fromEntries(placeholders(message).map((name) => [name, name === 'rule' ? 'hard-wrap' : 1]));
    assert.doesNotMatch(format(message, ones), plural, message);
  }
});

test('property: format fills known {names} and leaves the rest as written, called again and again', () => {
  const reference = (template: string, args: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m: string, k: string) => (k in args ? String(args[k]) : m));
  const piece = fc.constantFrom('{', '}', '{a}', '{b}', '{_1}', '{ a}', '{a', 'a}', '{}', '{{a}}', 'x', '标', ' ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.dictionary(fc.constantFrom('a', 'b', '_1', 'c'), fc.oneof(fc.string(), fc.integer())), (pieces, args) => {
      const template = pieces.join('');
      assert.equal(format(template, args), reference(template, args));
      assert.equal(format(template, args), reference(template, args), 'the second time, from the cut template');
    }),
    { numRuns: 500 },
  );
});

test('Chinese messages for Simplified Chinese locales only: Traditional Chinese reads English, as the client does', () => {
  for (const l of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh-Hans-HK', 'zh-sg', 'zh_SG', 'zh', 'zh.UTF-8']) {
    assert.ok(isSimplifiedChinese(l), l);
    assert.equal(messagesFor(l), zhCn, l);
  }
  for (const l of ['zh-tw', 'zh-hk', 'zh_TW.UTF-8', 'zh-Hant', 'zh-Hant-CN', 'zh-mo', 'en', 'C', '', undefined, 'fr', 'zhx']) {
    assert.ok(!isSimplifiedChinese(l), String(l));
    assert.equal(messagesFor(l), en, String(l));
  }
});

test('client: sentences run together only when the messages are Chinese (a bundle loaded), not in zh-tw, which has none', () => {
  assert.equal(joinSentences(['A.', '', 'B.'], chineseMessages('zh-tw', false)), 'A. B.');
  assert.equal(joinSentences(['A.', 'B.'], chineseMessages('zh-hk', false)), 'A. B.');
  assert.equal(joinSentences(['A.', 'B.'], chineseMessages('en', false)), 'A. B.');
  assert.equal(joinSentences(['甲。', 'B。'], chineseMessages('zh-cn', true)), '甲。B。');
});

test('errorReason: a system error in words with its code after them, in both languages; other details as they are', () => {
  for (const code of ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EEXIST', 'ENOSPC', 'EROFS']) {
    assert.match(errorReason(en, code), new RegExp(`^[a-z][^()]+ \\(${code}\\)$`), code);
    assert.match(errorReason(zhCn, code), new RegExp(`^[^（）]+（${code}）$`), code);
  }
  assert.equal(errorReason(en, 'EACCES'), 'permission denied (EACCES)');
  assert.equal(errorReason(en, 'EMFILE'), 'system error EMFILE');
  assert.equal(errorReason(zhCn, 'EMFILE'), '系统错误 EMFILE');
  for (const detail of ['120 MB > 100 MB', 'Error: boom', 'gzip', '']) assert.equal(errorReason(en, detail), detail);
});

test('Chinese says 文件夹 for a folder everywhere (the client does), never 目录', () => {
  const texts = [...Object.values(zhCn), ...Object.values(json('l10n/bundle.l10n.zh-cn.json')), ...Object.values(json('package.nls.zh-cn.json'))];
  for (const text of texts) assert.doesNotMatch(text, /目录/, text);
});

test('Chinese messages quote a text that has “” of its own in 「」 (『』 when it has 「」 too); English ones as before', () => {
  const headline = '跨境电商：外贸增长“新引擎”';
  assert.equal(t(zhCn, 'misplaced-headline.message', { headline }), '标题「跨境电商：外贸增长“新引擎”」不在其稿件处（相关位置显示稿件开头）');
  assert.equal(t(zhCn, 'misplaced-headline.message', { headline: '市政府党组会议召开' }), '标题“市政府党组会议召开”不在其稿件处（相关位置显示稿件开头）');
  assert.equal(t(zhCn, 'orphan-label.message', { label: '「新闻“链接”」' }), '标签『「新闻“链接”」』与其所标注的内容分离');
  assert.equal(t(zhCn, 'doubled-glyphs.message', { before: '““新新”” 引引擎擎', after: '“新” 引擎' }), '重复字形（仿粗体叠印）：「““新新”” 引引擎擎」应为「“新” 引擎」');
  assert.equal(t(zhCn, 'bad-annotation.conflict', { name: '下转 “二”', winner: '下转 三' }), '指令「下转 “二”」与同一段落的“下转 三”冲突，以最后一条“下转 三”为准');
  assert.equal(t(en, 'misplaced-headline.message', { headline }), `Headline "${headline}" is away from its article (the related location shows where the article starts)`);
  // Every Chinese message that quotes an argument does so as “{name}”, which format reads.
  for (const [k, v] of Object.entries(zhCn)) assert.doesNotMatch(v, /[「『]\{\w+\}[」』]/, k);
});

test('rules have a short name in each language for the titles of "Fix all": 硬换行, not hard-wrap', () => {
  assert.equal(t(zhCn, 'fixAll.rule', { rule: ruleName(zhCn, 'hard-wrap') }), '修复此文件中所有硬换行问题');
  assert.equal(t(en, 'fixAll.rule', { rule: ruleName(en, 'hard-wrap') }), 'Fix all hard-wrap problems in this file');
  for (const id of ['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing', 'hard-wrap', 'split-sentence', 'misplaced-headline', 'orphan-label', 'unclaimed-text', 'bad-annotation', 'encoding']) {
    assert.equal(ruleName(en, id), id, id);
    assert.match(ruleName(zhCn, id), /^[\u4e00-\u9fff]+$/, id);
  }
  assert.equal(ruleName(zhCn, 'limit'), 'limit', 'no name: the id');
});
