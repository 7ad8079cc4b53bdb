// The .vsix holds only the bundles, grammar, manifest (with translations), schema and docs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const VSCE = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');

test('vsce packages only what the extension needs', () => {
  const ls = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ls.status, 0, ls.stderr);
  const files = ls.stdout.trim().split('\n').sort();
  const allowed = /^(dist\/(extension|server|cli|export-worker)\.js|syntaxes\/pagedump\.tmLanguage\.json|language-configuration\.json|schemas\/[\w.-]+\.json|package(\.nls(\.zh-cn)?)?\.json|l10n\/bundle\.l10n\.[\w-]+\.json|README\.md|docs\/(README\.zh-CN\.md|screenshot(-zh)?\.png|icon\.png)|CHANGELOG\.md|LICENSE)$/;
  for (const f of files) assert.match(f, allowed);
  // The README's screenshots and the Chinese guide it links to ship with it.
  for (const must of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'syntaxes/pagedump.tmLanguage.json', 'package.json', 'README.md', 'docs/README.zh-CN.md', 'docs/screenshot.png', 'docs/screenshot-zh.png', 'docs/icon.png', 'CHANGELOG.md', 'LICENSE']) {
    assert.ok(files.includes(must), `missing ${must}`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-vsix-'));
  try {
    const out = path.join(dir, 'newsprint.vsix');
    const pkg = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pkg.status, 0, pkg.stderr + pkg.stdout);
    assert.ok(statSync(out).size > 10_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
