// Plural forms in messages, written as in ICU MessageFormat: `{count, plural, one {# file} other {# files}}`
// is the branch for the plural category of the argument `count` in the message's language
// (Intl.PluralRules: English has one and other, Chinese only other), or the `=N` branch for
// exactly N; `#` in a branch stands for the count. Only what the messages need: a block has an
// `other` branch; no select, no nested plural blocks, no quoting (a `#` is always the count).

export interface PluralBlock {
  /** The argument it counts. */
  name: string;
  /** Branch texts by selector ('one', '=0', …), `#` written as `{name}`. */
  branches: Map<string, string>;
  /** The block as written: kept when its argument is not given. */
  source: string;
}

const HEAD = /\s*,\s*plural\s*,/y;
const SELECTOR = /\s*(=\d+|[a-z]+)\s*\{/y;
const CLOSE = /\s*\}/y;

/**
 * The plural block whose `{name` starts at template[open] (nameEnd: just past the name), and the
 * index past its closing `}`; undefined if none is written there (the `{` is then text).
 */
export function readPlural(template: string, open: number, nameEnd: number): { block: PluralBlock; end: number } | undefined {
  HEAD.lastIndex = nameEnd;
  if (!HEAD.test(template)) return undefined;
  const name = template.slice(open + 1, nameEnd);
  const branches = new Map<string, string>();
  let at = HEAD.lastIndex;
  for (;;) {
    CLOSE.lastIndex = at;
    if (CLOSE.test(template)) {
      if (!branches.has('other')) return undefined;
      return { block: { name, branches, source: template.slice(open, CLOSE.lastIndex) }, end: CLOSE.lastIndex };
    }
    SELECTOR.lastIndex = at;
    const m = SELECTOR.exec(template);
    if (!m) return undefined;
    // The branch runs to its matching `}` (it may hold `{name}` placeholders).
    let depth = 1;
    let j = SELECTOR.lastIndex;
    for (; j < template.length && depth > 0; j++) {
      const c = template.charCodeAt(j);
      if (c === 123 /* { */) depth++;
      else if (c === 125 /* } */) depth--;
    }
    if (depth > 0) return undefined;
    branches.set(m[1], template.slice(SELECTOR.lastIndex, j - 1).replaceAll('#', `{${name}}`));
    at = j;
  }
}

const RULES = new Map<string, Intl.PluralRules>();

/** The plural category of n in locale ('one', 'other', …); an unknown locale counts as English. */
export function pluralCategory(n: number, locale: string): string {
  let rules = RULES.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    RULES.set(locale, rules);
  }
  return rules.select(n);
}

/** The branch of block for n: `=n`, else n's plural category in locale, else `other`. */
export function pluralBranch(block: PluralBlock, n: number, locale: string): string {
  return block.branches.get(`=${n}`) ?? block.branches.get(pluralCategory(n, locale)) ?? block.branches.get('other') ?? block.source;
}
