// Article detection on pages whose paragraphs are joined already, wholly (`newsprint fix`, Fix All)
// or in part ("Join paragraph" clicked on the hard-wrap findings one at a time): the articles stay
// those of the page as dumped. A joined paragraph (a line much wider than the column, ending a
// sentence) is body, and the column lines not yet joined keep being read as body.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { exportArticles, type ArticleOut, type ContinuationOut } from '../../server/src/core/export';
import { applyEdits, fixAll, normalizeEdits } from '../../server/src/core/fix';
import type { Edit } from '../../server/src/core/types';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const PAGES: [string, string][] = [
  ['the Chinese sample', SAMPLE],
  ['fixture daily-p1', path.join(FIXTURES, 'issue/daily-p1.txt')],
  ['fixture daily-p2', path.join(FIXTURES, 'issue/daily-p2.txt')],
  ['fixture zh-ordered', path.join(FIXTURES, 'pages/zh-ordered.txt')],
  ['fixture en-short', path.join(FIXTURES, 'pages/en-short.txt')],
];
const ENGLISH: [string, string][] = [
  ['the New-York Tribune sample', path.join(SAMPLES_DIR, 'en/nytribune-1903-05-01-p1.txt')],
  ['the Salt Lake Tribune sample', path.join(SAMPLES_DIR, 'en/saltlaketribune-1911-09-17-p1.txt')],
];

/** Whitespace out: joining lines changes only the whitespace between them. */
const norm = (s: string | null | undefined) => (s == null ? null : s.replace(/\s+/gu, ''));
const marker = (c: ContinuationOut | null | undefined) => (c ? { direction: 'to' in c ? 'to' : 'from', marker: norm(c.marker) } : null);

/** What an article is, line numbers aside. */
function articles(text: string) {
  return exportArticles(text, { path: 'x.txt', sha256: '0', version: '0' }).articles.map((a: ArticleOut) => ({
    kicker: norm(a.kicker),
    headline: norm(a.headline),
    decks: a.subheadlines.map(norm),
    byline: norm(a.byline?.raw),
    dateline: norm(a.dateline),
    paragraphs: a.paragraphs.map(norm),
    signoff: norm(a.signoff),
    continuations: [a.continuation, a.continuedTo, ...(a.moreContinuations ?? [])].map(marker),
  }));
}

const hardWraps = (text: string) => analyze(text).findings.filter((f) => f.rule === 'hard-wrap');

for (const [name, file] of PAGES) {
  const text = readFileSync(file, 'utf8');

  test(`joined: ${name} exports the same articles after newsprint fix`, () => {
    assert.deepEqual(articles(fixAll(text).text), articles(text));
  });

  test(`joined: ${name}, its paragraphs joined one at a time in document order, keeps its articles and the rest of its hard-wrap findings`, () => {
    const want = articles(text);
    let t = text;
    let left = hardWraps(t);
    for (let step = 1; left.length > 0; step++) {
      const f = left.find((x) => x.fix && !x.unsure);
      if (!f) break;
      t = applyEdits(t, f.fix!.edits);
      const now = hardWraps(t);
      assert.equal(now.length, left.length - 1, `join ${step}: one finding fewer`);
      assert.deepEqual(articles(t), want, `join ${step}: the same articles`);
      left = now;
    }
  });
}

