// The packaged extension, as a user installs it: build the .vsix the way `npm run package` does
// (production bundles, vsce with the same flags) in a temp folder, install it with
// `code-server --install-extension` into a fresh extensions folder, start code-server on that
// folder alone (no extensionDevelopmentPath), open the Chinese sample and check in the browser
// that the installed extension activated: the sample is a Page Dump, the Problems count and the
// editor's squiggles show its diagnostics. Then stop everything and remove the temp folder.
//
// The repo's dist/ and newsprint.vsix are left alone (other work may be using them): the build
// writes into a staging folder whose client/ and server/ link to the sources.
// Run: node --test test/e2e/vsix.test.mjs   (or npm run test:vsix)
/* global document */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ensureRuntime } from '../../scripts/runtime.mjs';
import { launchChromium, makeWorkspace, repoRoot, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';

const SAMPLE = 'zh-daily-p1.txt';
const t0 = Date.now();
const step = (m) => process.stderr.write(`[vsix.test] ${((Date.now() - t0) / 1000).toFixed(1)} s: ${m}\n`);
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extId = `${pkg.publisher}.${pkg.name}`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-vsix-'));
let server;
let browser;
after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (process.env.NEWSPRINT_KEEP) step(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
});

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  assert.equal(r.error, undefined, `${cmd} ${args.join(' ')}: ${r.error?.message}`);
  assert.equal(r.status, 0, `${path.basename(cmd)} ${args.join(' ')} exited with ${r.status ?? r.signal}:\n${output}`);
  return output;
}

/** Build the production bundles and the .vsix in a staging copy of the package; returns the .vsix path. */
function packageVsix() {
  const stage = path.join(tmp, 'package');
  fs.mkdirSync(stage);
  // What the build reads (linked) and what vsce packs (copied; .vscodeignore decides what ships).
  for (const n of ['client', 'server', 'tsconfig.json']) fs.symlinkSync(path.join(repoRoot, n), path.join(stage, n));
  const shipped = /^(package(\.nls(\..+)?)?\.json|\.vscodeignore|README\.md|CHANGELOG\.md|LICENSE(\..+)?|l10n|syntaxes|schemas|language-configuration\.json|docs)$/;
  for (const n of fs.readdirSync(repoRoot).filter((n) => shipped.test(n))) {
    fs.cpSync(path.join(repoRoot, n), path.join(stage, n), { recursive: true });
  }
  // `npm run package` = `npm run build -- --production && vsce package --no-dependencies --no-rewrite-relative-links`
  run(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--production'], { cwd: stage });
  const vsix = path.join(tmp, 'newsprint.vsix');
  const out = run(
    process.execPath,
    [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix],
    { cwd: stage },
  );
  const done = /Packaged: .*/.exec(out)?.[0];
  assert.ok(done, `vsce reports the package:\n${out}`);
  step(`vsce: ${done}`);
  assert.ok(fs.statSync(vsix).size > 10_000, 'the .vsix is written');
  return vsix;
}

test('the packaged .vsix installs into code-server and activates on a page dump', { timeout: 600_000 }, async () => {
  const runtime = ensureRuntime(); // slow only the first time
  step('runtime ready');
  const vsix = packageVsix();
  step(`packaged ${vsix} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);

  // Install it as a user would, into the extensions folder the server below will use.
  const scratch = path.join(tmp, 'code-server');
  const extensionsDir = path.join(scratch, 'extensions');
  const cliHome = path.join(tmp, 'cli-home');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(cliHome, 'config'), XDG_DATA_HOME: path.join(cliHome, 'data'), XDG_CACHE_HOME: path.join(cliHome, 'cache') };
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$|npm_)/.test(k)) delete env[k];
  const installed = run(
    runtime.node,
    [runtime.codeServer, '--user-data-dir', path.join(cliHome, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env },
  );
  step(`install: ${installed.trim().split('\n').pop()}`);
  assert.match(installed, /Extension 'newsprint\.vsix' was successfully installed/, `the CLI reports the install:\n${installed}`);
  const dirs = fs.readdirSync(extensionsDir).filter((n) => n.startsWith(`${extId}-`));
  assert.deepEqual(dirs, [`${extId}-${pkg.version}`], `one ${extId} folder in ${extensionsDir}: ${fs.readdirSync(extensionsDir)}`);
  const extDir = path.join(extensionsDir, dirs[0]);
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8'));
  assert.equal(`${manifest.publisher}.${manifest.name}@${manifest.version}`, `${extId}@${pkg.version}`);
  for (const f of ['extension.js', 'server.js', 'cli.js', 'export-worker.js']) {
    assert.ok(fs.existsSync(path.join(extDir, 'dist', f)), `dist/${f} is installed`);
  }
  assert.deepEqual(fs.readdirSync(path.join(extDir, 'dist')).filter((f) => f.endsWith('.map')), [], 'no source maps in the package');
  // The icon the Extensions view and the Marketplace show (vsce rejects a manifest icon it cannot find).
  assert.ok(manifest.icon && fs.statSync(path.join(extDir, manifest.icon)).size > 1000, `the icon ${manifest.icon} is shipped`);
  for (const f of ['client', 'server', 'node_modules', 'test']) assert.ok(!fs.existsSync(path.join(extDir, f)), `${f}/ is not shipped`);
  // What the README shows and links to (relative links: the package has no repository to point to).
  // (vsce stores the README as readme.md)
  const readme = fs.readdirSync(extDir).find((n) => n.toLowerCase() === 'readme.md');
  assert.ok(readme, `a README in ${fs.readdirSync(extDir)}`);
  for (const link of fs.readFileSync(path.join(extDir, readme), 'utf8').matchAll(/\]\((?!https?:|#)([^)\s]+)\)/g)) {
    assert.ok(fs.existsSync(path.join(extDir, decodeURI(link[1]))), `README links to ${link[1]}, which is shipped`);
  }

  // Serve it: only that extensions folder, no development extension.
  const workspace = makeWorkspace(path.join(tmp, 'workspace'));
  server = await startCodeServer(runtime, { scratch, testDriver: false });
  step(`code-server up at ${server.url}`);
  browser = await launchChromium(runtime);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(server.url, { folder: workspace, openFile: path.join(workspace, SAMPLE) }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  step('workbench loaded');
  await page.waitForSelector(`.tab[aria-label*="${SAMPLE}"], .tab[title*="${SAMPLE}"]`, { timeout: 60_000 });
  // The installed extension contributes the language (files.associations maps *.txt to it)…
  await page.waitForFunction(() => /Page Dump/.test(document.getElementById('status.editor.mode')?.textContent ?? ''), null, { timeout: 60_000 });
  step('the sample is a Page Dump');
  // …and, activated, its language server's diagnostics reach the Problems count and the squiggles.
  await page.waitForFunction(() => /Warnings: [1-9]/.test(document.getElementById('status.problems')?.innerHTML ?? ''), null, { timeout: 60_000 });
  step('problems counted');
  await page.waitForSelector('.monaco-editor .view-overlays .squiggly-warning', { timeout: 30_000 });
  step('squiggles drawn');
  const log = fs.readFileSync(server.logFile, 'utf8');
  assert.doesNotMatch(log, /Loading development extension/, 'no development extension was loaded');
});
