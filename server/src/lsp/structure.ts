// Article structure in the editor: outline and breadcrumbs (documentSymbol), folding per article,
// hover on headlines, semantic tokens by line role, completion and hover for `%%` annotations,
// and "Mark as …" code actions. The pure providers in core/outline.ts run per page on the
// incremental analysis; this module maps page-local results to document positions.
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type SemanticTokens,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIRECTIVES, parseDirectiveLine } from '../core/annotations';
import { cleaner } from '../core/clean';
import { fullFindings, outwardFrom, Recent, segmentDump, segmentView, type IncrementalDocument, type Segment } from '../core/incremental';
import { lineAt } from '../core/lines';
import { isSimplifiedChinese, t, type MessageKey, type Messages } from '../core/messages';
import { annotationActions, annotationCompletions, documentSymbols, hoverAt, type OutlineSymbol, type SymbolKind as OutlineKind } from '../core/outline';
import { ownCopy } from '../core/packed';
import { lastStartingAt, lineIndexAt } from '../core/parse';
import { lineOneStart } from './diagnostics';
import type { ServerContext } from './startServer';
import { FOLDS, foldRows, TOKEN_TYPES, tokenTriples, TOKENS } from './views';
import { yielder } from './yielder';

export function structureCapabilities(): Partial<ServerCapabilities> {
  return {
    documentSymbolProvider: { label: 'Newsprint' },
    foldingRangeProvider: true,
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['%', ' '] },
    semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] }, full: true, range: true },
  };
}

const KIND: Record<OutlineKind, SymbolKind> = {
  page: SymbolKind.File,
  article: SymbolKind.Module,
  kicker: SymbolKind.String,
  headline: SymbolKind.String,
  deck: SymbolKind.String,
  byline: SymbolKind.Constructor,
  label: SymbolKind.Key,
  note: SymbolKind.Event,
  paragraph: SymbolKind.Field,
};

/**
 * Article ids are page-local in a segment's analysis (`p1-a1`…); this gives the document's: its
 * form-feed page, and for a part of a page analysed in parts, numbers on from the parts before.
 */
type SheetPart = ReturnType<IncrementalDocument['sheetParts']>[number];

const globalId = (text: string, at: SheetPart) => text.replace(/\bp1-a(\d+)/g, (_, n: string) => `p${at.sheet + 1}-a${Number(n) + at.first}`);

const segmentAt = (segs: readonly Segment[], offset: number): number => lastStartingAt(segs, offset);

/**
 * The segment a position is on, and the offset there: at column 0 of a page's first line the
 * offset is that of the form feed, which ends the page before (segmentAt gives that one, and its
 * dump has nothing there); the position is on the next page's first line, at its start.
 */
function segmentOfPosition(segs: readonly Segment[], offset: number): { k: number; offset: number } {
  const k = segmentAt(segs, offset);
  const next = segs[k + 1];
  // The next segment starts one past this one's end: a form feed between (a soft break has none).
  if (next && offset >= segs[k].end && next.start === segs[k].end + 1) return { k: k + 1, offset: next.start };
  return { k, offset };
}

// Pages' outline symbols, the most recent kept: not every page's (as other views are), since the
// pages shown in detail follow the edits around a big dump, and would all end up kept (1,024
// pages, at most 50,000 symbols: five times the default outline). Keyed by the result's id: keyed
// by the result, it kept the analyses of the pages edited since alive until it was full.
const SYMBOLS = new Recent<number, { syms: OutlineSymbol[]; count: number }>(1024, 50_000);

/**
 * A page's outline symbols and their count, made once and kept in SYMBOLS. Their names are copies:
 * cut from the page's parse, each kept that whole flat copy of the page alive. With the old results
 * kept too, typing in a 50 MB English dump with the outline open grew the heap by 0.6 MB a
 * keystroke (now 0.2, the edited chunks of the text) until the cache was full.
 */
