// Profiling entry: runs the full core analysis a few times on a ~10 MB dump built from the sample
// page, so that `node --cpu-prof` sees the hot paths. Summarise the profile with bench/top.mjs:
//   node --expose-gc --cpu-prof --cpu-prof-dir=bench/results/prof --import tsx bench/profile.ts
//   node bench/top.mjs bench/results/prof/CPU.*.cpuprofile
// The core is bundled with esbuild first (as dist/server.js and dist/cli.js ship it) into
// .cache/bench/core-profile.bundle.cjs: loaded through tsx instead, every cross-module call goes through
// an export getter and every closure through keepNames' __name(), which the shipped bundle has not.
// Set NEWSPRINT_BENCH_SOURCE=1 to profile the tsx-loaded sources anyway.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { analyze as AnalyzeFn } from '../server/src/core/analyze';
import type { PageDump } from '../server/src/core/types';

const ROOT = path.resolve(__dirname, '..');

const SAMPLE = process.env.NEWSPRINT_SAMPLE ?? '/work/shared/samples/zh-daily-p1.txt';
const MB = Number(process.env.NEWSPRINT_PROFILE_MB ?? 10);
const RUNS = Number(process.env.NEWSPRINT_PROFILE_RUNS ?? 5);

interface Core {
  analyze: typeof AnalyzeFn;
  parse: (text: string) => PageDump;
  lintDump: (dump: PageDump) => unknown[];
}

/** The core bundled with esbuild, with parse and lintDump exposed to time the stages apart. */
async function loadCore(): Promise<Core> {
  const entry = path.join(ROOT, '.cache/bench/core-entry.ts');
  const outfile = path.join(ROOT, '.cache/bench/core-profile.bundle.cjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeFileSync(entry, ["export { analyze } from '../../server/src/core/analyze';", "export { parse } from '../../server/src/core/parse';", "export { lintDump } from '../../server/src/core/lint';", ''].join('\n'));
  if (process.env.NEWSPRINT_BENCH_SOURCE === '1') return (await import(entry)) as Core;
  esbuild.buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return (await import(outfile)) as Core;
}

const page = readFileSync(path.resolve(SAMPLE), 'utf8');
const target = MB * 1e6;
const pageBytes = Buffer.byteLength(page, 'utf8') + 1;
const copies = Math.max(1, Math.ceil(target / pageBytes));
const text = Array.from({ length: copies }, () => page).join('\f');

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
const bytes = Buffer.byteLength(text, 'utf8');
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const { analyze, parse, lintDump } = await loadCore();
  const stages = { parse: [] as number[], 'parse+lintDump': [] as number[], analyze: [] as number[] };
  for (let r = 0; r < RUNS; r++) {
    gc?.();
    let t0 = process.hrtime.bigint();
    const a = analyze(text);
    stages.analyze.push(ms(t0));
    gc?.();
    t0 = process.hrtime.bigint();
    const dump = parse(text);
    stages.parse.push(ms(t0));
    lintDump(dump);
    stages['parse+lintDump'].push(ms(t0));
    const last = stages.analyze[r];
    console.log(`run ${r + 1}: analyze ${last.toFixed(1)} ms = ${(bytes / 1e6 / (last / 1000)).toFixed(1)} MB/s (${a.findings.length} findings); parse ${stages.parse[r].toFixed(1)} ms, parse+lintDump ${stages['parse+lintDump'][r].toFixed(1)} ms`);
  }
  const m = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)]));
  console.log(
    `median of ${RUNS} (${(bytes / 1e6).toFixed(1)} MB): analyze ${m.analyze.toFixed(1)} ms (${(bytes / 1e6 / (m.analyze / 1000)).toFixed(1)} MB/s); ` +
      `parse ${m.parse.toFixed(1)} ms; line rules ${(m['parse+lintDump'] - m.parse).toFixed(1)} ms; ` +
      `rest of analyze (articles, structure and document rules, sort) ≈ ${(m.analyze - m['parse+lintDump']).toFixed(1)} ms`,
  );
}

void main();
