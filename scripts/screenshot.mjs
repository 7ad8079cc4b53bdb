#!/usr/bin/env node
// `npm run screenshot`: a browser smoke run that saves docs/screenshot.png — the Chinese sample
// open in VS Code (code-server) with Newsprint's squiggles, the Outline and the Problems panel.
//   node scripts/screenshot.mjs [--out docs/screenshot.png] [--locale zh-cn]
// Exits non-zero if the workbench, the problems or the squiggles don't show up.
/* global document */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRuntime } from './runtime.mjs';
import { ensureBuilt, launchChromium, makeWorkspace, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';

const SAMPLE = 'zh-daily-p1.txt';
const args = process.argv.slice(2);
const argVal = (name, dflt) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return dflt;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
};
const out = path.resolve(repoRoot, argVal('--out', 'docs/screenshot.png'));
const locale = argVal('--locale', undefined);
const log = (m) => process.stderr.write(`[screenshot] ${m}\n`);

async function main() {
  const t0 = Date.now();
  ensureBuilt({ log });
  const runtime = ensureRuntime();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-shot-'));
  const workspace = makeWorkspace(path.join(scratch, 'workspace'));
  const server = await startCodeServer(runtime, {
    scratch: path.join(scratch, 'code-server'),
    installRepoExtension: true,
    testDriver: false,
    locale,
    userSettings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false },
  });
  let browser;
  let page;
  try {
    browser = await launchChromium(runtime);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(workbenchUrl(server.url, { folder: workspace, openFile: path.join(workspace, SAMPLE) }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector(`.tab[aria-label*="${SAMPLE}"], .tab[title*="${SAMPLE}"]`, { timeout: 60_000 });
    await page.waitForFunction(
      () => /(Warnings|Errors|Infos?): [1-9]/.test(document.getElementById('status.problems')?.innerHTML ?? ''),
      null,
      { timeout: 60_000 },
    );
    log('problems counted');
    // Problems panel: click the status bar's problems item (what a user does).
    await page.locator('[id="status.problems"] a, [id="status.problems"]').first().click();
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
    // Outline: expand its pane in the Explorer, and fold the file tree to give it the room.
    const outline = page.locator('.pane-header', { hasText: /^Outline|大纲/ }).first();
    if ((await outline.getAttribute('aria-expanded')) !== 'true') await outline.click();
    const files = page.locator('.pane-header', { hasText: path.basename(workspace) }).first();
    if ((await files.count()) && (await files.getAttribute('aria-expanded')) === 'true') await files.click();
    // Put the cursor in the editor and scroll a little, so squiggles and the Outline are in view.
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 200, y: 40 } });
    await page.waitForSelector('.monaco-editor .view-overlays [class*="squiggly-"]', { timeout: 30_000 });
    log('squiggles drawn');
    // Let the Outline populate if the extension provides one (no failure if it doesn't yet).
    await page
      .waitForSelector('.outline-pane .monaco-list-row, .pane-body .outline-tree .monaco-list-row', { timeout: 5_000 })
      .catch(() => log('the Outline is empty (no document symbols yet)'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    log(`saved ${path.relative(process.cwd(), out)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    const failed = out.replace(/\.png$/, '.failed.png');
    await page?.screenshot({ path: failed }).then(() => log(`saved ${failed} for a look`)).catch(() => {});
    throw err;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  log(`FAILED: ${err.stack || err.message}`);
  process.exit(1);
});
