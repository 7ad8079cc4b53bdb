// Times the core pipeline (analyze, and fixAll) on pathological sizes: one 100 MB line, a million
// short lines, and adversarial single lines for each line rule. Run: node --import tsx scripts/stress-timing.ts
// A line rule that is quadratic shows up here as minutes instead of seconds. SIZE_MB (default 100)
// sets the single-line size; ANALYZE_ONLY=1 skips fixAll (which may take up to 32 analyze passes).
import { analyze } from '../server/src/core/analyze';
import { fixAll } from '../server/src/core/fix';

const MB = 1024 * 1024;
const only = process.argv[2];
const SIZE = Number(process.env.SIZE_MB ?? 100) * MB;

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const SHORT = ['心 的、关 注 您 所 关 注 的 ，努 力 把', '', 'TTIIRR 跨跨境境运运输输', '', '39.7 亿元，同比增长 76%，在青岛市', '%% headline', '%% bogus-directive 42', '上半年跨境电商“亮绩赛季”综合评'];

const cases: [string, () => string][] = [
  ['100 MB single line, spaced CJK (心 的 …)', () => fill('心 的、关 注 您 所 ', SIZE)],
  ['100 MB single line, doubled glyphs (TTIIRR 跨跨境境 …)', () => fill('TTIIRR 跨跨境境运运输输 ', SIZE)],
  ['100 MB single line, doubled run then many short runs', () => fill('TTIIRR 跨跨境境 ', SIZE / 2) + fill('AABBCC x ', SIZE / 2)],
  ['100 MB single line, mixed script (8 月 26 日 …)', () => fill('8 月 26 日 ', SIZE)],
  ['100 MB single line, no spaces (一)', () => '一'.repeat(SIZE)],
  ['100 MB single line, U+FFFD', () => '\ufffd'.repeat(SIZE)],
  ['1,000,000 short lines (sample-like)', () => Array.from({ length: 1_000_000 }, (_, i) => SHORT[i % SHORT.length]).join('\n')],
  ['1,000,000 empty lines (CR only)', () => '\r'.repeat(1_000_000)],
];

for (const [name, make] of cases) {
  if (only && !name.includes(only)) continue;
  const text = make();
  let t0 = performance.now();
  const { findings, dump } = analyze(text);
  const tAnalyze = performance.now() - t0;
  if (process.env.ANALYZE_ONLY) {
    console.log(`${name}: ${(text.length / MB).toFixed(1)} M UTF-16 units, ${dump.lines.length} lines, ${findings.length} findings; analyze ${(tAnalyze / 1000).toFixed(2)} s`);
    continue;
  }
  t0 = performance.now();
  const fixed = fixAll(text);
  const tFix = performance.now() - t0;
  console.log(
    `${name}: ${(text.length / MB).toFixed(1)} M UTF-16 units, ${dump.lines.length} lines, ${findings.length} findings; ` +
      `analyze ${(tAnalyze / 1000).toFixed(2)} s, fixAll ${(tFix / 1000).toFixed(2)} s (${fixed.passes} passes)`,
  );
}
