// Export requests the client sends (the client does the dialogs, progress and writing; the server
// reads and exports through the same code as the CLI, so both produce identical JSON).
//   newsprint/exportFile   {file, root}            → {ok: true, doc} | {ok: false, message}
//   newsprint/serialize    {docs, format}          → {outputs: string[], names: string[]} (json) | {outputs: [string]} (jsonl)
// `names`: each page's output file, relative to the export folder and `/`-separated, as `newsprint
// export FOLDER --out DIR` names it: the page's source.path (relative to the workspace folder) kept.
import type { Connection } from 'vscode-languageserver';
import { linkContinuations } from '../core/continuations';
import { serializeDocument, serializeLines, type ArticlesDocument } from '../core/export';
import { OutputNames } from '../core/outputNames';
import type { Messages } from '../core/messages';
import type { RuleSettings } from '../core/types';
import { exportFile } from '../node/exportFile';
import { VERSION } from '../version';
import { describeFileError } from '../node/files';


export interface ExportFileParams {
  file: string;
  root: string;
  /** The resource's rule settings (the client knows them per file). */
  rules?: RuleSettings;
}

export type ExportFileResult = { ok: true; doc: ArticlesDocument; warning?: string } | { ok: false; message: string };

export function registerExportRequests(connection: Connection, env: { messages: () => Messages; locale: () => string | undefined; rules: (file: string) => Promise<RuleSettings> }): void {
  connection.onRequest('newsprint/exportFile', async (p: ExportFileParams): Promise<ExportFileResult> => {
    try {
      const rules = p.rules ?? (await env.rules(p.file));
      const r = exportFile(p.file, { root: p.root, rules, locale: env.locale(), version: VERSION });
      return { ok: true, doc: r.doc };
    } catch (err) {
      return { ok: false, message: describeFileError(err, env.messages()) };
    }
  });

  connection.onRequest('newsprint/serialize', (p: { docs: ArticlesDocument[]; format: 'json' | 'jsonl' }) => {
    const docs = Array.isArray(p?.docs) ? p.docs : [];
    linkContinuations(docs);
    if (p.format === 'jsonl') return { outputs: [serializeLines(docs)] };
    const names = new OutputNames();
    // A path outside the root is absolute: such a page gives its file name only.
    const relative = (s: string) => (s.startsWith('/') || /^[A-Za-z]:/.test(s) ? s.slice(s.lastIndexOf('/') + 1) : s);
    return { outputs: docs.map(serializeDocument), names: docs.map((d) => names.name(relative(d.source.path))) };
  });
}
