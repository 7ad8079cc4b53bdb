#!/usr/bin/env node
// `npm run test:e2e`: runs test/e2e/suite in a real VS Code (code-server) driven by headless
// Chromium, the extension loaded as under development, on a scratch copy of the sample pages.
//
//   node test/e2e/run.mjs                 # English, then zh-cn
//   node test/e2e/run.mjs --locale zh-cn  # one locale
//   options: --grep REGEX  --timeout SECONDS (per run, default 300)  --keep (keep scratch dirs)
//            --verbose (echo code-server and browser console output)
//            --no-multi-root (skip the last run: suite/multi-root in a workspace of two folders)
// Prints "N passed, N failed[, N skipped]" alone on the last line; exits non-zero on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRuntime } from '../../scripts/runtime.mjs';
import {
  ensureBuilt,
  launchChromium,
  makeWorkspace,
  repoRoot,
  startCodeServer,
  workbenchUrl,
} from '../../scripts/code-server.mjs';

function parseArgs(argv) {
  const o = { locales: null, grep: undefined, timeoutS: 300, keep: false, verbose: false, multiRoot: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      return argv[++i];
    };
    if (a.startsWith('--locale')) (o.locales ??= []).push(val());
    else if (a.startsWith('--grep')) o.grep = val();
    else if (a.startsWith('--timeout')) o.timeoutS = Number(val());
    else if (a === '--keep') o.keep = true;
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--no-multi-root') o.multiRoot = false;
    else throw new Error(`unknown argument ${a}`);
  }
  o.locales ??= ['en', 'zh-cn'];
  return o;
}

const log = (m) => process.stderr.write(`[e2e] ${m}\n`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/**
 * A multi-root workspace: folders one/ and two/, each a copy of the sample pages (so both have
 * pages of the same names), and the .code-workspace file that opens them.
 */
function makeMultiRootWorkspace(dir) {
  for (const name of ['one', 'two']) makeWorkspace(path.join(dir, name));
  const file = path.join(dir, 'newsprint.code-workspace');
  const settings = { 'files.associations': { '*.txt': 'pagedump' }, 'newsprint.export.include': '**/*.txt' };
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'one' }, { path: 'two' }], settings }, null, 2) + '\n');
  return file;
}

/** One run of the suite: test/e2e/suite in one folder, or (multiRoot) suite/multi-root in a workspace of two. */
async function runOnce(runtime, locale, opts, multiRoot = false) {
  const t0 = Date.now();
  const label = multiRoot ? 'multi-root' : locale;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `newsprint-e2e-${label}-`));
  const workspace = multiRoot ? makeMultiRootWorkspace(scratch) : makeWorkspace(path.join(scratch, 'workspace'));
  const resultsFile = path.join(scratch, 'results.json');
  const consoleLog = path.join(scratch, 'browser-console.log');
  const env = {
    NEWSPRINT_E2E_RESULTS: resultsFile,
    NEWSPRINT_E2E_LOCALE: locale,
    ...(multiRoot ? { NEWSPRINT_E2E_SUITE: 'multi-root' } : {}),
    ...(opts.grep ? { NEWSPRINT_E2E_GREP: opts.grep } : {}),
  };
  const server = await startCodeServer(runtime, {
    scratch: path.join(scratch, 'code-server'),
    locale: locale === 'en' ? undefined : locale,
    env,
    echo: opts.verbose,
  });
  log(`[${label}] code-server up at ${server.url} in ${secs(t0)} (scratch ${scratch})`);

  let browser;
  let outcome;
  const consoleLines = [];
  try {
    browser = await launchChromium(runtime);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (msg) => {
      const line = `[${msg.type()}] ${msg.text()}`;
      consoleLines.push(line);
      if (opts.verbose) process.stderr.write(`[browser] ${line}\n`);
    });
    page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));
    let resolveExit;
    const exitCode = new Promise((r) => (resolveExit = r));
    // The workbench calls window.codeAutomationExit(code) when the extension test runner finishes.
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    const url = workbenchUrl(server.url, {
      ...(multiRoot ? { workspace } : { folder: workspace }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'test', 'e2e', 'suite', 'index.js'),
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let timer;
    outcome = await Promise.race([
      exitCode.then((code) => ({ code })),
      server.exited.then((why) => ({ error: `code-server exited (${why})` })),
      new Promise((r) => (timer = setTimeout(() => r({ error: `timed out after ${opts.timeoutS} s` }), opts.timeoutS * 1000))),
    ]);
    clearTimeout(timer);
  } catch (err) {
    outcome = { error: err.message };
  } finally {
    fs.writeFileSync(consoleLog, consoleLines.join('\n') + '\n');
    await browser?.close().catch(() => {});
    await server.stop();
  }

  let results;
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    results = { passed: [], failed: [], skipped: [] };
  }
  if (outcome.error) results.failed.push({ title: `(${label} run)`, error: outcome.error });
  else if (!results.done) results.failed.push({ title: `(${label} run)`, error: `the suite did not report results (exit code ${outcome.code})` });
  else if (outcome.code !== 0 && results.failed.length === 0) {
    results.failed.push({ title: `(${label} run)`, error: `extension host exited with code ${outcome.code}` });
  }

  for (const t of results.passed) log(`[${label}]   ✓ ${t.title}`);
  for (const t of results.skipped) log(`[${label}]   - ${t.title} (skipped)`);
  for (const t of results.failed) log(`[${label}]   ✗ ${t.title}\n${String(t.error).replace(/^/gm, '        ')}`);
  const failed = results.failed.length > 0;
  log(`[${label}] ${results.passed.length} passed, ${results.failed.length} failed, ${results.skipped.length} skipped in ${secs(t0)}`);
  if (failed) {
    const tail = (f, n) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trimEnd().split('\n').slice(-n).join('\n') : '');
    log(`[${label}] last browser console lines (${consoleLog}):\n${tail(consoleLog, 25)}`);
    log(`[${label}] last code-server log lines (${server.logFile}):\n${tail(server.logFile, 15)}`);
  }
  if (opts.keep || failed) log(`[${label}] kept ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const runtime = ensureRuntime();
  ensureBuilt({ log });
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const runs = opts.locales.map((locale) => () => runOnce(runtime, locale, opts));
  if (opts.multiRoot) runs.push(() => runOnce(runtime, 'en', opts, true));
  for (const run of runs) {
    const r = await run();
    totals.passed += r.passed.length;
    totals.failed += r.failed.length;
    totals.skipped += r.skipped.length;
  }
  log(`total time ${secs(t0)}`);
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  return totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(`FAILED: ${err.stack || err.message}`);
    process.stdout.write(`0 passed, 1 failed\n`);
    process.exit(1);
  },
);
