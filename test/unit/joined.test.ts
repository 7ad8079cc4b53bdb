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

// Not reached yet on the English samples (see CHANGELOG): a Latin page's column lines vary by
// a few letters, and the fix's joined paragraphs move headlines, decks and markers there.
for (const [name, file] of ENGLISH) {
  test(`joined: ${name} exports the same articles after newsprint fix`, { todo: 'English samples: not equal yet' }, () => {
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(articles(fixAll(text).text), articles(text));
  });
}
