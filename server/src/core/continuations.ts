// Linking continued articles across pages: `（下转第二版）` on page 1 to `（上接第一版）` on page 2.
//
// How parts are matched: every page in the export gets a number — its form-feed position within
// its file, offset by a page number in the file name (`…-p2.txt`, `page_3.txt`, a trailing
// number, never a date's day or month: basePageOf) when there is one. Files in one folder are one
// issue. A part continued *to* page N is
// matched with an unlinked part on page N of the same issue that is continued *from* this page
// (or whose marker names no page we can read). When several qualify, the one whose headline and
// kicker share the most character bigrams with this part's wins (the jump head usually repeats
// words of the original headline); ties go to reading order. A marker may name several pages
// (`（转2—3版）`, `（下转第2、3版）`): they are tried in order and the first with a part to link
// wins (`linkedId` holds one part); a continued-from marker naming several accepts any of them. `linkedId` is the other part's `id`
// when it is in the same file, else `PATH#id` with PATH the other file's `source.path`.
// A middle part of a story over three pages or more has two markers: its continued-from one
// (`continuation`) and its continued-to one (`continuedTo`), each linked as a part of its own, so
// that the chain of parts can be followed both ways. So is each of a part's further markers
// (`moreContinuations`: a second page it continues on or from), by its direction.
import type { ArticleOut, ContinuationOut } from './export';

/** What linking needs of an export: its path and its articles' pages, headlines and markers. */
export interface LinkableDoc {
  source: { path: string };
  articles: Pick<ArticleOut, 'id' | 'page' | 'headline' | 'kicker' | 'continuation' | 'continuedTo' | 'moreContinuations'>[];
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** Ordinals, as `Continued on Second Page.` names a page; the front page is the first. */
const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/**
 * A page number in English words (lower case): a cardinal (two) or an ordinal (second; the front
 * page, the first), also with an i the OCR read as l (`flrst`, `thlrd`, `elghth`).
 */
function englishNumber(w: string): number | undefined {
  if (w === 'front') return 1;
  for (const x of w.includes('l') ? [w, w.replace(/l/g, 'i')] : [w]) {
    const k = EN_NUMBERS.indexOf(x);
    if (k > 0) return k;
    const o = EN_ORDINALS.indexOf(x);
    if (o > 0) return o;
  }
  return undefined;
}

function chineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten >= 0) {
    const hi = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
    const lo = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)];
    return hi === undefined || lo === undefined ? undefined : hi * 10 + lo;
  }
  let n = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}

/** Full-width digits (第２版, as the markers' pattern in roles.ts reads them) as ASCII ones. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The page number a continuation target names: 第二版, 第2版, 第２版, 2版, A2, B-3, Page Three, Pago 3. */
export function pageNumberOf(target: string): number | undefined {
  const t = asciiDigits(target.trim());
  const arabic = /(\d{1,3})/.exec(t);
  if (arabic) return Number(arabic[1]);
  const cn = /第?([零〇一二两三四五六七八九十]{1,3})[版页面]?/.exec(t);
  if (cn) return chineseNumber(cn[1]);
  const words = t.toLowerCase().split(/[^a-z]+/);
  for (const w of words) {
    const k = englishNumber(w);
    if (k !== undefined) return k;
  }
  return undefined;
}

/** A target naming several pages, as roles.ts reads them: pages (第2, 3版, A3) between list or range separators. */
const SEVERAL = /^(?:第?[0-9A-Za-z０-９一二三四五六七八九十]{1,4}[版页面]?(?:[、，,]|[—–\-－~～]{1,2}|至)){1,3}第?[0-9A-Za-z０-９一二三四五六七八九十]{1,4}[版页面]?$/;
const LIST_SEP = /[、，,]/;
const RANGE_SEP = /[—–\-－~～]{1,2}|至/;
/** Most pages a range (2—5版) stands for; a wider one (or a reversed one) is its two ends. */
const MAX_RANGE = 8;

/**
 * Every page a continuation target names, in order: 第2、3版 → [2, 3], 2—4版 → [2, 3, 4], A2-A3 →
 * [2, 3]; else the one pageNumberOf reads ([] when none). A target whose parts are not all pages
 * (B-3, Twenty-one) is one page, as before.
 */
export function pageNumbersOf(target: string): number[] {
  const first = pageNumberOf(target);
  if (first === undefined) return [];
  const t = target.trim();
  if (!SEVERAL.test(t)) return [first];
  const out: number[] = [];
  const add = (n: number) => {
    if (!out.includes(n)) out.push(n);
  };
  for (const item of t.split(LIST_SEP)) {
    const ends = item.split(RANGE_SEP);
    const lo = pageNumberOf(ends[0]);
    const hi = pageNumberOf(ends[ends.length - 1]);
    if (ends.length > 2 || lo === undefined || hi === undefined) return [first];
    if (hi > lo && hi - lo <= MAX_RANGE) for (let n = lo; n <= hi; n++) add(n);
    else {
      add(lo);
      add(hi);
    }
  }
  return out;
}

