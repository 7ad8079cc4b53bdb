// Every user-facing string of the server and the CLI, in English and Simplified Chinese.
// Keys are stable; `{name}` placeholders are filled by `format`. A unit test checks both tables
// have the same keys and placeholders.

export const en = {
  'spaced-glyphs.message': 'Letter-spaced line: {count} justification spaces between CJK glyphs',
  'spaced-glyphs.fix': 'Remove justification spaces',
  'doubled-glyphs.message': 'Doubled glyphs (fake-bold overprint): "{before}" should read "{after}"',
  'doubled-glyphs.fix': 'Collapse doubled glyphs to "{after}"',
  'mixed-script-spacing.message': '{count} extraction spaces between CJK and digits or Latin letters',
  'mixed-script-spacing.fix': 'Remove spaces between CJK and digits/Latin',
  'fixAll.rule': 'Fix all {rule} problems in this file',
  'fixAll.all': 'Fix all Newsprint problems in this file',
} as const;

export type MessageKey = keyof typeof en;

export const zhCn: Record<MessageKey, string> = {
  'spaced-glyphs.message': '字间距异常：汉字之间有 {count} 处排版空格',
  'spaced-glyphs.fix': '删除排版空格',
  'doubled-glyphs.message': '重复字形（仿粗体叠印）：“{before}”应为“{after}”',
  'doubled-glyphs.fix': '合并重复字形为“{after}”',
  'mixed-script-spacing.message': '汉字与数字或拉丁字母之间有 {count} 处提取空格',
  'mixed-script-spacing.fix': '删除汉字与数字/字母之间的空格',
  'fixAll.rule': '修复此文件中所有 {rule} 问题',
  'fixAll.all': '修复此文件中所有 Newsprint 问题',
};

export type Messages = Record<MessageKey, string>;

export function messagesFor(locale: string | undefined): Messages {
  const l = (locale ?? '').toLowerCase();
  return l.startsWith('zh') ? zhCn : en;
}

export function format(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

export function t(messages: Messages, key: MessageKey, args?: Record<string, string | number>): string {
  return format(messages[key], args);
}
