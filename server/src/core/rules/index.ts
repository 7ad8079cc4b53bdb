// The registry of line rules. Rule ids are stable: they are diagnostic codes and setting names.
import { doubledGlyphs } from './doubled-glyphs';
import { mixedScriptSpacing } from './mixed-script-spacing';
import type { LineRule } from './rule';
import { spacedGlyphs } from './spaced-glyphs';

export const LINE_RULES: readonly LineRule[] = [spacedGlyphs, doubledGlyphs, mixedScriptSpacing];
