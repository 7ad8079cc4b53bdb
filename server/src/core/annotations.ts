// Staff annotations: `%%` lines that correct the article detection in the file itself.
//
// Syntax (one directive per line; the line holds nothing else):
//
//   %% <name> [argument]        e.g.  %% headline      %% continued-to 第二版
//   %% # free comment           (ignored; so is `%%#…`)
//
// A directive applies to the *next block*: the run of non-blank lines that starts at the first
// non-blank, non-annotation line after it on the same page (with pdftotext's "blank line after
// every line" output a block is usually one line, a multi-line headline stays one block).
// Chinese aliases are accepted for every name (see DIRECTIVES). Directives override the
// detection; an unknown name, a missing or surplus argument, or a directive with nothing after it
// gets a `bad-annotation` diagnostic and is otherwise ignored. Export never emits `%%` lines.
//
// Several directives may apply to one block: `article`, `attach-below` and `continued-from/to`
// combine with a role (headline, kicker, deck, byline, caption, label, body, skip), and
// `continued-from` with `continued-to` (a middle part of a story over three pages, continued from
// one and on to another: the two may sit on its two ends or both on one block). Those that
// contradict each other get a `bad-annotation` diagnostic on the one that is ignored (see
// blockProblems): of two roles, or two continuations of one direction, the last one (nearest the
// block) applies; a block marked `skip` or `caption` starts no article, and only a heading is
// attached below. A heading role (headline, kicker, deck, byline, label) that applies to a block of
// more than six lines gets one too (see longHeading): a blank line after the heading is missing.
import { isSpace } from './chars';
import { lineAt } from './lines';
import type { Line, PageDump, Span } from './types';

export type DirectiveName =
  | 'article'
  | 'headline'
  | 'kicker'
  | 'deck'
  | 'byline'
  | 'caption'
  | 'label'
  | 'body'
  | 'skip'
  | 'continued-from'
  | 'continued-to'
  | 'attach-below';

export interface DirectiveSpec {
  name: DirectiveName;
  /** Whether the directive takes an argument (the page it continues from/to). */
  arg: 'none' | 'required';
  aliases: readonly string[];
  description: { en: string; zh: string };
}

const spec = (name: DirectiveName, arg: 'none' | 'required', aliases: string[], en: string, zh: string): DirectiveSpec => ({
  name,
  arg,
  aliases,
  description: { en, zh },
});

/** Every directive, with its description for completion and hover. */
export const DIRECTIVES: Readonly<Record<DirectiveName, DirectiveSpec>> = {
  article: spec('article', 'none', ['新稿', '新文章'], 'Start a new article at the next block (its headline if it is one, else its first paragraph).', '从下一段开始一篇新稿件（若下一段是标题则作为其标题，否则作为首段）。'),
  headline: spec('headline', 'none', ['主题', '标题'], 'The next block is a headline.', '下一段是主题（标题）。'),
  kicker: spec('kicker', 'none', ['引题'], 'The next block is a kicker (引题): of the headline below it, or of the one right above it when no headline follows.', '下一段是引题（肩题）：属于其下方的主题；紧接其下没有主题时，属于紧挨其上方的主题。'),
  deck: spec('deck', 'none', ['副题'], 'The next block is a deck (subheadline, 副题).', '下一段是副题。'),
  byline: spec('byline', 'none', ['署名'], 'The next block is a byline.', '下一段是作者署名。'),
  caption: spec('caption', 'none', ['图说', '图片说明'], 'The next block is a picture caption (not part of an article body).', '下一段是图片说明（不属于正文）。'),
  label: spec('label', 'none', ['栏目', '标签'], 'The next block is a label: a column name, 编者按 or a banner slogan.', '下一段是标签：栏目名、编者按或通栏标语。'),
  body: spec('body', 'none', ['正文'], 'The next block is body text.', '下一段是正文。'),
  skip: spec('skip', 'none', ['跳过', '非稿件'], 'The next block is not an article (advertisement, noise); it is left out of every article.', '下一段不是稿件（广告、噪声），不归入任何稿件。'),
  'continued-from': spec('continued-from', 'required', ['上接'], 'The article at the next block continues from the given page, e.g. `%% continued-from 第一版`.', '下一段所在稿件上接指定版面，例如 `%% continued-from 第一版`。'),
  'continued-to': spec('continued-to', 'required', ['下转'], 'The article at the next block (or the one just above, at the end of the page) continues on the given page, e.g. `%% continued-to 第二版`.', '下一段（页末时为上一段）所在稿件下转指定版面，例如 `%% continued-to 第二版`。'),
  'attach-below': spec('attach-below', 'none', ['归下'], 'The next headline block belongs to the article below it, not to a body elsewhere.', '下一个标题段属于其下方的稿件。'),
};

