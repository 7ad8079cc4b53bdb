// Editor providers over the article analysis, as plain data with UTF-16 offsets (the LSP layer
// converts them): document symbols, folding ranges, hover, semantic tokens, annotation
// completions and "mark as …" code actions.
import { isTextLine, LINE_ANNOTATION, LINE_BLANK, lineAt, lineText } from './lines';
import type { Edit, PageDump } from './types';
import type { Messages } from './messages';
import { en, t } from './messages';
import { roleAt, type Article, type PageAnalysis, type Role } from './articles/model';
import { articleTitle } from './articles/detect';
import { cleanLineText } from './clean';
import { buildParagraphs, joinLines } from './paragraphs';
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

/** Body lines split into paragraphs, by the same rules as the export (paragraphs.ts). */
export function paragraphs(dump: PageDump, analysis: PageAnalysis, body: readonly number[]): number[][] {
  return buildParagraphs(body, body.map((i) => cleanLineText(lineText(dump, i))), { columnWidth: analysis.columnWidth }).map((p) => p.lines);
}

/** What kind of article it is, in the user's language (its type is English in the export). */
const typeName = (messages: Messages, a: Article) => t(messages, `article.type.${a.type}`);

/** Page → article → kicker/headline/decks/byline/labels/note/paragraphs. */
export function documentSymbols(dump: PageDump, analyses: readonly PageAnalysis[], messages: Messages = en): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const p of analyses) {
    const page = dump.pages[p.page];
    if (!page) continue;
    const children = p.articles.filter((a) => a.lines.length > 0).map((a) => articleSymbol(dump, p, a, messages));
    out.push({ name: `Page ${p.page + 1}`, detail: `${p.articles.length}`, kind: 'page', start: page.start, end: page.end, selectionStart: page.start, selectionEnd: page.start, children });
  }
  return out;
}

