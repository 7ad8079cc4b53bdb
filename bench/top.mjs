#!/usr/bin/env node
// Summarises a V8 .cpuprofile: self time per function (name + url:line), highest first.
//   node bench/top.mjs [--top N] [--all] file.cpuprofile…
// With several files (tsx's loader runs in a second thread, which writes its own profile), only the
// profile with the most non-idle time is summarised unless --all is given (then they are merged).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let count = 25;
let all = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') count = Number(args[++i]);
  else if (args[i] === '--all') all = true;
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: node bench/top.mjs [--top N] [--all] file.cpuprofile…');
  process.exit(2);
}

/** Self time in µs per "function  url:line" of one profile. */
function selfTimes(file) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const deltas = prof.timeDeltas ?? [];
  const out = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time until the next sample belongs to sample i.
    const dt = deltas[i + 1] ?? 0;
    const cf = byId.get(prof.samples[i]).callFrame;
    const url = (cf.url || '').replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
    const key = `${cf.functionName || '(anonymous)'}  ${url ? `${url}:${cf.lineNumber + 1}` : ''}`.trim();
    out.set(key, (out.get(key) ?? 0) + dt);
  }
  return out;
}
const busy = (m) => [...m].reduce((s, [k, us]) => (k.startsWith('(idle)') ? s : s + us), 0);

let byFn = new Map();
const profiles = files.map(selfTimes);
if (all) {
  for (const m of profiles) for (const [k, us] of m) byFn.set(k, (byFn.get(k) ?? 0) + us);
} else {
  byFn = profiles.reduce((a, b) => (busy(b) > busy(a) ? b : a));
}
byFn.delete('(idle)');
let total = 0;
for (const us of byFn.values()) total += us;
const rows = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
console.log('self ms    self %  function');
for (const [key, us] of rows) {
  console.log(`${(us / 1000).toFixed(1).padStart(8)}  ${((100 * us) / total).toFixed(1).padStart(6)}%  ${key}`);
}
