// Editor providers over the article analysis, as plain data with UTF-16 offsets (the LSP layer
// converts them): document symbols, folding ranges, hover, semantic tokens, annotation
// completions and "mark as …" code actions.
import { isTextLine, LINE_ANNOTATION, LINE_BLANK, lineAt, lineText } from './lines';
import type { Edit, PageDump } from './types';
import type { Messages } from './messages';
import { en, t, zhCn } from './messages';
import { markersOfArticle, roleAt, type Article, type PageAnalysis, type Role } from './articles/model';
import { articleTitle } from './articles/detect';
import { cleaner, cleanLineText, type Cleaner } from './clean';
import { joinLines } from './paragraphs';
import { flowArticle, flowContext, flowLines, type FlowContext, type FlowParagraph } from './reflow';
import { DIRECTIVES, directiveText, parseDirectiveLine, ROLE_DIRECTIVES, type DirectiveName } from './annotations';
import { lineIndexAt } from './parse';

export type SymbolKind = 'page' | 'article' | 'kicker' | 'headline' | 'deck' | 'byline' | 'label' | 'note' | 'paragraph';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

const spanOf = (dump: PageDump, lines: readonly number[]) => ({ start: dump.lines.start[lines[0]], end: dump.lines.end[lines[lines.length - 1]] });

function leaf(dump: PageDump, kind: SymbolKind, lines: readonly number[], name?: string): OutlineSymbol {
  const s = spanOf(dump, lines);
  const text = name ?? displayText(dump, lines);
  return { name: text.length > 60 ? `${text.slice(0, 59)}…` : text || kind, detail: kind, kind, start: s.start, end: s.end, selectionStart: s.start, selectionEnd: s.end, children: [] };
}

/** Clean display text of some lines: glyph artifacts removed, lines joined as in paragraphs. */
function displayText(dump: PageDump, lines: readonly number[]): string {
  return joinLines(lines.map((i) => cleanLineText(lineText(dump, i))));
}

/**
 * Lines split into paragraphs as the export, the hard-wrap rule and the rewrite split them
 * (reflow.ts: blank lines, a rewritten page's one paragraph a line…), read without glyph fixes.
 */
function paragraphs(dump: PageDump, analysis: PageAnalysis, lines: readonly number[]): number[][] {
  return linesOf(flowLines(flowContext(dump, analysis, cleaner(dump, [])), lines, [], false));
}

/** The lines of each paragraph, in order (a line cut in two by a marker or dateline counts once in each). */
function linesOf(ps: readonly FlowParagraph[]): number[][] {
  const out: number[][] = [];
  for (const p of ps) {
    const lines: number[] = [];
    for (const x of p.pieces) if (lines[lines.length - 1] !== x.line) lines.push(x.line);
    out.push(lines);
  }
  return out;
}

/** What kind of article it is, in the user's language (its type is English in the export). */
const typeName = (messages: Messages, a: Article) => t(messages, `article.type.${a.type}`);

/**
 * Page → article → kicker/headline/decks/byline/labels/note/paragraphs. `clean`: the text with the
 * page's glyph fixes (its findings'), which the paragraphs are measured in, as the export does.
 */
export function documentSymbols(dump: PageDump, analyses: readonly PageAnalysis[], messages: Messages = en, clean: Cleaner = cleaner(dump, [])): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const p of analyses) {
    const page = dump.pages[p.page];
    if (!page) continue;
    const ctx = flowContext(dump, p, clean);
    const children = p.articles.filter((a) => a.lines.length > 0).map((a) => articleSymbol(dump, a, messages, ctx));
    out.push({ name: `Page ${p.page + 1}`, detail: `${p.articles.length}`, kind: 'page', start: page.start, end: page.end, selectionStart: page.start, selectionEnd: page.start, children });
  }
  return out;
}