// Small English pages: once every paragraph is joined, no column line is left to measure the column
// by; the headings and decks (neither joined nor full then) keep their roles.
const SMALL: [string, string][] = [
  ["a masthead, a headline and a deck of two Title Case lines over one paragraph", "VOL. LXIII....No. 20,620.\nNO BIG HARBOR TIEUP.\nIndependent Towing Companies\nWill Lay Off 150 Craft.\nThe general tieup of craft in New-York Har\nbor that has been threatened for the last two or\nthree days will not take place to-day. A con\nference was held yesterday afternoon between\nrepresentatives of the New-York Central and\nthe engineers, and the offer to arbitrate was\naccepted by both sides at the end of the day.\n"],
  ["a headline and a deck of two Title Case lines over a dateline paragraph", "PRESIDENT'S SPEECH.\nHow the Policy of Expansion Has\nBuilt Up a Great Nation.\nSt. Louis, April 30.—The dedicatory address\ndelivered by President Roosevelt follows:\nMr. President, Ladies and Gentlemen: At\nthe outset of my address let me recall to\nthe minds of my hearers that the soil upon\nwhich we stand, before it was ours, was suc\ncessively the possession of two mighty empires,\nSpain and France, whose sons made a deathless\nrecord of heroism in the early annals of the New\nWorld.\n"],
  ["a story, a one-line paragraph, then two advertisements of a headline and one paragraph each", "PACIFIC CABLE OPENING.\nPresident and Governor Taft Likely\nto Exchange Messages on July 4.\nWASHINGTON, April 30.—The first message\nover the Pacific cable will probably be ex\nchanged between President Roosevelt and Gov\nernor Taft on the morning of the Fourth of\nJuly, said the vice-president of the Postal\nTelegraph Company here to-day.\nMr. Ward returned to New-York this after\nnoon.\nPoland! Poland!! Poland!!!\nPurest Natural Spring Water Known.—Advt.\nTHE PROBLEM SOLVED.\nA straight line is the shortest distance be\ntween two points. The Pennsylvania Railroad\nis the short line between New York and Chi\ncago.—Advt.\n"],
  ["a paragraph joined into one line that ends in OCR noise (`village. 4`), right above a headline: body, not its kicker", "FOREST FIRES RAGING.\nAdirondack Cottages Also in Danger.\nPLATTSBURG, N. Y., April 30.—Forest fires are raging in the Adirondacks\nto-night, and the hotels at Loon Lake are threatened by the flames,\nwhich a high wind drives toward the village from the west.\nWatertown, N. Y., April 30.—Newton Falls, the village at the terminus\nof the Carthage and Adirondack Railroad, is threatened with de-\nstruction by a forest fire, which has been raging for two days, and\nfifty men, with apparatus, went to the rescue of the village. 4\nPACIFIC CABLE OPENING.\nPresident and Governor Taft Likely\nto Exchange Messages on July 4.\nWASHINGTON, April 30.—The first message over the Pacific cable will\nprobably be exchanged between President Roosevelt and Governor Taft\non the morning of the Fourth of July, said the vice-president of the\nPostal Telegraph Company here to-day, and the cable will be open then.\n"],
];

for (const [name, text] of SMALL) {
  test(`joined: ${name}: the same articles after newsprint fix`, () => {
    assert.notEqual(fixAll(text).text, text);
    assert.deepEqual(articles(fixAll(text).text), articles(text));
  });
}

// Not reached yet on the English samples: on these OCR'd pages some headings and markers still
// move once the paragraphs around them are joined (21 of the New-York Tribune's 26 articles and 33
// of the Salt Lake Tribune's 41 come out the same).
for (const [name, file] of ENGLISH) {
  test(`joined: ${name} exports the same articles after newsprint fix`, { todo: 'English samples: not equal yet' }, () => {
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(articles(fixAll(text).text), articles(text));
  });
}

// Join order: the text after joining the paragraphs one click at a time ("Join paragraph" on each
// hard-wrap finding in turn, the page analysed again after each) is the text of one Fix All. The
// page's word evidence decides how a word cut at a line end joins (`rail` / `roads`: railroads or
// rail roads); it is the evidence of the page as Fix All joins it, whichever paragraphs are
// joined already (see reflow.joinedEvidence).

/** A text with where each of its units was in the original text (-1: inserted by an edit). */
interface Tracked {
  text: string;
  orig: Int32Array;
}

const tracked = (text: string): Tracked => ({ text, orig: Int32Array.from({ length: text.length }, (_, i) => i) });

/** Applies the edits (in t.text) to t, keeping track of where each unit came from. */
function applyTracked(t: Tracked, edits: readonly Edit[]): Tracked {
  const list = normalizeEdits(edits);
  const orig: number[] = [];
  let cursor = 0;
  for (const e of list) {
    for (let i = cursor; i < e.start; i++) orig.push(t.orig[i]);
    for (let i = 0; i < e.newText.length; i++) orig.push(-1);
    cursor = e.end;
  }
  for (let i = cursor; i < t.text.length; i++) orig.push(t.orig[i]);
  return { text: applyEdits(t.text, list), orig: Int32Array.from(orig) };
}

/** The page with its paragraphs joined one click at a time, in document order (`last`: the last one first). */
function oneAtATime(text: string, last = false): Tracked {
  let t = tracked(text);
  for (let step = 0; step < 10_000; step++) {
    const left = hardWraps(t.text).filter((x) => x.fix && !x.unsure);
    const f = last ? left[left.length - 1] : left[0];
    if (!f) return t;
    t = applyTracked(t, f.fix!.edits);
  }
  throw new Error('no end to the joins');
}

/** The page after one Fix All of its paragraphs (`newsprint fix --rule` of hard-wrap alone). */
function fixAllTracked(text: string): Tracked {
  let t = tracked(text);
  const result = fixAll(text, { only: ['hard-wrap'], onPass: (edits) => (t = applyTracked(t, edits)) });
  assert.equal(t.text, result.text);
  return t;
}

