// Every user-facing string of the server and the CLI, in English and Simplified Chinese.
// Keys are stable; `{name}` placeholders and plural blocks (`{count, plural, one {# file} other
// {# files}}`, see plural.ts) are filled by `format`. A unit test checks both tables have the same
// keys and placeholders.
import { pluralBranch, readPlural, type PluralBlock } from './plural';

export const en = {
  'spaced-glyphs.message': 'Letter-spaced line: {count, plural, one {# justification space} other {# justification spaces}} between CJK glyphs',
  'spaced-glyphs.fix': 'Remove justification spaces',
  'spaced-glyphs.unsure': 'Letter-spaced line: {count, plural, one {# justification space} other {# justification spaces}} between CJK glyphs, but joined the line would look like fake bold (every glyph printed twice), and a later fix would delete half of them. Check before removing the spaces (Fix All leaves it).',
  'doubled-glyphs.message': 'Doubled glyphs (fake-bold overprint): "{before}" should read "{after}"',
  'doubled-glyphs.fix': 'Collapse doubled glyphs to "{after}"',
  'doubled-glyphs.rewritten': 'On a page the rewrite wrote: {text} The rewrite collapsed fake bold once, so this run was left doubled on purpose or built by joining lines: check before fixing (Fix All leaves it).',
  'doubled-glyphs.unsure': 'Looks like fake bold (every glyph printed twice): "{before}" would read "{after}". Reduplicated words such as 高高兴兴 are real, so check before fixing (Fix All leaves it).',
  'mixed-script-spacing.message': '{count, plural, one {# extraction space} other {# extraction spaces}} between CJK and digits or Latin letters',
  'mixed-script-spacing.fix': 'Remove spaces between CJK and digits/Latin',
  'mixed-script-spacing.unsure': '{count, plural, one {# extraction space} other {# extraction spaces}} between CJK and digits or Latin letters, but joined the line would look like fake bold (every glyph printed twice), and a later fix would delete half of them. Check before removing the spaces (Fix All leaves it).',
  'hard-wrap.message': 'Hard-wrapped paragraph: {count, plural, one {# column line} other {# column lines}} read as one paragraph',
  'hard-wrap.related': 'Lines 2–{count} of this paragraph',
  'hard-wrap.relatedOne': 'Line 2 of this paragraph',
  'hard-wrap.fix': 'Join paragraph',
  'hard-wrap.unsure': 'Hard-wrapped paragraph: {count, plural, one {# column line} other {# column lines}} read as one paragraph, but joined a line would look like fake bold (every glyph printed twice), and a later fix would delete half of them. Check before joining (Fix All leaves it).',
  'split-sentence.message': 'The sentence breaks off here and continues after unrelated lines (see the related location)',
  'split-sentence.related': 'The rest of the sentence',
  'split-sentence.fix': 'Bring the continuation back',
  'encoding.message': 'This file holds {count, plural, one {# replacement character} other {# replacement characters}} (U+FFFD): it is probably not UTF-8 but GB18030/GBK read as UTF-8. Run "Change File Encoding" (click the encoding in the status bar), choose "Reopen with Encoding" and pick "Simplified Chinese (GB18030)".',
  'encoding.western': 'This file holds {count, plural, one {# replacement character} other {# replacement characters}} (U+FFFD), the first here: bytes that were not UTF-8 where it was read. A Western page in Windows-1252 or Latin-1 has them where its accented letters and typographic quotes (é, «, ’) are. Run "Change File Encoding" (click the encoding in the status bar), choose "Reopen with Encoding" and pick "Western (Windows 1252)"; if the file is UTF-8, the characters were lost before: check them against the scan.',
  'encoding.lost': 'This file holds {count, plural, one {# replacement character} other {# replacement characters}} (U+FFFD), the first here: characters lost where the text was extracted or converted, or bytes that were not UTF-8 where it was read. Check them against the scan and type them in.',
  'encoding.related': 'Another replacement character (U+FFFD)',
  'fixAll.rule': 'Fix all {rule} problems in this file',
  'rule.spaced-glyphs': 'spaced-glyphs',
  'rule.doubled-glyphs': 'doubled-glyphs',
  'rule.mixed-script-spacing': 'mixed-script-spacing',
  'rule.hard-wrap': 'hard-wrap',
  'rule.split-sentence': 'split-sentence',
  'rule.misplaced-headline': 'misplaced-headline',
  'rule.orphan-label': 'orphan-label',
  'rule.unclaimed-text': 'unclaimed-text',
  'rule.bad-annotation': 'bad-annotation',
  'rule.encoding': 'encoding',
  'fixAll.all': 'Fix all Newsprint problems in this file',
  'fixAll.left': 'Fix All stopped after {passes, plural, one {# round} other {# rounds}} of fixing with {count, plural, one {# problem still to fix; run it again to fix it} other {# problems still to fix; run it again to fix them}}.',
  'outline.page': 'Page {n}',
  'outline.kind.kicker': 'kicker',
  'outline.kind.headline': 'headline',
  'outline.kind.deck': 'deck',
  'outline.kind.byline': 'byline',
  'outline.kind.label': 'label',
  'outline.kind.note': "editor's note",
  'outline.kind.paragraph': 'paragraph',
  'limit.diagnostics': 'Showing {shown} of {total, plural, one {# Newsprint problem} other {# Newsprint problems}} in this file. Raise the setting "{setting}" to see them all.',
  'outline.pagePart': 'Page {n}, part {part}',
  'limit.analysing': 'Newsprint is still analysing this file ({done} of {total, plural, one {# page} other {# pages}} so far): shown are the problems of the pages done, nearest the last edit. The rest follow when it is done.',
  'progress.analysing': 'Analysing {file}',
  'limit.pageSize': 'A page of this file runs {size} thousand characters without a page break (form feed). To keep editing fast, Newsprint analyses it in {parts, plural, one {# part} other {# parts}} cut at line starts, listed as parts of the page in the Outline; an article that crosses a cut is found as two. Split the file at its real page breaks for the best articles.',
  'outline.limited': 'Outline: {shown} of {total, plural, one {# article} other {# articles}}, nearest the last edit. Raise the setting "{setting}" to see them all.',
  'cli.usage': 'Usage: newsprint <command> [options] FILE|DIR…\n\nCommands:\n  lint FILE|DIR…         print one finding per line: FILE:LINE:COL: SEVERITY RULE MESSAGE\n  fix FILE|DIR… [--write]\n                         print the fixed text, or rewrite the files in place (atomically)\n  rewrite FILE|DIR… [--write]\n                         print the page as clean text in reading order (articles, one paragraph\n                         per line), or rewrite the files in place (atomically)\n  export FILE|DIR… [--out DIR [--update [--prune]] | --jsonl FILE] [--jobs N] [--force]\n                         export the articles as newsprint.articles/1 JSON (one FILE: to stdout)\n\nA DIR stands for the page dumps in it and its subfolders (hidden ones skipped). Options may\ncome before the command too; -- ends them.\n\nOptions:\n  --files-from LIST      also take the files and folders named in LIST, one a line (-: stdin),\n                         for batches too long for a command line\n  --include GLOB         which files of a DIR are page dumps (default: **/*.{pagedump,page.txt})\n  --rule ID=LEVEL        set a rule to off|hint|information|warning|error (repeatable)\n  --locale LOCALE        language of messages: en or zh-cn (default: from LC_ALL, LC_MESSAGES or\n                         LANG; Simplified Chinese for zh_CN, zh_SG and zh, English otherwise)\n  -h, --help             show this help\n  -v, --version          print the version\n\nOptions of fix and rewrite:\n  --write                rewrite the files in place (atomically) instead of printing the text; a\n                         file changed meanwhile, read-only or not valid UTF-8 is left alone\n\nOptions of export:\n  --out DIR              write one NAME.articles.json per page into DIR: a file found in a DIR\n                         keeps its path under it, files named keep theirs under the folder\n                         holding them all\n  --jsonl FILE           write one article per line into FILE (-: to stdout)\n  --force                replace outputs that exist (without it they are left and said)\n  --update               with --out: export again only the folders with a page newer than its\n                         output, replacing their outputs\n  --prune                with --update: remove the outputs whose page is gone, and export their\n                         folders again\n  --jobs N               worker threads, 1 to 64 (default: one per 16 MB of input, at least one,\n                         at most the number of cores)\n\nExit codes:\n  0                      done; lint found no warning or error (hints and information only)\n  1                      lint found a warning or an error\n  2                      bad usage, or a file that could not be read or written (the other files\n                         are still done)\n  3                      internal error (please report it with the file)\n  130, 143               stopped by Ctrl-C (SIGINT) or SIGTERM',
  'cli.unknownCommand': 'Unknown command "{command}". Run "newsprint --help" for the list.',
  'cli.noFiles': 'No input files: give at least one FILE or DIR.',
  'cli.noDumps': '{file}: no page dumps in this folder (looked for {pattern}; --include GLOB chooses others).',
  'cli.badList': 'Cannot read the list of files {file}: {detail}.',
  'cli.badName': '{file}: the name is not UTF-8 (read as GB18030 it is "{guess}"); skipped. Rename such files and folders to UTF-8 first, e.g. convmv -f GBK -t UTF-8 -r --notest FOLDER.',
  'cli.badRule': 'Bad --rule "{value}": expected ID=LEVEL with LEVEL one of off, hint, information, warning, error, and ID one of {rules}.',
  'cli.notFound': '{file}: no such file.',
  'cli.notFoundNotUtf8': '{file}: no such file: its name has bytes that are not UTF-8 (GBK?), shown as �, and such a name cannot be passed on. Rename it to UTF-8 first, e.g. convmv -f GBK -t UTF-8 --notest FILE.',
  'cli.isDirectory': '{file}: is a directory, not a page dump.',
  'cli.binary': '{file}: looks like binary data (NUL bytes), not a text dump; skipped.',
  'cli.binaryFormat': '{file}: is a {detail} file, not a text dump; skipped.',
  'cli.utf16': '{file}: is UTF-16 text; convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8; skipped.',
  'cli.tooLarge': '{file}: too large to analyse in this process\'s memory ({detail}: the analysis needs about 13× the file); skipped. Split it at its page breaks (form feeds), or give Node more memory, e.g. NODE_OPTIONS=--max-old-space-size=16384.',
  'cli.unreadable': '{file}: cannot be read: {detail}.',
  'cli.changedOnDisk': '{file}: changed on disk since it was read; not written. Run again.',
  'cli.readOnly': '{file}: is read-only; not written. Make it writable first (chmod u+w) to change it.',
  'cli.notAFolder': '{file}: is a file, not a folder; the export writes its files into a folder.',
  'cli.targetIsFolder': '{file}: is a folder; --jsonl writes one file there. Name the file, e.g. {file}/articles.jsonl.',
  'cli.tooManyFiles': 'Too many files for one run in this process\'s memory: {count, plural, one {# file so far needs} other {# files so far need}} about {need} MB of the {limit} MB a run\'s files may take. Run it on the archive in parts (a folder at a time), or give Node more memory, e.g. NODE_OPTIONS=--max-old-space-size=16384.',
  'cli.exists': '{file}: already exists; not overwritten (--force replaces it; with --out, --update replaces what is out of date).',
  'cli.unwritable': '{file}: cannot be written: {detail}.',
  'cli.cannotMake': '{file}: the folder cannot be made: {detail}.',
  'cli.invalidUtf8': '{file}: is not valid UTF-8 (is it {encoding}?); invalid bytes were read as U+FFFD. Convert it to UTF-8 first, e.g. iconv -f {iconv} -t UTF-8.',
  'cli.stdoutFailed': 'cannot write to standard output: {detail}.',
  'errno.ENOENT': 'no such file or folder (ENOENT)',
  'errno.ENOTDIR': 'a part of the path is a file, not a folder (ENOTDIR)',
  'errno.EISDIR': 'it is a folder (EISDIR)',
  'errno.EACCES': 'permission denied (EACCES)',
  'errno.EPERM': 'operation not permitted (EPERM)',
  'errno.EEXIST': 'it already exists (EEXIST)',
  'errno.ENOSPC': 'no space left on the disk (ENOSPC)',
  'errno.EROFS': 'the file system is read-only (EROFS)',
  'errno.other': 'system error {code}',
  'cli.invalidUtf8NotWritten': '{file}: is not valid UTF-8 (is it {encoding}?); not written, as its invalid bytes would be lost. Convert it to UTF-8 first, e.g. iconv -f {iconv} -t UTF-8.',
  'cli.fixed': '{file}: fixed {count, plural, one {# problem} other {# problems}}.',
  'cli.unchanged': '{file}: nothing to fix.',
  'cli.fixLeft': '{file}: stopped after {passes, plural, one {# pass} other {# passes}} with {count, plural, one {# problem still to fix; run the command again to fix it} other {# problems still to fix; run the command again to fix them}}.',
  'cli.internal': '{file}: internal error ({detail}). Please report it with the file.',
  'cli.exportSummary': 'Exported {articles, plural, one {# article} other {# articles}} from {files, plural, one {# file} other {# files}} to {target} ({written} written, {failed} failed).',
  'cli.exportProgress': 'Exporting: {done} of {total, plural, one {# file} other {# files}} ({percent}%)',
  'cli.finding': 'Looking for page dumps: {count} found so far',
  'cli.related': ' ({line}:{column}: {message}{count, plural, =0 {} other {; # more}})',
  'cli.timeLeft': ', about {time} left',
  'cli.seconds': '{n} s',
  'cli.minutes': '{n} min',
  'cli.hours': '{h} h {m} min',
  'export.progress': '{done} of {total, plural, one {# file} other {# files}}',
  'export.busy': 'An export of the workspace is running already: wait for it to end, or cancel it.',
  'export.exists': '{file}: exists, and was not among the files you agreed to replace; not overwritten.',
  'cli.staleTemps': 'Removed {count, plural, one {# temporary file} other {# temporary files}} that an interrupted export left in {dir}.',
  'cli.orphans': '{count, plural, one {# output} other {# outputs}} in {target} {count, plural, one {has} other {have}} no page in this export any more (a page or its folder deleted, renamed, or left out by --include), e.g. {example}; {count, plural, one {it is left as it is, and so are links to it. Run with --prune to remove it (its folder, if it still has pages, is then exported again)} other {they are left as they are, and so are links to them. Run with --prune to remove them (their folders that still have pages are then exported again)}}.',
  'cli.pruned': 'Removed {count, plural, one {# output} other {# outputs}} in {target} that no page gives any more (e.g. {example}).',
  'cli.prunedExportedAgain': 'Removed {count, plural, one {# output} other {# outputs}} in {target} that no page gives any more (e.g. {example}); the folders that still have pages were exported again.',
  'cli.pruneNeedsUpdate': '--prune works with --update: it removes the outputs that no page gives any more.',
  'cli.exportManyNeedTarget': 'Several files need --out DIR (one JSON file per page) or --jsonl FILE (one article per line).',
  'cli.outAndJsonl': 'Use --out or --jsonl, not both.',
  'cli.optionNotFor': 'Option {option} does not apply to "{command}". Run "newsprint --help" for the options of each command.',
  'cli.unknownOption': 'Unknown option "{option}". Run "newsprint --help" for the options (a file whose name starts with "-" goes after "--").',
  'cli.optionNeedsValue': 'Option "{option}" needs a value.',
  'cli.optionAmbiguous': 'Option "{option}" is followed by something that starts with "-": write {option}=VALUE for a value that does.',
  'cli.updateNeedsOut': '--update works with --out DIR (one file per page): it compares each page with its file.',
  'cli.updateAndForce': 'Use --update (replace what is out of date) or --force (replace everything), not both.',
  'cli.upToDate': '{count, plural, one {# file} other {# files}} in {issues, plural, one {# folder} other {# folders}} {count, plural, one {was} other {were}} up to date and not exported again.',
  'cli.stopping': 'Stopping: finishing the files in progress (press Ctrl-C again to stop at once).',
  'cli.stopped': 'Export stopped after {done} of {total, plural, one {# file} other {# files}}. The {written, plural, one {# file} other {# files}} written to {target} {written, plural, one {is complete and stays} other {are complete and stay}}; run it again with --update to finish.',
  'cli.stoppedNothing': 'Export stopped after {done} of {total, plural, one {# file} other {# files}}; nothing was written.',
  'cli.stoppedStdout': 'Export stopped after {done} of {total, plural, one {# file} other {# files}}; the articles of the files before went to standard output.',
  'cli.stdout': 'standard output',
  'cli.stoppedFiles': 'Stopped after {done} of {total, plural, one {# file} other {# files}}; the files written are complete.',
  'cli.badJobs': 'Bad --jobs "{value}": expected a whole number from 1 to 64.',
  'cli.badLocale': 'Unknown --locale "{value}": the messages are in en (English) and zh-cn (Simplified Chinese).',
  'cli.rewritten': '{file}: rewritten in reading order.',
  'cli.alreadyRewritten': '{file}: already clean text in reading order; not written.',
  'cli.rewriteSkipped': '{file}: {count, plural, one {# text in no article ({texts}) is now under a %% skip the rewrite wrote, and the export leaves it out. Check it, and mark its role (e.g. %% body) if it belongs to an article.} other {# texts in no article ({texts}) are now under a %% skip the rewrite wrote, and the export leaves them out. Check them, and mark their roles (e.g. %% body) where they belong to an article.}}',
  'misplaced-headline.message': 'Headline "{headline}" is away from its article (the related location shows where the article starts)',
  'misplaced-headline.related': 'The article starts here',
  'misplaced-headline.fix': 'Move the headline to the start of its article',
  'orphan-label.message': 'Label "{label}" is detached from the text it labels',
  'unclaimed-text.message': 'Text "{text}" is in no article: the export leaves it out (mark its role with an annotation, e.g. %% label or %% body)',
  'unclaimed-text.advert': 'Text "{text}" reads as an advertisement (it ends "—Advt."): the export leaves it out (mark it %% article to export it)',
  'unclaimed-text.kicker': 'Text "{text}" is in no article: the export leaves it out (it reads as the kicker of the headline below it: mark it %% kicker)',
  'unclaimed-text.caption': 'Text "{text}" is in no article: the export leaves it out (it reads as a photo caption: mark it %% caption, which the export leaves out on purpose)',
  'unclaimed-text.skip': 'Text "{text}" is in no article: the export leaves it out (it reads as an advertisement: mark it %% skip to leave it out on purpose, or %% article to export it)',
  'bad-annotation.unknown': 'Unknown annotation directive "{name}"',
  'bad-annotation.missingArg': 'Directive "{name}" needs an argument, e.g. the page: %% {name} 第二版',
  'bad-annotation.extraArg': 'This directive takes no argument',
  'bad-annotation.empty': 'Empty annotation: write a directive after %% (or %% # for a comment)',
  'bad-annotation.noTarget': 'Directive "{name}" has no block after it on this page',
  'bad-annotation.conflict': 'Directive "{name}" conflicts with "{winner}" on the same block: the last one, "{winner}", applies',
  'bad-annotation.ignored': 'The block is marked "{winner}", so "{name}" has no effect on it',
  'bad-annotation.longBlock': 'Directive "{name}" applies to the whole block below it, {count, plural, one {# line} other {# lines}} (up to the next blank line): insert a blank line after the heading',
  'action.markHeadline': 'Mark as headline',
  'action.markKicker': 'Mark as kicker',
  'action.startArticle': 'Start new article here',
  'action.notArticle': 'Not an article',
  'action.attachBelow': 'Attach this headline to the article below',
  'hover.article': 'Article {id} ({type}), confidence {confidence}',
  'article.type.article': 'article',
  'article.type.sidebar': 'sidebar',
  'article.type.notice': 'notice',
  'hover.kicker': 'Kicker',
  'hover.deck': 'Deck',
  'hover.byline': 'Byline',
  'hover.dateline': 'Dateline',
  'hover.labels': 'Labels',
  'hover.editorsNote': "Editor's note",
  'hover.body': 'Body',
  'hover.bodyLines': '{count, plural, one {# line} other {# lines}}',
  'hover.signoff': 'Sign-off',
  'hover.continuation': 'Continued',
  'hover.continuedTo': 'on {target}',
  'hover.continuedFrom': 'from {target}',
  'hover.row': '- {label}: {value}',
} as const;

