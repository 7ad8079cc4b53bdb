#!/usr/bin/env node
// `npm run test:electron`: the same suite as test:e2e (test/e2e/suite), run in desktop VS Code
// through @vscode/test-electron, for developers who have VS Code / can download it.
// (On machines without internet use `npm run test:e2e`, which runs it in code-server.)
//
//   node test/e2e/electron.mjs [--locale zh-cn] [--grep REGEX] [--vscode-version stable|1.91.0]
// Env: VSCODE_EXECUTABLE=/path/to/code  uses an installed VS Code instead of downloading one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ensureBuilt, makeWorkspace, repoRoot, writeLanguagePackStub } from '../../scripts/code-server.mjs';

function parseArgs(argv) {
  const o = { locale: 'en', grep: undefined, version: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a.startsWith('--locale')) o.locale = val();
    else if (a.startsWith('--grep')) o.grep = val();
    else if (a.startsWith('--vscode-version')) o.version = val();
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  ensureBuilt();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-electron-'));
  const workspace = makeWorkspace(path.join(scratch, 'workspace'));
  const userData = path.join(scratch, 'user-data');
  const extensions = path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' }, null, 2),
  );
  const launchArgs = [workspace, `--user-data-dir=${userData}`, `--extensions-dir=${extensions}`, '--disable-extensions'];
  if (opts.locale && !/^en\b/i.test(opts.locale)) {
    // Same stub language pack as the code-server run, so vscode.env.language follows --locale.
    writeLanguagePackStub(extensions, userData, opts.locale);
    launchArgs.push(`--locale=${opts.locale}`);
    // --disable-extensions would disable the stub pack too.
    launchArgs.splice(launchArgs.indexOf('--disable-extensions'), 1);
  }
  const resultsFile = path.join(scratch, 'results.json');
  let exitCode;
  let error;
  try {
    exitCode = await runTests({
      version: opts.version,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'test', 'e2e', 'suite', 'index.js'),
      launchArgs,
      extensionTestsEnv: {
        NEWSPRINT_E2E_RESULTS: resultsFile,
        NEWSPRINT_E2E_LOCALE: opts.locale,
        ...(opts.grep ? { NEWSPRINT_E2E_GREP: opts.grep } : {}),
      },
    });
  } catch (err) {
    error = err;
  }
  let r = { passed: [], failed: [], skipped: [] };
  try {
    r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    /* no results */
  }
  if (error && r.failed.length === 0) r.failed.push({ title: '(run)', error: String(error) });
  for (const t of r.failed) console.error(`✗ ${t.title}\n${String(t.error).replace(/^/gm, '    ')}`);
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`${r.passed.length} passed, ${r.failed.length} failed, ${r.skipped.length} skipped`);
  return r.failed.length === 0 && r.passed.length > 0 && !error && exitCode === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