export function pageSymbols(s: Segment, messages: Messages): { syms: OutlineSymbol[]; count: number } | undefined {
  const analysis = s.result.analysis;
  if (!analysis) return undefined;
  const cached = SYMBOLS.get(s.result.id);
  if (cached) return cached;
  // Paragraphs measured in the text the glyph fixes leave, as the export measures them.
  const dump = segmentDump(s);
  const syms = ownNames(documentSymbols(dump, [analysis], messages, cleaner(dump, fullFindings(s))));
  const count = countSymbols(syms);
  return SYMBOLS.set(s.result.id, { syms, count }, count);
}

function ownNames(syms: OutlineSymbol[]): OutlineSymbol[] {
  for (const s of syms) {
    s.name = ownCopy(s.name);
    ownNames(s.children);
  }
  return syms;
}

function countSymbols(syms: readonly OutlineSymbol[]): number {
  let n = 0;
  for (const s of syms) n += 1 + countSymbols(s.children);
  return n;
}

/**
 * The pages that get their articles in the outline, with their symbols: from the page of the last
 * edit (`changedAt`) outwards while `max` symbols last, as the diagnostics are chosen. The page of
 * the edit alone over the budget (a part of a page cut for running on without a form feed is some
 * thirty pages' worth) keeps its articles nearest the edit itself (`editedAt`).
 */
async function detailedPages(segs: readonly Segment[], changedAt: number, editedAt: number, max: number, messages: Messages, pause: () => Promise<void>): Promise<Map<number, readonly OutlineSymbol[]>> {
  const detailed = new Map<number, readonly OutlineSymbol[]>();
  let used = 0;
  const take = (k: number): boolean => {
    const cached = pageSymbols(segs[k], messages);
    if (!cached) return true;
    const { syms, count: n } = cached;
    if (used + n <= max) {
      used += n;
      detailed.set(k, syms);
      return true;
    }
    if (used === 0) detailed.set(k, [nearestArticles(syms[0], editedAt - segs[k].start, max)]);
    return false;
  };
  const focus = segs.length > 0 ? segmentAt(segs, changedAt) : 0;
  for (const k of outwardFrom(focus, segs.length)) {
    if (!take(k)) break;
    await pause();
  }
  return detailed;
}

/** A page symbol with only its articles nearest `offset` (page-local), in page order, within `max` symbols. */
function nearestArticles(page: OutlineSymbol, offset: number, max: number): OutlineSymbol {
  const distance = (a: OutlineSymbol) => (offset < a.start ? a.start - offset : offset > a.end ? offset - a.end : 0);
  const byDistance = [...page.children].sort((x, y) => distance(x) - distance(y));
  const kept = new Set<OutlineSymbol>();
  let used = 1;
  for (const a of byDistance) {
    const n = countSymbols([a]);
    if (used + n > max) break;
    used += n;
    kept.add(a);
  }
  return { ...page, children: page.children.filter((a) => kept.has(a)) };
}