export type MessageKey = keyof typeof en;

export const zhCn: Record<MessageKey, string> = {
  'spaced-glyphs.message': '字间距异常：汉字之间有 {count} 处排版空格',
  'spaced-glyphs.fix': '删除排版空格',
  'spaced-glyphs.unsure': '字间距异常：汉字之间有 {count} 处排版空格。但删除这些空格后，这一行会像仿粗体叠印的重复字（每个字印了两次），之后的修复会删掉其中一半。请核对后再删除空格（“全部修复”不会处理此处）。',
  'doubled-glyphs.message': '重复字形（仿粗体叠印）：“{before}”应为“{after}”',
  'doubled-glyphs.fix': '合并重复字形为“{after}”',
  'doubled-glyphs.rewritten': '此页由“按阅读顺序重写”生成：{text} 重写时已去过一次仿粗体，这里的重复字是有意保留的，或由合并行拼成，请核对后再修复（“全部修复”不会处理此处）。',
  'doubled-glyphs.unsure': '疑似仿粗体叠印（每个字印了两次）：“{before}”去重后为“{after}”。但“高高兴兴”这类叠词是真实的词语，请核对后再修复（“全部修复”不会处理此处）。',
  'mixed-script-spacing.message': '汉字与数字或拉丁字母之间有 {count} 处提取空格',
  'mixed-script-spacing.fix': '删除汉字与数字/字母之间的空格',
  'mixed-script-spacing.unsure': '汉字与数字或拉丁字母之间有 {count} 处提取空格。但删除这些空格后，这一行会像仿粗体叠印的重复字（每个字印了两次），之后的修复会删掉其中一半。请核对后再删除空格（“全部修复”不会处理此处）。',
  'hard-wrap.message': '硬换行段落：{count} 个栏宽行应为一个段落',
  'hard-wrap.related': '本段第 2–{count} 行',
  'hard-wrap.relatedOne': '本段第 2 行',
  'hard-wrap.fix': '合并段落',
  'hard-wrap.unsure': '硬换行段落：{count} 个栏宽行应为一个段落。但合并后，其中一行会像仿粗体叠印的重复字（每个字印了两次），之后的修复会删掉其中一半。请核对后再合并（“全部修复”不会处理此处）。',
  'split-sentence.message': '句子在此中断，接续部分在无关内容之后（见相关位置）',
  'split-sentence.related': '句子的后半部分',
  'split-sentence.fix': '将接续部分移回此处',
  'encoding.message': '此文件含有 {count} 个替换字符（U+FFFD）：它可能不是 UTF-8，而是按 UTF-8 打开的 GB18030/GBK 文件。请运行“更改文件编码”（点击状态栏中的编码），选择“通过编码重新打开”（Reopen with Encoding），再选“简体中文 (GB18030)”。',
  'encoding.western': '此文件含有 {count} 个替换字符（U+FFFD），第一个在此处：读取时这些字节不是 UTF-8。Windows-1252 或 Latin-1 编码的西文版面，其重音字母和印刷引号（é、«、’）处会出现这种字符。请运行“更改文件编码”（点击状态栏中的编码），选择“通过编码重新打开”（Reopen with Encoding），再选“西欧语言 (Windows 1252)”；如果文件本是 UTF-8，则这些字符此前已经丢失，请对照原版核对。',
  'encoding.lost': '此文件含有 {count} 个替换字符（U+FFFD），第一个在此处：这些字符在提取或转换文本时已经丢失，或读取时这些字节不是 UTF-8。请对照原版核对并补上。',
  'encoding.related': '另一个替换字符（U+FFFD）',
  'fixAll.rule': '修复此文件中所有{rule}问题',
  'rule.spaced-glyphs': '字间空格',
  'rule.doubled-glyphs': '重复字形',
  'rule.mixed-script-spacing': '中西文间空格',
  'rule.hard-wrap': '硬换行',
  'rule.split-sentence': '断句',
  'rule.misplaced-headline': '标题错位',
  'rule.orphan-label': '孤立标签',
  'rule.unclaimed-text': '无归属文字',
  'rule.bad-annotation': '标注错误',
  'rule.encoding': '文件编码',
  'fixAll.all': '修复此文件中所有 Newsprint 问题',
  'fixAll.left': '已执行 {passes} 轮修复，仍有 {count} 个问题待修复；再次运行即可修复其余问题。',
  'outline.page': '第 {n} 页',
  'outline.kind.kicker': '引题',
  'outline.kind.headline': '主题',
  'outline.kind.deck': '副题',
  'outline.kind.byline': '署名',
  'outline.kind.label': '标签',
  'outline.kind.note': '编者按',
  'outline.kind.paragraph': '段落',
  'limit.diagnostics': '此文件共有 {total} 个 Newsprint 问题，仅显示 {shown} 个。调高设置“{setting}”可全部显示。',
  'outline.pagePart': '第 {n} 页第 {part} 部分',
  'limit.analysing': 'Newsprint 仍在分析此文件（已完成 {done}/{total} 页）：此处仅显示已分析页面中靠近最近编辑处的问题，其余问题将在分析完成后显示。',
  'progress.analysing': '正在分析 {file}',
  'limit.pageSize': '此文件有一页长达 {size} 千字符，中间没有分页符（换页符）。为保持编辑流畅，Newsprint 将其在行首切分为 {parts} 个部分分别分析，在大纲中列为该页的各部分；跨越切分处的稿件会被识别为两篇。请按实际分页符拆分文件，以获得最好的稿件识别结果。',
  'outline.limited': '大纲：仅显示最近编辑处附近的 {shown}/{total} 篇稿件。调高设置“{setting}”可全部显示。',
  'cli.usage': '用法：newsprint <命令> [选项] 文件|文件夹…\n\n命令：\n  lint 文件|文件夹…      每行输出一个问题：文件:行:列: 级别 规则 说明\n  fix 文件|文件夹… [--write]\n                         输出修复后的文本，或（原子地）就地改写文件\n  rewrite 文件|文件夹… [--write]\n                         按阅读顺序输出干净文本（逐篇稿件，每段一行），或（原子地）就地改写文件\n  export 文件|文件夹… [--out 文件夹 [--update [--prune]] | --jsonl 文件] [--jobs N] [--force]\n                         将稿件导出为 newsprint.articles/1 JSON（单个文件时输出到标准输出）\n\n文件夹代表其中及其子文件夹中的所有版面文本（跳过隐藏文件和文件夹）。选项也可以写在命令之前；\n-- 之后不再有选项。\n\n选项：\n  --files-from 列表      另外处理列表文件中每行列出的文件或文件夹（-：标准输入），\n                         用于命令行容纳不下的大批文件\n  --include GLOB         文件夹中哪些文件是版面文本（默认：**/*.{pagedump,page.txt}）\n  --rule ID=LEVEL        将规则设为 off|hint|information|warning|error（可重复）\n  --locale LOCALE        消息语言：en 或 zh-cn（默认取自 LC_ALL、LC_MESSAGES 或 LANG；\n                         zh_CN、zh_SG 和 zh 为简体中文，其他为英文）\n  -h, --help             显示帮助\n  -v, --version          显示版本\n\nfix 和 rewrite 的选项：\n  --write                （原子地）就地改写文件，而不是输出文本；期间被改动、只读或不是有效\n                         UTF-8 的文件保持不变\n\nexport 的选项：\n  --out 文件夹           每个版面写一个 NAME.articles.json 到该文件夹：文件夹中找到的文件保留其在\n                         该文件夹下的路径，直接列出的文件保留其在共同上级文件夹下的路径\n  --jsonl 文件           每篇稿件一行写入该文件（-：写到标准输出）\n  --force                替换已存在的导出文件（不加此选项时保留原文件并提示）\n  --update               与 --out 一起使用：只重新导出含有比其导出文件更新的版面的文件夹，\n                         替换其导出文件\n  --prune                与 --update 一起使用：删除版面已不存在的导出文件，并重新导出其文件夹\n  --jobs N               工作线程数，1 到 64（默认：每 16 MB 输入一个，至少一个，\n                         最多为 CPU 核数）\n\n退出码：\n  0                      完成；lint 未发现警告或错误（只有提示和信息）\n  1                      lint 发现了警告或错误\n  2                      用法错误，或有文件无法读取或写入（其他文件照常处理）\n  3                      内部错误（请连同文件一起报告）\n  130, 143               被 Ctrl-C（SIGINT）或 SIGTERM 中止',
  'cli.unknownCommand': '未知命令“{command}”。运行“newsprint --help”查看命令列表。',
  'cli.noFiles': '没有输入文件：请至少指定一个文件或文件夹。',
  'cli.noDumps': '{file}：此文件夹中没有版面文本（查找的是 {pattern}；可用 --include GLOB 指定其他文件）。',
  'cli.badList': '无法读取文件列表 {file}：{detail}。',
  'cli.badName': '{file}：名称不是 UTF-8 编码（按 GB18030 解读为“{guess}”）；已跳过。请先将这类文件和文件夹重命名为 UTF-8，例如 convmv -f GBK -t UTF-8 -r --notest 文件夹。',
  'cli.badRule': '无效的 --rule“{value}”：应为 ID=LEVEL，LEVEL 取 off、hint、information、warning、error 之一，ID 取 {rules} 之一。',
  'cli.notFound': '{file}：文件不存在。',
  'cli.notFoundNotUtf8': '{file}：文件不存在：其名称含有非 UTF-8 字节（GBK？），显示为 �，这样的名称无法传递。请先将其重命名为 UTF-8，例如 convmv -f GBK -t UTF-8 --notest 文件。',
  'cli.isDirectory': '{file}：是文件夹，不是版面文本。',
  'cli.binary': '{file}：看起来是二进制数据（含 NUL 字节），不是文本；已跳过。',
  'cli.binaryFormat': '{file}：是 {detail} 文件，不是文本；已跳过。',
  'cli.utf16': '{file}：是 UTF-16 文本；请先转换为 UTF-8，例如 iconv -f UTF-16 -t UTF-8；已跳过。',
  'cli.tooLarge': '{file}：太大，本进程的内存无法分析（{detail}：分析约需文件大小的 13 倍）；已跳过。请在分页处（换页符）拆分此文件，或给 Node 更多内存，例如 NODE_OPTIONS=--max-old-space-size=16384。',
  'cli.unreadable': '{file}：无法读取：{detail}。',
  'cli.changedOnDisk': '{file}：读取后已在磁盘上被修改；未写入。请重新运行。',
  'cli.readOnly': '{file}：是只读文件；未写入。如需修改，请先将其设为可写（chmod u+w）。',
  'cli.notAFolder': '{file}：是文件而不是文件夹；导出需要把文件写入一个文件夹。',
  'cli.targetIsFolder': '{file}：是文件夹；--jsonl 在此处写入的是一个文件。请给出文件名，例如 {file}/articles.jsonl。',
  'cli.tooManyFiles': '文件太多，本进程的内存容纳不下一次运行：目前的 {count} 个文件约需 {need} MB，而一次运行的文件最多可用 {limit} MB。请把存档分成几部分运行（例如一次一个文件夹），或给 Node 更多内存，例如 NODE_OPTIONS=--max-old-space-size=16384。',
  'cli.exists': '{file}：已存在；未覆盖（--force 会替换它；使用 --out 时，--update 只替换过时的文件）。',
  'cli.unwritable': '{file}：无法写入：{detail}。',
  'cli.cannotMake': '{file}：无法创建此文件夹：{detail}。',
  'cli.invalidUtf8': '{file}：不是有效的 UTF-8（可能是 {encoding}？）；无效字节已读作 U+FFFD。请先转换为 UTF-8，例如 iconv -f {iconv} -t UTF-8。',
  'cli.stdoutFailed': '无法写入标准输出：{detail}。',
  'errno.ENOENT': '文件或文件夹不存在（ENOENT）',
  'errno.ENOTDIR': '路径中有一部分是文件而不是文件夹（ENOTDIR）',
  'errno.EISDIR': '这是一个文件夹（EISDIR）',
  'errno.EACCES': '没有权限（EACCES）',
  'errno.EPERM': '不允许此操作（EPERM）',
  'errno.EEXIST': '已经存在（EEXIST）',
  'errno.ENOSPC': '磁盘空间不足（ENOSPC）',
  'errno.EROFS': '文件系统是只读的（EROFS）',
  'errno.other': '系统错误 {code}',
  'cli.invalidUtf8NotWritten': '{file}：不是有效的 UTF-8（可能是 {encoding}？）；未写入，否则其中的无效字节会丢失。请先转换为 UTF-8，例如 iconv -f {iconv} -t UTF-8。',
  'cli.fixed': '{file}：已修复 {count} 个问题。',
  'cli.unchanged': '{file}：没有需要修复的问题。',
  'cli.fixLeft': '{file}：已执行 {passes} 轮修复，仍有 {count} 个问题待修复；请再次运行该命令。',
  'cli.internal': '{file}：内部错误（{detail}）。请连同该文件一起报告。',
  'cli.exportSummary': '已从 {files} 个文件导出 {articles} 篇稿件到 {target}（写入 {written} 个，失败 {failed} 个）。',
  'cli.exportProgress': '正在导出：{done}/{total} 个文件（{percent}%）',
  'cli.finding': '正在查找版面文本：已找到 {count} 个',
  'cli.related': '（{line}:{column}：{message}{count, plural, =0 {} other {；另有 # 处}}）',
  'cli.timeLeft': '，约剩 {time}',
  'cli.seconds': '{n} 秒',
  'cli.minutes': '{n} 分钟',
  'cli.hours': '{h} 小时 {m} 分钟',
  'export.progress': '{done}/{total} 个文件',
  'export.busy': '已有一个工作区导出正在进行：请等待其结束，或将其取消。',
  'export.exists': '{file}：已存在，且不在您同意替换的文件之中；未覆盖。',
  'cli.staleTemps': '已删除中断的导出在 {dir} 中留下的 {count} 个临时文件。',
  'cli.orphans': '{target} 中有 {count} 个导出文件已没有对应的版面（版面或其文件夹被删除、改名，或被 --include 排除），例如 {example}；它们及指向它们的链接保持原样。加上 --prune 可删除它们（仍有版面的所在文件夹随后会重新导出）。',
  'cli.pruned': '已删除 {target} 中 {count} 个不再有对应版面的导出文件（例如 {example}）。',
  'cli.prunedExportedAgain': '已删除 {target} 中 {count} 个不再有对应版面的导出文件（例如 {example}），仍有版面的文件夹已重新导出。',
  'cli.pruneNeedsUpdate': '--prune 需与 --update 一起使用：它删除不再有对应版面的导出文件。',
  'cli.exportManyNeedTarget': '多个文件需要指定 --out 文件夹（每个版面文本一个 JSON 文件）或 --jsonl 文件（每行一篇稿件）。',
  'cli.outAndJsonl': '--out 与 --jsonl 只能选其一。',
  'cli.optionNotFor': '选项 {option} 不适用于“{command}”命令。运行“newsprint --help”查看各命令的选项。',
  'cli.unknownOption': '未知选项“{option}”。运行“newsprint --help”查看选项（以“-”开头的文件名请放在“--”之后）。',
  'cli.optionNeedsValue': '选项“{option}”需要一个值。',
  'cli.optionAmbiguous': '选项“{option}”后面的参数以“-”开头：如果这就是它的值，请写成 {option}=值。',
  'cli.updateNeedsOut': '--update 需与 --out 文件夹（每个版面文本一个文件）一起使用：它将每个版面文本与其导出文件比较。',
  'cli.updateAndForce': '--update（替换过时的文件）与 --force（替换全部文件）只能选其一。',
  'cli.upToDate': '{issues} 个文件夹中的 {count} 个文件已是最新，未再次导出。',
  'cli.stopping': '正在停止：正在完成处理中的文件（再按一次 Ctrl-C 立即停止）。',
  'cli.stopped': '导出已在处理 {total} 个文件中的 {done} 个后停止。已写入 {target} 的 {written} 个文件是完整的，将予保留；加上 --update 再次运行即可完成。',
  'cli.stoppedNothing': '导出已在处理 {total} 个文件中的 {done} 个后停止；未写入任何文件。',
  'cli.stoppedStdout': '导出已在处理 {total} 个文件中的 {done} 个后停止；此前文件的稿件已输出到标准输出。',
  'cli.stdout': '标准输出',
  'cli.stoppedFiles': '已在处理 {total} 个文件中的 {done} 个后停止；已写入的文件都是完整的。',
  'cli.badJobs': '无效的 --jobs“{value}”：应为 1 到 64 之间的整数。',
  'cli.badLocale': '未知的 --locale“{value}”：消息语言只有 en（英文）和 zh-cn（简体中文）。',
  'cli.rewritten': '{file}：已按阅读顺序重写。',
  'cli.alreadyRewritten': '{file}：已是按阅读顺序排列的干净文本；未写入。',
  'cli.rewriteSkipped': '{file}：{count} 处未归入任何稿件的文字（{texts}）改写后位于 %% skip（跳过）之下，导出时不含这些文字。请核对；属于稿件的，请标注其角色（如 %% 正文）。',
  'misplaced-headline.message': '标题“{headline}”不在其稿件处（相关位置显示稿件开头）',
  'misplaced-headline.related': '稿件从这里开始',
  'misplaced-headline.fix': '将标题移到其稿件开头',
  'orphan-label.message': '标签“{label}”与其所标注的内容分离',
  'unclaimed-text.message': '文字“{text}”不属于任何稿件，导出时不包含（可用标注指明其角色，如 %% 栏目 或 %% 正文）',
  'unclaimed-text.advert': '文字“{text}”是广告（以“—Advt.”结尾），导出时不包含（如需导出，请标注 %% 新稿）',
  'unclaimed-text.kicker': '文字“{text}”不属于任何稿件，导出时不包含（像是下方主题的引题，可标注 %% 引题）',
  'unclaimed-text.caption': '文字“{text}”不属于任何稿件，导出时不包含（像是图片说明，可标注 %% 图说，导出时有意不含图说）',
  'unclaimed-text.skip': '文字“{text}”不属于任何稿件，导出时不包含（像是广告，可标注 %% 跳过 有意不导出，或标注 %% 新稿 将其导出）',
  'bad-annotation.unknown': '未知的标注指令“{name}”',
  'bad-annotation.missingArg': '指令“{name}”需要参数，例如版面：%% {name} 第二版',
  'bad-annotation.extraArg': '此指令不带参数',
  'bad-annotation.empty': '空标注：请在 %% 后写指令（注释请用 %% #）',
  'bad-annotation.noTarget': '指令“{name}”之后在本版没有可作用的段落',
  'bad-annotation.conflict': '指令“{name}”与同一段落的“{winner}”冲突，以最后一条“{winner}”为准',
  'bad-annotation.ignored': '该段落已标为“{winner}”，指令“{name}”对它不起作用',
  'bad-annotation.longBlock': '指令“{name}”作用于其下整个段落（到下一个空行为止），共 {count} 行：请在标题之后插入一个空行',
  'action.markHeadline': '标为主题',
  'action.markKicker': '标为引题',
  'action.startArticle': '从这里开始新稿件',
  'action.notArticle': '不是稿件',
  'action.attachBelow': '将此标题归入下方稿件',
  'hover.article': '稿件 {id}（{type}），置信度 {confidence}',
  'article.type.article': '正文稿',
  'article.type.sidebar': '边栏',
  'article.type.notice': '公告',
  'hover.kicker': '引题',
  'hover.deck': '副题',
  'hover.byline': '署名',
  'hover.dateline': '电头',
  'hover.labels': '标签',
  'hover.editorsNote': '编者按',
  'hover.body': '正文',
  'hover.bodyLines': '{count} 行',
  'hover.signoff': '落款',
  'hover.continuation': '转版',
  'hover.continuedTo': '下转{target}',
  'hover.continuedFrom': '上接{target}',
  'hover.row': '- {label}：{value}',
};

