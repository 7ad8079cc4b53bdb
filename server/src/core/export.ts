// Export of the detected articles as `newsprint.articles/1` JSON (schemas/articles-1.schema.json).
// Every text field is clean text: glyph fixes applied (unless a rule is turned off) and column
// lines joined into paragraphs, by the reflow's rules (reflow.ts: those of the hard-wrap rule and
// the rewrite, so that a page, its rewrite and its Fix All export alike). `lines` and `edits` trace
// each field back to the dump. The output is deterministic (no timestamps), so the CLI and the
// editor produce identical JSON for a file.
import { analyze } from './analyze';
import type { Article, Continuation } from './articles/model';
import { BYLINE_CREDIT, BYLINE_ORG, DATELINE_REPORTER } from './articles/roles';
import { GLYPH_RULES, type Cleaner } from './clean';
import { EDIT_FIELDS, INSERTED, keptRows } from './editRows';
import { isBlankUnit } from './chars';
import { applyEdits } from './fix';
import { hyphenEvidenceIn, isCjkText, joinHeadline, joinLines, type HyphenEvidence } from './paragraphs';
import { isAnnotationLine, isBlankLine } from './lines';
import { flowArticle, flowContext, markerText, printedDateline, trimmed, type ArticleFlow, type FlowContext, type FlowParagraph } from './reflow';
import { changedLevels } from './ruleLevels';
import type { AnalyzeOptions, Edit, Finding, PageDump, RuleId, RuleLevel, Span } from './types';

export const SCHEMA = 'newsprint.articles/1';

export interface Byline {
  raw: string;
  role: string | null;
  persons: string[];
}

export interface ContinuationOut {
  to?: string;
  from?: string;
  marker: string;
  linkedId: string | null;
}

export interface EditOut {
  rule: RuleId;
  line: number;
  before: string;
  after: string;
}

export interface ArticleOut {
  id: string;
  page: number;
  type: string;
  kicker: string | null;
  headline: string;
  subheadlines: string[];
  byline: Byline | null;
  dateline: string | null;
  labels: string[];
  editorsNote: string | null;
  paragraphs: string[];
  signoff: string | null;
  continuation: ContinuationOut | null;
  /** A middle part's continued-to marker (`continuation` is its continued-from one); absent on every other article. */
  continuedTo?: ContinuationOut;
  /** The part's markers after those (a second page it is continued on to or from), in reading order; absent unless any. */
  moreContinuations?: ContinuationOut[];
  lines: [number, number][];
  confidence: number;
  edits: EditOut[];
}

export interface ArticlesDocument {
  schema: typeof SCHEMA;
  /** `rules`: the rule levels that differ from the defaults, when any (see changedLevels). */
  generator: { name: 'newsprint'; version: string; rules?: Record<string, RuleLevel> };
  source: { path: string; sha256: string; pages: number; rootId?: string };
  articles: ArticleOut[];
  diagnostics: Record<string, number>;
}

export interface ExportOptions extends AnalyzeOptions {
  /** The source path as it should appear in the JSON (relative to the export root, with /). */
  path: string;
  /** SHA-256 of the source file's bytes (the caller has them; the core only sees text). */
  sha256: string;
  version: string;
  /** Batch outputs (`--out`): which export root `path` is relative to (exportFile.ts rootIdOf). */
  rootId?: string;
}

/** Rules whose findings the export resolves (glyph fixes applied, lines joined). */
const RESOLVED: ReadonlySet<RuleId> = new Set<RuleId>([...GLYPH_RULES, 'hard-wrap', 'split-sentence']);

/**
 * The paragraph rules are off for the export's analysis: it rebuilds paragraphs itself and counts
 * only unresolved findings, so their findings (about a fifth of the analysis) would be thrown away.
 */
const PARAGRAPH_RULES_OFF = { 'hard-wrap': 'off', 'split-sentence': 'off' } as const;

