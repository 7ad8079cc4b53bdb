// Every rule with its default level, and the levels an export records as made under (the output's
// `generator.rules`): a rule turned off leaves its glyphs unfixed and its problems uncounted, so an
// output says which settings made it, and `export --update` exports again what other settings made.
import { STRUCTURE_RULES } from './analyze';
import { severityOf } from './lint';
import { LINE_RULES } from './rules';
import { encoding } from './rules/encoding';
import type { RuleId, RuleLevel, RuleSettings, Severity } from './types';

/** Every rule a setting or `--rule` may name: line rules, the document rule, the structure rules. */
export const ALL_RULES: readonly { id: RuleId; defaultSeverity: Severity }[] = [...LINE_RULES, encoding, ...STRUCTURE_RULES];

/**
 * The settings that change a rule's level, by rule id in id order (so that two equal settings give
 * the same JSON); undefined when every rule runs at its default. Unknown rules and levels are left
 * out, as the analysis ignores them (severityOf reads them as the default).
 */
export function changedLevels(settings: RuleSettings | undefined): Record<string, RuleLevel> | undefined {
  if (!settings) return undefined;
  const changed = ALL_RULES.filter((r) => severityOf(r, settings) !== r.defaultSeverity).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (changed.length === 0) return undefined;
  const out: Record<string, RuleLevel> = {};
  for (const r of changed) out[r.id] = settings[r.id]!;
  return out;
}
