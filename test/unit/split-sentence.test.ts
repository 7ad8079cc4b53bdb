// split-sentence: a block ends mid-sentence and its continuation comes after unrelated lines; the
// fix moves the continuation back, right after the cut line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits, fixAll, MAX_PASSES } from '../../server/src/core/fix';
import { SAMPLE } from '../helpers/rules';

const ss = (text: string) => analyze(text).findings.filter((f) => f.rule === 'split-sentence');

const HEAD = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n';

const cases: { name: string; text: string; findings: number; after?: string }[] = [
  {
    name: 'a page number between two body lines, the first cut mid-sentence',
    text: `${HEAD}和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`,
    findings: 1,
    after: `${HEAD}和体育代表团的重要讲话精神要持续强化\n理论学习。会议还研究了其它事项。\n\n第3版\n\n`,
  },
  {
    name: 'a caption between: the body continues after it',
    text: `${HEAD}和体育代表团的重要讲话精神要持续强化\n\n图为会议现场。\n\n理论学习。会议还研究了其它事项。\n`,
    findings: 1,
  },
  {
    name: 'across articles: another article’s headline between the cut and a bare fragment',
    text: `${HEAD}和体育代表团的重要讲话精神要持续强化\n\n大沽河度假区\n提升城市品质\n\n理论学习，扎扎实实推动改革发展稳定各\n项工作提质增效。会议还研究了其它事项。\n\n□通讯员 傅玉佳 报道\n\n初秋时节，清风徐来。大沽河度假区山地溪\n流景观吸引了众多游客前来打卡，提升城市品质。\n`,
    findings: 1,
    after: `${HEAD}和体育代表团的重要讲话精神要持续强化\n理论学习，扎扎实实推动改革发展稳定各\n项工作提质增效。会议还研究了其它事项。\n\n\n大沽河度假区\n提升城市品质\n\n□通讯员 傅玉佳 报道\n\n初秋时节，清风徐来。大沽河度假区山地溪\n流景观吸引了众多游客前来打卡，提升城市品质。\n`,
  },
  {
    name: 'negative: the line before the furniture ends a sentence',
    text: `${HEAD}和体育代表团的重要讲话精神要持续强化。\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`,
    findings: 0,
  },
  {
    name: 'negative: a middle part, its continued-to marker at the end of its last line, before a bare fragment',
    text: `市政府党组会议召开\n\n（上接第一版）会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n和体育代表团的重要讲话精神要持续强化（下转第三版）\n\n大沽河度假区\n提升城市品质\n\n理论学习，扎扎实实推动改革发展稳定各\n项工作提质增效。会议还研究了其它事项。\n\n□通讯员 傅玉佳 报道\n\n初秋时节，清风徐来。大沽河度假区山地溪\n流景观吸引了众多游客前来打卡，提升城市品质。\n`,
    findings: 0,
  },
  {
    // r1's m9 as Fix All's first round leaves it: the story ends on its phone number; the notice
    // under the photo caption is another item, not the rest of a sentence.
    name: 'negative: a story ending on a labelled phone number, a notice after the photo caption',
    text: '图书馆推出春季读书月活动\n\n本报记者 王晶晶\n\n本报讯 3月5日起，市图书馆推出春季读书月活动，市民可凭读者证免费参加各类讲座、展览。活动持续至4月底。\n咨询电话：0532-88886666\n\n图为读书月活动现场。 王 丽 摄\n\n温馨提示：近期气温变化较大，早晚温差明显，请市民注意及时增减衣物，谨防感冒。\n',
    findings: 0,
  },
  {
    name: 'negative: a story ending on a labelled phone number, a paragraph after the photo caption',
    text: '图书馆推出春季读书月活动\n\n本报记者 王晶晶\n\n本报讯 3月5日起，市图书馆推出春季读书月活动，市民可凭读者证免费参加各类讲座、展览。活动持续至4月底。\n咨询电话：0532-88886666\n\n图为读书月活动现场。 王 丽 摄\n\n本周末馆内还将举办亲子阅读活动，欢迎家长带孩子参加。\n',
    findings: 0,
  },
  {
    name: 'negative: a notice (温馨提示：…) after the photo caption is no continuation of the story’s last line',
    text: '图书馆推出春季读书月活动\n\n本报记者 王晶晶\n\n本报讯 3月5日起，市图书馆推出春季读书月活动，市民可凭读者证免费参加各类讲座、展览。活动持续至4月底。\n详情请关注图书馆公众号\n\n图为读书月活动现场。 王 丽 摄\n\n温馨提示：近期气温变化较大，早晚温差明显，请市民注意及时增减衣物，谨防感冒。\n',
    findings: 0,
  },
  {
    name: 'a label with no item after its colon still goes on after the furniture',
    text: `${HEAD}和体育代表团的重要讲话精神，记者获悉：\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`,
    findings: 1,
  },
  {
    name: 'negative: nothing in between (an ordinary wrap)',
    text: `${HEAD}和体育代表团的重要讲话精神要持续强化\n理论学习。会议还研究了其它事项。\n`,
    findings: 0,
  },
];

