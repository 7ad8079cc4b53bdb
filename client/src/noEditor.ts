// Why a command found no text editor. VS Code gives extensions no document of a file over its
// sync limit (microsoft/vscode#58290): the file's tab is open and active, and `editorLangId` still
// shows the page dump's commands, yet there is no active editor. "Open a file first" would be
// wrong there: the user is told the file is too large and what still works. No vscode import:
// unit-tested on its own (client/src/largeFiles.ts gives it the active tab and the checks).

export type NoEditor = { kind: 'noEditor' } | { kind: 'tooLarge'; units: number };

const NO_EDITOR: NoEditor = { kind: 'noEditor' };

/**
 * `tab`: the file of the active tab when it is a text tab; `candidate`: whether the command could
 * work on it (a page dump's name); `unitsOver`: its text's length in UTF-16 units when over the
 * limit, else undefined. A file that cannot be read now is no reason to say more than "no editor".
 */
export async function whyNoEditor<U>(tab: U | undefined, candidate: (tab: U) => boolean, unitsOver: (tab: U) => Promise<number | undefined>): Promise<NoEditor> {
  if (tab === undefined || !candidate(tab)) return NO_EDITOR;
  try {
    const units = await unitsOver(tab);
    return units === undefined ? NO_EDITOR : { kind: 'tooLarge', units };
  } catch {
    return NO_EDITOR;
  }
}
