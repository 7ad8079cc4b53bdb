// The core as the benchmark and the profile load it: an esbuild bundle (same options as dist/, so
// what is timed is what the server and the CLI ship) of an entry that re-exports what they call.
// Loaded through tsx instead, every cross-module call would go through an export getter and every
// closure through keepNames' __name(), which the shipped bundle has not. NEWSPRINT_BENCH_SOURCE=1
// loads the tsx sources anyway.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * `exports`: name → the module of server/src/core that exports it. The entry and the bundle are
 * written as .cache/bench/NAME-entry.ts and .cache/bench/NAME.bundle.cjs.
 */
export async function loadBundle<T>(name: string, exports: Record<string, string>): Promise<T> {
  const dir = path.join(ROOT, '.cache/bench');
  const entry = path.join(dir, `${name}-entry.ts`);
  const outfile = path.join(dir, `${name}.bundle.cjs`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(entry, Object.entries(exports).map(([fn, mod]) => `export { ${fn} } from '../../server/src/core/${mod}';\n`).join(''));
  if (process.env.NEWSPRINT_BENCH_SOURCE === '1') return (await import(entry)) as T;
  esbuild.buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return (await import(outfile)) as T;
}
