// Security: the shipped bundles make no network calls and start no processes beyond what the LSP
// transport needs, and the manifest declares how the extension behaves in untrusted and virtual
// workspaces. Run after `npm run build` (npm test builds first).
//
// Allowed, and why:
// - `require("net")` in dist/server.js and dist/extension.js: vscode-jsonrpc's node entry point
//   (vscode-jsonrpc/lib/node/main.js) imports it for its socket and named-pipe transports
//   (`--socket=`, `--pipe=`). Newsprint uses stdio/IPC, so no socket is ever opened, but the import
//   is in the bundle. The CLI and the export worker must not have it.
// - `require("child_process")` in dist/extension.js: vscode-languageclient forks the server module
//   (TransportKind.ipc, lib/node/main.js) and kills the process tree on stop (lib/node/processes.js).
//   It runs our own dist/server.js, never workspace content.
// - `require("child_process")` in dist/server.js: vscode-languageserver/lib/node/files.js, the
//   library's helper to resolve globally installed npm/yarn modules. Our code never calls it; the
//   test checks that no Newsprint source file imports child_process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const BUNDLES = ['extension.js', 'server.js', 'cli.js', 'export-worker.js'];

/** Node modules a bundle may require only inside the listed library files. */
const ALLOWED: Record<string, Record<string, readonly string[]>> = {
  'extension.js': {
    net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
    child_process: ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
  },
  'server.js': {
    net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
    child_process: ['node_modules/vscode-languageserver/lib/node/files.js'],
  },
  'cli.js': {},
  'export-worker.js': {},
};

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'child_process', 'cluster', 'inspector'];

/** The bundled source file an offset of an esbuild bundle belongs to (its `// path` marker or `"path"(` wrapper key). */
function moduleAt(bundle: string, offset: number): string {
  const before = bundle.slice(0, offset);
  const markers = [...before.matchAll(/^\/\/ ((?:node_modules|server|client)\/\S+)$|"((?:node_modules)\/[^"]+\.js)"\(/gm)];
  const last = markers[markers.length - 1];
  return last ? (last[1] ?? last[2]) : '(unknown)';
}

for (const name of BUNDLES) {
  const file = path.join(DIST, name);
  describe(`dist/${name}`, { skip: fs.existsSync(file) ? false : 'not built (run npm run build)' }, () => {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    // A production (minified) bundle has no module markers: then a module allowed in some library
    // file of this bundle is allowed anywhere in it, and nothing else is.
    const minified = !/^\/\/ node_modules\/|"node_modules\/[^"]+\.js"\(/m.test(text);
    const isAllowed = (mod: string, where: string) => (minified ? (ALLOWED[name][mod] ?? []).length > 0 : (ALLOWED[name][mod] ?? []).includes(where));

    test('requires no network or process module outside the allowed library files', () => {
      const found: string[] = [];
      for (const m of text.matchAll(/require\(\s*["'](?:node:)?([a-z_0-9]+)["']\s*\)/g)) {
        const mod = m[1];
        if (!NETWORK_MODULES.includes(mod)) continue;
        const where = moduleAt(text, m.index);
        if (!isAllowed(mod, where)) found.push(`require("${mod}") in ${where}`);
      }
      assert.deepEqual(found, [], `unexpected modules in dist/${name}`);
    });

    test('no fetch, XMLHttpRequest, WebSocket, dgram or dynamic import of http(s)', () => {
      const hits: string[] = [];
      for (const re of [/\bfetch\s*\(/g, /\bXMLHttpRequest\b/g, /\bWebSocket\b/g, /\bdgram\b/g, /\bimport\(\s*["'](?:node:)?https?["']\s*\)/g, /\bEventSource\b/g]) {
        for (const m of text.matchAll(re)) hits.push(`${m[0]} in ${moduleAt(text, m.index)}`);
      }
      assert.deepEqual(hits, []);
    });

    test('process APIs (spawn, fork, exec) appear only in the allowed library files', () => {
      const hits: string[] = [];
      for (const m of text.matchAll(/\b(?:cp|child_process_1|child_process)\s*\)?\s*\.\s*(spawn|spawnSync|fork|exec|execSync|execFile|execFileSync)\s*\(/g)) {
        const where = moduleAt(text, m.index);
        if (!isAllowed('child_process', where)) hits.push(`${m[1]} in ${where}`);
      }
      assert.deepEqual(hits, []);
    });
  });
}

describe('Newsprint sources', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mts|cts|js|mjs)$/.test(e.name)) files.push(p);
    }
  };
  for (const d of ['server/src', 'client/src']) if (fs.existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));

  test('import no network or process module (the transport comes from the vscode-language* libraries)', () => {
    const bad: string[] = [];
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["'](?:node:)?(http|https|http2|net|tls|dgram|child_process|cluster)["']/g)) {
        bad.push(`${path.relative(ROOT, f)}: ${m[1]}`);
      }
      if (/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/.test(src)) bad.push(`${path.relative(ROOT, f)}: fetch/XMLHttpRequest/WebSocket`);
    }
    assert.ok(files.length > 0);
    assert.deepEqual(bad, []);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: string }; virtualWorkspaces?: { supported?: unknown; description?: string } | boolean };
  };

  test('declares capabilities.untrustedWorkspaces', () => {
    const u = pkg.capabilities?.untrustedWorkspaces;
    assert.ok(u, 'capabilities.untrustedWorkspaces is declared');
    assert.ok(u.supported === true || u.supported === false || u.supported === 'limited', `supported: ${String(u.supported)}`);
    if (u.supported !== true) assert.ok(u.description, 'a limited/unsupported declaration says why');
  });

  test('declares capabilities.virtualWorkspaces', () => {
    const v = pkg.capabilities?.virtualWorkspaces;
    assert.ok(v !== undefined, 'capabilities.virtualWorkspaces is declared');
    if (typeof v === 'object') {
      assert.ok(v.supported === true || v.supported === false || v.supported === 'limited', `supported: ${String(v.supported)}`);
      if (v.supported !== true) assert.ok(v.description, 'a limited/unsupported declaration says why');
    }
  });
});
