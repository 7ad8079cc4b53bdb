// Export commands: the active page dump to one JSON file, or every page dump in the workspace to
// JSON Lines or one JSON file per page. The server reads and exports (same code as the CLI); this
// side asks where, shows progress, and writes atomically without overwriting unasked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { strings } from './strings';

interface ArticlesDocument {
  source: { path: string };
  articles: unknown[];
  diagnostics: Record<string, number>;
}
type ExportFileResult = { ok: true; doc: ArticlesDocument } | { ok: false; message: string };
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
  if (existing.length === 0) return true;
  const overwrite = strings.overwrite();
  const detail = existing.slice(0, 10).map((u) => u.fsPath).join('\n') + (existing.length > 10 ? '\n…' : '');
  const pick = await vscode.window.showWarningMessage(strings.overwriteQuestion(existing.length), { modal: true, detail }, overwrite);
  return pick === overwrite;
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
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return vscode.Uri.file(real);
}

export function registerExportCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsprint.exportArticles', (uri?: vscode.Uri, target?: vscode.Uri) => exportOne(client, uri, target)),
    vscode.commands.registerCommand('newsprint.exportWorkspaceArticles', (opts?: { format?: Format; target?: vscode.Uri; overwrite?: boolean }) =>
      exportWorkspace(client, output, opts ?? {}),
    ),
  );
}

/** Returns the URI written (or of the untitled editor), for callers and tests. */
async function exportOne(client: LanguageClient, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage(strings.noActiveEditor());
    return undefined;
  }
  if (doc.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(strings.exportNeedsFile());
    return undefined;
  }
  if (doc.isDirty) {
    const save = strings.saveAndExport();
    if ((await vscode.window.showWarningMessage(strings.unsavedChanges(), { modal: true }, save)) !== save) return undefined;
    if (!(await doc.save())) return undefined;
  }
  const result = await client.sendRequest<ExportFileResult>('newsprint/exportFile', { file: doc.uri.fsPath, root: rootOf(doc.uri) });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const { outputs } = await client.sendRequest<{ outputs: string[] }>('newsprint/serialize', { docs: [result.doc], format: 'json' });
  const json = outputs[0];
  if (!target && config(doc.uri).get<string>('destination') === 'untitled') {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: json }));
    return editor.document.uri;
  }
  const stem = path.basename(doc.uri.fsPath).replace(/(\.page)?\.(txt|pagedump)$/i, '');
  let dest = target;
  if (!dest) {
    dest = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(path.dirname(doc.uri.fsPath), `${stem}.articles.json`)),
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
  void vscode.window.showInformationMessage(strings.exportedOne(result.doc.articles.length, dest.fsPath));
  return dest;
}

export interface WorkspaceExportSummary {
  files: number;
  articles: number;
  problems: number;
  failures: { file: string; message: string }[];
  written: string[];
  cancelled: boolean;
}

async function exportWorkspace(client: LanguageClient, output: vscode.OutputChannel, opts: { format?: Format; target?: vscode.Uri; overwrite?: boolean }): Promise<WorkspaceExportSummary | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(strings.noWorkspace());
    return undefined;
  }
  const cfg = config(folder.uri);
  const files = (await vscode.workspace.findFiles(cfg.get<string>('include') ?? '**/*.{pagedump,page.txt}', cfg.get<string>('exclude') || undefined))
    .filter((u) => u.scheme === 'file')
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
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

  const summary: WorkspaceExportSummary = { files: 0, articles: 0, problems: 0, failures: [], written: [], cancelled: false };
  const docs: ArticlesDocument[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: strings.exporting(), cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < files.length; i++) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          return;
        }
        const f = files[i];
        progress.report({ increment: 100 / files.length, message: `${vscode.workspace.asRelativePath(f)} (${i + 1}/${files.length})` });
        const r = await client.sendRequest<ExportFileResult>('newsprint/exportFile', { file: f.fsPath, root: folder.uri.fsPath });
        if (r.ok) docs.push(r.doc);
        else summary.failures.push({ file: f.fsPath, message: r.message });
      }
    },
  );
  if (summary.cancelled) {
    void vscode.window.showWarningMessage(strings.exportCancelled(docs.length + summary.failures.length, files.length));
    return summary;
  }

  // Per page, the server names the files as the CLI does: the page's path in the workspace kept.
  const { outputs, names } = await client.sendRequest<{ outputs: string[]; names: string[] }>('newsprint/serialize', { docs, format: format === 'jsonl' ? 'jsonl' : 'json' });
  const plan: { uri: vscode.Uri; text: string }[] =
    format === 'jsonl' ? [{ uri: target, text: outputs[0] }] : docs.map((_, k) => ({ uri: vscode.Uri.joinPath(target!, ...names[k].split('/')), text: outputs[k] }));
  const existing: vscode.Uri[] = [];
  for (const p of plan) if (await exists(p.uri)) existing.push(p.uri);
  if (!opts.overwrite && !(await confirmOverwrite(existing))) return undefined;
  if (format !== 'jsonl') await vscode.workspace.fs.createDirectory(target);
  for (const p of plan) {
    try {
      await writeAtomic(p.uri, p.text);
      summary.written.push(p.uri.fsPath);
    } catch (err) {
      summary.failures.push({ file: p.uri.fsPath, message: strings.writeFailed(p.uri.fsPath, String(err)) });
    }
  }
  summary.files = docs.length;
  summary.articles = docs.reduce((n, d) => n + d.articles.length, 0);
  summary.problems = docs.reduce((n, d) => n + Object.values(d.diagnostics).reduce((a, b) => a + b, 0), 0);

  const message = strings.exportSummary(summary.files, summary.articles, summary.problems, target.fsPath);
  if (summary.failures.length) {
    output.appendLine(message);
    for (const f of summary.failures) output.appendLine(`  ${f.message}`);
    const show = strings.showDetails();
    void vscode.window.showWarningMessage(`${message} ${strings.exportFailures(summary.failures.length)}`, show).then((p) => {
      if (p === show) output.show();
    });
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return summary;
}
