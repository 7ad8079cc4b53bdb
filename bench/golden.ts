// Output fingerprint of the core, for refactors that must not change results (speed work).
//   node --import tsx bench/golden.ts --write .cache/golden.json   # before
//   node --import tsx bench/golden.ts --check .cache/golden.json   # after: names every input that differs
// Inputs: every sample and fixture page, each also with CRLF line ends, with its lines shuffled per
// page (seeded), with every 7th line dropped, and the sample repeated with form feeds. For each input
// it hashes the findings (with fixes), the article analyses, the export, the rewrite and fix-all.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { rolesOf, type PageAnalysis } from '../server/src/core/articles/model';
import { exportArticles } from '../server/src/core/export';
import { fixAll } from '../server/src/core/fix';
import { rewritePage } from '../server/src/core/rewrite';

const ROOT = path.resolve(__dirname, '..');
const SAMPLES = process.env.NEWSPRINT_SAMPLES ?? path.resolve(ROOT, '../shared/samples');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : [],
  );
}

/** Deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function variants(name: string, text: string): [string, string][] {
  const lines = text.split('\n');
  const rand = rng(lines.length);
  const shuffled = lines.map((l) => [rand(), l] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  return [
    [name, text],
    [`${name} crlf`, text.replace(/\n/g, '\r\n')],
    [`${name} shuffled`, shuffled.join('\n')],
    [`${name} every 7th line dropped`, lines.filter((_, i) => i % 7 !== 3).join('\n')],
  ];
}

/**
 * A page analysis as plain data, as it was written before roles became codes: role names, in the
 * order of the fields then, so that the hashes of .cache/golden.json still compare.
 */
function plainPage(p: PageAnalysis): unknown {
  return { page: p.page, roles: rolesOf(p), articles: p.articles, columnWidth: p.columnWidth, findings: p.findings };
}

function fingerprint(text: string): Record<string, string> {
  const h = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
  const a = analyze(text);
  const zh = analyze(text, { locale: 'zh-cn' });
  return {
    findings: h(a.findings),
    findingsZh: h(zh.findings.map((f) => f.message)),
    pages: h(a.pages.map(plainPage)),
    export: h(exportArticles(text, { path: 'x.txt', sha256: '0', version: '0' })),
    rewrite: h(rewritePage(text)),
    fixAll: h(fixAll(text)),
  };
}

const inputs: [string, string][] = [];
for (const f of [...files(SAMPLES), ...files(path.join(ROOT, 'test/fixtures'))]) {
  inputs.push(...variants(path.relative(ROOT, f), readFileSync(f, 'utf8')));
}
const sample = inputs.find(([n]) => n.endsWith('zh-daily-p1.txt'));
if (sample) inputs.push(['sample ×5 with form feeds', Array(5).fill(sample[1]).join('\f')]);

const out: Record<string, Record<string, string>> = {};
for (const [name, text] of inputs) out[name] = fingerprint(text);

const [mode, file] = process.argv.slice(2);
if (mode === '--write' && file) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, JSON.stringify(out, null, 1));
  console.log(`golden: ${inputs.length} inputs written to ${file}`);
} else if (mode === '--check' && file) {
  const want = JSON.parse(readFileSync(file, 'utf8')) as typeof out;
  let bad = 0;
  for (const name of new Set([...Object.keys(want), ...Object.keys(out)])) {
    for (const k of new Set([...Object.keys(want[name] ?? {}), ...Object.keys(out[name] ?? {})])) {
      if (want[name]?.[k] !== out[name]?.[k]) {
        bad++;
        console.log(`differs: ${name} — ${k}`);
      }
    }
  }
  console.log(bad ? `golden: ${bad} differences` : `golden: all ${inputs.length} inputs identical`);
  process.exit(bad ? 1 : 0);
} else {
  console.error('usage: node --import tsx bench/golden.ts --write FILE | --check FILE');
  process.exit(2);
}
