// unclaimed-text: text the article detection put in no article and did not leave out on purpose
// (page furniture, captions, `%% skip`): a one-line heading that is no article's (a banner over
// nothing it could be matched to), a label over nothing, a sign-off or continuation marker no
// story took. The export leaves it out; the finding says so, so that nothing goes missing unseen.
// No fix: where it belongs needs your judgement (an annotation such as `%% label` or `%% body`).
// An advertisement (a text ending `—Advt.`) is left out of the articles too, and reported the same
// way with its own message (advertText): the export has no type for ads.
import { lineText } from '../lines';
import type { Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import { cleanLineText } from '../clean';

/** Findings of the unclaimed blocks (line indices, consecutive lines of one item) of a page, pushed onto `out`. */
export function unclaimedText(dump: PageDump, blocks: readonly (readonly number[])[], messages: Messages, out: Finding[]): void {
  report(dump, blocks, 'unclaimed-text.message', messages, out);
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
function report(dump: PageDump, blocks: readonly (readonly number[])[], key: 'unclaimed-text.message' | 'unclaimed-text.advert', messages: Messages, out: Finding[]): void {
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
