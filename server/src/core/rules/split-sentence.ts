// split-sentence: a block of an article ends mid-sentence and the rest of the sentence comes
// after unrelated lines (furniture, a caption, another article's headline). Two shapes:
// - within one article: two runs of its body lines with foreign lines between, the first run's
//   last line not ending a sentence;
// - across articles: an article's last body line does not end a sentence (and no sign-off or
//   continuation marker closes it), and the next article in the dump is a bare fragment — body
//   only: no headline, kicker, deck, byline, dateline, label, note or "continued from" marker —
//   that starts after foreign lines. The detection made it an article of its own only because
//   something sat in between.
// Neither shape takes a line ending in a labelled phone number, e-mail or web address as cut
// (endsWithContact: it ends a story as a full stop does), nor a continuation whose first line opens
// a notice of its own (opensNotice: 温馨提示：…, 相关链接：…).
// The fix moves the continuation (its lines and the blank lines after them) to right after the
// cut line: one insertion and one deletion of the same text, nothing else changes.
import type { Article } from '../articles/model';
import { t, type Messages } from '../messages';
import { linePieces, type FlowContext } from '../reflow';
import { articleCuts } from '../reflow';
import { endsSentence } from '../chars';
import { isAnnotationLine, isBlankLine, isTextLine, lineAt, lineNext } from '../lines';
import type { Finding, PageDump, Severity, RuleId } from '../types';
import { trimmedSpan } from './rule';

export const splitSentence: { id: RuleId; defaultSeverity: Severity } = { id: 'split-sentence', defaultSeverity: 'warning' };

export function splitSentenceFindings(ctx: FlowContext, articles: readonly Article[], messages: Messages, severity: Severity): Finding[] {
  const { dump } = ctx;
  const lines = dump.lines;
  const page = dump.pages[ctx.analysis.page];
  // The article of each line: made when first asked (most pages never ask: their body lines have
  // only blank lines between them).
  let owners: LineOwner | undefined;
  const owner = (): LineOwner => {
    if (owners) return owners;
    owners = new LineOwner(page.firstLine, page.lastLine, articles, 0);
    for (let k = 0; k < articles.length; k++) {
      const ls = articles[k].lines;
      for (let q = 0; q < ls.length; q++) owners.set(ls[q], k);
    }
    return owners;
  };
  /** Non-blank, non-annotation lines strictly between a and b that the article does not claim. */
  const foreignBetween = (a: number, b: number, art: Article): boolean => {
    for (let i = a + 1; i < b; i++) if (isTextLine(lines, i) && owner().get(i) !== art) return true;
    return false;
  };
  const cutText = (a: Article, i: number): string => {
    const ps = linePieces(ctx, i, articleCuts(ctx, a));
    return ps.length ? ps[ps.length - 1].text : '';
  };
  const out: Finding[] = [];
  const emit = (a: Article, c: number, first: number, last: number, target: Article) => {
    // The continuation must be one contiguous stretch of the target's lines (blank lines allowed).
    for (let i = first; i <= last; i++) if (!isBlankLine(lines, i) && (isAnnotationLine(lines, i) || owner().get(i) !== target)) return;
    let m = last;
    while (m + 1 <= page.lastLine && isBlankLine(lines, m + 1)) m++;
    const mNext = lineNext(dump, m);
    const term = dump.text.slice(lines.end[m], mNext);
    const delEnd = term.includes('\f') ? lines.end[m] : mNext;
    const at = lineNext(dump, c);
    if (at > lines.start[first] || dump.text.slice(lines.end[c], at).includes('\f')) return;
    let moved = dump.text.slice(lines.start[first], delEnd);
    // The continuation's last line has no line end of its own when it ends the text or a page: it
    // gets the cut line's, after which it goes (a CRLF or CR file stays so).
    if (!/[\r\n]$/.test(moved)) moved += lineBreakOf(dump, c);
    const span = trimmedSpan(lineAt(dump, c));
    const cont = trimmedSpan(lineAt(dump, first));
    out.push({
      rule: 'split-sentence',
      severity,
      start: span.start,
      end: span.end,
      message: t(messages, 'split-sentence.message', { row: lines.row[first] + 1 }),
      fix: {
        title: t(messages, 'split-sentence.fix'),
        edits: [
          { start: at, end: at, newText: moved },
          { start: lines.start[first], end: delEnd, newText: '' },
        ],
      },
      related: [{ start: cont.start, end: cont.end, message: t(messages, 'split-sentence.related') }],
    });
    void a;
  };
  for (const a of articles) {
    const body = a.body;
    for (let k = 1; k < body.length; k++) {
      const c = body[k - 1];
      const n = body[k];
      if (n <= c || !foreignBetween(c, n, a)) continue;
      const txt = cutText(a, c);
      if (!txt || endsSentence(txt) || endsWithContact(txt) || opensNotice(dump.text.slice(lines.start[n], lines.end[n]))) continue;
      // The run that starts at n: up to the next foreign interruption.
      let e = k;
      while (e + 1 < body.length && body[e + 1] > body[e] && !foreignBetween(body[e], body[e + 1], a)) e++;
      emit(a, c, n, body[e], a);
      break; // one cut per article per pass: the next shows up once this one is fixed
    }
  }
  // Across articles: a cut article and the bare fragment whose body comes next in the dump.
  const bodyOwner = new LineOwner(page.firstLine, page.lastLine, articles, 1);
  for (let k = 0; k < articles.length; k++) {
    const ls = articles[k].body;
    for (let q = 0; q < ls.length; q++) bodyOwner.set(ls[q], k);
  }
  for (const a of articles) {
    if (a.body.length === 0 || a.signoff || a.continuedTo || (a.continuation && a.continuation.direction === 'to')) continue;
    const c = a.body[a.body.length - 1];
    if (c !== a.lines[a.lines.length - 1]) continue;
    let n = c + 1;
    while (n <= page.lastLine && !bodyOwner.has(n)) n++;
    const b = bodyOwner.get(n);
    if (!b || b === a) continue;
    const bare = b.kicker.length === 0 && b.headline.length === 0 && b.decks.length === 0 && b.byline.length === 0 && b.labels.length === 0 && b.editorsNote.length === 0 && !b.dateline && !b.continuation;
    if (!bare || b.body[0] !== n || b.lines[0] !== n || opensNotice(dump.text.slice(lines.start[n], lines.end[n]))) continue;
    if (!foreignBetween(c, n, b)) continue;
    const txt = cutText(a, c);
    if (!txt || endsSentence(txt) || endsWithContact(txt)) continue;
    emit(a, c, n, b.lines[b.lines.length - 1], b);
  }
  return out;
}