export function exportArticles(text: string, opts: ExportOptions): ArticlesDocument {
  const { dump, findings, pages, clean } = analyze(text, { ...opts, rules: { ...opts.rules, ...PARAGRAPH_RULES_OFF } });
  const evidence = needsHyphenEvidence(dump) ? dumpHyphenEvidence(dump) : undefined;
  const articles: ArticleOut[] = [];
  for (const p of pages) {
    if (p.articles.length === 0) continue;
    // The reflow's paragraphs (those the hard-wrap rule and the rewrite make), so that the export
    // of a page and of its rewrite agree: it reads blank lines and the rewrite's marker, and keeps
    // apart the paragraphs the rewrite put apart.
    const flow = flowContext(dump, p, clean);
    for (const a of p.articles) articles.push(articleOut(dump, a, clean, evidence, flow));
  }
  const diagnostics: Record<string, number> = {};
  // An unsure fix is not applied (see Finding.unsure): its finding is left, so counted.
  for (const f of findings) if (!RESOLVED.has(f.rule) || f.unsure) diagnostics[f.rule] = (diagnostics[f.rule] ?? 0) + 1;
  const rules = changedLevels(opts.rules);
  const source: ArticlesDocument['source'] = { path: opts.path, sha256: opts.sha256, pages: dump.pages[dump.pages.length - 1].sheet + 1 };
  if (opts.rootId) source.rootId = opts.rootId;
  return {
    schema: SCHEMA,
    generator: rules ? { name: 'newsprint', version: opts.version, rules } : { name: 'newsprint', version: opts.version },
    source,
    articles,
    diagnostics,
  };
}

function needsHyphenEvidence(dump: PageDump): boolean {
  return !isCjkText(dump.text.slice(0, 2000));
}

/**
 * A byline's role: its news organisation, a qualifier and the role (本报特约记者, 新华社记者,
 * 全媒体记者, 驻京记者), or a credit (文/图, 摄影). A part of the names may start with one too
 * (`通讯员张强`).
 */
const ROLE = new RegExp(`^(?:${BYLINE_ORG}(?:摄影记者|记者|通讯员|实习生|撰稿人?|评论员)|摄影|文[/／]图|文图)`);
const CREDIT_TAIL = /\s*(报道|摄影?|文\/图|文|图|整理|采写|供稿)\s*$/;

/** Splits a byline into its role and person names. */
export function parseByline(raw: string): Byline {
  let s = raw.trim().replace(/^[□■◇◆●○]\s*/, '');
  // A byline in brackets of its own (`（记者 王 丽 通讯员 李 明）`).
  const bracketed = /^[（(]([^（()）]*)[）)]$/.exec(s);
  if (bracketed) s = bracketed[1].trim();
  // A correspondent's credit names the paper, no person: `Special to The New-York Tribune.`
  if (/^sp[a-z]{3,5}l\s+to\s/i.test(s)) return { raw: raw.trim(), role: null, persons: [] };
  const en = /^by\s+(.+)$/i.exec(s);
  if (en) {
    const persons = en[1].replace(/\.$/, '').split(/\s*(?:,|\band\b)\s*/i).map((x) => x.trim()).filter(Boolean);
    return { raw: raw.trim(), role: null, persons };
  }
  const m = ROLE.exec(s);
  const role = m ? m[0] : null;
  if (m) s = s.slice(m[0].length).replace(/^[:：]/, '');
  s = s.replace(CREDIT_TAIL, '');
  const persons: string[] = [];
  // Single glyphs in a row between spaces are a two-glyph name padded to the width of three
  // (`本报记者 王 丽`, `记者 李 明 王晶晶`): see padded.
  const singles: string[] = [];
  for (const segment of s.split(/[、，,／/]+/)) {
    for (const part of segment.split(/\s+/)) {
      // A later role (`通讯员张强`) goes; the name stays.
      const name = part.trim().replace(ROLE, '').replace(/^[:：]/, '');
      if (SINGLE_HAN.test(name) && name === part.trim()) {
        singles.push(name);
        continue;
      }
      padded(singles, persons);
      if (name) persons.push(name);
    }
    padded(singles, persons); // a 、 ends a name
  }
  return { raw: raw.trim(), role, persons };
}

/** One Han glyph (a part of a padded name). */
const SINGLE_HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]$/;

/**
 * The names of a run of single glyphs of a byline (emptied), pushed onto persons: pairs when the
 * run is even (`王 丽 李 明`: 王丽, 李明, two-glyph names padded to the width of three), one name
 * of three (`王 晶 晶`); a run of 1, 5, 7… glyphs cannot be split with confidence: each glyph as printed.
 */
function padded(singles: string[], persons: string[]): void {
  const n = singles.length;
  if (n === 0) return;
  if (n % 2 === 0) for (let k = 0; k < n; k += 2) persons.push(singles[k] + singles[k + 1]);
  else if (n === 3) persons.push(singles.join(''));
  else persons.push(...singles);
  singles.length = 0;
}

