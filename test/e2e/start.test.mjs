// `npm start`, as a user runs it: start it, wait for the printed URL to answer, check in a real
// browser that the workbench loads with the extension active and the sample's problems shown,
// then press Ctrl-C (SIGINT to its process group, as a terminal does) and check that nothing it
// started is left running and its scratch folder is gone.
// Run: node --test test/e2e/start.test.mjs   (or npm run test:start)
/* global document */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { clearInterval, setInterval } from 'node:timers';
import { ensureRuntime } from '../../scripts/runtime.mjs';
import { descendants, launchChromium, procStat, repoRoot, waitForHttp } from '../../scripts/code-server.mjs';

const t0 = Date.now();
const step = (m) => process.stderr.write(`[start.test] ${((Date.now() - t0) / 1000).toFixed(1)} s: ${m}\n`);

/** A process still runs as the one seen (same starttime: pids get reused), not as a zombie. */
function stillRunning(pid, start) {
  const s = procStat(pid);
  return s !== undefined && s.start === start && s.state !== 'Z';
}

test('npm start serves the workbench with Newsprint active, and Ctrl-C leaves nothing behind', { timeout: 600_000 }, async () => {
  ensureRuntime(); // the slow part, outside the timings below
  step('npm start -- --no-open');
  const child = spawn('npm', ['start', '--', '--no-open'], {
    cwd: repoRoot,
    detached: true, // its own process group, like a job in a terminal
    env: { ...process.env, BROWSER: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen = new Map([[child.pid, null]]);
  const watcher = setInterval(() => {
    for (const [pid, s] of descendants(child.pid)) seen.set(pid, s.start);
  }, 100);
  watcher.unref();
  let output = '';
  child.stdout.on('data', (b) => (output += b));
  child.stderr.on('data', (b) => (output += b));
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const within = (ms, what) =>
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s:\n${output}`)), ms).unref());

  let scratch;
  let browser;
  try {
    const url = await Promise.race([
      (async () => {
        for (;;) {
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
          if (m && /Ctrl-C/.test(output)) return m[1];
          await new Promise((r) => child.stdout.once('data', r));
        }
      })(),
      exited.then(({ code, signal }) => {
        throw new Error(`npm start exited (${code ?? signal}) before printing a URL:\n${output}`);
      }),
      within(240_000, 'no URL printed'),
    ]);
    step(`URL printed: ${url}`);
    const workspace = /workspace: (\S+)/.exec(output)?.[1];
    scratch = workspace?.replace(/\/workspace$/, '');
    assert.ok(scratch && fs.existsSync(scratch), `the scratch folder is printed and exists: ${scratch}`);

    await waitForHttp(url, { timeoutMs: 30_000 });
    step('URL answers');
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    step('workbench loaded');
    // The Chinese sample is open, as a page dump.
    await page.waitForSelector('.tab[aria-label*="zh-daily-p1.txt"], .tab[title*="zh-daily-p1.txt"]', { timeout: 60_000 });
    await page.waitForFunction(() => /Page Dump/.test(document.getElementById('status.editor.mode')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    // The extension is active: its diagnostics reach the Problems count and the editor's squiggles.
    await page.waitForFunction(() => /Warnings: [1-9]/.test(document.getElementById('status.problems')?.innerHTML ?? ''), null, {
      timeout: 60_000,
    });
    step('problems counted');
    await page.waitForSelector('.monaco-editor .view-overlays [class*="squiggly-"]', { timeout: 30_000 });
    step('squiggles drawn');
  } finally {
    await browser?.close().catch(() => {});
    step('Ctrl-C');
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, within(30_000, 'npm start did not exit after Ctrl-C').catch((e) => e)]);
    clearInterval(watcher);
  }
  const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ timeout: true }), 1000))]);
  assert.ok(!result.timeout, `npm start exits within 30 s of Ctrl-C:\n${output}`);
  step(`npm start exited (${result.code ?? result.signal})`);
  const alive = [...seen].filter(([, start]) => start !== null).filter(([pid, start]) => stillRunning(pid, start));
  assert.deepEqual(alive.map(([pid]) => pid), [], 'no process started by npm start is still running');
  assert.ok(seen.size >= 4, `its processes were tracked (${seen.size})`);
  assert.ok(!fs.existsSync(scratch), `the scratch folder ${scratch} is removed`);
});