export type Messages = Record<MessageKey, string>;

/**
 * Whether a locale (VS Code's `zh-cn`, BCP 47 `zh-Hans-SG`, POSIX `zh_CN.UTF-8`) reads the Chinese
 * messages: they are Simplified, so zh-CN, zh-SG, zh-Hans and plain zh do, and Traditional Chinese
 * (zh-TW, zh-HK, zh-Hant) reads English, as VS Code's client side does (it has only zh-cn bundles)
 * rather than a third language in one window.
 */
export function isSimplifiedChinese(locale: string | undefined): boolean {
  const [language, ...subtags] = (locale ?? '').toLowerCase().replace(/[.@].*$/, '').split(/[-_]/);
  if (language !== 'zh' || subtags.includes('hant')) return false;
  return subtags.length === 0 || subtags.some((s) => s === 'hans' || s === 'cn' || s === 'sg');
}

export function messagesFor(locale: string | undefined): Messages {
  return isSimplifiedChinese(locale) ? zhCn : en;
}

/**
 * Fills `{name}` placeholders (name = one or more of [A-Za-z0-9_]) from args, and plural blocks
 * `{name, plural, one {# file} other {# files}}` with the branch for args[name] in locale (see
 * plural.ts); unknown names stay as written. The template is cut at its placeholders once (see
 * cutTemplate): the rules format a message for many findings from a few templates.
 */
