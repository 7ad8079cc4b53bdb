#!/usr/bin/env node
// `npm start`: try Newsprint in a real VS Code in your browser.
//   - builds the extension, installs/reuses the code-server runtime (scripts/runtime.mjs)
//   - starts code-server on 127.0.0.1 (free port, no auth, its own data and extension folders)
//     with this repo installed as an unpacked extension
//   - opens a scratch workspace holding copies of the sample pages (*.txt open as page dumps),
//     with the Chinese sample open, prints the URL and opens a browser if it can
//   - Ctrl-C (SIGINT/SIGTERM) stops everything it started and removes the scratch folder.
//
// `npm start -- --cli` instead runs the CLI (`lint`, and `export` when it exists) on the samples.
// Options: --port N  --no-open (don't open a browser)  --locale zh-cn  --keep (keep scratch)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setInterval } from 'node:timers';
import { ensureRuntime } from './runtime.mjs';
import { ensureBuilt, makeWorkspace, repoRoot, samplesDir, startCodeServer, workbenchUrl } from './code-server.mjs';

const SAMPLE = 'zh-daily-p1.txt';

function parseArgs(argv) {
  const o = { cli: false, port: undefined, open: true, locale: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--cli') o.cli = true;
    else if (a.startsWith('--port')) o.port = Number(val());
    else if (a === '--no-open') o.open = false;
    else if (a.startsWith('--locale')) o.locale = val();
    else if (a === '--keep') o.keep = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm start [-- --cli | --port N | --no-open | --locale zh-cn | --keep]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

function sampleFiles() {
  const dir = samplesDir();
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|pagedump)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** `npm start -- --cli`: lint (and export, if the CLI has it) the samples; print a short summary. */
function runCli() {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const files = sampleFiles();
  const rel = (f) => path.relative(process.cwd(), f);
  console.log(`Newsprint CLI on ${files.length} sample page(s) from ${rel(samplesDir()) || '.'}\n`);
  let failed = false;
  const lint = spawnSync(process.execPath, [cli, 'lint', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (lint.error || lint.status === null || lint.status > 1) {
    console.error(`lint failed (exit ${lint.status ?? lint.signal}):\n${lint.stderr}`);
    failed = true;
  } else {
    console.log('lint — findings per file and rule:');
    const counts = new Map(files.map((f) => [f, new Map()]));
    for (const line of lint.stdout.split('\n')) {
      // FILE:LINE:COL: SEVERITY RULE MESSAGE
      const m = /^(.*?):(\d+):(\d+): (\w+) (\S+) /.exec(line);
      if (!m) continue;
      const file = files.find((f) => path.resolve(m[1]) === f) ?? m[1];
      if (!counts.has(file)) counts.set(file, new Map());
      const c = counts.get(file);
      c.set(m[5], (c.get(m[5]) ?? 0) + 1);
    }
    for (const [f, c] of counts) {
      const total = [...c.values()].reduce((a, b) => a + b, 0);
      const parts = [...c.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`);
      console.log(`  ${rel(f)}: ${total} finding(s)${parts.length ? ` — ${parts.join(', ')}` : ''}`);
    }
  }
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  if (!/^\s*export\b/m.test(help.stdout)) {
    console.log('\nexport — unavailable: this build of the CLI has no `export` command yet.');
  } else {
    console.log('\nexport — articles per file:');
    for (const f of files) {
      const r = spawnSync(process.execPath, [cli, 'export', f], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) {
        console.log(`  ${rel(f)}: export failed (exit ${r.status ?? r.signal}) ${r.stderr.trim().split('\n')[0] ?? ''}`);
        failed = true;
        continue;
      }
      let summary;
      try {
        const json = JSON.parse(r.stdout);
        const heads = (json.articles ?? []).map((a) => a.headline).filter(Boolean);
        summary = `${(json.articles ?? []).length} article(s) (${json.schema ?? 'JSON'})${heads.length ? ` — ${heads.slice(0, 3).map((h) => `"${h.length > 30 ? `${h.slice(0, 30)}…` : h}"`).join(', ')}${heads.length > 3 ? ', …' : ''}` : ''}`;
      } catch {
        summary = `${Buffer.byteLength(r.stdout)} bytes (not JSON)`;
      }
      console.log(`  ${rel(f)}: ${summary}`);
    }
  }
  return failed ? 1 : 0;
}

function openBrowser(url) {
  const candidates = [];
  if (process.env.BROWSER) candidates.push(process.env.BROWSER);
  candidates.push('xdg-open');
  for (const cmd of candidates) {
    const found = cmd.includes('/') ? fs.existsSync(cmd) : spawnSync('sh', ['-c', `command -v "${cmd}"`]).status === 0;
    if (!found) continue;
    // Its own process group, so we can clean it up with everything else.
    const child = spawn(cmd, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    return child;
  }
  return undefined;
}

async function runServer(opts) {
  const runtime = ensureRuntime();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-start-'));
  const workspace = makeWorkspace(path.join(scratch, 'workspace'));
  let server;
  let browser;
  let stopping;
  const stop = (why) =>
    (stopping ??= (async () => {
      console.error(`\n[start] ${why}: stopping…`);
      if (browser && browser.exitCode === null) {
        try {
          process.kill(-browser.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
      }
      await server?.stop();
      if (!opts.keep) fs.rmSync(scratch, { recursive: true, force: true });
      console.error('[start] stopped.');
    })());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => stop(sig).then(() => process.exit(0)));
  }
  try {
    server = await startCodeServer(runtime, {
      scratch: path.join(scratch, 'code-server'),
      port: opts.port,
      locale: opts.locale,
      installRepoExtension: true,
      testDriver: false,
      userSettings: { 'workbench.startupEditor': 'none' },
    });
  } catch (err) {
    await stop('failed to start');
    throw err;
  }
  server.exited.then(async (why) => {
    if (stopping) return;
    console.error(`[start] code-server exited unexpectedly (${why}); log: ${server.logFile}`);
    await stop('code-server exited');
    process.exit(1);
  });
  // The Chinese sample, or the first page of another samples folder.
  const first = fs.existsSync(path.join(workspace, SAMPLE)) ? SAMPLE : path.relative(samplesDir(), sampleFiles()[0] ?? SAMPLE);
  const url = workbenchUrl(server.url, { folder: workspace, openFile: path.join(workspace, first) });
  console.log(`\nNewsprint is running in VS Code (code-server) at:\n\n  ${url}\n`);
  console.log(`  workspace: ${workspace} (copies of the sample pages; *.txt open as page dumps)`);
  console.log(`  server log: ${server.logFile}`);
  if (opts.open) {
    browser = openBrowser(url);
    console.log(browser ? '  opened your browser.' : '  (no xdg-open or $BROWSER: open the URL yourself)');
  }
  console.log('\nPress Ctrl-C to stop.');
  // Stay alive until a signal arrives.
  setInterval(() => {}, 1 << 30);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  console.error('[start] building the extension (npm run build)…');
  ensureBuilt({ force: true, log: (m) => console.error(m) });
  if (opts.cli) return runCli();
  await runServer(opts);
  console.error(`[start] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (err) => {
    console.error(`[start] FAILED: ${err.stack || err.message}`);
    process.exit(1);
  },
);
