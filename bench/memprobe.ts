// Probe: heap retained by an incremental analysis of a big dump (run with --expose-gc).
import { readFileSync } from 'node:fs';
import { fullFindings, IncrementalDocument } from '../server/src/core/incremental';
const t = readFileSync(process.argv[2] ?? '../shared/samples/zh-daily-p1.txt', 'utf8');
const copies = Number(process.argv[3] ?? 1040);
const big = Array(copies).fill(t).join('\f');
const gc = (globalThis as { gc?: () => void }).gc!;
gc();
const base = process.memoryUsage();
const inc = new IncrementalDocument({});
inc.update(big);
gc();
const m = process.memoryUsage(); // retained by the document itself (measured before the counts below recompute fixes)
let findings = 0;
let edits = 0;
let related = 0;
for (const s of inc.segments) for (const f of fullFindings(s)) { findings++; edits += f.fix?.edits.length ?? 0; related += f.related?.length ?? 0; }
console.log(`text ${(big.length / 1e6).toFixed(1)}M chars; heap retained ${((m.heapUsed - base.heapUsed) / 1e6).toFixed(0)} MB; rss ${(m.rss / 1e6).toFixed(0)} MB; findings ${findings}, edits ${edits}, related ${related}`);
