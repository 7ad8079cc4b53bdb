// Every user-facing string of the client, in one place. vscode.l10n.t looks the English text up in
// l10n/bundle.l10n.<locale>.json (Chinese: bundle.l10n.zh-cn.json).
import * as vscode from 'vscode';
import { en, format, quotedList, zhCn } from '../../server/src/core/messages';
import { chineseMessages, joinSentences } from './locale';

/** Sentences as one message, spaced as the language they are in (see chineseMessages). */
export function sentences(...parts: string[]): string {
  return joinSentences(parts, chinese());
}

/** The client's messages are Chinese (see chineseMessages). */
function chinese(): boolean {
  return chineseMessages(vscode.env.language, vscode.l10n.bundle !== undefined);
}

/**
 * A message with counts: vscode.l10n.t has no plural forms (microsoft/vscode-l10n#133), so the
 * English is written with the server's plural blocks, `{0, plural, one {# file} other {# files}}`,
 * the text comes from vscode.l10n.t without args (which leaves it as it is), and the server's
 * format fills it, with the plural rules of the bundle's language (none loaded: English).
 */
function counted(text: string, ...args: (string | number)[]): string {
  return format(text, Object.fromEntries(args.entries()), vscode.l10n.bundle ? vscode.env.language : 'en');
}