function articleSymbol(dump: PageDump, p: PageAnalysis, a: Article, messages: Messages): OutlineSymbol {
  const all = spanOf(dump, a.lines);
  const sel = a.headline.length ? spanOf(dump, a.headline) : spanOf(dump, a.lines.slice(0, 1));
  const children: OutlineSymbol[] = [];
  if (a.kicker.length) children.push(leaf(dump, 'kicker', a.kicker));
  if (a.headline.length) children.push(leaf(dump, 'headline', a.headline, articleTitle(dump, a)));
  for (const d of a.decks) children.push(leaf(dump, 'deck', d));
  for (const l of a.labels) children.push(leaf(dump, 'label', l));
  if (a.editorsNote.length) children.push(leaf(dump, 'note', a.editorsNote));
  if (a.byline.length) children.push(leaf(dump, 'byline', a.byline));
  for (const para of paragraphs(dump, p, a.body)) children.push(leaf(dump, 'paragraph', para));
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
  const row = (key: Parameters<typeof t>[1], value: string) => rows.push(`- ${t(messages, key)}: ${value}`);
  if (a.kicker.length) row('hover.kicker', txt(a.kicker));
  for (const d of a.decks) row('hover.deck', txt(d));
  if (a.labels.length) row('hover.labels', a.labels.map(txt).join(' · '));
  if (a.editorsNote.length) row('hover.editorsNote', t(messages, 'hover.bodyLines', { count: a.editorsNote.length }));
  if (a.byline.length) row('hover.byline', txt(a.byline));
  if (a.dateline) row('hover.dateline', dump.text.slice(a.dateline.start, a.dateline.end));
  row('hover.body', t(messages, 'hover.bodyLines', { count: a.body.length }));
  if (a.signoff) row('hover.signoff', dump.text.slice(a.signoff.start, a.signoff.end));
  if (a.continuation) row('hover.continuation', t(messages, a.continuation.direction === 'to' ? 'hover.continuedTo' : 'hover.continuedFrom', { target: a.continuation.target }));
  if (a.continuedTo) row('hover.continuation', t(messages, 'hover.continuedTo', { target: a.continuedTo.target }));
  for (const c of a.moreContinuations ?? []) row('hover.continuation', t(messages, c.direction === 'to' ? 'hover.continuedTo' : 'hover.continuedFrom', { target: c.target }));
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
      for (const [s, role] of [[a.dateline, 'dateline'], [a.signoff, 'signoff'], [a.continuation?.span, 'continuation'], [a.continuedTo?.span, 'continuation'], ...(a.moreContinuations ?? []).map((c) => [c.span, 'continuation'] as const)] as const) {
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
  label: string;
  insertText: string;
  /** What the typed text is matched against: the name, or the alias it begins (下转 for continued-to). */
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
export function annotationCompletions(lineText: string): AnnotationCompletion[] {
  const m = /^\s*%%\s*([^\s]*)$/.exec(lineText.length > 200 ? '' : lineText);
  if (!m) return [];
  const typed = m[1].toLowerCase();
  const from = lineText.length - m[1].length;
  const out: AnnotationCompletion[] = [];
  for (const d of Object.values(DIRECTIVES)) {
    const filterText = d.name.startsWith(typed) ? d.name : d.aliases.find((a) => a.startsWith(typed));
    if (filterText !== undefined) out.push({ label: d.name, insertText: d.arg === 'required' ? `${d.name} ` : d.name, filterText, from, detail: d.description });
  }
  return out;
}

export interface AnnotationAction {
  title: string;
  directive: DirectiveName;
  edits: Edit[];
}

/** "Mark as …" actions for the block under the offset: each inserts a `%%` line above the block. */
export function annotationActions(dump: PageDump, analyses: readonly PageAnalysis[], offset: number, messages: Messages): AnnotationAction[] {
  if (dump.lines.length === 0) return [];
  // At column 0 of a page's first line the cursor is before its form feed, which ends the page before.
  const li = lineIndexAt(dump, dump.text.charCodeAt(offset) === 0x0c ? offset + 1 : offset);
  const line = lineAt(dump, li);
  if (!line || line.blank || line.annotation) return [];
  const page = dump.pages[line.page];
  if (!page) return [];
  // The block's first line: the run of text lines holding this one starts there.
  let firstLine = li;
  while (firstLine > page.firstLine && isTextLine(dump.lines, firstLine - 1)) firstLine--;
  const first = lineAt(dump, firstLine);
  // The block's line ending; for a last line without one, that of the line above (a CRLF file stays CRLF).
  const above = dump.text.lastIndexOf('\n', first.start - 1);
  const eol = dump.text.slice(first.end, first.next) || (above > 0 && dump.text.charCodeAt(above - 1) === 13 ? '\r\n' : '\n');
  const p = analyses.find((x) => x.page === line.page);
  const role = p ? roleAt(p, li - page.firstLine) : 'unknown';
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
  const insert = (name: DirectiveName, key: Parameters<typeof t>[1]): AnnotationAction => {
    const text = directiveText(name);
    // Not an article: the block's `%% article` / `%% attach-below` lines go (kept, they would be
    // reported as doing nothing); the first of them becomes the `%% skip` when there is no role line.
    const drop = name === 'skip' ? inArticleLines : [];
    const r = ROLE_DIRECTIVES.has(name) && roleLine >= 0 ? roleLine : drop.length ? drop[0] : -1;
    const edits: Edit[] = [];
    for (const k of drop) if (k !== r) edits.push({ start: lineAt(dump, k).start, end: lineAt(dump, k).next, newText: '' });
    if (r >= 0) edits.push({ start: lineAt(dump, r).start, end: lineAt(dump, r).end, newText: text });
    else edits.push({ start: first.start, end: first.start, newText: text + eol });
    edits.sort((a, b) => a.start - b.start);
    return { title: t(messages, key), directive: name, edits };
  };
  const out: AnnotationAction[] = [];
  if (role !== 'headline' && !present.has('headline')) out.push(insert('headline', 'action.markHeadline'));
  if (role !== 'kicker' && !present.has('kicker')) out.push(insert('kicker', 'action.markKicker'));
  // A block marked skip or caption is in no article: `%% article` on it would do nothing.
  if (!present.has('article') && roleName !== 'skip' && roleName !== 'caption') out.push(insert('article', 'action.startArticle'));
  if (!present.has('skip')) out.push(insert('skip', 'action.notArticle'));
  if ((role === 'headline' || role === 'kicker' || role === 'deck') && !present.has('attach-below')) out.push(insert('attach-below', 'action.attachBelow'));
  return out;
}