/** Rows (editor lines) claimed, as inclusive ranges; ranges separated only by blank lines merge. */
export function lineRanges(dump: PageDump, lines: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let prev = -1;
  for (const i of [...lines].sort((a, b) => a - b)) {
    const row = dump.lines.row[i];
    if (out.length) {
      let onlyBlank = true;
      for (let k = prev + 1; k < i; k++) if (!isBlankLine(dump.lines, k)) onlyBlank = false;
      const last = out[out.length - 1];
      if (onlyBlank) {
        last[1] = Math.max(last[1], row);
        prev = i;
        continue;
      }
    }
    out.push([row, row]);
    prev = i;
  }
  return out;
}

// articleOut is a thin composition of small helpers. As one big function (map/filter callbacks and
// closures inlined) it was reoptimized ~7 times per export, ~30 ms of optimizing-compiler time each:
// the arrays it reads (Article fields, intermediate results) change elements kind as their producers
// get optimized, and each unseen map deoptimized the whole thing. Now a new map costs the recompile
// of one small helper. Helpers use plain loops and build every object of a kind with one key order.
function articleOut(dump: PageDump, a: Article, clean: Cleaner, ev: HyphenEvidence | undefined, ctx: FlowContext): ArticleOut {
  // Evaluated in the order the fields were always computed (paragraphs, edits, continuation first).
  const flow = flowArticle(ctx, a);
  const paragraphs = flowTexts(flow.body);
  const edits = editsOut(dump, a.lines, clean);
  const continuation = a.continuation ? continuationOut(dump, a.continuation, clean) : null;
  const dateline = printedDateline(clean, a.dateline) || null;
  const out: ArticleOut = {
    id: a.id,
    page: dump.pages[a.page].sheet + 1,
    type: a.type,
    kicker: a.kicker.length ? linesText(a.kicker, clean, ev) : null,
    headline: headlineText(a.headline, clean, ev),
    subheadlines: groupsText(a.decks, clean, ev),
    // Reporters in a dateline's brackets are the byline when the article has no byline line; with
    // one, they stay in the dateline as printed (本报讯（通讯员 赵六）), not dropped.
    byline: a.byline.length ? bylineOut(a.byline, clean) : datelineByline(dateline),
    dateline: a.byline.length ? dateline : datelineText(dateline),
    labels: groupsText(a.labels, clean, ev),
    editorsNote: a.editorsNote.length ? flowTexts(flow.note).join('\n') : null,
    paragraphs,
    signoff: spanText(a.signoff, clean),
    continuation,
    lines: lineRanges(dump, a.lines),
    confidence: Math.round(Math.min(1, Math.max(0, a.confidence)) * 1000) / 1000,
    edits,
  };
  out.edits = withDroppedHyphens(edits, dump, a, out, flow, clean);
  return a.continuedTo || a.moreContinuations ? withMoreMarkers(out, a, dump, clean) : out;
}

/**
 * The article with `continuedTo` and then `moreContinuations` right after `continuation` (the
 * schema's key order); the few parts with them only, so the common shape stays one.
 */
function withMoreMarkers(a: ArticleOut, article: Article, dump: PageDump, clean: Cleaner): ArticleOut {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) {
    out[key] = value;
    if (key !== 'continuation') continue;
    if (article.continuedTo) out.continuedTo = continuationOut(dump, article.continuedTo, clean);
    if (article.moreContinuations) out.moreContinuations = article.moreContinuations.map((c) => continuationOut(dump, c, clean));
  }
  return out as unknown as ArticleOut;
}

function cleanLines(idx: readonly number[], clean: Cleaner): string[] {
  const out: string[] = [];
  for (let k = 0; k < idx.length; k++) out.push(clean.line(idx[k]));
  return out;
}

/** Clean text of lines joined as one field. */
function linesText(idx: readonly number[], clean: Cleaner, ev: HyphenEvidence | undefined): string {
  return joinLines(cleanLines(idx, clean), ev).trim();
}

function groupsText(groups: readonly (readonly number[])[], clean: Cleaner, ev: HyphenEvidence | undefined): string[] {
  const out: string[] = [];
  for (let k = 0; k < groups.length; k++) out.push(linesText(groups[k], clean, ev));
  return out;
}

