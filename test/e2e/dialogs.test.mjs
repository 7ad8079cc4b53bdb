// The exports' dialogs, Quick Picks and progress notification, as a user meets them, in English
// and in Chinese. VS Code refuses modal dialogs while extension tests run ("DialogService: refused
// to show dialog in tests"), so the suite in test/e2e/suite gives the commands their answers as
// arguments. Here nothing is given: code-server serves the extension as installed (unpacked; no
// test runner, no smoke-test driver), and the browser runs the export commands from the Command
// Palette, reads each dialog and clicks its buttons (Cancel in the progress notification too),
// accepts the paths VS Code offers, and types in the editor, as a user would; the files on disk
// tell what each answer did.
// Run: node --test test/e2e/dialogs.test.mjs   (or npm run test:dialogs)
// One part: NEWSPRINT_DIALOGS=TEXT node --test test/e2e/dialogs.test.mjs runs the describes whose
// names include TEXT. (--test-name-pattern skips the other describes' tests, but Node 20 still runs
// their before() hooks, each starting a workbench.)
/* global document */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { ensureRuntime } from '../../scripts/runtime.mjs';
import { ensureBuilt, launchChromium, makeWorkspace, repoRoot, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';

const t0 = Date.now();
const step = (m) => process.stderr.write(`[dialogs.test] ${((Date.now() - t0) / 1000).toFixed(1)} s: ${m}\n`);
const TIMEOUT = 15_000;
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const only = process.env.NEWSPRINT_DIALOGS;
/** describe, or a skipped describe (nothing of it run) when NEWSPRINT_DIALOGS names another. */
const suite = (name, fn) => (only && !name.includes(only) ? describe(name, { skip: `NEWSPRINT_DIALOGS=${only}` }) : describe(name, fn));

/**
 * The extension's UI strings under `locale`: English, or its l10n bundle's; {0}… filled in, and the
 * plural blocks of the English (`{0, plural, one {# file} other {# files}}`: the branch for the count).
 */
function uiStrings(locale) {
  const bundle = locale === 'en' ? {} : JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', `bundle.l10n.${locale}.json`), 'utf8'));
  const text = (english) => {
    assert.ok(locale === 'en' || bundle[english], `a ${locale} string for ${JSON.stringify(english)}`);
    return bundle[english] ?? english;
  };
  const rules = new Intl.PluralRules(locale);
  /** The string in parts: texts, and at odd indices [k, its plural branches by selector (none: a {k})]. */
  const parts = (english) =>
    text(english)
      .split(/(\{\d+, plural,(?:\s*(?:=\d+|[a-z]+)\s*\{[^{}]*\})+\s*\}|\{\d+\})/)
      .map((part, i) => (i % 2 === 0 ? part : [Number(/\d+/.exec(part)[0]), part.includes(', plural,') ? new Map([...part.matchAll(/(=\d+|[a-z]+)\s*\{([^{}]*)\}/g)].map((m) => [m[1], m[2]])) : undefined]));
  const branch = (forms, n) => forms.get(`=${n}`) ?? forms.get(rules.select(n)) ?? forms.get('other');
  return {
    say: (english, ...args) =>
      parts(english)
        .map((p) => (typeof p === 'string' ? p : p[1] ? branch(p[1], args[p[0]]).replaceAll('#', String(args[p[0]])) : String(args[p[0]])))
        .join(''),
    /** A pattern of the string: the arguments given (undefined: any, in any plural form) in their places. */
    pattern: (english, ...args) =>
      new RegExp(
        parts(english)
          .map((p) => {
            if (typeof p === 'string') return escape(p);
            const [k, forms] = p;
            const any = args[k] === undefined;
            const value = any ? '.*' : escape(String(args[k]));
            if (!forms) return value;
            return `(?:${(any ? [...forms.values()] : [branch(forms, args[k])]).map((b) => escape(b).replaceAll('#', value)).join('|')})`;
          })
          .join(''),
      ),
  };
}

// The command palette and notification commands are VS Code's own (its language pack here is a
// stub: VS Code's strings stay English); the command's title is matched in English under either UI.
const EXPORT = 'Newsprint: Export Workspace Articles';

/**
 * Before the calling describe's tests: a code-server with the extension installed, on a workspace
 * of the sample pages plus `pages` (copies of the Chinese sample, by path) whose `include` the
 * workspace export exports (by default per page to out/: `settings`), and the browser on it with
 * `open` open; after them, all of it gone. `prepare(workspace)` adds files of its own before the
 * workbench opens. Returns the page and the steps a user takes, bound to it.
 */
function workbench(locale, { pages, include, open, prepare, settings = { 'newsprint.export.workspaceFormat': 'perFile', 'newsprint.export.outputDirectory': 'out' } }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `newsprint-dialogs-${locale}-`));
  const workspace = path.join(tmp, 'workspace');
  const w = { workspace, page: undefined };
  let server;
  let browser;

  before(async () => {
    const runtime = ensureRuntime();
    ensureBuilt({ log: step });
    makeWorkspace(workspace, {
      'files.autoSave': 'off', // VS Code in a browser saves after a delay by default
      'newsprint.export.include': include,
      ...settings,
    });
    const sample = fs.readFileSync(path.join(workspace, 'zh-daily-p1.txt'));
    for (const name of pages) {
      fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
      fs.writeFileSync(path.join(workspace, name), sample);
    }
    prepare?.(workspace);
    server = await startCodeServer(runtime, {
      scratch: path.join(tmp, 'code-server'),
      testDriver: false,
      installRepoExtension: true,
      locale: locale === 'en' ? undefined : locale,
    });
    browser = await launchChromium(runtime);
    w.page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await w.page.goto(workbenchUrl(server.url, { folder: workspace, openFile: path.join(workspace, open) }));
    // Activated: its language server's problems are counted.
    await w.page.waitForFunction(() => /Warnings: [1-9]/.test(document.getElementById('status.problems')?.innerHTML ?? ''), null, { timeout: 60_000 });
    // The language's name is the manifest's, translated (package.nls).
    const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`), 'utf8'));
    await w.page.waitForFunction((name) => document.getElementById('status.editor.mode')?.textContent?.trim() === name, nls['language.pageDump'], { timeout: TIMEOUT });
    step(`${locale}: workbench up, the extension active, the page a ${nls['language.pageDump']}`);
    // As in plain text, VS Code boxes no "ambiguous" or "invisible" character: on a Chinese page it
    // boxed full-width commas. (Its squiggles drawn, the editor has decorated the page.)
    await w.page.locator('.monaco-editor .view-overlays .squiggly-warning').first().waitFor({ timeout: TIMEOUT });
    assert.equal(await w.page.locator('.monaco-editor .unicode-highlight').count(), 0, 'no character boxed');
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (process.env.NEWSPRINT_KEEP) step(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  });

  // A failed step's screen, kept for whoever reads the failure.
  afterEach(async (t) => {
    if (!w.page || t.passed) return;
    const shot = path.join(os.tmpdir(), `newsprint-dialogs-${locale}-${Date.now()}.png`);
    await w.page.screenshot({ path: shot }).catch(() => {});
    step(`screen at the failure: ${shot}`);
  });

  /** Runs a command from the Command Palette by its title, as a user does. */
  w.runCommand = async (title) => {
    const page = w.page;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(`>${title}`);
    // The row the filter put first (focused) is the one Enter runs: wait until it is this command.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    // Run: the palette has closed (or become the command's own Quick Pick or path box).
    await page.waitForFunction(
      () => {
        const widget = document.querySelector('.quick-input-widget');
        return !widget || widget.offsetParent === null || !widget.querySelector('input')?.value.startsWith('>');
      },
      null,
      { timeout: TIMEOUT },
    );
  };

  /** The modal dialog now shown: what it says, its buttons, and a way to answer it. */
  w.dialog = async () => {
    const page = w.page;
    const box = page.locator('.monaco-dialog-box');
    await box.waitFor({ state: 'visible', timeout: TIMEOUT });
    // Without a detail, the dialog shows its message where a detail goes.
    const seen = await box.evaluate((el) => {
      const text = (sel) => el.querySelector(sel)?.textContent?.trim() ?? '';
      const [message, detail] = text('.dialog-message-text') ? [text('.dialog-message-text'), text('.dialog-message-detail')] : [text('.dialog-message-detail'), ''];
      return { message, detail, buttons: [...el.querySelectorAll('.dialog-buttons .monaco-button')].map((b) => b.textContent.trim()) };
    });
    return {
      ...seen,
      press: async (label) => {
        assert.ok(seen.buttons.includes(label), `a button ${label} in ${seen.buttons}`);
        await box.locator('.dialog-buttons .monaco-button', { hasText: label }).click();
        await box.waitFor({ state: 'hidden', timeout: TIMEOUT });
      },
      cancel: async () => {
        await page.keyboard.press('Escape');
        await box.waitFor({ state: 'hidden', timeout: TIMEOUT });
      },
    };
  };

  /**
   * The notification whose text matches `re`, read in the Notification Center (a toast is not
   * shown for every notification: one like an earlier one was not); then every notification is
   * cleared, so that the next export's is the only one. The center hides itself when its last
   * notification goes: opened while the export's progress was its only one, it closed when the
   * export ended, before the message came (2 full runs of 5 here). So it is opened again until the
   * message is in it, within TIMEOUT.
   */
  w.notification = async (re) => {
    const message = await w.showNotification(re);
    const text = (await message.textContent()).trim();
    await w.runCommand('Notifications: Clear All Notifications');
    await w.page.locator('.notifications-center .notification-list-item').first().waitFor({ state: 'hidden', timeout: TIMEOUT });
    return text;
  };
  /** Clicks the button `label` of the notification whose text matches `re` (in the Notification Center, as above). */
  w.pressInNotification = async (re, label) => {
    await w.showNotification(re);
    const item = w.page.locator('.notifications-center .notification-list-item', { hasText: re }).first();
    await item.locator('.monaco-button', { hasText: label }).first().click({ timeout: TIMEOUT });
  };
  /** The Notification Center opened (again, until within TIMEOUT) with the message matching `re` in it: its locator. */
  w.showNotification = async (re) => {
    const page = w.page;
    const message = page.locator('.notifications-center .notification-list-item-message', { hasText: re }).first();
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      await w.runCommand('Notifications: Show Notifications');
      const left = deadline - Date.now();
      const shown = await message.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(left, 3000)) }).then(
        () => true,
        (err) => {
          if (left <= 3000) throw err;
          return false;
        },
      );
      if (shown) break;
    }
    return message;
  };
  /**
   * Accepts the path VS Code's own save or folder dialog offers (in a browser: the Quick Input's
   * box), once it is `want`; done when the dialog has closed (it checks the path first).
   */
  w.acceptPath = async (want) => {
    const page = w.page;
    await page.waitForFunction((p) => document.querySelector('.quick-input-widget input')?.value === p, want, { timeout: TIMEOUT });
    await page.locator('.quick-input-widget input').press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  };
  /** Types `text` at the end of the open page, as a user does; done when its tab shows it unsaved. */
  w.typeAtEnd = async (text) => {
    await w.page.locator('.monaco-editor .view-lines').first().click();
    await w.page.keyboard.press('Control+End');
    await w.page.keyboard.type(text);
    await w.page.locator('.tab.dirty').first().waitFor({ timeout: TIMEOUT });
  };

  /** Presses `key` in the open page's editor. */
  w.pressInEditor = async (key) => {
    await w.page.locator('.monaco-editor .view-lines').first().click();
    await w.page.keyboard.press(key);
  };

  /** Ctrl+S in the editor; done when no tab shows unsaved changes. */
  w.save = async () => {
    await w.pressInEditor('Control+S');
    await w.page.locator('.tab.dirty').first().waitFor({ state: 'detached', timeout: TIMEOUT });
  };
  return w;
}

for (const locale of ['en', 'zh-cn']) {
  suite(`export dialogs (${locale})`, () => {
    const { say, pattern } = uiStrings(locale);
    const w = workbench(locale, { pages: ['issue/a/p1.txt', 'issue/b/p1.txt'], include: 'issue/**/*.txt', open: 'issue/a/p1.txt' });
    const { runCommand, dialog, notification } = w;
    const pageFile = (issue) => path.join(w.workspace, 'issue', issue, 'p1.txt');
    const outFile = (issue) => path.join(w.workspace, 'out', 'issue', issue, 'p1.articles.json');
    const exported = pattern('Exported {0, plural, one {# article} other {# articles}} from {1, plural, one {# file} other {# files}} to {2} ({3, plural, one {# problem} other {# problems}} left in the text).', undefined, 2);

    test('the first export asks nothing and writes a file per page', async () => {
      await runCommand(EXPORT);
      step(await notification(exported));
      for (const issue of ['a', 'b']) assert.equal(JSON.parse(fs.readFileSync(outFile(issue), 'utf8')).schema, 'newsprint.articles/1');
    });

    test('existing export files are listed in a dialog; Cancel keeps them as they are', async () => {
      for (const issue of ['a', 'b']) fs.writeFileSync(outFile(issue), 'kept\n');
      await runCommand(EXPORT);
      const d = await dialog();
      assert.equal(d.message, say('{0, plural, one {# export file already exists. Overwrite it?} other {# export files already exist. Overwrite them?}}', 2));
      for (const issue of ['a', 'b']) assert.ok(d.detail.includes(outFile(issue)), d.detail);
      for (const label of ['Overwrite', 'Export Changed Folders Only']) assert.ok(d.buttons.includes(say(label)), `${say(label)} in ${d.buttons}`);
      await d.cancel();
      // Cancelling shows nothing to wait for. Asked again: the server takes one export at a time,
      // so this second dialog shows only if the first answer started none (or once it has ended).
      await runCommand(EXPORT);
      await (await dialog()).cancel();
      for (const issue of ['a', 'b']) assert.equal(fs.readFileSync(outFile(issue), 'utf8'), 'kept\n');
    });

    test('Overwrite replaces them', async () => {
      await runCommand(EXPORT);
      await (await dialog()).press(say('Overwrite'));
      await notification(exported);
      for (const issue of ['a', 'b']) assert.equal(JSON.parse(fs.readFileSync(outFile(issue), 'utf8')).schema, 'newsprint.articles/1');
    });

    test('"Export Changed Folders Only" exports the folder whose page changed and leaves the other', async () => {
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(pageFile('b'), later, later);
      const kept = fs.statSync(outFile('a')).mtimeMs;
      await runCommand(EXPORT);
      await (await dialog()).press(say('Export Changed Folders Only'));
      step(await notification(pattern('{0, plural, one {# file was} other {# files were}} up to date and not exported again.', 1)));
      assert.equal(fs.statSync(outFile('a')).mtimeMs, kept, 'the folder up to date is not written again');
      assert.ok(fs.statSync(outFile('b')).mtimeMs > kept, 'the changed folder is');
    });

    test('"Export Changed Folders Only" says which export files a deleted folder left; "Remove…" asks, then removes them and the emptied folder', async () => {
      const c = path.join(w.workspace, 'issue', 'c');
      fs.mkdirSync(c);
      fs.copyFileSync(pageFile('b'), path.join(c, 'p1.txt'));
      await runCommand(EXPORT);
      await (await dialog()).press(say('Export Changed Folders Only'));
      await notification(pattern('Exported {0, plural, one {# article} other {# articles}} from {1, plural, one {# file} other {# files}} to {2} ({3, plural, one {# problem} other {# problems}} left in the text).'));
      const orphan = outFile('c');
      assert.ok(fs.existsSync(orphan), 'the new folder is exported');
      fs.rmSync(c, { recursive: true });

      await runCommand(EXPORT);
      await (await dialog()).press(say('Export Changed Folders Only'));
      const said = pattern('{0, plural, one {# export file} other {# export files}} in {1} {0, plural, one {has no page dump any more (a page or folder deleted or renamed). It was left as it is, and so were links to it.} other {have no page dump any more (a page or folder deleted or renamed). They were left as they are, and so were links to them.}}', 1, path.join(w.workspace, 'out'));
      await w.pressInNotification(said, say('Remove…'));
      const asked = await dialog();
      assert.equal(asked.message, say('{0, plural, one {Remove # export file that no page dump gives any more? If its folder still has page dumps, it is exported again so that no link points at the file; a folder left empty is removed.} other {Remove # export files that no page dump gives any more? Their folders that still have page dumps are exported again so that no link points at them; folders left empty are removed.}}', 1));
      assert.ok(asked.detail.includes(orphan), asked.detail);
      assert.ok(fs.existsSync(orphan), 'nothing removed before the answer');
      await asked.press(say('Remove'));
      step(await notification(pattern('Removed {0, plural, one {# export file} other {# export files}} that no page dump gives any more.', 1)));
      assert.ok(!fs.existsSync(path.dirname(orphan)), 'the export file and its emptied folder are removed');
      for (const issue of ['a', 'b']) assert.ok(fs.existsSync(outFile(issue)), `${issue} is kept`);
    });

    test('an unsaved page: Cancel exports nothing; "Save and Export" saves it and exports what was saved', async () => {
      await w.typeAtEnd('补记'); // the open page (a)
      const before = fs.readFileSync(outFile('a'), 'utf8');

      await runCommand(EXPORT);
      const asked = await dialog();
      assert.equal(asked.message, say('{0, plural, one {# page dump has unsaved changes. The export reads the file on disk.} other {# page dumps have unsaved changes. The export reads the files on disk.}}', 1));
      await asked.cancel();
      assert.equal(fs.readFileSync(outFile('a'), 'utf8'), before, 'nothing exported');
      assert.ok(!fs.readFileSync(pageFile('a'), 'utf8').includes('补记'), 'nothing saved');

      await runCommand(EXPORT);
      await (await dialog()).press(say('Save and Export'));
      // Saved, the page is newer than its export file: replacing the files is asked next.
      await (await dialog()).press(say('Overwrite'));
      await notification(exported);
      assert.ok(fs.readFileSync(pageFile('a'), 'utf8').includes('补记'), 'saved');
      assert.equal(JSON.parse(fs.readFileSync(outFile('a'), 'utf8')).source.sha256, sha256(pageFile('a')), 'the export read the saved page');
      assert.equal(await w.page.locator('.tab.dirty').count(), 0, 'no unsaved editor left');
    });

    test('one page, unsaved: "Save and Export" saves it, the save dialog offers NAME.articles.json beside it, Enter writes it', async () => {
      await w.typeAtEnd('又记');
      const target = path.join(path.dirname(pageFile('a')), 'p1.articles.json');
      assert.ok(!fs.existsSync(target));

      await runCommand('Newsprint: Export Articles to JSON');
      const asked = await dialog();
      assert.equal(asked.message, say('This page dump has unsaved changes. The export reads the file on disk.'));
      await asked.press(say('Save and Export'));
      // VS Code in a browser asks where to save in the Quick Input, the path typed in its box.
      await w.acceptPath(target);
      step(await notification(pattern('Exported {0, plural, one {# article} other {# articles}} to {1}.', undefined, target)));
      assert.ok(fs.readFileSync(pageFile('a'), 'utf8').includes('又记'), 'saved');
      assert.equal(JSON.parse(fs.readFileSync(target, 'utf8')).source.sha256, sha256(pageFile('a')), 'the export read the saved page');
    });
  });
}

suite('cancelling a workspace export (en)', () => {
  const { pattern } = uiStrings('en');
  // Enough pages that the export is still writing when its notification's Cancel is pressed.
  const FOLDERS = 60;
  const PER_FOLDER = 100;
  const TOTAL = FOLDERS * PER_FOLDER;
  const pages = [];
  for (let f = 0; f < FOLDERS; f++) for (let k = 0; k < PER_FOLDER; k++) pages.push(`archive/${String(f).padStart(2, '0')}/p${k}.txt`);
  const w = workbench('en', { pages, include: 'archive/**/*.txt', open: 'zh-daily-p1.txt' });
  const out = () => path.join(w.workspace, 'out');
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  test('Cancel in the progress notification stops it: what it wrote is complete, no temp is left, and exporting again finishes the rest', async () => {
    await w.runCommand(EXPORT);
    // Pressed once a third of the files are done, so that whole folders have been written (a
    // folder's pages wait for each other, to link their continuations).
    const toast = w.page.locator('.notification-toast', { hasText: 'Exporting articles' });
    await w.page.waitForFunction(
      (least) => [...document.querySelectorAll('.notification-toast')].some((t) => Number(/([\d,]+) of [\d,]+ files/.exec(t.textContent ?? '')?.[1].replace(/,/g, '') ?? 0) >= least),
      TOTAL / 3,
      { timeout: 60_000, polling: 'raf' },
    );
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click({ timeout: TIMEOUT });
    const said = await w.notification(/^Export cancelled after/);
    step(said);
    const m = /after (\d+) of (\d+) files?\. The (\d+) files? written/.exec(said);
    assert.ok(m, `some files were written before the cancel: ${said}`);
    const [done, total, written] = m.slice(1).map(Number);
    assert.equal(total, TOTAL);
    assert.ok(done < TOTAL, `cancelled before the end: ${said}`);
    const files = walk(out());
    assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), [], 'no temp file left');
    const outputs = files.filter((f) => f.endsWith('.articles.json'));
    assert.equal(outputs.length, written, `${outputs.length} files on disk, ${written} said written`);
    for (const f of outputs) assert.equal(JSON.parse(fs.readFileSync(f, 'utf8')).schema, 'newsprint.articles/1', f);

    await w.runCommand(EXPORT);
    await (await w.dialog()).press('Export Changed Folders Only');
    step(await w.notification(pattern('Exported {0, plural, one {# article} other {# articles}} from {1, plural, one {# file} other {# files}} to {2} ({3, plural, one {# problem} other {# problems}} left in the text).')));
    const all = walk(out());
    assert.equal(all.filter((f) => f.endsWith('.articles.json')).length, TOTAL, 'every page exported');
    assert.deepEqual(all.filter((f) => f.endsWith('.tmp')), []);
  });
});

suite('the default settings (en): a quick fix, the workspace export asking the format and then where, the rewrite', () => {
  const { pattern } = uiStrings('en');
  const w = workbench('en', { pages: ['issue/a/p1.txt', 'issue/b/p1.txt'], include: 'issue/**/*.txt', open: 'issue/a/p1.txt', settings: {} });
  const exported = pattern('Exported {0, plural, one {# article} other {# articles}} from {1, plural, one {# file} other {# files}} to {2} ({3, plural, one {# problem} other {# problems}} left in the text).', undefined, 2);

  /** Picks the Quick Pick row labelled `label` (the format), waiting for the list to show it. */
  async function pick(label) {
    const row = w.page.locator('.quick-input-list .monaco-list-row', { hasText: label });
    await row.waitFor({ timeout: TIMEOUT });
    await row.click();
  }

  test('a quick fix from the light bulb menu (Ctrl+.): the spaced line is joined and its warning goes', async () => {
    // The Problems count in the status bar (run in the page).
    const warnings = () => Number(/Warnings: (\d+)/.exec(document.getElementById('status.problems')?.innerHTML ?? '')?.[1] ?? -1);
    const before = await w.page.evaluate(warnings);
    await w.pressInEditor('Control+G'); // go to line 3: 心 的、关 注 您 所 关 注 的 ，努 力 把
    await w.page.keyboard.type('3');
    await w.page.keyboard.press('Enter');
    // Once the line box has closed and the editor has the keys again (focus comes back to it
    // after the box has gone: a key pressed in between went nowhere, 1 failure in a CI run).
    await w.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
    await w.page.waitForFunction(() => document.activeElement?.closest('.editor-instance .monaco-editor') != null, null, { timeout: TIMEOUT });
    // And once the light bulb shows the line's code actions are in (pressed while they were being
    // asked for, the menu did not open: 2 runs of 6).
    await w.page.locator('.editor-instance .monaco-editor .lightBulbWidget').waitFor({ timeout: TIMEOUT });
    // Even so the first press now and then opens nothing (no menu, no "no code actions" message:
    // VS Code did not take the key; 1 fresh-clone CI run of 3, 1 run of 4 here), so the key is
    // pressed again if the menu has not shown within a few seconds.
    const first = w.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Remove justification spaces' });
    for (let attempt = 1; ; attempt++) {
      await w.page.keyboard.press('Control+.');
      const shown = await first.waitFor({ timeout: attempt < 3 ? 5000 : TIMEOUT }).then(
        () => true,
        (err) => {
          if (attempt >= 3) throw err;
          return false;
        },
      );
      if (shown) break;
      step(`quick fix menu not shown after Ctrl+. (attempt ${attempt}); pressing it again`);
    }
    await w.page.keyboard.press('Enter');
    await w.page.waitForFunction(`(${warnings})() === ${before - 1}`, null, { timeout: TIMEOUT });
    await w.save();
    assert.equal(fs.readFileSync(path.join(w.workspace, 'issue', 'a', 'p1.txt'), 'utf8').split('\n')[2], '心的、关注您所关注的，努力把');
  });

  test('"One JSON Lines file": the save dialog offers articles.jsonl in the workspace; Enter writes one article a line', async () => {
    await w.runCommand(EXPORT);
    await w.page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.placeholder === 'Export the workspace as…', null, { timeout: TIMEOUT });
    await pick('One JSON Lines file');
    const target = path.join(w.workspace, 'articles.jsonl');
    await w.acceptPath(target);
    step(await w.notification(exported));
    const lines = fs.readFileSync(target, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.ok(lines.length >= 2 && lines.every((l) => l.schema === 'newsprint.articles/1' && l.article), `${lines.length} lines`);
  });

  test('"Rewrite Page in Reading Order" from the palette rewrites the page at once; Ctrl+Z takes it back; Ctrl+S saves it', async () => {
    const file = path.join(w.workspace, 'issue', 'a', 'p1.txt');
    const before = fs.readFileSync(file, 'utf8');
    const dirty = w.page.locator('.tab.dirty').first();

    await w.runCommand('Newsprint: Rewrite Page in Reading Order');
    await dirty.waitFor({ timeout: TIMEOUT });
    await w.pressInEditor('Control+Z');
    await dirty.waitFor({ state: 'detached', timeout: TIMEOUT }); // back to the saved text

    await w.runCommand('Newsprint: Rewrite Page in Reading Order');
    await dirty.waitFor({ timeout: TIMEOUT });
    await w.save();
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.includes('心的、关注您所关注的'), 'clean text: the spaced glyphs joined');
    assert.ok(after.split('\n').length < before.split('\n').length / 2, `one paragraph a line: ${after.split('\n').length} lines, were ${before.split('\n').length}`);
  });

  test('"One JSON file per page dump": the folder dialog offers the workspace; Enter writes NAME.articles.json beside each page', async () => {
    await w.runCommand(EXPORT);
    await pick('One JSON file per page dump');
    await w.acceptPath(`${w.workspace}/`);
    step(await w.notification(exported));
    for (const issue of ['a', 'b']) {
      const doc = JSON.parse(fs.readFileSync(path.join(w.workspace, 'issue', issue, 'p1.articles.json'), 'utf8'));
      assert.equal(doc.source.path, `issue/${issue}/p1.txt`);
    }
  });
});

suite('a page dump too large for extensions (en): the commands of the current page say so, not "open a file"', () => {
  const { pattern } = uiStrings('en');
  // VS Code's limit: a longer file opens in the editor, but extensions get no document of it.
  const LIMIT = 50 * 1024 * 1024;
  const NAME = 'too-large.txt';
  let units;
  const w = workbench('en', {
    pages: [],
    include: '**/*.txt',
    open: 'zh-daily-p1.txt',
    // Copies of the English sample page, form feeds between them, until over the limit (as
    // h.bigDumpInWorkspace makes it in the extension tests), written once before the workbench opens.
    prepare: (workspace) => {
      const page = fs.readFileSync(path.join(workspace, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8');
      const text = Array(Math.ceil((LIMIT + 1_000_000) / (page.length + 1))).fill(page).join('\f');
      units = text.length;
      fs.writeFileSync(path.join(workspace, NAME), text);
    },
    // A browser's VS Code first asks before showing a remote file over 10 MB ("Open Anyway");
    // the desktop's asks from 1 GB. Raised here to open it as the desktop does.
    settings: { 'workbench.editorLargeFileConfirmation': 1024 },
  });
  // As the client fills it: millions of UTF-16 units, and the limit in millions.
  const tooLarge = () => pattern('This file has {0} million characters: VS Code gives extensions no file of more than {1} million, so Newsprint cannot check it in the editor (no setting raises that limit). Check it with the command line (newsprint lint, fix or export FILE), or split it at its page breaks.', Math.floor(units / 1e6), Math.floor(LIMIT / 1e6));
  const noEditor = pattern('Open a file first: there is no active editor.');
  /** The notification the command gave: the too-large text or "open a file" (asserted the former). */
  const said = async () => {
    const text = await w.notification(new RegExp(`${tooLarge().source}|${noEditor.source}`));
    step(text);
    assert.match(text, tooLarge());
  };

  before(async () => {
    assert.ok(units > LIMIT, `${units} units`);
    // Opened from Quick Open (the palette, its ">" deleted), as a user does.
    await w.page.keyboard.press('F1');
    const input = w.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(NAME);
    await w.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: NAME }).waitFor({ timeout: TIMEOUT });
    await w.page.keyboard.press('Enter');
    // Shown: its tab active and its first line (the English page's) in the editor.
    await w.page.locator('.tab.active', { hasText: NAME }).waitFor({ timeout: TIMEOUT });
    await w.page.waitForFunction(() => [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines')].some((el) => el.offsetParent !== null && el.textContent.includes('LXIII----N')), null, { timeout: 60_000 });
    step(`${NAME} open: ${units} UTF-16 units`);
  });

  test('"Rewrite Page in Reading Order" from the palette', async () => {
    await w.runCommand('Newsprint: Rewrite Page in Reading Order');
    await said();
  });

  // (Not "Treat File as Page Dump": the palette offers it only for a file that is no page dump.)
  test('"Export Articles to JSON" from the palette', async () => {
    await w.runCommand('Newsprint: Export Articles to JSON');
    await said();
  });
});
