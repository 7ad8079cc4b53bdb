// "Newsprint: Rewrite Page in Reading Order": one edit (one undo) replacing the document with the
// clean text the server builds, applied at once. (Sent to the refactor preview for confirmation, the
// edit showed there unticked, as VS Code shows every edit that needs confirmation, so its "Apply"
// applied nothing.)
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { commandDocument } from './largeFiles';
import { strings } from './strings';

/** The warnings shown about texts in no article put under the rewrite's `%% skip` (for NewsprintApi). */
export const rewriteWarnings: string[] = [];

/** `ready`: the language client, started if it was not yet. */
export function registerRewriteCommand(context: vscode.ExtensionContext, ready: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsprint.rewritePage', async (uri?: vscode.Uri) => {
      const doc = await commandDocument(context, uri);
      if (!doc) return false;
      // The page changed before or while the server rewrote it (a big page takes a while):
      // replacing the page with the rewrite of the text before would undo what was typed meanwhile.
      const changed = () => {
        void vscode.window.showWarningMessage(strings.changedWhileRewriting());
        return false;
      };
      let r: { text: string; version: number; skippedText?: string[] } | null;
      try {
        const client = await ready();
        r = await client.sendRequest<{ text: string; version: number; skippedText?: string[] } | null>('newsprint/rewrite', { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) }, version: doc.version });
      } catch (err) {
        if (err instanceof ResponseError && err.code === LSPErrorCodes.ContentModified) return changed();
        void vscode.window.showErrorMessage(strings.rewriteFailed(err instanceof Error ? err.message : String(err)));
        return false;
      }
      if (!r) {
        void vscode.window.showInformationMessage(strings.rewriteUnavailable());
        return false;
      }
      if (r.version !== doc.version) return changed();
      const current = doc.getText();
      if (r.text === current) {
        void vscode.window.showInformationMessage(strings.alreadyClean());
        return false;
      }
      const edit = new vscode.WorkspaceEdit();
      const all = new vscode.Range(doc.positionAt(0), doc.positionAt(current.length));
      edit.replace(doc.uri, all, r.text, { label: strings.rewriteLabel(), needsConfirmation: false });
      const applied = await vscode.workspace.applyEdit(edit);
      // Text in no article (reported until now) is under the rewrite's `%% skip`: no longer reported, left out of the export.
      const skipped = r.skippedText ?? [];
      if (applied && skipped.length) {
        const warning = strings.rewriteSkipped(skipped);
        rewriteWarnings.push(warning);
        void vscode.window.showWarningMessage(warning);
      }
      return applied;
    }),
  );
}