export function format(template: string, args: Record<string, string | number> = {}, locale = 'en'): string {
  const parts = cutTemplate(template);
  if (parts.length === 1) return template;
  let out = parts[0] as string;
  for (let k = 1; k < parts.length; k += 2) {
    const slot = parts[k];
    let after = parts[k + 1] as string;
    if (typeof slot !== 'string') out += slot.name in args ? format(pluralBranch(slot, Number(args[slot.name]), locale), args, locale) : slot.source;
    else if (!(slot in args)) out += `{${slot}}`;
    else {
      const value = String(args[slot]);
      // A text quoted in “” that holds “” itself is quoted in 「」 (or 『』) instead (see zhQuoted).
      if (out.charCodeAt(out.length - 1) === 0x201c && after.charCodeAt(0) === 0x201d) {
        out = out.slice(0, -1) + zhQuoted(value);
        after = after.slice(1);
      } else out += value;
    }
    out += after;
  }
  return out;
}

/**
 * A text quoted in a Chinese message: in “”, the table's quotes, unless it holds “ or ” itself
 * (标题“跨境电商：外贸增长“新引擎””, a headline with its own quotes): then in 「」, or in 『』 when it
 * holds 「 or 」 too. One convention for every Chinese message: format applies it to each argument
 * a template has between “ and ” (only Chinese templates quote so: English ones write "{name}"),
 * so the templates keep writing “{headline}”.
 */