export const strings = {
  noActiveEditor: () => vscode.l10n.t('Open a file first: there is no active editor.'),
  cannotOpen: (file: string, reason: string) => vscode.l10n.t('{0} cannot be opened: {1}', file, reason),
  serverRestarted: () => vscode.l10n.t('The Newsprint language server stopped unexpectedly and was restarted.'),
  serverGaveUp: () => vscode.l10n.t('The Newsprint language server keeps stopping; it will not be restarted. See the "Newsprint" output for details.'),
  exportNeedsFile: () => vscode.l10n.t('Export works on files saved on disk. Save this page dump to a file first.'),
  unsavedChanges: () => vscode.l10n.t('This page dump has unsaved changes. The export reads the file on disk.'),
  saveAndExport: () => vscode.l10n.t('Save and Export'),
  exportLabel: () => vscode.l10n.t('Export'),
  overwrite: () => vscode.l10n.t('Overwrite'),
  exportChangedOnly: () => vscode.l10n.t('Export Changed Folders Only'),
  upToDate: (n: number) => counted(vscode.l10n.t('{0, plural, one {# file was} other {# files were}} up to date and not exported again.'), n),
  overwriteQuestion: (n: number) => counted(vscode.l10n.t('{0, plural, one {# export file already exists. Overwrite it?} other {# export files already exist. Overwrite them?}}'), n),
  writeFailed: (file: string, reason: string) => vscode.l10n.t('Could not write {0}: {1}', file, reason),
  exportedOne: (articles: number, file: string) => counted(vscode.l10n.t('Exported {0, plural, one {# article} other {# articles}} to {1}.'), articles, file),
  noWorkspace: () => vscode.l10n.t('Open a folder first: the workspace export looks for page dumps in it.'),
  pickFolderToExport: () => vscode.l10n.t('Export the page dumps of which workspace folder?'),
  noPageDumps: (glob: string) => vscode.l10n.t('No page dumps match "{0}" in this workspace (setting newsprint.export.include).', glob),
  formatQuestion: () => vscode.l10n.t('Export the workspace as…'),
  formatJsonl: () => vscode.l10n.t('One JSON Lines file'),
  formatJsonlDetail: () => vscode.l10n.t('one article per line'),
  formatPerFile: () => vscode.l10n.t('One JSON file per page dump'),
  formatPerFileDetail: () => vscode.l10n.t('NAME.articles.json in a folder'),
  outsideWorkspace: (dir: string) => vscode.l10n.t('The export folder "{0}" (setting newsprint.export.outputDirectory) is outside the workspace. Choose a folder inside it, or clear the setting to pick one in a dialog.', dir),
  exporting: () => vscode.l10n.t('Exporting articles'),
  exportCancelled: (done: number, total: number) => counted(vscode.l10n.t('Export cancelled after {0} of {1, plural, one {# file} other {# files}}; nothing was written.'), done, total),
  exportCancelledKept: (done: number, total: number, written: number, target: string) =>
    counted(
      vscode.l10n.t(
        'Export cancelled after {0} of {1, plural, one {# file} other {# files}}. The {2, plural, one {# file} other {# files}} written in {3} {2, plural, one {is complete and stays} other {are complete and stay}}; export again to finish.',
      ),
      done,
      total,
      written,
      target,
    ),
  unsavedPages: (n: number) =>
    counted(vscode.l10n.t('{0, plural, one {# page dump has unsaved changes. The export reads the file on disk.} other {# page dumps have unsaved changes. The export reads the files on disk.}}'), n),
  exportSummary: (files: number, articles: number, problems: number, target: string) =>
    counted(
      vscode.l10n.t('Exported {0, plural, one {# article} other {# articles}} from {1, plural, one {# file} other {# files}} to {2} ({3, plural, one {# problem} other {# problems}} left in the text).'),
      articles,
      files,
      target,
      problems,
    ),
  exportFailed: (reason: string) => vscode.l10n.t('The export failed: {0}', reason),
  rewriteFailed: (reason: string) => vscode.l10n.t('Rewriting the page failed: {0}', reason),
  rewriteUnavailable: () => vscode.l10n.t('The language server does not have this page open yet; try again in a moment.'),
  exportStopped: (reason: string) => vscode.l10n.t('The export stopped ({0}). The files it wrote are complete; export again to finish.', reason),
  exportFailures: (n: number) => vscode.l10n.t('{0} failed.', n),
  exportNotUtf8: (n: number) =>
    counted(vscode.l10n.t('{0, plural, one {# file is not valid UTF-8 (its invalid bytes were exported as U+FFFD)} other {# files are not valid UTF-8 (their invalid bytes were exported as U+FFFD)}}.'), n),
  showDetails: () => vscode.l10n.t('Show Details'),
  orphanOutputs: (n: number, target: string) =>
    counted(
      vscode.l10n.t(
        '{0, plural, one {# export file} other {# export files}} in {1} {0, plural, one {has no page dump any more (a page or folder deleted or renamed). It was left as it is, and so were links to it.} other {have no page dump any more (a page or folder deleted or renamed). They were left as they are, and so were links to them.}}',
      ),
      n,
      target,
    ),
  showOrphans: () => vscode.l10n.t('Show in Output'),
  removeOrphans: () => vscode.l10n.t('Remove…'),
  removeOrphansQuestion: (n: number) =>
    counted(
      vscode.l10n.t(
        '{0, plural, one {Remove # export file that no page dump gives any more? If its folder still has page dumps, it is exported again so that no link points at the file; a folder left empty is removed.} other {Remove # export files that no page dump gives any more? Their folders that still have page dumps are exported again so that no link points at them; folders left empty are removed.}}',
      ),
      n,
    ),
  remove: () => vscode.l10n.t('Remove'),
  orphansRemoved: (n: number) => counted(vscode.l10n.t('Removed {0, plural, one {# export file} other {# export files}} that no page dump gives any more.'), n),
  changedWhileRewriting: () => vscode.l10n.t('The page changed while it was being rewritten, so it was left as it is. Run "Rewrite Page in Reading Order" again.'),
  alreadyClean: () => vscode.l10n.t('This page is already clean text in reading order: nothing to rewrite.'),
  rewriteSkipped: (texts: readonly string[]) =>
    counted(
      vscode.l10n.t(
        '{0, plural, one {# text in no article ({1}) is now under a %% skip the rewrite wrote, and the export leaves it out. Check it, and mark its role (e.g. %% body) if it belongs to an article.} other {# texts in no article ({1}) are now under a %% skip the rewrite wrote, and the export leaves them out. Check them, and mark their roles (e.g. %% body) where they belong to an article.}}',
      ),
      texts.length,
      quotedList(chinese() ? zhCn : en, texts),
    ),
  rewriteLabel: () => vscode.l10n.t('Rewrite page in reading order'),
  tooLargeForExtensions: (millions: number, limit: number) =>
    vscode.l10n.t(
      'This file has {0} million characters: VS Code gives extensions no file of more than {1} million, so Newsprint cannot check it in the editor (no setting raises that limit). Check it with the command line (newsprint lint, fix or export FILE), or split it at its page breaks.',
      millions,
      limit,
    ),
};