const BY_NAME = new Map<string, DirectiveName>();
for (const s of Object.values(DIRECTIVES)) {
  BY_NAME.set(s.name, s.name);
  for (const a of s.aliases) BY_NAME.set(a, s.name);
}

export interface Directive {
  /** Index of the `%%` line. */
  line: number;
  name: DirectiveName;
  arg: string;
  /** Span of the directive name in the text. */
  span: Span;
  /** First line of the block the directive applies to, or -1 (end of page). */
  target: number;
  /** Last line of that block. */
  targetEnd: number;
}

export type AnnotationProblemKind = 'unknown' | 'missing-arg' | 'extra-arg' | 'empty' | 'no-target' | 'conflict' | 'ignored' | 'long-block';

export interface AnnotationProblem extends Span {
  line: number;
  kind: AnnotationProblemKind;
  /** The name as written. */
  name: string;
  /** 'conflict', 'ignored': the directive that applies instead, as written. */
  winner?: string;
  /** 'long-block': the lines of the block it applies to. */
  count?: number;
}

export type ParsedLine =
  | { kind: 'comment' }
  | { kind: 'directive'; name: DirectiveName; arg: string; nameStart: number; nameEnd: number }
  | { kind: 'problem'; problem: Exclude<AnnotationProblemKind, 'no-target' | 'conflict' | 'ignored' | 'long-block'>; name: string; start: number; end: number };


/** Parse the text of one `%%` line. Offsets are relative to the line start. Linear, no regex. */
export function parseDirectiveLine(text: string): ParsedLine {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (!text.startsWith('%%', i)) return { kind: 'problem', problem: 'empty', name: '', start: 0, end: text.length };
  i += 2;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i < text.length && (text[i] === '#' || text[i] === '%')) return { kind: 'comment' };
  if (i >= text.length) return { kind: 'problem', problem: 'empty', name: '', start: 0, end: text.length };
  const nameStart = i;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== ':' && text[i] !== '：') i++;
  const nameEnd = i;
  const written = text.slice(nameStart, nameEnd);
  if (!written) return { kind: 'problem', problem: 'empty', name: '', start: 0, end: text.length }; // `%% ：`
  if (i < text.length && (text[i] === ':' || text[i] === '：')) i++;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  let argEnd = text.length;
  while (argEnd > i && isSpace(text.charCodeAt(argEnd - 1))) argEnd--;
  const arg = text.slice(i, argEnd);
  const name = BY_NAME.get(written.toLowerCase());
  if (!name) return { kind: 'problem', problem: 'unknown', name: written, start: nameStart, end: nameEnd };
  const s = DIRECTIVES[name];
  if (s.arg === 'required' && !arg) return { kind: 'problem', problem: 'missing-arg', name: written, start: nameStart, end: nameEnd };
  if (s.arg === 'none' && arg) return { kind: 'problem', problem: 'extra-arg', name: written, start: i, end: argEnd };
  return { kind: 'directive', name, arg, nameStart, nameEnd };
}

