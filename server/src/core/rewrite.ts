// "Rewrite Page in Reading Order": the whole dump as clean text, pure (text in, text out).
//
// Per page (form feeds between pages are kept):
//   REWRITE_MARKER                      a `%%` comment: "every line below is a whole paragraph"
//   %% skip + the lines no article took (furniture, banner labels, captions, unknown), in their
//            original order, as one block — nothing is lost, and `skip` keeps them out of every
//            article when the page is analysed again
//   then each article in reading order, parts separated by a blank line:
//   %% article                          the separator (an annotation is not text, and it makes the
//                                       structure survive re-detection)
//   %% kicker / %% headline / %% deck   role directives on the heading parts: heading detection
//                                       is heuristic, the directives pin it
//   labels, then 编者按 + the editor's note paragraphs (the note introduces the article, so it sits
//   before the byline; a label between a byline and its body would split the story on re-detection)
//   "continued from" marker, byline lines, dateline + first paragraph (joined as paragraphs join),
//   the other paragraphs (one per line), sign-off, "continued on" marker. A part with two markers
//   of a direction (moreContinuations) gets them on that one line, side by side: so the line reads
//   again as the part's markers, where two lines of their own would start a part, or go unclaimed.
// A part that read on its own would not be taken for what it is (a paragraph that looks like a
// heading, a byline, furniture…) gets its role directive too (`%% body`, `%% byline`, `%% label`).
// Annotation lines of the input are kept: each goes right before the part holding the line it
// preceded; a directive the rewrite would add is not added twice, so a second run is a no-op. On a
// line no article took, those the `%% skip` overrides (a role, `article`, `attach-below`) go.
// Articles without a body (notices) get a comment separator and `%% article` like the others: the
// next article's `%% article` ends them (detect.ts matchClusters), a headless one's too.
// A body paragraph is pinned (`%% body`) where it would not read back as body in its place: the
// rewrite analyses its own result and writes the page again with those pinned (MAX_PIN_ROUNDS), so
// that the export of the rewrite gives the same articles as the export of the page.
//
// What the rewrite removes on purpose: whitespace (justification, extraction and edge spaces, line
// breaks, blank lines), the second glyph of each doubled pair (doubled-glyphs), and the line-end
// hyphen of a Latin word rejoined across lines (paragraphs.keepHyphen decides). Every other
// character of the input comes out exactly once.
import { analyze } from './analyze';
import { parseDirectiveLine, ROLE_DIRECTIVES, type DirectiveName } from './annotations';
import { markersOfArticle, roleAt, type Article, type Continuation, type PageAnalysis } from './articles/model';
import { lineInfo } from './articles/roles';
import { cleaner, type Cleaner } from './clean';
import { joinHeadline, joinLines } from './paragraphs';
import { flowArticle, flowContext, isMarkerLine, isRewrittenPage, linePieces, markerText, printedDateline, REWRITE_MARKER, type FlowContext } from './reflow';
import { lineIndexAt } from './parse';
import { isAnnotationLine, isTextLine, lineAt } from './lines';
import type { AnalyzeOptions, Line, PageDump } from './types';

export { REWRITE_MARKER };

export interface RewrittenArticle {
  id: string;
  headline: string;
  paragraphs: number;
}

export interface RewriteResult {
  text: string;
  articles: RewrittenArticle[];
  /**
   * The first lines (cleaned, as the rewrite prints them) of the blocks unclaimed-text reported:
   * text in no article, which the rewrite puts under its `%% skip` with the rest, where it is no
   * longer reported. Whoever runs the rewrite says so: the export leaves that text out.
   */
  skippedText: string[];
}

const NOTICE_SEPARATOR = '%% # ————';

/**
 * Runs of the rewrite at most. What one run writes is analysed again the next time, and the
 * analysis reads a paragraph by its neighbours too: a short first paragraph right under its
 * headline reads as a deck, a body line that lands near the page's end as furniture. So a run may
 * still change what the last one wrote (the noisy English samples did, once). The user would run
 * it again until it settles; the command does that for them, so that its result is a fixed point.
 * Every run keeps every character, so several do too.
 */
