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
import { applyEdits, fixAll } from '../../server/src/core/fix';
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
