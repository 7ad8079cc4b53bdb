// Every user-facing string of the client, in one place. vscode.l10n.t looks the English text up in
// l10n/bundle.l10n.<locale>.json (Chinese: bundle.l10n.zh-cn.json).
import * as vscode from 'vscode';

export const strings = {
  noActiveEditor: () => vscode.l10n.t('Open a file first: there is no active editor.'),
  serverRestarted: () => vscode.l10n.t('The Newsprint language server stopped unexpectedly and was restarted.'),
  serverGaveUp: () => vscode.l10n.t('The Newsprint language server keeps stopping; it will not be restarted. See the "Newsprint" output for details.'),
};
