// VS Code gives extensions no document of more than 50 × 2^20 UTF-16 units: such a file opens in
// the editor, but the language server never sees it, and Newsprint would stay silent on it. So
// the client watches the editor's tabs: a page dump open in a tab whose document it never got, and
// whose text is over that limit, gets a note on line 1 (a diagnostic of the client's own) that
// says so and what still works (the CLI). No setting raises the limit: it is VS Code's.
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './language';
import { whyNoEditor } from './noEditor';
import { strings } from './strings';
import { utf16Length } from './utf16';

/** VS Code's limit (its TextModel's sync limit): documents longer than this stay in the editor. */
export const SYNC_LIMIT = 50 * 1024 * 1024;

/** File names the pagedump language claims (`extensions`, from package.json), and those `files.associations` maps to it. */
function isPageDumpName(uri: vscode.Uri, extensions: readonly string[]): boolean {
  const name = path.posix.basename(uri.path);
  if (extensions.some((e) => name.endsWith(e))) return true;
  const associations = vscode.workspace.getConfiguration('files', uri).get<Record<string, string>>('associations') ?? {};
  // As VS Code reads them: a pattern with a slash matches the path, one without it the file name.
  return Object.entries(associations).some(([pattern, language]) => language === LANGUAGE_ID && minimatch(pattern.includes('/') ? uri.path : name, pattern, { dot: true, nocase: true }));
}

/** Units of the file's text, read only when its size leaves it in doubt (a unit takes 1 to 3 bytes). */
async function unitsOver(uri: vscode.Uri, limit: number): Promise<number | undefined> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size <= limit) return undefined;
  if (size > 3 * limit) return Math.ceil(size / 3);
  const units = utf16Length(await vscode.workspace.fs.readFile(uri));
  return units > limit ? units : undefined;
}

const isSynced = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

/** The file name endings the language claims, as package.json contributes them. */
function languageExtensions(context: vscode.ExtensionContext): string[] {
  const languages = (context.extension.packageJSON as { contributes?: { languages?: { id: string; extensions?: string[] }[] } }).contributes?.languages ?? [];
  return languages.find((l) => l.id === LANGUAGE_ID)?.extensions ?? [];
}

const tooLargeText = (units: number) => strings.tooLargeForExtensions(Math.floor(units / 1e6), Math.floor(SYNC_LIMIT / 1e6));

/**
 * What a command says when there is no active editor (see noEditor.ts): that the active tab's page
 * dump is too large for extensions, or to open a file. `anyName`: any text file will do ("Treat
 * File as Page Dump" is for files whose names are not a page dump's).
 */
export async function noEditorMessage(context: vscode.ExtensionContext, anyName = false): Promise<string> {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText ? input.uri : undefined;
  const extensions = languageExtensions(context);
  const why = await whyNoEditor(uri, (u) => anyName || isPageDumpName(u, extensions), (u) => unitsOver(u, SYNC_LIMIT));
  return why.kind === 'tooLarge' ? tooLargeText(why.units) : strings.noActiveEditor();
}

/**
 * The document a command works on: the file it was given (from the Explorer), else the active
 * editor's; undefined once the user is told why there is none. A file given that VS Code will not
 * open for extensions (over its limit, or unreadable) is said so, not left as an unhandled error.
 */
export async function commandDocument(context: vscode.ExtensionContext, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (!uri) {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) void vscode.window.showInformationMessage(await noEditorMessage(context));
    return doc;
  }
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch (err) {
    const units = await unitsOver(uri, SYNC_LIMIT).catch(() => undefined);
    void vscode.window.showErrorMessage(units !== undefined ? tooLargeText(units) : strings.cannotOpen(uri.fsPath || uri.toString(), err instanceof Error ? err.message : String(err)));
    return undefined;
  }
}

export function watchLargeFiles(context: vscode.ExtensionContext): void {
  const notes = vscode.languages.createDiagnosticCollection('newsprint-size');
  const checked = new Set<string>();
  const extensions = languageExtensions(context);

  const check = async (uri: vscode.Uri) => {
    const key = uri.toString();
    if (checked.has(key) || isSynced(uri) || !isPageDumpName(uri, extensions)) return;
    checked.add(key);
    try {
      const units = await unitsOver(uri, SYNC_LIMIT);
      if (units === undefined || isSynced(uri)) return;
      const note = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), tooLargeText(units), vscode.DiagnosticSeverity.Warning);
      note.source = 'newsprint';
      note.code = 'limit';
      notes.set(uri, [note]);
    } catch {
      checked.delete(key); // unreadable now (removed, no access): nothing to say
    }
  };
  const textTabs = (tabs: readonly vscode.Tab[]) => tabs.flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri] : []));
  const openTabs = () => textTabs(vscode.window.tabGroups.all.flatMap((g) => g.tabs));

  context.subscriptions.push(
    notes,
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const uri of textTabs(e.opened)) void check(uri);
      // A note goes with the file's last tab (opened again, it is checked again).
      const open = new Set(openTabs().map((u) => u.toString()));
      for (const uri of textTabs(e.closed)) {
        if (open.has(uri.toString())) continue;
        notes.delete(uri);
        checked.delete(uri.toString());
      }
    }),
  );
  for (const uri of openTabs()) void check(uri);
}