/** Directives and problems of one page, in line order. */
export function parseAnnotations(dump: PageDump, pageIndex: number): { directives: Directive[]; problems: AnnotationProblem[] } {
  const page = dump.pages[pageIndex];
  const directives: Directive[] = [];
  const problems: AnnotationProblem[] = [];
  if (!page || !mayHoldAnnotations(dump, page.start, page.end)) return { directives, problems };
  const lines = dump.lines;
  // Walk backwards so each directive finds its target block in O(1).
  let nextFirst = -1;
  let nextLast = -1;
  let inBlockLast = -1;
  let lastBlock = -1; // the first line of the page's last block: what a continued-to at its end goes with
  const found: Directive[] = [];
  for (let i = page.lastLine; i >= page.firstLine; i--) {
    const l: Line = lineAt(dump, i);
    if (l.annotation) {
      if (inBlockLast >= 0) {
        nextFirst = i + 1;
        nextLast = inBlockLast;
        inBlockLast = -1;
        if (lastBlock < 0) lastBlock = nextFirst;
      }
      const p = parseDirectiveLine(l.text);
      if (p.kind === 'comment') continue;
      if (p.kind === 'problem') {
        problems.push({ line: i, kind: p.problem, name: p.name, start: l.start + p.start, end: Math.min(l.end, l.start + Math.max(p.end, p.start + 1)) });
        continue;
      }
      found.push({ line: i, name: p.name, arg: p.arg, span: { start: l.start + p.nameStart, end: l.start + p.nameEnd }, target: nextFirst, targetEnd: nextLast });
    } else if (l.blank) {
      if (inBlockLast >= 0) {
        nextFirst = i + 1;
        nextLast = inBlockLast;
        inBlockLast = -1;
        if (lastBlock < 0) lastBlock = nextFirst;
      }
    } else if (inBlockLast < 0) inBlockLast = i;
  }
  if (inBlockLast >= 0 && lastBlock < 0) lastBlock = page.firstLine;
  for (let k = found.length - 1; k >= 0; k--) {
    const d = found[k];
    // Only `continued-to` may close a page (the article above goes on elsewhere); any other
    // directive there applies to nothing.
    if (d.target < 0 && d.name !== 'continued-to') {
      problems.push({ line: d.line, kind: 'no-target', name: d.name, start: lines.start[d.line], end: lines.end[d.line] });
      continue;
    }
    directives.push(d);
  }
  blockProblems(dump, directives, lastBlock, problems);
  problems.sort((a, b) => a.start - b.start);
  return { directives, problems };
}

/** Directives that set a block's role: one role a block, the last one written applies (detect's forceLines). */
export const ROLE_DIRECTIVES: ReadonlySet<DirectiveName> = new Set<DirectiveName>(['headline', 'kicker', 'deck', 'byline', 'caption', 'label', 'body', 'skip']);
/** Roles that leave a block out of every article: `%% article` and `%% attach-below` on it do nothing. */
const NOT_IN_ARTICLE: ReadonlySet<DirectiveName> = new Set<DirectiveName>(['skip', 'caption']);
/** Roles of blocks that are not headings: `%% attach-below` on it does nothing. */
const NOT_HEADING: ReadonlySet<DirectiveName> = new Set<DirectiveName>(['byline', 'label', 'body', 'skip', 'caption']);

/**
 * The problems of each block's directives, onto `problems`: the role that applies (the last one
 * written, as detect reads them in line order) on too long a block (longHeading), and directives
 * that contradict each other (each on the one ignored): a role after which another role comes, a
 * continuation after which another, different one of its direction comes (likewise: a
 * `continued-from` and a `continued-to` both apply, to a middle part), and `article` or
 * `attach-below` on a block whose role makes it do nothing. `directives` are in line order, so
 * those of one block are consecutive. A `continued-to` at the end of the page (target -1) goes with
 * the article just above it (see applyContinuations in detect.ts): it is read with the directives
 * of the page's last block (`lastBlock`, its first line), which come right before it, so that
 * `%% continued-to 第二版` above that block and `%% 下转 第三版` after it conflict as both above it do.
 */
