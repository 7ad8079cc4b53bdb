// Export of the detected articles as `newsprint.articles/1` JSON (schemas/articles-1.schema.json).
// Every text field is clean text: glyph fixes applied (unless a rule is turned off) and column
// lines joined into paragraphs. `lines` and `edits` trace each field back to the dump. The output
// is deterministic (no timestamps), so the CLI and the editor produce identical JSON for a file.
import { analyze } from './analyze';
import type { Article, PageAnalysis } from './articles/model';
import { cleaner, GLYPH_RULES, type Cleaner } from './clean';
import { applyEdits } from './fix';
import { buildParagraphs, hyphenEvidence, isCjkText, joinHeadline, joinLines, type HyphenEvidence } from './paragraphs';
import type { AnalyzeOptions, PageDump, RuleId } from './types';

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
  lines: [number, number][];
  confidence: number;
  edits: EditOut[];
}

export interface ArticlesDocument {
  schema: typeof SCHEMA;
  generator: { name: 'newsprint'; version: string };
  source: { path: string; sha256: string; pages: number };
  articles: ArticleOut[];
  diagnostics: Record<string, number>;
}

export interface ExportOptions extends AnalyzeOptions {
  /** The source path as it should appear in the JSON (relative to the export root, with /). */
  path: string;
  /** SHA-256 of the source file's bytes (the caller has them; the core only sees text). */
  sha256: string;
  version: string;
}

/** Rules whose findings the export resolves (glyph fixes applied, lines joined). */
const RESOLVED: ReadonlySet<RuleId> = new Set<RuleId>([...GLYPH_RULES, 'hard-wrap', 'split-sentence']);

export function exportArticles(text: string, opts: ExportOptions): ArticlesDocument {
  const { dump, findings, pages } = analyze(text, opts);
  const clean = cleaner(dump, findings);
  const evidence = needsHyphenEvidence(dump) ? hyphenEvidence(dump.lines.map((l) => l.text)) : undefined;
  const articles: ArticleOut[] = [];
  for (const p of pages) for (const a of p.articles) articles.push(articleOut(dump, a, p, clean, evidence));
  const diagnostics: Record<string, number> = {};
  for (const f of findings) if (!RESOLVED.has(f.rule)) diagnostics[f.rule] = (diagnostics[f.rule] ?? 0) + 1;
  return {
    schema: SCHEMA,
    generator: { name: 'newsprint', version: opts.version },
    source: { path: opts.path, sha256: opts.sha256, pages: dump.pages.length },
    articles,
    diagnostics,
  };
}

function needsHyphenEvidence(dump: PageDump): boolean {
  return !isCjkText(dump.text.slice(0, 2000));
}

const ROLE_WORDS = ['本报记者', '本报通讯员', '特约记者', '见习记者', '实习记者', '特约通讯员', '记者', '通讯员', '实习生', '摄影', '撰稿'];
const CREDIT_TAIL = /\s*(报道|摄影?|文\/图|文|图|整理|采写|供稿)\s*$/;

/** Splits a byline into its role word and person names. */
export function parseByline(raw: string): Byline {
  let s = raw.trim().replace(/^[□■◇◆●○]\s*/, '');
  const en = /^by\s+(.+)$/i.exec(s);
  if (en) {
    const persons = en[1].replace(/\.$/, '').split(/\s*(?:,|\band\b)\s*/i).map((x) => x.trim()).filter(Boolean);
    return { raw: raw.trim(), role: null, persons };
  }
  let role: string | null = null;
  for (const w of ROLE_WORDS) {
    if (s.startsWith(w)) {
      role = w;
      s = s.slice(w.length);
      break;
    }
  }
  s = s.replace(CREDIT_TAIL, '');
  const persons: string[] = [];
  for (const part of s.split(/[\s、，,／/]+/)) {
    const name = part.trim();
    if (!name || ROLE_WORDS.includes(name)) continue;
    persons.push(name);
  }
  return { raw: raw.trim(), role, persons };
}

/** Rows (editor lines) claimed, as inclusive ranges; ranges separated only by blank lines merge. */
export function lineRanges(dump: PageDump, lines: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let prev = -1;
  for (const i of [...lines].sort((a, b) => a - b)) {
    const row = dump.lines[i].row;
    if (out.length) {
      let onlyBlank = true;
      for (let k = prev + 1; k < i; k++) if (!dump.lines[k].blank) onlyBlank = false;
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

function articleOut(dump: PageDump, a: Article, page: PageAnalysis, clean: Cleaner, ev: HyphenEvidence | undefined): ArticleOut {
  const text = (idx: readonly number[]) => joinLines(idx.map((i) => clean.line(i)), ev).trim();
  // Body lines: the dateline comes off the head of the first one, the sign-off off the tail of the last.
  const body = a.body;
  const texts = body.map((i) => {
    const l = dump.lines[i];
    let start = l.start;
    let end = l.end;
    if (a.dateline && a.dateline.start >= l.start && a.dateline.end <= l.end) start = Math.max(start, a.dateline.end);
    if (a.signoff && a.signoff.start >= l.start && a.signoff.start <= l.end) end = Math.min(end, a.signoff.start);
    return clean.span(start, end);
  });
  const keep = texts.map((t, k) => ({ t, i: body[k] })).filter((x) => x.t.trim() !== '');
  const paragraphs = buildParagraphs(
    keep.map((x) => x.i),
    keep.map((x) => x.t),
    { columnWidth: page.columnWidth, evidence: ev },
  ).map((p) => p.text.trim());
  const edits: EditOut[] = [];
  for (const i of a.lines) {
    for (const f of clean.findingsOn(i)) {
      const before = dump.text.slice(f.start, f.end);
      const after = applyEdits(before, f.fix!.edits.map((e) => ({ start: e.start - f.start, end: e.end - f.start, newText: e.newText })));
      edits.push({ rule: f.rule, line: dump.lines[i].row, before, after });
    }
  }
  const continuation = a.continuation
    ? {
        ...(a.continuation.direction === 'to' ? { to: a.continuation.target } : { from: a.continuation.target }),
        marker: clean.span(a.continuation.span.start, a.continuation.span.end).trim(),
        linkedId: null,
      }
    : null;
  return {
    id: a.id,
    page: a.page + 1,
    type: a.type,
    kicker: a.kicker.length ? text(a.kicker) : null,
    headline: joinHeadline(a.headline.map((i) => clean.line(i)), ev),
    subheadlines: a.decks.map((d) => text(d)),
    byline: a.byline.length ? parseByline(a.byline.map((i) => clean.line(i).trim()).join(' ')) : null,
    dateline: a.dateline ? clean.span(a.dateline.start, a.dateline.end).trim() || null : null,
    labels: a.labels.map((l) => text(l)),
    editorsNote: a.editorsNote.length
      ? buildParagraphs(a.editorsNote, a.editorsNote.map((i) => clean.line(i)), { columnWidth: page.columnWidth, evidence: ev })
          .map((p) => p.text.trim())
          .join('\n')
      : null,
    paragraphs,
    signoff: a.signoff ? clean.span(a.signoff.start, a.signoff.end).trim() || null : null,
    continuation,
    lines: lineRanges(dump, a.lines),
    confidence: Math.round(Math.min(1, Math.max(0, a.confidence)) * 1000) / 1000,
    edits,
  };
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
