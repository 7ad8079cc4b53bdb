// misplaced-headline's messages and the article titles in them: what t() and joinHeadline give,
// whatever message table comes (one after another, or one whose template is not the usual shape).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeArticles, articleTitle } from '../../../server/src/core/articles/detect';
import type { Article, PageAnalysis } from '../../../server/src/core/articles/model';
import { cleanLineText } from '../../../server/src/core/clean';
import { lineText } from '../../../server/src/core/lines';
import { en, format, type Messages, zhCn } from '../../../server/src/core/messages';
import { joinHeadline } from '../../../server/src/core/paragraphs';
import { parse } from '../../../server/src/core/parse';
import { misplacedHeadline } from '../../../server/src/core/rules/misplaced-headline';
import type { PageDump } from '../../../server/src/core/types';
import { SAMPLE } from '../../helpers/rules';


function sample(): { dump: PageDump; pages: PageAnalysis[] } {
  const dump = parse(readFileSync(SAMPLE, 'utf8'));
  return { dump, pages: analyzeArticles(dump, en) };
}

/** The message as t() formats it, for the finding of article a (the line: the row of the related location). */
function expected(dump: PageDump, messages: Messages, a: Article, relatedStart: number): string {
  const L = dump.lines;
  let first = 0;
  while (L.start[first] !== relatedStart) first++;
  return format(messages['misplaced-headline.message'], { headline: articleTitle(dump, a), line: L.row[first] + 1 });
}

test('messages are what format gives, table after table (and for a template of another shape)', () => {
  const { dump, pages } = sample();
  const odd: Messages = { ...en, 'misplaced-headline.message': 'line {line}: {headline} ({headline}) {unknown}' };
  let seen = 0;
  for (const messages of [en, zhCn, odd, en, zhCn]) {
    for (const p of pages) {
      for (const f of misplacedHeadline(dump, p, messages)) {
        const a = p.articles.find((x) => x.headline.length > 0 && dump.lines.start[x.headline[0]] === f.start);
        assert.ok(a, f.message);
        assert.equal(f.message, expected(dump, messages, a, f.related![0].start));
        seen++;
      }
    }
  }
  assert.ok(seen >= 10);
});

test('articleTitle is joinHeadline of the cleaned lines of the headline (or kicker, deck, first body line)', () => {
  const { dump, pages } = sample();
  const extra = parse('TTIIRR  跨跨境境运运输输   \n\n正文第一行，没有标题。\n');
  const all: [PageDump, Article][] = pages.flatMap((p) => p.articles.map((a): [PageDump, Article] => [dump, a]));
  for (const p of analyzeArticles(extra, en)) for (const a of p.articles) all.push([extra, a]);
  assert.ok(all.some(([, a]) => a.headline.length === 1) && all.some(([, a]) => a.headline.length > 1));
  for (const [d, a] of all) {
    const src = a.headline.length ? a.headline : a.kicker.length ? a.kicker : (a.decks[0] ?? a.body.slice(0, 1));
    assert.equal(articleTitle(d, a), joinHeadline(src.map((i) => cleanLineText(lineText(d, i)))));
  }
});