const MAX_RUNS = 3;

export function rewritePage(text: string, options: AnalyzeOptions = {}): RewriteResult {
  let once = rewriteOnce(text, options);
  const { skippedText } = once.result;
  for (let run = 2; run <= MAX_RUNS; run++) {
    // The next run reads the text the last one's check read back already: not analysed twice.
    const again = rewriteOnce(once.result.text, options, once.readBack);
    if (again.result.text === once.result.text) break;
    once = again;
  }
  return { ...once.result, skippedText };
}

type Analysis = ReturnType<typeof analyze>;

/** A run's result, and the analysis of its text when the read-back check made one. */
interface Run {
  result: RewriteResult;
  readBack?: Analysis;
}

/**
 * Rounds of the check that the rewrite reads back as what it found, at most: a body paragraph the
 * analysis of the output takes for something else (a short first paragraph right under its headline
 * for a deck, a list of names mid-story for a kicker and headline that split the story) gets a
 * `%% body` and the page is written again. One round fixes what it sees; a pin may change how the
 * next paragraphs read, hence a few.
 */
const MAX_PIN_ROUNDS = 4;

/** A body paragraph printed: where (the page's line, counting from its first), and its key in `pins`. */
interface Printed {
  line: number;
  key: string;
}

/** One run of the rewrite; `made`: the analysis of `text` (as this would make it), if there is one. */
function rewriteOnce(text: string, options: AnalyzeOptions, made?: Analysis): Run {
  // Each page whole, even one too long without a form feed: cut into parts, the rewritten text
  // would be cut elsewhere (it is shorter), and a second rewrite would move its articles again.
  const { dump, findings, pages, clean } = made ?? analyze(text, { ...options, wholePages: true });
  // A page the rewrite wrote is clean already: its doubled glyphs were collapsed once, and what
  // still looks doubled (上上上上 from 上上上上上上上上) is text. Collapsing again would not be idempotent.
  let once: Cleaner | undefined;
  const cleaners = pages.map((p) => {
    const marked = isRewrittenPage(dump, dump.pages[p.page]);
    if (marked) once ??= cleaner(dump, findings.filter((f) => f.rule !== 'doubled-glyphs'));
    return marked ? once! : clean;
  });
  const bom = dump.bom ? '\ufeff' : '';
  const skippedText: string[] = [];
  for (const f of findings)
    if (f.rule === 'unclaimed-text') {
      const i = lineIndexAt(dump, f.start);
      skippedText.push(clean.line(i).trim());
    }
  const pins = new Set<string>();
  for (let round = 1; ; round++) {
    const out: string[] = [];
    const articles: RewrittenArticle[] = [];
    const printed: Printed[][] = [];
    for (let k = 0; k < pages.length; k++) {
      const lines: Printed[] = [];
      out.push(rewriteOnePage(dump, pages[k], cleaners[k], articles, pins, `${k}:`, lines));
      printed.push(lines);
    }
    const result = { text: bom + out.join('\f'), articles, skippedText };
    if (round === MAX_PIN_ROUNDS || printed.every((x) => x.length === 0)) return { result };
    // Read it back: every body paragraph printed must be body (or hold the dateline) again.
    const again = analyze(result.text, { ...options, wholePages: true });
    let added = 0;
    for (let k = 0; k < printed.length && k < again.pages.length; k++) {
      const a = again.pages[k];
      for (const x of printed[k]) {
        const role = roleAt(a, x.line);
        if (role !== 'body' && role !== 'dateline' && !pins.has(x.key)) {
          pins.add(x.key);
          added++;
        }
      }
    }
    if (added === 0) return { result, readBack: again };
  }
}

interface Part {
  /** Annotation lines to print before the text (input ones first, then added ones). */
  notes: string[];
  text: string;
  /** A body paragraph printed without a directive: its key, for the read-back check (pins). */
  check?: string;
}

function directiveOf(text: string): DirectiveName | undefined {
  const d = parseDirectiveLine(text);
  return d.kind === 'directive' ? d.name : undefined;
}