function articleSymbol(dump: PageDump, a: Article, messages: Messages, ctx: FlowContext): OutlineSymbol {
  const all = spanOf(dump, a.lines);
  const sel = a.headline.length ? spanOf(dump, a.headline) : spanOf(dump, a.lines.slice(0, 1));
  const children: OutlineSymbol[] = [];
  if (a.kicker.length) children.push(leaf(dump, 'kicker', a.kicker));
  if (a.headline.length) children.push(leaf(dump, 'headline', a.headline, articleTitle(dump, a)));
  for (const d of a.decks) children.push(leaf(dump, 'deck', d));
  for (const l of a.labels) children.push(leaf(dump, 'label', l));
  if (a.editorsNote.length) children.push(leaf(dump, 'note', a.editorsNote));
  if (a.byline.length) children.push(leaf(dump, 'byline', a.byline));
  // The export's paragraphs, the dateline, sign-off and markers cut out as it cuts them.
  for (const para of linesOf(flowArticle(ctx, a, false).body)) children.push(leaf(dump, 'paragraph', para));
  return { name: articleTitle(dump, a) || a.id, detail: `${a.id} · ${typeName(messages, a)} · ${a.confidence.toFixed(2)}`, kind: 'article', start: all.start, end: all.end, selectionStart: sel.start, selectionEnd: sel.end, children };
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

/** One range per contiguous stretch (blank and annotation lines bridge) of each article's lines. */
export function foldingRanges(dump: PageDump, analyses: readonly PageAnalysis[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const p of analyses)
    for (const a of p.articles) {
      let from = -1;
      let to = -1;
      const flush = () => {
        if (from >= 0 && dump.lines.row[to] > dump.lines.row[from]) out.push({ startLine: dump.lines.row[from], endLine: dump.lines.row[to] });
      };
      for (const i of a.lines) {
        let bridged = to >= 0;
        for (let k = to + 1; bridged && k < i; k++) if (isTextLine(dump.lines, k)) bridged = false;
        if (from >= 0 && bridged) to = i;
        else {
          flush();
          from = to = i;
        }
      }
      flush();
    }
  return out.sort((x, y) => x.startLine - y.startLine);
}

function articleAt(analyses: readonly PageAnalysis[], line: number): { p: PageAnalysis; a: Article } | null {
  for (const p of analyses) for (const a of p.articles) if (a.lines.includes(line)) return { p, a };
  return null;
}

/** Markdown describing the article when the offset is on its headline, kicker or deck; else null. */
export function hoverAt(dump: PageDump, analyses: readonly PageAnalysis[], offset: number, messages: Messages): string | null {
  if (dump.lines.length === 0) return null;
  const line = lineIndexAt(dump, offset);
  const hit = articleAt(analyses, line);
  if (!hit) return null;
  const { a } = hit;
  if (!a.headline.includes(line) && !a.kicker.includes(line) && !a.decks.some((d) => d.includes(line))) return null;
  const txt = (ls: readonly number[]) => displayText(dump, ls);
  const rows: string[] = [`**${articleTitle(dump, a)}**`, '', t(messages, 'hover.article', { id: a.id, type: typeName(messages, a), confidence: a.confidence.toFixed(2) }), ''];
  const row = (key: Parameters<typeof t>[1], value: string) => rows.push(t(messages, 'hover.row', { label: t(messages, key), value }));
  if (a.kicker.length) row('hover.kicker', txt(a.kicker));
  for (const d of a.decks) row('hover.deck', txt(d));
  if (a.labels.length) row('hover.labels', a.labels.map(txt).join(' · '));
  if (a.editorsNote.length) row('hover.editorsNote', t(messages, 'hover.bodyLines', { count: a.editorsNote.length }));
  if (a.byline.length) row('hover.byline', txt(a.byline));
  if (a.dateline) row('hover.dateline', dump.text.slice(a.dateline.start, a.dateline.end));
  row('hover.body', t(messages, 'hover.bodyLines', { count: a.body.length }));
  if (a.signoff) row('hover.signoff', dump.text.slice(a.signoff.start, a.signoff.end));
  for (const c of markersOfArticle(a)) row('hover.continuation', t(messages, c.direction === 'to' ? 'hover.continuedTo' : 'hover.continuedFrom', { target: c.target }));
  return rows.join('\n');
}

export interface RoleToken {
  start: number;
  end: number;
  role: Role;
}

/** One token per text line with its role; datelines, sign-offs and continuation markers inside body lines get their own. */
export function semanticTokens(dump: PageDump, analyses: readonly PageAnalysis[]): RoleToken[] {
  const out: RoleToken[] = [];
  for (const p of analyses) {
    const page = dump.pages[p.page];
    if (!page) continue;
    const inner = new Map<number, { start: number; end: number; role: Role }[]>();
    for (const a of p.articles) {
      for (const [s, role] of [[a.dateline, 'dateline'], [a.signoff, 'signoff'], ...markersOfArticle(a).map((c) => [c.span, 'continuation'] as const)] as const) {
        if (!s) continue;
        const i = lineIndexAt(dump, s.start);
        if (roleAt(p, i - page.firstLine) === 'body') (inner.get(i) ?? inner.set(i, []).get(i)!).push({ start: s.start, end: s.end, role });
      }
    }
    for (let i = page.firstLine; i <= page.lastLine; i++) {
      const role = roleAt(p, i - page.firstLine);
      const l = lineAt(dump, i);
      if (role === 'blank' || l.end <= l.start) continue;
      const parts = (inner.get(i) ?? []).sort((x, y) => x.start - y.start);
      let at = l.start;
      for (const s of parts) {
        if (s.start > at) out.push({ start: at, end: s.start, role });
        out.push(s);
        at = s.end;
      }
      if (at < l.end) out.push({ start: at, end: l.end, role });
    }
  }
  return out;
}

export interface AnnotationCompletion {
  /** The directive as it is offered: its name, or a Chinese alias (主题 for headline). */
  label: string;
  /** The directive's (English) name. */
  name: DirectiveName;
  insertText: string;
  /** What the typed text is matched against: the label. */
  filterText: string;
  /** Column of the line where the typed directive starts: the completion replaces from there to the cursor. */
  from: number;
  detail: { en: string; zh: string };
}

/**
 * Directive completions for a line being typed as `%% …` (empty when the line is not one), given
 * the line up to the cursor. Each replaces all that was typed of the directive: an editor's own
 * word would stop at a `-` (`continued-f` completed to `continued-continued-from`).
 */
export function annotationCompletions(lineText: string, zh = false): AnnotationCompletion[] {
  const m = /^\s*%%\s*([^\s]*)$/.exec(lineText.length > 200 ? '' : lineText);
  if (!m) return [];
  const typed = m[1].toLowerCase();
  const from = lineText.length - m[1].length;
  const out: AnnotationCompletion[] = [];
  for (const d of Object.values(DIRECTIVES)) {
    const english = d.name.startsWith(typed);
    const alias = d.aliases.find((a) => a.startsWith(typed));
    // The Chinese name where that is what was typed (`%% 主` stays 主题, not headline), and in a
    // Chinese UI before anything is: the directives accept both.
    const written = alias !== undefined && (typed ? !english : zh) ? alias : english ? d.name : undefined;
    if (written !== undefined) out.push({ label: written, name: d.name, insertText: d.arg === 'required' ? `${written} ` : written, filterText: written, from, detail: d.description });
  }
  return out;
}

export interface AnnotationAction {
  title: string;
  directive: DirectiveName;
  edits: Edit[];
}

/** Roles of the headings that go with an article; a line of one is marked with the rest of its part. */
const HEADING_ROLES: ReadonlySet<Role> = new Set<Role>(['kicker', 'headline', 'deck', 'byline', 'label']);

/** Lines `first..last` (indices into dump.lines), inclusive. */
interface LineSpan {
  first: number;
  last: number;
}

/** The run of text lines holding text line `li` (on its page): the block parseAnnotations and detect read. */
function runAround(dump: PageDump, page: { firstLine: number; lastLine: number }, li: number): LineSpan {
  return stretch({ first: page.firstLine, last: page.lastLine }, li, (i) => isTextLine(dump.lines, i));
}

/** The stretch of `run` around `li` whose lines all pass `same`. */
function stretch(run: LineSpan, li: number, same: (i: number) => boolean): LineSpan {
  let first = li;
  while (first > run.first && same(first - 1)) first--;
  let last = li;
  while (last < run.last && same(last + 1)) last++;
  return { first, last };
}

/** The article part (kicker, headline, a deck, byline, a label) holding line `i`, if any. */
function headingPartOf(p: PageAnalysis, i: number): readonly number[] | undefined {
  for (const a of p.articles) for (const part of [a.kicker, a.headline, a.byline, ...a.decks, ...a.labels]) if (part.includes(i)) return part;
  return undefined;
}

/**
 * Is `run` one block as printed: all its lines of one role and one article, and (body) one
 * paragraph? pdftotext separates its paragraphs and boxes with blank lines; such a run is marked
 * whole, as it always was. Roles are compared first: a page without blank lines is one run of
 * mixed roles, and is answered at its first differing line.
 */
function isOneBlock(dump: PageDump, p: PageAnalysis, base: number, run: LineSpan, role: Role): boolean {
  for (let i = run.first; i <= run.last; i++) if (roleAt(p, i - base) !== role) return false;
  const a = p.articles.find((x) => x.lines.includes(run.first));
  // An article's lines are sorted and distinct: it holds the whole run when it holds both ends that far apart.
  const k = a ? a.lines.indexOf(run.first) : -1;
  if (a && a.lines[k + run.last - run.first] !== run.last) return false;
  if (!a && p.articles.some((x) => x.lines.includes(run.last))) return false;
  if (role !== 'body') return true;
  const lines: number[] = [];
  for (let i = run.first; i <= run.last; i++) lines.push(i);
  return paragraphs(dump, p, lines).length <= 1;
}

/**
 * The lines a "Mark as …" action is for, the cursor on text line `li` and the selection ending on
 * line `to` (`li` for none). A directive applies to the whole run of text lines below it, which in
 * a dump without blank lines (OCR text, much pdftotext output) is the page: so the action delimits
 * the lines itself. They are the lines the selection covers; else the detected heading part the
 * cursor is on (its whole headline, byline…); else the run when it is one block as printed (see
 * isOneBlock); else the cursor's line. Always within the cursor's run: the lines of another run
 * would take a directive of their own.
 */
function markedLines(dump: PageDump, p: PageAnalysis | undefined, page: { firstLine: number; lastLine: number }, li: number, to: number): LineSpan {
  const run = runAround(dump, page, li);
  if (to > li) return { first: li, last: Math.min(to, run.last) };
  if (!p) return run;
  const base = page.firstLine;
  const role = roleAt(p, li - base);
  if (HEADING_ROLES.has(role)) {
    const part = headingPartOf(p, li);
    return stretch(run, li, (i) => roleAt(p, i - base) === role && (!part || part.includes(i)));
  }
  return isOneBlock(dump, p, base, run, role) ? run : { first: li, last: li };
}

/**
 * "Mark as …" actions for the lines under the offset, or those selected up to `end` (see
 * markedLines): each inserts a `%%` line above them; a role directive also a blank line below them
 * when the run goes on there (an annotation line above already ends the run above, for
 * parseAnnotations and detect alike), so that it reaches those lines and no further.
 */
export function annotationActions(dump: PageDump, analyses: readonly PageAnalysis[], offset: number, messages: Messages, end = offset): AnnotationAction[] {
  if (dump.lines.length === 0) return [];
  // At column 0 of a page's first line the cursor is before its form feed, which ends the page before.
  const li = lineIndexAt(dump, dump.text.charCodeAt(offset) === 0x0c ? offset + 1 : offset);
  const line = lineAt(dump, li);
  if (!line || line.blank || line.annotation) return [];
  const page = dump.pages[line.page];
  if (!page) return [];
  const p = analyses.find((x) => x.page === line.page);
  // A selection's last line: that of its end, unless it ends at column 0 (whole lines selected).
  let to = end > offset ? Math.min(lineIndexAt(dump, end), page.lastLine) : li;
  if (to > li && dump.lines.start[to] === end) to--;
  const marked = markedLines(dump, p, page, li, to);
  const firstLine = marked.first;
  const first = lineAt(dump, firstLine);
  // The block's line ending; for a last line without one, that of the line above (a CRLF file stays CRLF).
  const above = dump.text.lastIndexOf('\n', first.start - 1);
  const eol = dump.text.slice(first.end, first.next) || (above > 0 && dump.text.charCodeAt(above - 1) === 13 ? '\r\n' : '\n');
  // The blank line that ends the marked lines' block where their run goes on (a text line follows:
  // so the last line has a line ending, which the blank line repeats).
  const lastLine = lineAt(dump, marked.last);
  const cut: Edit | null = marked.last < page.lastLine && isTextLine(dump.lines, marked.last + 1) ? { start: lastLine.next, end: lastLine.next, newText: dump.text.slice(lastLine.end, lastLine.next) } : null;
  /** Every marked line has a role that passes `ok` (none without an analysis). */
  const every = (ok: (r: Role) => boolean) => {
    if (!p) return false;
    for (let i = marked.first; i <= marked.last; i++) if (!ok(roleAt(p, i - page.firstLine))) return false;
    return true;
  };
  // The directives right above the block: one there already is not offered again, and a role
  // directive (`%% skip` too: ROLE_DIRECTIVES) is replaced by the role chosen rather than contradicted by a second
  // (bad-annotation reports contradicting ones).
  const present = new Set<DirectiveName>();
  let roleLine = -1;
  let roleName: DirectiveName | undefined; // the role directive that applies: the last one
  const inArticleLines: number[] = []; // `%% article`, `%% attach-below`: nothing to a skipped block
  // (A directive reaches its block across blank lines, as parseAnnotations reads it.)
  for (let k = firstLine - 1; k >= page.firstLine && dump.lines.flags[k] & (LINE_ANNOTATION | LINE_BLANK); k--) {
    if (!(dump.lines.flags[k] & LINE_ANNOTATION)) continue;
    const d = parseDirectiveLine(lineText(dump, k));
    if (d.kind !== 'directive') continue;
    present.add(d.name);
    if (ROLE_DIRECTIVES.has(d.name) && roleLine < 0) {
      roleLine = k;
      roleName = d.name;
    }
    if (d.name === 'article' || d.name === 'attach-below') inArticleLines.unshift(k);
  }
  // In a Chinese UI the directives are written by their Chinese names (主题), as completion offers them.
  const zh = messages === zhCn;
  const insert = (name: DirectiveName, key: Parameters<typeof t>[1]): AnnotationAction => {
    const text = zh ? `%% ${DIRECTIVES[name].aliases[0]}` : directiveText(name);
    // Not an article: the block's `%% article` / `%% attach-below` lines go (kept, they would be
    // reported as doing nothing); the first of them becomes the `%% skip` when there is no role line.
    const drop = name === 'skip' ? inArticleLines : [];
    const r = ROLE_DIRECTIVES.has(name) && roleLine >= 0 ? roleLine : drop.length ? drop[0] : -1;
    const edits: Edit[] = [];
    for (const k of drop) if (k !== r) edits.push({ start: lineAt(dump, k).start, end: lineAt(dump, k).next, newText: '' });
    if (r >= 0) edits.push({ start: lineAt(dump, r).start, end: lineAt(dump, r).end, newText: text });
    else edits.push({ start: first.start, end: first.start, newText: text + eol });
    // `%% article` starts an article at these lines, which goes on below them: no blank line.
    if (cut && name !== 'article') edits.push(cut);
    edits.sort((a, b) => a.start - b.start);
    return { title: t(messages, key), directive: name, edits };
  };
  const out: AnnotationAction[] = [];
  if (!every((r) => r === 'headline') && !present.has('headline')) out.push(insert('headline', 'action.markHeadline'));
  if (!every((r) => r === 'kicker') && !present.has('kicker')) out.push(insert('kicker', 'action.markKicker'));
  // A block marked skip or caption is in no article: `%% article` on it would do nothing.
  if (!present.has('article') && roleName !== 'skip' && roleName !== 'caption') out.push(insert('article', 'action.startArticle'));
  if (!present.has('skip')) out.push(insert('skip', 'action.notArticle'));
  if (every((r) => r === 'headline' || r === 'kicker' || r === 'deck') && !present.has('attach-below')) out.push(insert('attach-below', 'action.attachBelow'));
  return out;
}