export function zhQuoted(text: string): string {
  if (!/[“”]/.test(text)) return `“${text}”`;
  return /[「」]/.test(text) ? `『${text}』` : `「${text}」`;
}

/** Texts quoted as a list in a message of `messages`' language: the first `max` (each cut at 20 characters), then … (等 in Chinese). */
export function quotedList(messages: Messages, texts: readonly string[], max = 3): string {
  const cut = texts.slice(0, max).map((x) => (x.length > 20 ? `${x.slice(0, 20)}…` : x));
  if (messages === zhCn) return cut.map(zhQuoted).join('、') + (texts.length > max ? '等' : '');
  return cut.map((x) => `"${x}"`).join(', ') + (texts.length > max ? ', …' : '');
}

/** A rule's name as the user reads it (`rule.<id>`: 硬换行 for hard-wrap in Chinese), else its id. */
export function ruleName(messages: Messages, rule: string): string {
  const key = `rule.${rule}`;
  return key in en ? messages[key as MessageKey] : rule;
}

/** Templates cut at their placeholders: texts at even indices, names or plural blocks at odd ones (bounded, in case texts other than a table's are formatted). */
const CUT = new Map<string, (string | PluralBlock)[]>();
const MAX_CUT = 1000;

function cutTemplate(template: string): (string | PluralBlock)[] {
  let parts = CUT.get(template);
  if (parts !== undefined) return parts;
  parts = [];
  let done = 0; // template[0, done) is in parts
  let open = template.indexOf('{');
  while (open >= 0) {
    let j = open + 1;
    while (j < template.length && isWordChar(template.charCodeAt(j))) j++;
    const plural = j > open + 1 && template.charCodeAt(j) === 44 /* , */ ? readPlural(template, open, j) : undefined;
    if (j > open + 1 && template.charCodeAt(j) === 125 /* } */) {
      parts.push(template.slice(done, open), template.slice(open + 1, j));
      done = j + 1;
      open = template.indexOf('{', j + 1);
    } else if (plural) {
      parts.push(template.slice(done, open), plural.block);
      done = plural.end;
      open = template.indexOf('{', plural.end);
    } else {
      open = template.indexOf('{', open + 1);
    }
  }
  parts.push(template.slice(done));
  if (CUT.size >= MAX_CUT) CUT.clear();
  CUT.set(template, parts);
  return parts;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function t(messages: Messages, key: MessageKey, args?: Record<string, string | number>): string {
  // Without args format changes nothing: skip its scan, and its default `{}` allocated per call.
  return args ? format(messages[key], args, messages === zhCn ? 'zh-CN' : 'en') : messages[key];
}

/**
 * t(messages, key, { count }) for small counts, one string per (table, key, count): the line rules
 * say "{count} gaps" on most lines of a dump, and a shared string costs nothing to keep.
 */
const COUNT_CACHE = new WeakMap<Messages, Map<MessageKey, string[]>>();
export function tCount(messages: Messages, key: MessageKey, count: number): string {
  if (!(count >= 0 && count < 1024 && Number.isInteger(count))) return t(messages, key, { count });
  let byKey = COUNT_CACHE.get(messages);
  if (!byKey) COUNT_CACHE.set(messages, (byKey = new Map()));
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = []));
  let v = list[count];
  if (v === undefined) {
    // Fill the holes below so the array stays packed.
    for (let k = list.length; k <= count; k++) list.push(t(messages, key, { count: k }));
    v = list[count];
  }
  return v;
}