/**
 * A date in a file name, which archives name pages by (县报-2024-09-23, tribune-1903-05-02,
 * 2024_09_23, a year and month 1903-05): a year from 1500 to 2099, a month, maybe a day, one
 * separator throughout. Its month or day is no page number. Eight digits (20240923) need no
 * pattern: no run of more than three digits is read as a page.
 */
const DATE_IN_NAME = /(?<!\d)(?:1[5-9]|20)\d\d([-_.])(?:0?[1-9]|1[0-2])(?:\1(?:0?[1-9]|[12]\d|3[01]))?(?!\d)/g;
/** A page suffix: p2, page_3, pg-4, the last number in the name (a run of one to three digits). */
const PAGE_SUFFIX = /(?:^|[^a-z])(?:p|page|pg)[-_ ]?(\d{1,3})(?!.*\d)/i;
/** A name ending in a number (…-A03, …_02, 7) or a Chinese page (第2版, 3版): one to three digits, not part of a longer run. */
const TRAILING_PAGE = /(?<!\d)(\d{1,3})版?$/;

/**
 * Page number of a file's first page, from its name: …-p2.txt, page_3.txt, …-A03.txt, …第2版.txt.
 * Dates are taken out first, so 县报-2024-09-23.txt is page 1 (not 23) and 2024-09-23-p2.txt page
 * 2. Default 1.
 */
export function basePageOf(path: string): number {
  const name = path.split('/').pop() ?? path;
  const stem = name.replace(/(\.page)?\.(txt|pagedump)$/i, '').replace(DATE_IN_NAME, ' ');
  const m = PAGE_SUFFIX.exec(stem) ?? TRAILING_PAGE.exec(stem);
  return m ? Number(m[1]) : 1;
}

/** The issue a page belongs to for linking: the folder of its source.path (links never cross issues). */
export function issueOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function bigrams(s: string): Set<string> {
  const a = Array.from(s.replace(/\s+/g, ''));
  const out = new Set<string>();
  for (let i = 0; i + 1 < a.length; i++) out.add(a[i] + a[i + 1]);
  return out;
}

/** How many character bigrams two articles' kicker and headline share (how linking ranks candidates). */
export function similarity(a: LinkableDoc['articles'][number], b: LinkableDoc['articles'][number]): number {
  const x = bigrams(`${a.kicker ?? ''}${a.headline}`);
  let n = 0;
  for (const g of bigrams(`${b.kicker ?? ''}${b.headline}`)) if (x.has(g)) n++;
  return n;
}

interface Part {
  doc: LinkableDoc;
  article: LinkableDoc['articles'][number];
  /** Its marker: the article's continuation, a middle part's continuedTo, or one of moreContinuations. */
  c: ContinuationOut;
  page: number;
  issue: string;
  /** The pages its marker names (pageNumbersOf). */
  names: number[];
}

/** Sets `continuation.linkedId` on both parts of every continuation it can match. Mutates. */
export function linkContinuations(docs: readonly LinkableDoc[]): void {
  const tos: Part[] = [];
  const froms: Part[] = [];
  for (const doc of docs) {
    const base = basePageOf(doc.source.path);
    for (const article of doc.articles) {
      const c = article.continuation;
      if (!c) continue;
      const page = base + article.page - 1;
      const issue = issueOf(doc.source.path);
      (c.to !== undefined ? tos : froms).push({ doc, article, c, page, issue, names: pageNumbersOf(c.to ?? c.from ?? '') });
      const next = article.continuedTo;
      if (next) tos.push({ doc, article, c: next, page, issue, names: pageNumbersOf(next.to ?? '') });
      const more = article.moreContinuations;
      if (more) for (const m of more) (m.to !== undefined ? tos : froms).push({ doc, article, c: m, page, issue, names: pageNumbersOf(m.to ?? m.from ?? '') });
    }
  }
  // Each 'to' looks only at the 'from's of its issue and target page, in batch order: scanning all
  // of them for each made linking quadratic (20,000 issues of two pages took 1.5 s, and an archive
  // of millions of pages would take hours).
  const fromsAt = new Map<string, Part[]>();
  for (const f of froms) {
    const key = `${f.page}\n${f.issue}`;
    const list = fromsAt.get(key);
    if (list) list.push(f);
    else fromsAt.set(key, [f]);
  }
  const ref = (from: Part, to: Part) => (from.doc === to.doc ? to.article.id : `${to.doc.source.path}#${to.article.id}`);
  for (const t of tos) {
    for (const target of t.names) {
      const best = bestFrom(t, fromsAt.get(`${target}\n${t.issue}`));
      if (best) {
        t.c.linkedId = ref(t, best);
        best.c.linkedId = ref(best, t);
        break;
      }
    }
  }
}

/** The unlinked part of `froms` (on one target page of t's) that t links to: continued from t's page (or from none we read), not t's own article, the most similar, the first on a tie. */
function bestFrom(t: Part, froms: readonly Part[] | undefined): Part | undefined {
  let best: Part | undefined;
  let bestScore = -1;
  for (const f of froms ?? []) {
    if (f.c.linkedId !== null || f.article === t.article) continue;
    if (f.names.length > 0 && !f.names.includes(t.page)) continue;
    const score = similarity(t.article, f.article);
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}