/**
 * How each line end of the original text came out: for a line end joined away, its key (the
 * original units either side that are left) and what is between them (a space, nothing; a hyphen
 * dropped shows as the unit left before it).
 */
function seams(original: string, t: Tracked): Map<number, string> {
  const at = new Int32Array(original.length).fill(-1);
  for (let j = 0; j < t.orig.length; j++) if (t.orig[j] >= 0) at[t.orig[j]] = j;
  const out = new Map<number, string>();
  for (let p = original.indexOf('\n'); p >= 0; p = original.indexOf('\n', p + 1)) {
    if (at[p] >= 0) continue; // not joined
    let l = p - 1;
    while (l >= 0 && at[l] < 0) l--;
    let r = p + 1;
    while (r < original.length && at[r] < 0) r++;
    if (l < 0 || r >= original.length) continue;
    out.set(p, `${original.slice(Math.max(0, l - 12), l + 1)}|${t.text.slice(at[l] + 1, at[r])}|${original.slice(r, r + 12)}`);
  }
  return out;
}

const JOIN_ORDER_SMALL: [string, string, string][] = [
  [
    '`because` only at a line start before its paragraph is joined; `be` / `cause` cut in the next one',
    'STUDENTS RIOT IN HAVANA.\nHavana, April 30.—The law students of the\nUniversity of Havana became riotous to-day\nbecause the date of the examinations was\nchanged from September to June.\nThe students refused several days ago to\nattend the classes, and this was all be\ncause the professors had gone to the city\nat noon.\n',
    'this was all because the professors',
  ],
  [
    '`rail` / `"roads` joined with a space (the quote), then `rail` / `roads` with railroads on the page',
    'HARBOR TIEUP AVERTED.\nThe railroads and the steamboat lines of the\nport, with the New-Jersey Central rail\n"roads, met the engineers in the office of\nthe harbor master on Monday.\nThe boats not owned by the railroads were\nlaid up yesterday, and those of the rail\nroads, which ran on all the roads of the bay\nand the river, stopped at noon.\n',
    'those of the railroads, which ran',
  ],
];

for (const [name, text, want] of JOIN_ORDER_SMALL) {
  test(`join order: ${name}: one click at a time gives Fix All's text`, () => {
    const all = fixAllTracked(text).text;
    assert.ok(all.includes(want), `Fix All: ${want}`);
    assert.equal(oneAtATime(text).text, all);
  });
}

for (const [name, file] of PAGES) {
  test(`join order: ${name}, its paragraphs joined one click at a time, reads as after one Fix All`, () => {
    const text = readFileSync(file, 'utf8');
    assert.equal(oneAtATime(text).text, fixAllTracked(text).text);
  });
}

// The English samples: every line end that both ways join is joined alike, and as a reader would
// (a word cut without a hyphen whose whole is on the page: railroads, expected, because). That the
// two join the same lines is not reached yet: a few decks of the Salt Lake Tribune (Discusses
// Activities of De / partment of Agriculture) and lines around OCR noise are joined one click at
// a time, once the column lines around them are joined, and not by Fix All.
const READER: Record<string, string[]> = {
  'the New-York Tribune sample': ['by the railroads, and', 'was because', 'Louisiana Purchase'],
  'the Salt Lake Tribune sample': ['had expected.', 'In Snowflake', 'showed bullet wounds'],
};
for (const [name, file] of ENGLISH) {
  const text = readFileSync(file, 'utf8');
  test(`join order: ${name}: a line end joined both one click at a time (first to last, last to first) and by Fix All is joined alike`, () => {
    const all = fixAllTracked(text);
    const a = seams(text, all);
    for (const w of READER[name]) assert.ok(all.text.includes(w), `Fix All: ${w}`);
    for (const last of [false, true]) {
      const one = oneAtATime(text, last);
      const b = seams(text, one);
      const differ: string[] = [];
      let both = 0;
      for (const [p, s] of a) {
        if (!b.has(p)) continue;
        both++;
        if (b.get(p) !== s) differ.push(`Fix All ${JSON.stringify(s)}, one at a time ${JSON.stringify(b.get(p))}`);
      }
      assert.deepEqual(differ, [], last ? 'last to first' : 'first to last');
      assert.ok(both > 500, `${both} line ends joined both ways`);
      for (const w of READER[name]) assert.ok(one.text.includes(w), `one at a time: ${w}`);
    }
  });
  test(`join order: ${name}: one click at a time reads as after one Fix All`, { todo: 'English samples: a few decks and noisy lines are joined one click at a time only' }, () => {
    assert.equal(oneAtATime(text).text, fixAllTracked(text).text);
  });
}
