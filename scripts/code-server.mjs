// Shared helpers for running the extension in a real VS Code (code-server) driven by headless
// Chromium: used by test/e2e/run.mjs, scripts/start.mjs and scripts/screenshot.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1 (asks the OS for one). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** GET url; resolves with the status code (or rejects on connection error). */
export function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/**
 * Poll until `url` answers 200, with a deadline. `isDead()` lets the caller fail fast when the
 * server process has exited.
 */
export async function waitForHttp(url, { timeoutMs = 60_000, intervalMs = 200, isDead = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const dead = isDead();
    if (dead) throw new Error(`server exited before ${url} answered (${dead})`);
    try {
      const status = await httpStatus(url);
      if (status === 200) return;
      last = `HTTP ${status}`;
    } catch (err) {
      last = err.message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (last: ${last})`);
}

/**
 * The sample pages: $NEWSPRINT_SAMPLES (as the tests read it), else ../shared/samples next to the
 * repo, else the repo's own small fixture pages (a clone without the shared folder still starts).
 */
export function samplesDir() {
  if (process.env.NEWSPRINT_SAMPLES) return path.resolve(process.env.NEWSPRINT_SAMPLES);
  const shared = path.resolve(repoRoot, '..', 'shared', 'samples');
  if (fs.existsSync(path.join(shared, 'zh-daily-p1.txt'))) return shared;
  return path.join(repoRoot, 'test', 'fixtures', 'pages');
}

/**
 * Create a workspace folder holding copies of the sample pages and a .vscode/settings.json that
 * opens *.txt as page dumps. Returns its path.
 */
export function makeWorkspace(dir, extraSettings = {}) {
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  const src = samplesDir();
  fs.cpSync(src, dir, { recursive: true, filter: (s) => !/\/README\.md$/.test(s) || s === src });
  const settings = { 'files.associations': { '*.txt': 'pagedump' }, ...extraSettings };
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  return dir;
}

/** Ensure dist/extension.js exists (runs `npm run build` if not, or always with force). */
export function ensureBuilt({ force = false, log = console.error } = {}) {
  const entry = path.join(repoRoot, 'dist', 'extension.js');
  if (!force && fs.existsSync(entry)) return;
  log(`[build] npm run build`);
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal})`);
  if (!fs.existsSync(entry)) throw new Error(`npm run build produced no ${entry}`);
  log(`[build] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * Install the repo as an unpacked extension in `extensionsDir`: a folder named
 * <publisher>.<name>-<version> holding copies of package.json, package.nls*.json, dist/, l10n/,
 * syntaxes/ and the other files the manifest points at. Copies, not links: VS Code finds the
 * extension a module belongs to by the module's real path, so an extension whose dist/ links out of
 * its folder ran without its identity (no l10n bundle: English strings under a Chinese UI; "Null
 * Extension Description" as the source of its notifications). Returns the extension id.
 */
export function installUnpacked(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const dest = path.join(extensionsDir, `${id}-${pkg.version}`);
  fs.mkdirSync(dest, { recursive: true });
  const wanted = fs
    .readdirSync(repoRoot)
    .filter((n) => /^(package(\.nls(\..+)?)?\.json|README\.md|CHANGELOG\.md|LICENSE(\..+)?|dist|l10n|syntaxes|images|media|schemas|language-configuration\.json)$/.test(n));
  for (const n of wanted) fs.cpSync(path.join(repoRoot, n), path.join(dest, n), { recursive: true, dereference: true });
  return id;
}

/** A minimal language pack extension for `locale` (see startCodeServer). */
export function writeLanguagePackStub(extensionsDir, userDataDir, locale) {
  const id = locale.toLowerCase();
  const dir = path.join(extensionsDir, `newsprint-e2e.language-pack-stub-${id}-0.0.1`);
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  const manifest = {
    name: `language-pack-stub-${id}`,
    displayName: `Language pack stub (${id})`,
    publisher: 'newsprint-e2e',
    version: '0.0.1',
    engines: { vscode: '*' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: id,
          languageName: id,
          localizedLanguageName: id,
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const translations = path.join(dir, 'translations', 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }) + '\n');
  // The server reads <user-data>/languagepacks.json when it serves the workbench, but only
  // (re)writes it when extensions get installed through it: write the entry up front.
  const packs = {
    [id]: {
      hash: `stub-${id}-0.0.1`,
      extensions: [{ extensionIdentifier: { id: `newsprint-e2e.language-pack-stub-${id}` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: id,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2) + '\n');
  return dir;
}

/** A process's /proc/PID/stat fields after its command name, or undefined once it is gone. */
export function procStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: f[0], ppid: Number(f[1]), pgrp: Number(f[2]), start: f[19] };
  } catch {
    return undefined;
  }
}

/** Every process, pid → procStat. */
function processTable() {
  const out = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = procStat(Number(d));
    if (s) out.set(Number(d), s);
  }
  return out;
}

/** All descendants of pid, pid → procStat, via /proc (works for processes that left our process group). */
export function descendants(pid) {
  const table = processTable();
  const children = new Map();
  for (const [p, s] of table) {
    if (!children.has(s.ppid)) children.set(s.ppid, []);
    children.get(s.ppid).push(p);
  }
  const out = new Map();
  const stack = [pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()) ?? []) {
      if (out.has(c)) continue;
      out.set(c, table.get(c));
      stack.push(c);
    }
  }
  return out;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie is as good as dead.
  const s = procStat(pid);
  return s !== undefined && s.state !== 'Z';
}

/** Processes (pid list) in process group pgid, from /proc. */
export function processGroupMembers(pgid) {
  const out = [];
  for (const [p, s] of processTable()) if (s.pgrp === pgid && s.state !== 'Z') out.push(p);
  return out;
}

/**
 * Start code-server on a free 127.0.0.1 port, isolated in `scratch` (its own user data,
 * extensions, config and XDG folders), and wait for /healthz.
 * Options: scratch (dir; a temp dir if omitted), port, locale, installRepoExtension (install the
 * repo as an unpacked extension: installUnpacked), testDriver (default true: enable-smoke-test-driver),
 * userSettings, extraArgs, env, echo (pipe server output to stderr), healthTimeoutMs.
 * Returns { url, port, pid, scratch, dirs, logFile, stop(), exited }.
 */
export async function startCodeServer(runtime, opts = {}) {
  const scratch = opts.scratch ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-cs-'));
  const dirs = {
    userData: path.join(scratch, 'user-data'),
    extensions: path.join(scratch, 'extensions'),
    config: path.join(scratch, 'config.yaml'),
    xdgConfig: path.join(scratch, 'xdg', 'config'),
    xdgData: path.join(scratch, 'xdg', 'data'),
    xdgCache: path.join(scratch, 'xdg', 'cache'),
    xdgState: path.join(scratch, 'xdg', 'state'),
    xdgRuntime: path.join(scratch, 'xdg', 'runtime'),
  };
  for (const k of ['userData', 'extensions', 'xdgConfig', 'xdgData', 'xdgCache', 'xdgState', 'xdgRuntime']) {
    fs.mkdirSync(dirs[k], { recursive: true, mode: 0o700 });
  }
  const port = opts.port ?? (await freePort());
  fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const userSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.enabled': false,
    ...opts.userSettings,
  };
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(userSettings, null, 2) + '\n');
  if (opts.locale && !/^en\b/i.test(opts.locale)) {
    // Both the flag and argv.json, so the display language sticks whichever is read.
    fs.writeFileSync(path.join(userDir, 'argv.json'), JSON.stringify({ locale: opts.locale }, null, 2) + '\n');
    // VS Code only switches language when a language pack for it is installed, and the
    // marketplace is out of reach here: install a stub pack (no translations of VS Code's own
    // strings, so the workbench stays mostly English) so that vscode.env.language and the
    // extension's own l10n bundle follow the locale.
    writeLanguagePackStub(dirs.extensions, dirs.userData, opts.locale);
  }
  if (opts.installRepoExtension) installUnpacked(dirs.extensions);

  const args = [
    runtime.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', dirs.config,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Lets the workbench honour extensionDevelopmentPath/extensionTestsPath in the URL payload
    // and call window.codeAutomationExit when the tests end.
    ...(opts.testDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    ...(opts.locale ? ['--locale', opts.locale] : []),
    ...(opts.extraArgs ?? []),
  ];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_STATE_HOME: dirs.xdgState,
    XDG_RUNTIME_DIR: dirs.xdgRuntime,
    PATH: `${path.dirname(runtime.node)}${path.delimiter}${process.env.PATH}`,
    ...opts.env,
  };
  // Don't leak an outer VS Code's / npm's context into the served one.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$|npm_)/.test(k)) delete env[k];
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.PORT;

  const logFile = path.join(scratch, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  // detached: its own process group, so stop() can end it and everything it spawned.
  const child = spawn(runtime.node, args, { cwd: scratch, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve(exitInfo);
    });
  });
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (buf) => {
      fs.writeSync(logFd, buf);
      if (opts.echo) process.stderr.write(buf);
    });
  }

  const pgid = child.pid;
  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    // Everything in its process group, plus any descendant that left the group. Re-scanned while
    // waiting: the server may still spawn helpers (e.g. a file watcher) as it shuts down.
    const known = new Set([pgid]);
    const rescan = () => {
      for (const p of [...descendants(pgid).keys(), ...processGroupMembers(pgid)]) known.add(p);
      return [...known].filter(isAlive);
    };
    const signalAll = (sig) => {
      try {
        process.kill(-pgid, sig);
      } catch {
        /* group gone */
      }
      for (const p of known) {
        try {
          process.kill(p, sig);
        } catch {
          /* gone */
        }
      }
    };
    rescan();
    signalAll('SIGTERM');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && rescan().length) await sleep(100);
    for (let i = 0; i < 30 && rescan().length; i++) {
      signalAll('SIGKILL');
      await sleep(100);
    }
    try {
      fs.closeSync(logFd);
    } catch {
      /* closed */
    }
  }

  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(`${url}healthz`, { timeoutMs: opts.healthTimeoutMs ?? 60_000, isDead: () => exitInfo });
  } catch (err) {
    await stop();
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
    throw new Error(`${err.message}\n--- code-server log (${logFile}) ---\n${tail}`);
  }
  return { url, port, pid: child.pid, pgid, scratch, dirs, logFile, stop, exited, get exitInfo() { return exitInfo; } };
}

/** Launch Debian's chromium through playwright-core. */
export async function launchChromium(runtime, { headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: runtime?.chromium ?? '/usr/bin/chromium',
    headless,
    args: headless ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--headless'),
  });
}

/**
 * `vscode-remote://<authority><abs path>`. The workbench accepts the placeholder authority `remote`
 * for the development/test extension paths; a file to open must carry the real remote authority
 * (the host:port the browser uses), or its editor won't match the extension host's diagnostics.
 */
export const remoteUri = (absPath, authority = 'remote') => `vscode-remote://${authority}${encodeURI(path.resolve(absPath))}`;

/**
 * The workbench URL that opens `folder` (and `openFile` in it), optionally with a development
 * extension and a test runner.
 */
export function workbenchUrl(base, { folder, workspace, openFile, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  if (workspace) q.push(`workspace=${encodeURIComponent(path.resolve(workspace))}`);
  const payload = [];
  if (openFile) payload.push(['openFile', remoteUri(openFile, new URL(base).host)]);
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(extensionTestsPath)]);
  if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base}${q.length ? `?${q.join('&')}` : ''}`;
}
