// Profiling entry: runs the full core analysis a few times on a ~10 MB dump built from the sample
// page, so that `node --cpu-prof` sees the hot paths. Summarise the profile with bench/top.mjs:
//   node --expose-gc --cpu-prof --cpu-prof-dir=bench/results/prof --import tsx bench/profile.ts
//   node bench/top.mjs bench/results/prof/CPU.*.cpuprofile
// The core is bundled with esbuild first (as dist/server.js and dist/cli.js ship it; see bundle.ts)
// into .cache/bench/core-profile.bundle.cjs. It prints the median time of each stage analyze runs (parse, line rules, articles, cleaner,
// paragraph rules). Set NEWSPRINT_BENCH_SOURCE=1 to profile the tsx-loaded sources anyway.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { analyze as AnalyzeFn } from '../server/src/core/analyze';
import type { PageAnalysis } from '../server/src/core/articles/model';
import type { Cleaner } from '../server/src/core/clean';
import type { Messages } from '../server/src/core/messages';
import type { AnalyzeOptions, Finding, PageDump } from '../server/src/core/types';
import { loadBundle } from './bundle';

const SAMPLE = process.env.NEWSPRINT_SAMPLE ?? path.resolve(__dirname, '../../shared/samples/zh-daily-p1.txt');
const MB = Number(process.env.NEWSPRINT_PROFILE_MB ?? 10);
const RUNS = Number(process.env.NEWSPRINT_PROFILE_RUNS ?? 5);

interface Core {
  analyze: typeof AnalyzeFn;
  parse: (text: string) => PageDump;
  lintDump: (dump: PageDump) => Finding[];
  analyzeArticles: (dump: PageDump, messages: Messages) => PageAnalysis[];
  cleaner: (dump: PageDump, findings: readonly Finding[]) => Cleaner;
  paragraphFindings: (dump: PageDump, analysis: PageAnalysis, clean: Cleaner, options: AnalyzeOptions, messages: Messages) => Finding[];
  messagesFor: (locale?: string) => Messages;
}

/** The core bundled, with the stages analyze runs exposed to time them apart. */
function loadCore(): Promise<Core> {
  return loadBundle<Core>('core-profile', {
    analyze: 'analyze',
    parse: 'parse',
    lintDump: 'lint',
    analyzeArticles: 'articles/detect',
    cleaner: 'clean',
    paragraphFindings: 'rules/structure',
    messagesFor: 'messages',
  });
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
  const core = await loadCore();
  const stages: Record<string, number[]> = { analyze: [], parse: [], 'line rules': [], articles: [], cleaner: [], 'paragraph rules': [] };
  for (let r = 0; r < RUNS; r++) {
    gc?.();
    let t0 = process.hrtime.bigint();
    const a = core.analyze(text);
    stages.analyze.push(ms(t0));
    // The stages analyze runs, one by one (without its sort and document rules).
    gc?.();
    const messages = core.messagesFor(undefined);
    t0 = process.hrtime.bigint();
    const lap = (stage: string) => {
      stages[stage].push(ms(t0));
      t0 = process.hrtime.bigint();
    };
    const dump = core.parse(text);
    lap('parse');
    const findings = core.lintDump(dump);
    lap('line rules');
    const pages = core.analyzeArticles(dump, messages);
    lap('articles');
    const clean = core.cleaner(dump, findings);
    lap('cleaner');
    for (const p of pages) core.paragraphFindings(dump, p, clean, {}, messages);
    lap('paragraph rules');
    const last = stages.analyze[r];
    console.log(`run ${r + 1}: analyze ${last.toFixed(1)} ms = ${(bytes / 1e6 / (last / 1000)).toFixed(1)} MB/s (${a.findings.length} findings)`);
  }
  console.log(`medians of ${RUNS} runs, ${(bytes / 1e6).toFixed(1)} MB:`);
  for (const [k, v] of Object.entries(stages)) console.log(`  ${k.padEnd(16)} ${median(v).toFixed(1).padStart(7)} ms`);
}

void main();
