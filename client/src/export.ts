// Export commands: the active page dump to one JSON file, or every page dump in the workspace to
// JSON Lines or one JSON file per page. The server reads and exports (same code as the CLI). For
// one page this side asks where and writes atomically; for the workspace it asks where and shows
// the server's progress, and the server writes each page as it is done (newsprint/exportBatch),
// replacing only the existing files the user agreed to.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import type { ExportBatchParams, ExportBatchResult, ExportFileResult } from '../../server/src/lsp/exportRequests';
import { commandDocument } from './largeFiles';
import { sentences, strings } from './strings';

type Format = 'jsonl' | 'perFile';

const config = (uri?: vscode.Uri) => vscode.workspace.getConfiguration('newsprint.export', uri);

function rootOf(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
}

/** Writes through a temp file and a rename, so the target is never half-written. */
async function writeAtomic(target: vscode.Uri, text: string): Promise<void> {
  const tmp = target.with({ path: path.posix.join(path.posix.dirname(target.path), `.${path.posix.basename(target.path)}.${Date.now().toString(36)}.tmp`) });
  await vscode.workspace.fs.writeFile(tmp, Buffer.from(text, 'utf8'));
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (err) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw err;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function confirmOverwrite(existing: vscode.Uri[]): Promise<boolean> {
  return existing.length === 0 || (await askAboutExisting(existing, false)) === 'overwrite';
}

/** Existing export files: overwrite them, or (per page) export only the folders that changed since. */
async function askAboutExisting(existing: vscode.Uri[], canUpdate: boolean): Promise<'overwrite' | 'update' | undefined> {
  const overwrite = strings.overwrite();
  const update = strings.exportChangedOnly();
  const detail = firstOf(existing.map((u) => u.fsPath));
  const pick = await vscode.window.showWarningMessage(strings.overwriteQuestion(existing.length), { modal: true, detail }, overwrite, ...(canUpdate ? [update] : []));
  return pick === overwrite ? 'overwrite' : pick === update ? 'update' : undefined;
}

/** The first ten paths, a line each, for a dialog's detail. */
function firstOf(paths: readonly string[]): string {
  return paths.slice(0, 10).join('\n') + (paths.length > 10 ? '\n…' : '');
}

/**
 * A folder named in settings must stay inside the workspace: no `..` and no link out of it.
 * Folders the user picks in a dialog are theirs to choose and are not checked.
 */
export async function settingsFolderInside(folder: vscode.WorkspaceFolder, relative: string): Promise<vscode.Uri | undefined> {
  const fs = await import('node:fs');
  const root = fs.realpathSync.native(folder.uri.fsPath);
  const target = path.resolve(root, relative);
  let probe = target;
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  const real = path.join(fs.realpathSync.native(probe), path.relative(probe, target));
  const rel = path.relative(root, real);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return vscode.Uri.file(real);
}

/** `ready`: the language client, started if it was not yet (it is, once the export gets that far). */
export function registerExportCommands(context: vscode.ExtensionContext, ready: () => Promise<LanguageClient>, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsprint.exportArticles', (uri?: vscode.Uri, target?: vscode.Uri) => exportOne(context, ready, uri, target)),
    vscode.commands.registerCommand('newsprint.exportWorkspaceArticles', (opts?: WorkspaceExportOptions) =>
      exportWorkspace(ready, output, opts ?? {}),
    ),
  );
}

/** Returns the URI written (or of the untitled editor), for callers and tests. */
async function exportOne(context: vscode.ExtensionContext, ready: () => Promise<LanguageClient>, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const doc = await commandDocument(context, uri);
  if (!doc) return undefined;
  if (doc.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(strings.exportNeedsFile());
    return undefined;
  }
  if (doc.isDirty) {
    const save = strings.saveAndExport();
    if ((await vscode.window.showWarningMessage(strings.unsavedChanges(), { modal: true }, save)) !== save) return undefined;
    if (!(await doc.save())) return undefined;
  }
  let result: ExportFileResult;
  try {
    const client = await ready();
    result = await client.sendRequest<ExportFileResult>('newsprint/exportFile', { file: doc.uri.fsPath, root: rootOf(doc.uri) });
  } catch (err) {
    // The server stopped or is restarting: said in the user's language, not as a command error.
    void vscode.window.showErrorMessage(strings.exportFailed(err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const json = result.json;
  if (!target && config(doc.uri).get<string>('destination') === 'untitled') {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: json }));
    if (result.warning) void vscode.window.showWarningMessage(result.warning);
    return editor.document.uri;
  }
  let dest = target;
  if (!dest) {
    dest = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(path.dirname(doc.uri.fsPath), result.name)),
      filters: { JSON: ['json'] },
      saveLabel: strings.exportLabel(),
    });
    if (!dest) return undefined; // the save dialog has already confirmed any overwrite
  } else if ((await exists(dest)) && !(await confirmOverwrite([dest]))) {
    return undefined;
  }
  try {
    await writeAtomic(dest, json);
  } catch (err) {
    void vscode.window.showErrorMessage(strings.writeFailed(dest.fsPath, String(err)));
    return undefined;
  }
  if (result.warning) void vscode.window.showWarningMessage(sentences(strings.exportedOne(result.articles, dest.fsPath), result.warning));
  else void vscode.window.showInformationMessage(strings.exportedOne(result.articles, dest.fsPath));
  return dest;
}