/**
 * A labelled contact item at the end of a line: a label of a few glyphs or letters after the line's
 * start or a mark, a colon, and a phone number, an e-mail or a web address (`咨询电话：0532-88886666`,
 * `…4月底，网址：www.example.cn`). A story ends on it as on a full stop: no sentence goes on after
 * it, and a notice printed below the story's photo (`温馨提示：…`) is no part of it to move up. A
 * label with no item after it (`记者获悉：`) or prose after the colon (`会议强调：要持续…`) still
 * goes on.
 */
const CONTACT_END = /(?:^|[，。；！？、\s])[\p{Script=Han}A-Za-z]{1,8}[：:]\s*(?:[(（+]?\d[\d\-－()（）\s转]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:\/[\w\-./?=&%#~]*)?)[)）]?$/u;

/**
 * A line that opens a notice of its own: a label such as 温馨提示：, 气象台提醒：, 相关链接：, 小贴士：,
 * 延伸阅读：, 编者按： at its start. Such a fragment after a photo or another story is an item of its own
 * (r1: a 温馨提示 under a photo caption), not the rest of the sentence the story above breaks off.
 */
const NOTICE_START = /^[ \t\u3000]*[\p{Script=Han}]{0,4}(?:提示|提醒|链接|贴士|阅读|手记|编者按|背景资料|相关新闻)[：:]/u;

export function opensNotice(line: string): boolean {
  return NOTICE_START.test(line);
}

export function endsWithContact(text: string): boolean {
  const t = text.trimEnd();
  // A cheap test first: the line ends in a digit, a letter or a closing bracket, and has a colon.
  const c = t.charCodeAt(t.length - 1);
  if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xff09 || c === 41 || c === 47)) return false;
  return (t.includes('：') || t.includes(':')) && CONTACT_END.test(t);
}

/**
 * The line break ending line i (LF, CRLF or CR, as the text has it), LF for a line without one.
 * emit asks it of the cut line, which always has one: the continuation comes after it on its page.
 */
function lineBreakOf(dump: PageDump, i: number): string {
  const br = dump.text.slice(dump.lines.end[i], lineNext(dump, i));
  return br === '\n' || br === '\r\n' || br === '\r' ? br : '\n';
}

/** Scratch tables of LineOwner (two per page, one page at a time). */
const TABLES = [new Int32Array(1024), new Int32Array(1024)];

/**
 * Article by line index, as a Map would hold it: article index + 1 per line of the page in a
 * scratch Int32Array (a Map entry per line was the rule's main cost, then an array per page), a Map
 * for any line outside it.
 */
class LineOwner {
  private readonly arr: Int32Array;
  private extra: Map<number, number> | undefined;
  constructor(
    private readonly first: number,
    private readonly last: number,
    private readonly articles: readonly Article[],
    table: number,
  ) {
    const size = Math.max(0, last - first + 1);
    if (TABLES[table].length < size) TABLES[table] = new Int32Array(Math.max(size, 2 * TABLES[table].length));
    this.arr = TABLES[table];
    this.arr.fill(0, 0, size);
  }
  set(i: number, k: number): void {
    if (i >= this.first && i <= this.last) this.arr[i - this.first] = k + 1;
    else (this.extra ??= new Map()).set(i, k);
  }
  get(i: number): Article | undefined {
    if (i >= this.first && i <= this.last) {
      const k = this.arr[i - this.first];
      return k > 0 ? this.articles[k - 1] : undefined;
    }
    const k = this.extra?.get(i);
    return k === undefined ? undefined : this.articles[k];
  }
  has(i: number): boolean {
    return this.get(i) !== undefined;
  }
}
