// unclaimed-text: text the article detection put in no article and did not leave out on purpose
// (page furniture, captions, `%% skip`): a one-line heading that is no article's (a banner over
// nothing it could be matched to), a label over nothing, a sign-off or continuation marker no
// story took. The export leaves it out; the finding says so, so that nothing goes missing unseen.
// No fix: where it belongs needs your judgement (an annotation such as `%% label` or `%% body`).
// An advertisement (a text ending `—Advt.`) is left out of the articles too, and reported the same
// way with its own message (advertText): the export has no type for ads.
// The message suggests the annotation the text most likely needs (suggestionOf): %% kicker for a
// heading-like line right above an article's heading, %% caption for a photo caption, %% skip for
// an advertisement (a phone number, 广告), else %% label or %% body.
import { LINE_ANNOTATION, LINE_BLANK, lineText } from '../lines';
import type { Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import { cleanLineText } from '../clean';
import { ROLE_CODE, type PageAnalysis } from '../articles/model';
import { CAPTION_CREDIT_END } from '../articles/roles';

type Key = 'unclaimed-text.message' | 'unclaimed-text.advert' | 'unclaimed-text.kicker' | 'unclaimed-text.caption' | 'unclaimed-text.skip';

/**
 * Findings of the unclaimed blocks (line indices, consecutive lines of one item) of a page, pushed
 * onto `out`; `analysis` (the page's, its roles) lets the message suggest a kicker.
 */
export function unclaimedText(dump: PageDump, blocks: readonly (readonly number[])[], messages: Messages, out: Finding[], analysis?: PageAnalysis): void {
  if (blocks.length === 0) return;
  // Runs of blocks with only blank lines between (an ad's lines, each a block): one ad-like block makes all of them ads.
  const ad = new Uint8Array(blocks.length);
  for (let k = 0; k < blocks.length; ) {
    let e = k;
    while (e + 1 < blocks.length && onlyBlankBetween(dump, blocks[e][blocks[e].length - 1], blocks[e + 1][0])) e++;
    let any = false;
    for (let j = k; j <= e && !any; j++) any = blocks[j].some((i) => AD_LINE.test(compactOf(dump, i)));
    if (any) ad.fill(1, k, e + 1);
    k = e + 1;
  }
  for (let k = 0; k < blocks.length; k++) report(dump, [blocks[k]], suggestionOf(dump, blocks[k], ad[k] === 1, analysis), messages, out);
}

/** A photo caption's head (▲, 图为, 上图…, maybe in brackets); its end, a photo credit (本报记者 王丽 摄）), is roles' CAPTION_CREDIT_END. */
const CAPTION_START = /^[（(]?(?:[▲△↑↓←→◀▶]|图为|上图|下图|左图|右图|图[：:]|图片[：:]|组图)/;
/** An advertisement's line: a phone number after its word, or the word 广告 alone. */
const AD_LINE = /(?:电话|热线|咨询|订购|订餐|报名|联系|垂询|服务)[：:]?[0-9０-９][0-9０-９\-－]{6,}|^(?:广告|廣告)$/;
/** Sentence punctuation: a line holding it reads as text, not a heading. */
const SENTENCE = /[。！？；，：]/;
/** Most characters of a heading-like line (a kicker). */
const KICKER_MAX = 30;
/** Fewest Han glyphs of a kicker: a word of four or less (连载, 天气预报) is rather a column's label. */
const KICKER_MIN = 5;
const HAN = /[\u4e00-\u9fff]/g;

/** A line that reads as a kicker: a heading of five Han glyphs or more, nearly all its text, and no sentence punctuation. */
function kickerLike(c: string): boolean {
  if (c.length > KICKER_MAX || SENTENCE.test(c)) return false;
  const han = c.match(HAN)?.length ?? 0;
  return han >= KICKER_MIN && han >= 0.8 * c.length;
}

/** Which message a block gets: what it most likely is. */
function suggestionOf(dump: PageDump, b: readonly number[], ad: boolean, analysis: PageAnalysis | undefined): Key {
  const first = compactOf(dump, b[0]);
  const last = compactOf(dump, b[b.length - 1]);
  if (CAPTION_START.test(first) || CAPTION_CREDIT_END.test(last)) return 'unclaimed-text.caption';
  if (ad) return 'unclaimed-text.skip';
  if (analysis && b.length <= 2 && b.every((i) => kickerLike(compactOf(dump, i)))) {
    // The next text line below (past blank and annotation lines) is an article's kicker or headline.
    const base = dump.pages[analysis.page].firstLine;
    let n = b[b.length - 1] + 1;
    while (n - base < analysis.roleCodes.length && dump.lines.flags[n] & (LINE_BLANK | LINE_ANNOTATION)) n++;
    const role = n - base < analysis.roleCodes.length ? analysis.roleCodes[n - base] : -1;
    if (role === ROLE_CODE.headline || role === ROLE_CODE.kicker) return 'unclaimed-text.kicker';
  }
  return 'unclaimed-text.message';
}

/** Line i's text without spaces. */
function compactOf(dump: PageDump, i: number): string {
  return lineText(dump, i).replace(/\s+/g, '');
}

/** Only blank lines lie between lines a and b (a < b). */
function onlyBlankBetween(dump: PageDump, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (!(dump.lines.flags[i] & LINE_BLANK)) return false;
  return true;
}

/** Findings of the advertisements (the lines of each) of a page, pushed onto `out`: from its first line to its last. */
export function advertText(dump: PageDump, ads: readonly (readonly number[])[], messages: Messages, out: Finding[]): void {
  report(dump, ads, 'unclaimed-text.advert', messages, out);
}

/**
 * One finding per block, from its first line to its last, quoting the start of its first line as
 * the glyph fixes leave it: spaces they keep stay (names padded to the width of three, `王 丽 摄`,
 * `责任编辑 王 丽  校对 李 明`), where a heading's display (cleanText) runs the names together.
 */
function report(dump: PageDump, blocks: readonly (readonly number[])[], key: Key, messages: Messages, out: Finding[]): void {
  for (const b of blocks) {
    out.push({
      rule: 'unclaimed-text',
      severity: 'information',
      start: dump.lines.start[b[0]],
      end: dump.lines.end[b[b.length - 1]],
      message: t(messages, key, { text: cleanLineText(lineText(dump, b[0])).slice(0, 40) }),
    });
  }
}
