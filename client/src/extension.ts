// The VS Code side of Newsprint: starts the language server, registers commands. Kept thin: every
// analysis lives in the server's pure core.
//
// The extension activates once the window has started (as well as on a page dump), so that a page
// dump too large for extensions, which never raises onLanguage, still gets its note on line 1. The
// server starts only when a page dump is open or a command needs it: no process for windows
// without page dumps.
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
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/launch';
import { registerExportCommands } from './export';
import { LANGUAGE_ID } from './language';
import { noEditorMessage, watchLargeFiles } from './largeFiles';
import { registerRewriteCommand, rewriteWarnings } from './rewrite';
import { strings } from './strings';

let client: LanguageClient | undefined;

/** What the extension exports (vscode.extensions.getExtension(...).exports): counters for tests and tools. */
export interface NewsprintApi {
  /** How many times the language server stopped unexpectedly and was restarted. */
  serverRestarts(): number;
  /** How many times the user was told about it (once per session). */
  restartNotices(): number;
  /** Whether the language server was started (it waits for a page dump or a command). */
  serverStarted(): boolean;
  /** The warnings the rewrite gave about texts in no article it put under its `%% skip`, in order. */
  rewriteWarnings(): string[];
}

const restarts = { count: 0, notices: 0 };

export async function activate(context: vscode.ExtensionContext): Promise<NewsprintApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('Newsprint');
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    // Any scheme: the server needs only the text (a virtual workspace's files, untitled editors).
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    errorHandler: restartingErrorHandler(output),
    initializationOptions: {},
  };
  const languageClient = new LanguageClient('newsprint', 'Newsprint', serverOptions, clientOptions);
  client = languageClient;
  // Started once: after the error handler gives up, opening another page dump does not restart it.
  let starting: Promise<void> | undefined;
  const ready = async (): Promise<LanguageClient> => {
    await (starting ??= languageClient.start());
    return languageClient;
  };
  const startOn = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) void ready().catch((err: unknown) => output.appendLine(String(err)));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('newsprint.treatAsPageDump', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(await noEditorMessage(context, true));
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
  );

  registerExportCommands(context, ready, output);
  registerRewriteCommand(context, ready);
  watchLargeFiles(context);

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startOn));
  vscode.workspace.textDocuments.forEach(startOn);
  if (starting) await starting;
  return { serverRestarts: () => restarts.count, restartNotices: () => restarts.notices, serverStarted: () => starting !== undefined, rewriteWarnings: () => [...rewriteWarnings] };
}

/** Restart the server when it dies, and tell the user once per session rather than on every crash. */
function restartingErrorHandler(output: vscode.OutputChannel): ErrorHandler {
  const recent: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      recent.push(now);
      while (recent.length && now - recent[0] > 3 * 60_000) recent.shift();
      if (recent.length > 5) {
        const show = strings.showDetails();
        void vscode.window.showErrorMessage(strings.serverGaveUp(), show).then((p) => p === show && output.show());
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      restarts.count++;
      if (restarts.notices === 0) {
        restarts.notices++;
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