/** System errors said in words (see errorReason). */
/**
 * A failure's detail as users read it: a system error's code in words with the code after them,
 * for support ("no such file or folder (ENOENT)"), a rarer code as "system error EMFILE", anything
 * else (a message, a size) as it is.
 */
export function errorReason(messages: Messages, detail: string): string {
  if (!/^E[A-Z0-9]+$/.test(detail)) return detail;
  // A code has words when the messages have an `errno.` key for it (`errno.other` is no code: lower case).
  const key = `errno.${detail}`;
  return key in en ? t(messages, key as MessageKey) : t(messages, 'errno.other', { code: detail });
}

/** Before this long, or this share of the batch, a batch's pace says little (an export's jobs warm up first). */
const ETA_AFTER_MS = 5000;
const ETA_AFTER_SHARE = 0.01;

/**
 * How long the rest of a batch should take at its pace so far, in words ("about 3 min left"), or ''
 * while the pace says little yet.
 */
export function timeLeft(messages: Messages, elapsedMs: number, done: number, total: number): string {
  if (elapsedMs < ETA_AFTER_MS || done < total * ETA_AFTER_SHARE || done >= total) return '';
  const s = Math.ceil(((total - done) * elapsedMs) / done / 1000);
  const min = Math.ceil(s / 60);
  const time = s < 60 ? t(messages, 'cli.seconds', { n: s }) : min < 60 ? t(messages, 'cli.minutes', { n: min }) : t(messages, 'cli.hours', { h: Math.floor(min / 60), m: min % 60 });
  return t(messages, 'cli.timeLeft', { time });
}