type BatchParams = Omit<ExportBatchParams, 'workDoneToken'>;

/** One newsprint/exportBatch request, its work done progress shown in a cancellable notification. */
function runBatch(client: LanguageClient, params: BatchParams): Thenable<ExportBatchResult> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: strings.exporting(), cancellable: true }, async (progress, token) => {
    const workDoneToken = `newsprint.export.${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
    let shown = 0;
    const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
      if (v.kind === 'end') return;
      const percentage = v.percentage ?? shown;
      progress.report({ increment: percentage - shown, message: v.message });
      shown = percentage;
    });
    try {
      return await client.sendRequest<ExportBatchResult>('newsprint/exportBatch', { ...params, workDoneToken }, token);
    } finally {
      sub.dispose();
    }
  });
}

export interface WorkspaceExportSummary {
  files: number;
  articles: number;
  problems: number;
  failures: { file: string; message: string }[];
  /** Files exported that are not valid UTF-8. */
  warnings: { file: string; message: string }[];
  written: string[];
  /** update: files whose folder was up to date, not exported again. */
  skipped: number;
  /** update: outputs no page gives any more, left as they are (the user is asked about them), and those removed. */
  orphans: string[];
  pruned: string[];
  cancelled: boolean;
}

/**
 * What the command may be given (tests; keybindings): `update` exports only the folders that
 * changed (per page); `folder`, the workspace folder to export (else the only one, or the one the
 * user picks).
 */
interface WorkspaceExportOptions {
  folder?: vscode.Uri;
  format?: Format;
  target?: vscode.Uri;
  overwrite?: boolean;
  update?: boolean;
}

/**
 * The workspace folder to export: the one given, the only one, or the one the user picks. A
 * multi-root workspace is exported a folder at a time: each page's `source.path` and output name
 * are relative to its folder, and other folders' pages would have had absolute paths and flat names.
 */
async function folderToExport(given: vscode.Uri | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (given) return folders.find((f) => f.uri.toString() === given.toString());
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: strings.pickFolderToExport() });
}

async function exportWorkspace(ready: () => Promise<LanguageClient>, output: vscode.OutputChannel, opts: WorkspaceExportOptions): Promise<WorkspaceExportSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(strings.noWorkspace());
    return undefined;
  }
  const folder = await folderToExport(opts.folder);
  if (!folder) return undefined;
  const cfg = config(folder.uri);
  // (The server puts them in the order `newsprint export` walks a folder in.)
  const include = new vscode.RelativePattern(folder, cfg.get<string>('include') ?? '**/*.{pagedump,page.txt}');
  const files = (await vscode.workspace.findFiles(include, cfg.get<string>('exclude') || undefined)).filter((u) => u.scheme === 'file');
  if (files.length === 0) {
    void vscode.window.showInformationMessage(strings.noPageDumps(cfg.get<string>('include') ?? ''));
    return undefined;
  }

  let format = opts.format ?? (cfg.get<string>('workspaceFormat') as Format | 'ask' | undefined);
  if (!format || format === ('ask' as string)) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: strings.formatJsonl(), description: strings.formatJsonlDetail(), format: 'jsonl' as Format },
        { label: strings.formatPerFile(), description: strings.formatPerFileDetail(), format: 'perFile' as Format },
      ],
      { placeHolder: strings.formatQuestion() },
    );
    if (!pick) return undefined;
    format = pick.format;
  }

  let target = opts.target;
  if (!target) {
    const configured = cfg.get<string>('outputDirectory');
    if (configured) {
      const dir = await settingsFolderInside(folder, configured);
      if (!dir) {
        void vscode.window.showErrorMessage(strings.outsideWorkspace(configured));
        return undefined;
      }
      target = format === 'jsonl' ? vscode.Uri.joinPath(dir, 'articles.jsonl') : dir;
    } else if (format === 'jsonl') {
      target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder.uri, 'articles.jsonl'), filters: { 'JSON Lines': ['jsonl'] }, saveLabel: strings.exportLabel() });
    } else {
      target = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: folder.uri, openLabel: strings.exportLabel() }))?.[0];
    }
    if (!target) return undefined;
  }

  // The export reads the files on disk: unsaved changes are saved first, if the user agrees.
  const listed = new Set(files.map((f) => f.toString()));
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && listed.has(d.uri.toString()));
  if (dirty.length) {
    const save = strings.saveAndExport();
    if ((await vscode.window.showWarningMessage(strings.unsavedPages(dirty.length), { modal: true }, save)) !== save) return undefined;
    for (const d of dirty) if (!(await d.save())) return undefined;
  }

  // The server exports and writes, page by page (see newsprint/exportBatch); it first says which
  // targets exist, and replaces only those the user agrees to.
  const params: BatchParams = { files: files.map((f) => f.fsPath), root: folder.uri.fsPath, target: target.fsPath, format: format === 'jsonl' ? 'jsonl' : 'json' };
  let overwrite: string[] | true | undefined = opts.overwrite ? true : undefined;
  let update = !!opts.update && format !== 'jsonl';
  const client = await ready();
  let result: ExportBatchResult;
  for (;;) {
    try {
      result = await runBatch(client, { ...params, overwrite, update });
    } catch (err) {
      // The server stopped (or failed) mid-way: what it wrote is complete, each file atomically.
      void vscode.window.showErrorMessage(strings.exportStopped(err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    if (result.kind !== 'existing') break;
    const choice = await askAboutExisting(result.existing.map((f) => vscode.Uri.file(f)), format !== 'jsonl');
    if (!choice) return undefined;
    if (choice === 'update') update = true;
    else overwrite = [...(overwrite === true ? [] : (overwrite ?? [])), ...result.existing];
  }
  if (result.kind === 'refused') {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  return summarize(client, output, params, result, files.length);
}

/** What the user hears of an export that ran (`total`: the files listed); with update, of the outputs no page gives any more too. */
function summarize(client: LanguageClient, output: vscode.OutputChannel, params: BatchParams, result: Extract<ExportBatchResult, { kind: 'done' }>, total: number): WorkspaceExportSummary {
  const { files: exported, articles, problems, failures, warnings, written, skipped, orphans, pruned, cancelled } = result;
  const summary: WorkspaceExportSummary = { files: exported, articles, problems, failures, warnings, written, skipped, orphans, pruned, cancelled };
  if (result.cancelled) {
    const done = result.files + result.failures.length;
    void vscode.window.showWarningMessage(
      result.written.length ? strings.exportCancelledKept(done, total, result.written.length, params.target) : strings.exportCancelled(done, total),
    );
    return summary;
  }

  const message = sentences(
    strings.exportSummary(summary.files, summary.articles, summary.problems, params.target),
    skipped ? strings.upToDate(skipped) : '',
    pruned.length ? strings.orphansRemoved(pruned.length) : '',
  );
  const notes = [...summary.failures, ...summary.warnings];
  if (notes.length) {
    output.appendLine(message);
    for (const f of notes) output.appendLine(`  ${f.message}`);
    const show = strings.showDetails();
    const said = sentences(summary.failures.length ? strings.exportFailures(summary.failures.length) : '', summary.warnings.length ? strings.exportNotUtf8(summary.warnings.length) : '');
    void vscode.window.showWarningMessage(sentences(message, said), show).then((p) => {
      if (p === show) output.show();
    });
  } else {
    void vscode.window.showInformationMessage(message);
  }
  if (orphans.length) void offerPrune(client, output, params, orphans, total);
  return summary;
}

/**
 * Outputs that no page gives any more (found by an update): said, listed in the output on request,
 * and removed only once the user agrees in a modal dialog, by the server (as `--prune`: only those
 * listed, and only if they still are orphans; their folders are exported again).
 */
async function offerPrune(client: LanguageClient, output: vscode.OutputChannel, params: BatchParams, orphans: string[], total: number): Promise<void> {
  const said = strings.orphanOutputs(orphans.length, params.target);
  const show = strings.showOrphans();
  const remove = strings.removeOrphans();
  let pick = await vscode.window.showWarningMessage(said, show, remove);
  if (pick === show) {
    output.appendLine(said);
    for (const f of orphans) output.appendLine(`  ${f}`);
    output.show(true);
    // (a notification goes once a button is clicked: it comes back, to remove them after a look)
    pick = await vscode.window.showWarningMessage(said, remove);
  }
  if (pick !== remove) return;
  const yes = strings.remove();
  if ((await vscode.window.showWarningMessage(strings.removeOrphansQuestion(orphans.length), { modal: true, detail: firstOf(orphans) }, yes)) !== yes) return;
  let result: ExportBatchResult;
  try {
    result = await runBatch(client, { ...params, update: true, prune: orphans });
  } catch (err) {
    void vscode.window.showErrorMessage(strings.exportStopped(err instanceof Error ? err.message : String(err)));
    return;
  }
  if (result.kind === 'done') summarize(client, output, params, result, total);
  else if (result.kind === 'refused') void vscode.window.showErrorMessage(result.message);
}