function blockProblems(dump: PageDump, directives: readonly Directive[], lastBlock: number, problems: AnnotationProblem[]): void {
  const blockOf = (d: Directive) => (d.target < 0 ? lastBlock : d.target);
  for (let from = 0, to = 0; from < directives.length; from = to) {
    let role = -1;
    let contFrom = -1;
    let contTo = -1;
    for (to = from; to < directives.length && blockOf(directives[to]) === blockOf(directives[from]); to++) {
      const name = directives[to].name;
      if (ROLE_DIRECTIVES.has(name)) role = to;
      else if (name === 'continued-from') contFrom = to;
      else if (name === 'continued-to') contTo = to;
    }
    if (role >= 0) longHeading(dump, directives[role], problems);
    if (to - from < 2) continue;
    for (let k = from; k < to; k++) {
      const d = directives[k];
      const winner = ROLE_DIRECTIVES.has(d.name) ? role : d.name === 'continued-from' ? contFrom : d.name === 'continued-to' ? contTo : -1;
      if (winner >= 0 && winner !== k && (directives[winner].name !== d.name || directives[winner].arg !== d.arg)) problems.push(conflict(dump, d, directives[winner], 'conflict'));
      else if (role >= 0 && ((d.name === 'article' && NOT_IN_ARTICLE.has(directives[role].name)) || (d.name === 'attach-below' && NOT_HEADING.has(directives[role].name))))
        problems.push(conflict(dump, d, directives[role], 'ignored'));
    }
  }
}

function conflict(dump: PageDump, d: Directive, winner: Directive, kind: 'conflict' | 'ignored'): AnnotationProblem {
  const written = (x: Directive) => (x.arg ? `${dump.text.slice(x.span.start, x.span.end)} ${x.arg}` : dump.text.slice(x.span.start, x.span.end));
  return { line: d.line, kind, name: written(d), start: d.span.start, end: d.span.end, winner: written(winner) };
}

/** Roles of headings: a few lines, a block of more is rather a heading with the text below it. */
const HEADING_DIRECTIVES: ReadonlySet<DirectiveName> = new Set<DirectiveName>(['headline', 'kicker', 'deck', 'byline', 'label']);
/** The most lines a heading directive's block has before long-block says so (a headline of six lines is printed). */
const MAX_HEADING_LINES = 6;

/**
 * The role directive that applies to its block (the last role of it, see blockProblems), onto
 * `problems` when it is a heading's and the block has more than MAX_HEADING_LINES lines: in a dump
 * without blank lines a directive reaches down to the page's end (the whole page a headline), so
 * a blank line after the heading is missing.
 */
function longHeading(dump: PageDump, d: Directive, problems: AnnotationProblem[]): void {
  const count = d.targetEnd - d.target + 1;
  if (!HEADING_DIRECTIVES.has(d.name) || d.target < 0 || count <= MAX_HEADING_LINES) return;
  problems.push({ line: d.line, kind: 'long-block', name: dump.text.slice(d.span.start, d.span.end), start: d.span.start, end: d.span.end, count });
}

/** Where each dump's next `%%` was last found (at, -1: none) from where (from). */
const PERCENTS = new WeakMap<PageDump, { from: number; at: number }>();

/**
 * Does the text [start, end) hold a `%%` (which every annotation line does)? Pages are asked in
 * order and most hold none: the next `%%` is searched for once (natively) and remembered, so a
 * dump costs one pass over its text instead of a look at every line of every page.
 */
function mayHoldAnnotations(dump: PageDump, start: number, end: number): boolean {
  let p = PERCENTS.get(dump);
  if (!p) PERCENTS.set(dump, (p = { from: start, at: dump.text.indexOf('%%', start) }));
  else if (start < p.from || (p.at >= 0 && start > p.at)) {
    p.from = start;
    p.at = dump.text.indexOf('%%', start);
  }
  return p.at >= 0 && p.at < end;
}

/** `%% …` line text for a directive (used by code actions). */
export function directiveText(name: DirectiveName, arg = ''): string {
  return arg ? `%% ${name} ${arg}` : `%% ${name}`;
}
