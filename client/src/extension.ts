// The VS Code side of Newsprint: starts the language server, registers commands. Kept thin: every
// analysis lives in the server's pure core.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerExportCommands } from './export';
import { registerRewriteCommand } from './rewrite';
import { strings } from './strings';

export const LANGUAGE_ID = 'pagedump';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('Newsprint');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
      { language: LANGUAGE_ID, scheme: 'vscode-remote' },
    ],
    outputChannel: output,
    errorHandler: restartingErrorHandler(),
    initializationOptions: {},
  };
  client = new LanguageClient('newsprint', 'Newsprint', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('newsprint.treatAsPageDump', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(strings.noActiveEditor());
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
  );

  registerExportCommands(context, client, output);
  registerRewriteCommand(context, client);

  await client.start();
}

/** Restart the server when it dies, and tell the user once per session rather than on every crash. */
function restartingErrorHandler(): ErrorHandler {
  let told = false;
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && now - restarts[0] > 3 * 60_000) restarts.shift();
      if (restarts.length > 5) {
        void vscode.window.showErrorMessage(strings.serverGaveUp());
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage(strings.serverRestarted());
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
