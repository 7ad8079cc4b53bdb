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
  ["a masthead the OCR spoilt (`VOIV O1 LXIII----N 0 20.620.`) over a headline, a deck in Title Case as wide as the column lines, a story and another: once joined, the deck is no column line left", "VOIV O1 LXIII----N 0 20.620.\nNO BIG HARBOR TIEUP.\nIndependent Towing Companies\nWill Lay Off 150 Craft.\nThe general tieup of craft in New-York Har\nbor that has been threatened for the last two or\nthree days will not take place to-day. A con\nference was held yesterday afternoon between\nrepresentatives of the New-York Central and\nthe engineers, and the offer to arbitrate was\naccepted by both sides at the end of the day.\nThe independent towing companies intend to\nfight. A meeting of the Association for the\nProtection of Commerce of the Port was held\nin the Produce Exchange yesterday afternoon.\nTHE PERFECT DINING CAR.\nRain and Much Colder To-day.\nWASHINGTON, April 30.\u2014The first message\nover the Pacific cable will probably be ex\nchanged between President Roosevelt and Gov\nernor Taft on the morning of the Fourth.\n"],
  ["a deck in Title Case under a quote set in capitals, over an OCR-spoilt credit and a dateline story: joined, the story still stands for full column lines around the deck", "The new \"20th Century Limited\" of the New York\nCentral and Lake Shore does this every day, and\neffects a great saving to the busy man who travels\nbetween the East and West.\u2014Advt.\nWE MAY WELL RECALL IN THESE SUR\nROUNDINGS THE WONDERFUL MEASURE OF\nPROPHECY'S FULFILMENT WITHIN THE\nSPAN OF A SHORT CENTURY, THE SPIRIT,\nTHE PATRIOTISM AND THE CIVIC VIRTUE\nOF AMERICANS WHO LIVED A HUNDRED\nYEARS AGO.\u2014(Ex-President Cleveland.\nDEDICATION A SUCCESS.\nThe Parade and the Exercises in the\nLiberal Arts Building.\nfI?Y TEIKOHAI-H TO TTIF TRIBTWE. 1\nSt. Louis, April 30.\u2014Starting with a glittering\nand imposing military display, followed by im\npressive dedicatory exercises and closing with a\ndisplay of fireworks, the first of the three days\nof the dedication ceremonies of the Louisiana\nPurchase Exposition was a great success. The\nweather was raw and cold, the buildings were in\na crude and unfinished condition, and the trans\nportation facilities were inadequate, but despite\nall this it was a day of enthusiasm and display.\nThere were possibly not more than twenty\nthousand strangers in the city, aside from the\nofficial representatives of the United States and\nof the States of the Union, who took part.\n"],
  ["a story whose dateline the OCR spoilt, ending in an advertisement: joined into a few lines, it is still a story, not an advertisement", "PACIFIC CABLE OPENING.\nPresident and Governor Taft Likely\nto Exchange Messages on July 4.\nWashington. April \"The first message\nover the Pacific cable will probably be ex\nchanged between President Roosevelt and Gov\nernor Taft on the morning of the Fourth of\nJuly.\"\nThis announcement was made here to-day by\nGeorge C. Ward, the vice-president of the Postal\nTelegraph Company, which will operate the new\nall American line, and is the first authoritative\nstatement of the early completion of the great\nproject.\nMr. Ward returned to New-York this after\nnoon.\nPoland: poland:: Poland:::\nPurest Natural Spring Water Known.\u2014Advt.\n"],
  ["crossheads in Title Case between paragraphs whose lines end in OCR noise (`\u2026whatever. jwj`): a joined paragraph ends there, the crosshead heads the next", "ASKS CHURCH TO BUY PICTURES.\nNo local news story published in recent years B\nhas caused so much comment as the exploit of H\nthe man who took the views in the temple, and H\nthey will be offered for sale to the public H\nat once. Bf\nCame and Went at Will. B\nIt is said that Bossard had no difficulty in B\ngaining access to the temple and that he de IB\nvoted opportune hours for the space of a year MB\nto obtaining the views without any hindrance H\nwhatever. jwj\nThreatens Publicity. B\nFlorence intimates that unless the church buys H\nhis negatives he will exploit the views in post B\ncards and otherwise as he sees fit to do so, H\nhe says. Mf\nPORTLAND HOTEL MAN\nWANTED FOR LARCENY\nBy Associated Press.\nPORTLAND, Or., Sept. 16.\u2014C. W. Jones, former\nassistant manager of a large hotel in this city\nand superintendent of the Sunday school of the\nFirst Methodist church here, was indicted to\nday for the embezzlement of $900 from the hotel\ncompany.\nJones is now a fugitive from justice and is said\nto have been last heard from in Canada.\n"],
];

for (const [name, text] of SMALL) {
  test(`joined: ${name}: the same articles after newsprint fix`, () => {
    assert.notEqual(fixAll(text).text, text);
    assert.deepEqual(articles(fixAll(text).text), articles(text));
  });
}

// The English samples, OCR'd pages: their joined paragraphs stand for the column lines they were
// (the local widths, the column, an advertisement's length), one that ends in OCR noise is a whole
// paragraph still, and a deck's rest wrapped past its line reads as the deck either way.
for (const [name, file] of ENGLISH) {
  test(`joined: ${name} exports the same articles after newsprint fix`, () => {
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