function headlineText(idx: readonly number[], clean: Cleaner, ev: HyphenEvidence | undefined): string {
  return joinHeadline(cleanLines(idx, clean), ev);
}

/** A span's text as printed, cleaned; one cut by a line end (a sign-off: `（记者` / `赵六）`) without the break. */
function spanText(s: Span | null, clean: Cleaner): string | null {
  return printedDateline(clean, s) || null;
}

/**
 * A dateline's text, its reporters in brackets (本报讯（记者 王五 通讯员 赵六）) left to the byline,
 * its line break gone (the brackets wrap: `本报讯（记者 王五 通讯` / `员 赵六）`).
 */
function datelineText(t: string | null): string | null {
  if (t === null) return null;
  const m = DATELINE_REPORTER.exec(t);
  return m ? t.slice(0, m.index).trim() || t : t;
}

/**
 * The reporters a dateline holds, as the byline: in brackets (raw with the brackets, as printed), or
 * named in the lead (`记者张三 通讯员李四 报道`, raw without the colon); null for none.
 */
function datelineByline(t: string | null): Byline | null {
  const m = t === null ? null : DATELINE_REPORTER.exec(t);
  if (!m || m.index === 0) return null;
  const b = parseByline(m[1] ?? m[2]);
  return { raw: m[1] !== undefined ? m[0] : m[2], role: b.role, persons: b.persons };
}

/**
 * The byline of the byline lines idx: all of them as printed (raw); role and persons from the lines
 * other than credits (`[BY TELEGRAPH TO THE TRIBUNE.]`, `(Copyright: …)`: no person), none when
 * all are credits.
 */
function bylineOut(idx: readonly number[], clean: Cleaner): Byline {
  let raw = '';
  let named = '';
  for (let k = 0; k < idx.length; k++) {
    const t = clean.line(idx[k]).trim();
    raw += (k ? ' ' : '') + t;
    if (!BYLINE_CREDIT.test(t)) named += (named ? ' ' : '') + t;
  }
  if (named === raw) return parseByline(raw);
  const b = named ? parseByline(named) : { role: null, persons: [] };
  return { raw, role: b.role, persons: b.persons };
}

/** The paragraphs' texts, empty ones left out. */
function flowTexts(ps: readonly FlowParagraph[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < ps.length; k++) if (ps[k].text) out.push(ps[k].text);
  return out;
}

/** The glyph fixes applied on the article's lines, each with its text before and after. */
function editsOut(dump: PageDump, lines: readonly number[], clean: Cleaner): EditOut[] {
  const out: EditOut[] = [];
  for (let k = 0; k < lines.length; k++) {
    const i = lines[k];
    const fs = clean.findingsOn(i);
    for (let n = 0; n < fs.length; n++) {
      const f = fs[n];
      const before = dump.text.slice(f.start, f.end);
      out.push({ rule: f.rule, line: dump.lines.row[i], before, after: fixedFromRows(dump.text, f) ?? applyEdits(before, relativeEdits(f.fix!.edits, f.start)) });
    }
  }
  return out;
}

/** One part of a joined text: its source line, raw [start, end) in the dump, and clean text (trimmed). */
interface JoinedPart {
  line: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Line-end hyphens a joined text dropped (`tak-` / `ing` → `taking`, `GOVERNOR-` / `SHIP`): the
 * parts' texts are found in order in `joined` (joins add a space or nothing, or drop a hyphen), and
 * a part found without its last hyphen lost it. Each goes into `out` as a `hard-wrap` edit of the
 * word as printed (`tak-` → `tak`). Stops at a part it cannot find (no guess).
 */
function droppedHyphens(dump: PageDump, parts: readonly JoinedPart[], joined: string, out: EditOut[]): void {
  let pos = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const t = p.text;
    if (!t) continue;
    while (pos < joined.length && joined.charCodeAt(pos) === 32) pos++;
    if (joined.startsWith(t, pos)) pos += t.length;
    else {
      const last = t.charCodeAt(t.length - 1);
      if (k + 1 === parts.length || (last !== 45 && last !== 0xad) || !joined.startsWith(t.slice(0, -1), pos)) return;
      pos += t.length - 1;
      let w = p.end - 1; // the hyphen as printed; the word before it
      while (w > p.start && !isBlankUnit(dump.text.charCodeAt(w - 1))) w--;
      const before = dump.text.slice(w, p.end);
      out.push({ rule: 'hard-wrap', line: dump.lines.row[p.line], before, after: before.slice(0, -1) });
    }
  }
}