export function registerStructureFeatures(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  const doc = (uri: string) => documents.get(uri);
  /** A yielder for a request on `d` as it is now (see yielder). */
  const pauseFor = (d: TextDocument, token: CancellationToken) => {
    const version = d.version;
    return yielder(token, () => doc(d.uri)?.version === version);
  };

  // Parts show their kind in the user's language; pages and articles keep their own detail.
  const detailOf = (s: OutlineSymbol, at: SheetPart) =>
    s.kind !== 'page' && s.kind !== 'article' && s.detail === s.kind ? t(ctx.messages(), `outline.kind.${s.kind}` as MessageKey) : globalId(s.detail, at);

  function toSymbol(d: TextDocument, s: OutlineSymbol, base: number, at: SheetPart, pageName?: string): DocumentSymbol {
    const range = { start: d.positionAt(s.start + base), end: d.positionAt(s.end + base) };
    const selectionRange = { start: d.positionAt(s.selectionStart + base), end: d.positionAt(Math.max(s.selectionEnd, s.selectionStart) + base) };
    return {
      name: pageName ?? (s.name.trim() || s.kind),
      detail: detailOf(s, at),
      kind: KIND[s.kind],
      range,
      selectionRange,
      children: s.children.map((c) => toSymbol(d, c, base, at)),
    };
  }

  // The outline of a 50 MB dump would be ~500 k symbols: 60 MB of JSON and ~700 MB more server
  // memory for each request. So pages get their articles while `maxOutlineSymbols` lasts, from the
  // page of the last edit outwards (as the diagnostics do); the others are listed as pages alone,
  // and a first entry says so and names the setting.
  connection.onDocumentSymbol(async (params, token) => {
    const uri = params.textDocument.uri;
    const d = doc(uri);
    const e = await ctx.entry(uri);
    if (!d || !e) return [];
    const pause = pauseFor(d, token);
    const { maxOutlineSymbols } = await ctx.settings.get(uri);
    const segs = e.inc.segments;
    const parts = e.inc.sheetParts();
    const detailed = await detailedPages(segs, e.inc.changedAt, e.inc.editedAt, maxOutlineSymbols, ctx.messages(), pause);
    const out: DocumentSymbol[] = [];
    let shown = 0;
    let total = 0;
    for (let k = 0; k < segs.length; k++) {
      await pause();
      const s = segs[k];
      const analysis = s.result.analysis;
      if (!analysis) continue;
      for (const a of analysis.articles) if (a.lines.length > 0) total++;
      const { sheet, part } = parts[k];
      const name = part > 0 ? t(ctx.messages(), 'outline.pagePart', { n: sheet + 1, part }) : t(ctx.messages(), 'outline.page', { n: sheet + 1 });
      const syms = detailed.get(k) ?? [{ name, detail: `${analysis.articles.length}`, kind: 'page', start: 0, end: s.end - s.start, selectionStart: 0, selectionEnd: 0, children: [] }];
      for (const sym of syms) {
        shown += sym.children.length;
        out.push(toSymbol(d, sym, s.start, parts[k], name));
      }
    }
    if (shown < total) {
      const here = lineOneStart();
      const message = t(ctx.messages(), 'outline.limited', { shown, total, setting: 'newsprint.maxOutlineSymbols' });
      out.unshift({ name: message, kind: SymbolKind.Null, range: here, selectionRange: here, children: [] });
    }
    return out;
  });

  connection.onFoldingRanges(async (params, token) => {
    const d = doc(params.textDocument.uri);
    const e = await ctx.entry(params.textDocument.uri);
    if (!d || !e) return [];
    const pause = pauseFor(d, token);
    const out: FoldingRange[] = [];
    for (const s of e.inc.segments) {
      await pause();
      if (!s.result.analysis) continue;
      const rowBase = d.positionAt(s.start).line;
      const analysis = s.result.analysis;
      const rows = segmentView(s, FOLDS, (dump) => foldRows(dump, analysis));
      for (let k = 0; k < rows.length; k += 2) out.push({ startLine: rows[k] + rowBase, endLine: rows[k + 1] + rowBase, kind: 'region' });
    }
    return out;
  });

  connection.onHover(async (params) => {
    const d = doc(params.textDocument.uri);
    const e = await ctx.entry(params.textDocument.uri);
    if (!d || !e || e.inc.segments.length === 0) return null;
    const { k, offset } = segmentOfPosition(e.inc.segments, d.offsetAt(params.position));
    const s = e.inc.segments[k];
    const local = offset - s.start;
    // On an annotation line: describe the directive.
    const dump = segmentDump(s);
    const line = dump.lines.length > 0 ? lineAt(dump, lineIndexAt(dump, local)) : undefined;
    if (line?.annotation) {
      const p = parseDirectiveLine(line.text);
      if (p.kind !== 'directive') return null;
      const spec = DIRECTIVES[p.name];
      const zh = isSimplifiedChinese(ctx.locale());
      // Titled as written (`%% 主题`, not `%% headline`): the name the user chose.
      return { contents: { kind: MarkupKind.Markdown, value: `**%% ${line.text.slice(p.nameStart, p.nameEnd)}**\n\n${zh ? spec.description.zh : spec.description.en}` } };
    }
    if (!s.result.analysis) return null;
    const md = hoverAt(dump, [s.result.analysis], local, ctx.messages());
    return md ? { contents: { kind: MarkupKind.Markdown, value: globalId(md, e.inc.sheetParts()[k]) } } : null;
  });

  connection.onCompletion(async (params) => {
    const d = doc(params.textDocument.uri);
    if (!d) return [];
    const lineText = d.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const zh = isSimplifiedChinese(ctx.locale());
    // A Chinese name offered has the directive's English name as its detail (主题: headline).
    return annotationCompletions(lineText, zh).map((c) => ({
      label: c.label,
      kind: CompletionItemKind.Keyword,
      filterText: c.filterText,
      textEdit: { range: { start: { line: params.position.line, character: c.from }, end: params.position }, newText: c.insertText },
      detail: c.label !== c.name ? c.name : zh ? c.detail.zh : c.detail.en,
      documentation: zh ? c.detail.zh : c.detail.en,
    }));
  });

  async function tokens(d: TextDocument, segs: readonly Segment[], from: number, to: number, token: CancellationToken): Promise<SemanticTokens> {
    const pause = pauseFor(d, token);
    const data: number[] = [];
    let prevLine = 0;
    let prevChar = 0;
    for (let k = segmentAt(segs, from); k < segs.length && segs[k].start <= to; k++) {
      await pause();
      const s = segs[k];
      if (!s.result.analysis) continue;
      const analysis = s.result.analysis;
      const toks = segmentView(s, TOKENS, (dump) => tokenTriples(dump, analysis));
      for (let j = 0; j < toks.length; j += 3) {
        const type = toks[j + 2];
        if (toks[j + 1] + s.start < from || toks[j] + s.start > to) continue;
        const start = d.positionAt(toks[j] + s.start);
        const end = d.positionAt(toks[j + 1] + s.start);
        if (end.line !== start.line) continue; // tokens never span lines
        data.push(start.line - prevLine, start.line === prevLine ? start.character - prevChar : start.character, end.character - start.character, type, 0);
        prevLine = start.line;
        prevChar = start.character;
      }
    }
    return { data };
  }

  connection.languages.semanticTokens.on(async (params, token) => {
    const d = doc(params.textDocument.uri);
    const e = await ctx.entry(params.textDocument.uri);
    if (!d || !e) return { data: [] };
    return tokens(d, e.inc.segments, 0, Number.MAX_SAFE_INTEGER, token);
  });

  connection.languages.semanticTokens.onRange(async (params, token) => {
    const d = doc(params.textDocument.uri);
    const e = await ctx.entry(params.textDocument.uri);
    if (!d || !e) return { data: [] };
    return tokens(d, e.inc.segments, d.offsetAt(params.range.start), d.offsetAt(params.range.end), token);
  });
}

/**
 * "Mark as …" annotation actions (kind refactor.rewrite) for the lines selected from `offset` to
 * `end` (the code action's range), or the block under the cursor when the range is empty or on one
 * line (see annotationActions). A selection past the cursor's page (segment) ends with it.
 */
export async function structureActions(ctx: ServerContext, uri: string, offset: number, end = offset): Promise<CodeAction[]> {
  const d = ctx.documents.get(uri);
  const e = await ctx.entry(uri);
  if (!d || !e || e.inc.segments.length === 0) return [];
  const at = segmentOfPosition(e.inc.segments, offset);
  const s = e.inc.segments[at.k];
  if (!s.result.analysis) return [];
  const to = Math.max(at.offset, Math.min(end, s.end)) - s.start;
  return annotationActions(segmentDump(s), [s.result.analysis], at.offset - s.start, ctx.messages(), to).map((a) => {
    const edits = a.edits.map((x) => ({ range: { start: d.positionAt(x.start + s.start), end: d.positionAt(x.end + s.start) }, newText: x.newText }));
    return CodeAction.create(a.title, { changes: { [uri]: edits } }, CodeActionKind.RefactorRewrite);
  });
}