for (const c of cases) {
  test(`split-sentence: ${c.name}`, () => {
    const fs = ss(c.text);
    assert.equal(fs.length, c.findings, JSON.stringify(fs.map((f) => c.text.slice(f.start, f.end))));
    for (const f of fs) {
      assert.equal(f.severity, 'warning');
      assert.equal(f.related?.length, 1);
      const out = applyEdits(c.text, f.fix!.edits);
      // Moving keeps every character.
      assert.deepEqual([...out].sort(), [...c.text].sort());
      if (c.after !== undefined) assert.equal(out, c.after);
      assert.equal(ss(out).length, 0, 'fixed once and for all');
    }
  });
}

test('split-sentence: none on the sample (every block ends a sentence or a marker closes it)', () => {
  assert.equal(ss(readFileSync(SAMPLE, 'utf8')).length, 0);
});

test('Fix All does not move a notice into a story that ends on a phone number (r1 m9: round 2 moved it, lint showed nothing)', () => {
  const text = '图书馆推出春季读书月活动\n\n本报记者 王晶晶\n\n本报讯 3月5日起，市图书馆推出春季读书\n月活动，市民可凭读者证免费参加各类讲\n座、展览。活动持续至4月底。\n咨询电话：0532-88886666\n\n图为读书月活动现场。 王 丽 摄\n\n温馨提示：近期气温变化较大，早晚温\n差明显，请市民注意及时增减衣物，谨\n防感冒。\n';
  assert.equal(ss(text).length, 0);
  const out = fixAll(text).text;
  assert.ok(out.includes('咨询电话：0532-88886666\n\n图为读书月活动现场。'), out);
  assert.ok(out.endsWith('\n\n温馨提示：近期气温变化较大，早晚温差明显，请市民注意及时增减衣物，谨防感冒。\n'), out);
});

test('split-sentence takes part in fix-all', () => {
  const out = fixAll(cases[0].text, { only: ['split-sentence'] }).text;
  assert.equal(out, cases[0].after);
});

test('fix-all moves lines on every page in one pass, and says what is left when its passes run out', () => {
  // A split sentence on each of 40 pages: one moving fix a pass over the whole text took 40 passes,
  // more than the 32 it makes, and left 8 undone without a word.
  const page = cases[0].text;
  const pages = fixAll(Array(40).fill(page).join('\f'));
  assert.equal(pages.left, 0);
  assert.ok(pages.passes <= 2, `${pages.passes} passes`);
  assert.equal(pages.text, Array(40).fill(fixAll(page).text).join('\f'), 'as each page fixed alone');
  // 40 on one page: one a pass there (a move changes what the page's next one is), and the rest told.
  const one = fixAll(Array(40).fill(page).join('\n\n'));
  assert.equal(one.passes, MAX_PASSES);
  assert.ok(one.left > 0);
  assert.equal(fixAll(one.text).left, 0, 'running it again applies the rest');
});

// The brief's article: the continuation is the text's last line, without a line end of its own, so
// the move gives it one, and that must be the file's.
const LAST = ['我县举行春季植树活动', '', '本报讯 三月十二日上午，县委书记带领机关干部来到城', '郊荒山开展义务植树活动，大家挥锹铲土、扶苗培土，', '一棵棵树苗整齐地排列在山坡上，为大地增添了新绿。', '据了解，今年全县计划新增造林面积两万亩，目前已完', '', '图为植树现场。', '', '成造林一万二千亩，各项工作正在有序推进之中。'];
const LAST_AFTER = [...LAST.slice(0, 6), LAST[9], '', LAST[7], '', ''];

for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
  test(`split-sentence: a continuation at the end of a ${name} text without a final line end gets the file's line end`, () => {
    const text = LAST.join(eol);
    const fs = ss(text);
    assert.equal(fs.length, 1);
    assert.equal(applyEdits(text, fs[0].fix!.edits), LAST_AFTER.join(eol));
  });
  test(`split-sentence: a continuation ending at a form feed, ${name}: the line end added is the file's`, () => {
    const next = `第二版${eol}`;
    const text = LAST.join(eol) + '\f' + next;
    const fs = ss(text);
    assert.equal(fs.length, 1);
    assert.equal(applyEdits(text, fs[0].fix!.edits), LAST_AFTER.slice(0, -1).join(eol) + eol + '\f' + next);
  });
}