/** The raw span (trimmed) and clean text of each line of idx. */
function lineParts(dump: PageDump, idx: readonly number[], clean: Cleaner): JoinedPart[] {
  const out: JoinedPart[] = [];
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const t = trimmed(dump.text, dump.lines.start[i], dump.lines.end[i]);
    out.push({ line: i, start: t.start, end: t.end, text: clean.line(i).trim() });
  }
  return out;
}

/**
 * The article's edits and, after them in line order, the hyphens its joined fields dropped at line
 * ends (heading lines, the note's and the body's paragraphs): so `edits` traces every character the
 * text fields leave out. Articles without such hyphens (every CJK one) keep their glyph edits as they were.
 */
function withDroppedHyphens(edits: EditOut[], dump: PageDump, a: Article, out: ArticleOut, flow: ArticleFlow, clean: Cleaner): EditOut[] {
  const hy: EditOut[] = [];
  const heading = (idx: readonly number[], text: string | null) => {
    if (idx.length > 1 && text) droppedHyphens(dump, lineParts(dump, idx, clean), text, hy);
  };
  heading(a.kicker, out.kicker);
  heading(a.headline, out.headline);
  for (let k = 0; k < a.decks.length; k++) heading(a.decks[k], out.subheadlines[k]);
  for (let k = 0; k < a.labels.length; k++) heading(a.labels[k], out.labels[k]);
  for (const ps of [flow.note, flow.body]) for (let k = 0; k < ps.length; k++) if (ps[k].pieces.length > 1) droppedHyphens(dump, ps[k].pieces, ps[k].text, hy);
  if (hy.length === 0) return edits;
  return edits.concat(hy).sort((x, y) => x.line - y.line); // stable: a line's glyph edits, then its hyphen
}

/**
 * text[f.start, f.end) with the finding's fix applied, read from its rows (see editRows.ts) without
 * making its edits into objects; undefined unless they are in order, apart and inside the span
 * (the spacing rules' always are), where applyEdits would drop or sort some.
 */
function fixedFromRows(text: string, f: Finding): string | undefined {
  const fix = keptRows(f);
  if (!fix) return undefined;
  const rows = fix.rows;
  let out = '';
  let cursor = f.start;
  for (let q = 0, o = fix.at; q < fix.count; q++, o += EDIT_FIELDS) {
    const start = rows[o];
    const end = rows[o + 1];
    if (start < cursor || end <= start || end > f.end) return undefined;
    out += text.slice(cursor, start) + INSERTED[rows[o + 2]];
    cursor = end;
  }
  return out + text.slice(cursor, f.end);
}

function relativeEdits(edits: readonly Edit[], base: number): Edit[] {
  const out: Edit[] = [];
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k];
    out.push({ start: e.start - base, end: e.end - base, newText: e.newText });
  }
  return out;
}

/** `to` or `from` first (the schema's key order), then marker and linkedId: two fixed literal shapes. */
function continuationOut(dump: PageDump, c: Continuation, clean: Cleaner): ContinuationOut {
  // One a `%% continued-…` directive made has no printed marker: the export holds no annotation text.
  const marker = isAnnotationLine(dump.lines, c.line) ? '' : markerText(clean, c.span);
  return c.direction === 'to' ? { to: c.target, marker, linkedId: null } : { from: c.target, marker, linkedId: null };
}

/** The JSON text of one document, as every exporter writes it (so outputs compare byte for byte). */
export function serializeDocument(doc: ArticlesDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** JSON Lines: one `articleLine` per article, in document and reading order. */
export function serializeLines(docs: readonly ArticlesDocument[]): string {
  let out = '';
  for (const d of docs) {
    for (const article of d.articles) out += `${JSON.stringify({ schema: d.schema, generator: d.generator, source: d.source, article })}\n`;
  }
  return out;
}

/** hyphenEvidence of every line of the dump, read in its text (no slice per line), with the words inside lines (see joinPieces). */
function dumpHyphenEvidence(dump: PageDump): HyphenEvidence {
  const L = dump.lines;
  const spans = new Int32Array(2 * L.length);
  for (let i = 0; i < L.length; i++) {
    spans[2 * i] = L.start[i];
    spans[2 * i + 1] = L.end[i];
  }
  return hyphenEvidenceIn(dump.text, spans, L.length, true);
}