/** Directives that start or join an article: nothing to a caption (bad-annotation says so). */
const inArticle = (d: DirectiveName | undefined) => d === 'article' || d === 'attach-below';

/** The role the last role directive among annotation lines sets (the one that applies). */
function lastRole(notes: readonly string[]): DirectiveName | undefined {
  for (let k = notes.length - 1; k >= 0; k--) {
    const d = directiveOf(notes[k]);
    if (d !== undefined && ROLE_DIRECTIVES.has(d)) return d;
  }
  return undefined;
}

/** A directive a `%% skip` on the same block overrides: another role, or starting an article there. */
function overriddenBySkip(text: string): boolean {
  const d = directiveOf(text);
  return d !== undefined && d !== 'skip' && (ROLE_DIRECTIVES.has(d) || inArticle(d));
}

/**
 * One page's text. Body paragraphs whose key (`keyPrefix` + article index + paragraph index) is in
 * `pins` get a `%% body`; those printed without one go onto `printed`, to be checked.
 */
function rewriteOnePage(dump: PageDump, analysis: PageAnalysis, clean: Cleaner, summary: RewrittenArticle[], pins: ReadonlySet<string>, keyPrefix: string, printed: Printed[]): string {
  const page = dump.pages[analysis.page];
  const lines = dump.lines;
  const ctx = flowContext(dump, analysis, clean);

  // Annotation lines, attached to the next content line of the page (or to the page end).
  const attached = new Map<number, string[]>();
  const trailing: string[] = [];
  let pending: string[] = [];
  for (let i = page.firstLine; i <= page.lastLine; i++) {
    const l = lineAt(dump, i);
    if (l.annotation) {
      if (!isMarkerLine(l)) pending.push(l.text.trim());
    } else if (!l.blank && pending.length) {
      attached.set(i, pending);
      pending = [];
    }
  }
  trailing.push(...pending);

  const owner = new Map<number, Article>();
  for (const a of analysis.articles) for (const i of a.lines) if (!owner.has(i)) owner.set(i, a);
  const used = new Set<number>(); // lines whose annotations were printed
  const notesFor = (idx: readonly number[]): string[] => {
    const n: string[] = [];
    for (const i of idx) {
      if (used.has(i)) continue;
      used.add(i);
      n.push(...(attached.get(i) ?? []));
    }
    return n;
  };
  const withDirective = (notes: string[], name: DirectiveName): string[] => (notes.some((x) => directiveOf(x) === name) ? notes : [...notes, `%% ${name}`]);

  const blocks: string[] = [REWRITE_MARKER];

  // Lines no article took, in their original order, as one `%% skip` block. Their input directives
  // that `%% skip` overrides go: they left the line in no article (or `%% skip` did), and kept they
  // would contradict it (a bad-annotation warning). But a line the user marked a caption keeps that
  // role (a caption is in no article anyway): its `%% caption` stays, with no `%% skip`, and the
  // lines after it start a `%% skip` block again. (Not a label: this block sits right above the
  // first article, and a label there would be read as that article's.)
  const rest: string[] = [];
  let skipping = false; // the rest block's last lines are under a `%% skip`
  let caption = -1; // the last line of a caption block so far (its next line, no blank between, is in it)
  for (let i = page.firstLine; i <= page.lastLine; i++) {
    if (!isTextLine(lines, i) || owner.has(i)) continue;
    let notes = notesFor([i]);
    const role = lastRole(notes);
    if (role === 'caption' || (caption >= 0 && caption === i - 1 && notes.length === 0)) {
      notes = notes.filter((x) => !inArticle(directiveOf(x)));
      skipping = false;
      caption = i;
    } else {
      caption = -1;
      notes = notes.filter((x) => !overriddenBySkip(x));
      if (!skipping || notes.length) notes = lastRole(notes) === 'skip' ? notes : [...notes, '%% skip'];
      skipping = true;
    }
    const t = clean.line(i).trim();
    rest.push(...notes, t);
  }
  if (rest.length) blocks.push(rest.join('\n'));

  const looksLike = (t: string) => lineInfo(fakeLine(t), true);
  // A continuation marker as printed, cleaned ('' for one an annotation gave, or none).
  const printedMarker = (c: Continuation | null | undefined) => (c && !isAnnotationLine(lines, c.line) ? markerText(clean, c.span) : '');
  // Body parts printed without a directive, by block (the index into `blocks` is filled in below).
  const unpinned: { block: number; key: string }[] = [];
  for (let ai = 0; ai < analysis.articles.length; ai++) {
    const a = analysis.articles[ai];
    const parts: Part[] = [];
    const flow = flowArticle(ctx, a);
    const joinIdx = (idx: readonly number[]) =>
      joinLines(
        idx.flatMap((i) => linePieces(ctx, i, flow.cuts)).map((p) => p.text),
        ctx.evidence,
      ).trim();
    const headPart = (idx: readonly number[], role: 'kicker' | 'headline' | 'deck', textOf: (idx: readonly number[]) => string) => {
      if (!idx.length) return;
      const t = textOf(idx);
      if (t) parts.push({ notes: withDirective(notesFor(idx), role), text: t });
    };
    headPart(a.kicker, 'kicker', joinIdx);
    headPart(a.headline, 'headline', (idx) => joinHeadline(idx.flatMap((i) => linePieces(ctx, i, flow.cuts)).map((p) => p.text), ctx.evidence));
    for (const d of a.decks) headPart(d, 'deck', joinIdx);

    // Labels: 编者按-type labels right before the note they label; the others first.
    const noteLabels: (readonly number[])[] = [];
    const plainLabels: (readonly number[])[] = [];
    for (const lb of a.labels) {
      const t = joinIdx(lb);
      if (flow.note.length && looksLike(t).kind === 'note-label') noteLabels.push(lb);
      else plainLabels.push(lb);
    }
    const labelPart = (lb: readonly number[]) => {
      const t = joinIdx(lb);
      if (!t) return;
      const k = looksLike(t).kind;
      const notes = notesFor(lb);
      parts.push({ notes: k === 'label' ? notes : withDirective(notes, 'label'), text: t });
    };
    for (const lb of plainLabels) labelPart(lb);
    for (const lb of noteLabels) parts.push({ notes: notesFor(lb), text: joinIdx(lb) });
    const paraPart = (pieces: { line: number }[], t: string, key?: string) => {
      const notes = notesFor(pieces.map((p) => p.line));
      const info = looksLike(t);
      const plain = info.kind === null && (info.end === 'sentence' || info.end === 'comma') && !info.caps && !info.doubled && !info.noteHead && !(key !== undefined && pins.has(key));
      const part: Part = { notes: plain ? notes : withDirective(notes, 'body'), text: t };
      parts.push(part);
      if (key !== undefined && !part.notes.some((x) => directiveOf(x) === 'body')) part.check = key;
    };
    for (const p of flow.note) paraPart(p.pieces, p.text);

    const markerPart = (cs: readonly Continuation[]) => {
      const text = cs.map(printedMarker).join('');
      if (text) parts.push({ notes: notesFor(cs.map((x) => x.line)), text });
    };
    markerPart(markersOf(a, 'from'));
    for (const i of a.byline) {
      const t = joinIdx([i]);
      if (!t) continue;
      const notes = notesFor([i]);
      parts.push({ notes: looksLike(t).kind === 'byline' ? notes : withDirective(notes, 'byline'), text: t });
    }
    // A dateline whose reporters' brackets wrap onto the next line (detect.ts wrappedReporters) is one text.
    const dateline = printedDateline(clean, a.dateline);
    const datelineLine = a.dateline ? lineIndexAt(dump, a.dateline.start) : -1;
    if (dateline) {
      if (flow.body.length) {
        const gap = datelineGap(clean, a.dateline!, flow.body[0].pieces[0]);
        flow.body[0] = { pieces: flow.body[0].pieces, text: gap ? `${dateline}${gap}${flow.body[0].text}` : joinLines([dateline, flow.body[0].text], ctx.evidence) };
      }
      else parts.push({ notes: notesFor([datelineLine]), text: dateline });
    }
    for (let k = 0; k < flow.body.length; k++) {
      const p = flow.body[k];
      const idx = p.pieces.map((x) => ({ line: x.line }));
      if (k === 0 && datelineLine >= 0) idx.unshift({ line: datelineLine });
      paraPart(idx, p.text, `${keyPrefix}${ai}:${k}`);
    }
    if (a.signoff) {
      const t = printedDateline(clean, a.signoff); // one cut by a line end (（记者 / 赵六）) without the break
      const sl = lineIndexAt(dump, a.signoff.start);
      if (t) parts.push({ notes: notesFor([sl]), text: t });
    }
    markerPart(markersOf(a, 'to'));
    // Anything the article claims that no part printed (a safety net: nothing is ever lost).
    for (const i of a.lines) {
      if (used.has(i) || isAnnotationLine(lines, i)) continue;
      const t = joinLines(linePieces(ctx, i, flow.cuts).map((x) => x.text), ctx.evidence).trim();
      if (t) parts.push({ notes: withDirective(notesFor([i]), 'body'), text: t });
    }
    if (parts.length === 0) continue;
    const notice = a.body.length === 0 && a.editorsNote.length === 0 && a.byline.length === 0;
    const first = parts[0];
    if (notice && !first.notes.some((x) => x === NOTICE_SEPARATOR)) first.notes = [NOTICE_SEPARATOR, ...first.notes];
    // The article starts once, at its first part: a staff `%% article` on a later part (its byline,
    // its first body line) was what started it, and printed there as well it would start a second.
    for (let k = 1; k < parts.length; k++) if (parts[k].notes.some((x) => directiveOf(x) === 'article')) parts[k].notes = parts[k].notes.filter((x) => directiveOf(x) !== 'article');
    if (!first.notes.some((x) => directiveOf(x) === 'article')) first.notes = ['%% article', ...first.notes];
    for (const part of parts) {
      if (part.check !== undefined) unpinned.push({ block: blocks.length, key: part.check });
      blocks.push([...part.notes, part.text].join('\n'));
    }
    summary.push({ id: a.id, headline: parts.find((x) => x.notes.includes('%% headline'))?.text ?? '', paragraphs: flow.note.length + flow.body.length });
  }
  // Annotations attached to lines nothing printed, and those at the page end.
  const left: string[] = [];
  for (const [i, n] of attached) if (!used.has(i)) left.push(...n);
  left.push(...trailing);
  if (left.length) blocks.push(left.join('\n'));
  // The line of each unpinned body paragraph (its text is the block's last line: one line).
  let line = 0;
  let u = 0;
  for (let b = 0; b < blocks.length && u < unpinned.length; b++) {
    const n = countLines(blocks[b]);
    if (unpinned[u].block === b) printed.push({ line: line + n - 1, key: unpinned[u++].key });
    line += n + 1; // and the blank line after it
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The article's markers of a direction, in reading order: its continuation or a middle part's
 * continuedTo (the first of each direction), then those of moreContinuations.
 */
function markersOf(a: Article, direction: Continuation['direction']): Continuation[] {
  return markersOfArticle(a).filter((c) => c.direction === direction);
}

function countLines(s: string): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function fakeLine(text: string): Line {
  return { index: 0, start: 0, end: text.length, next: text.length, row: 0, col: 0, page: 0, text, blank: false, annotation: false };
}

export type { FlowContext };

/**
 * The space the page sets between a dateline and the text after it on its line, as the glyph
 * fixes leave it: two spaces for two or more (or a tab or an ideographic space: `本报北京3月5日电  十四届…`,
 * `本报讯  8 月 26 日` — the double space the rules keep as deliberate), one for one, '' for none or
 * for text on the next line (which the rewrite joins as a paragraph's lines).
 */
function datelineGap(clean: Cleaner, d: { start: number; end: number }, first: { start: number } | undefined): string {
  if (!first || first.start <= d.end) return '';
  const gap = clean.span(d.end, first.start);
  if (!/^[ \t\u3000]+$/.test(gap)) return '';
  return gap === ' ' ? ' ' : '  ';
}
