// Entry point of the bundled language server (dist/server.js). The connection is created here and
// only here, so tests and other hosts can run startServer over a connection of their own.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { softLimits } from './core/softPages';
import { startServer } from './lsp/startServer';
import { LineDocument } from './lsp/textDocument';

// Tests set the text's chunk size small, to edit across chunks through the whole server.
const chunk = Number(process.env.NEWSPRINT_TEXT_CHUNK);
if (Number.isInteger(chunk) && chunk > 0) LineDocument.chunkSize = chunk;
// And the distance of soft page breaks (softPages.ts) small, to cut and re-cut pages on every edit.
const soft = Number(process.env.NEWSPRINT_SOFT_MIN);
if (Number.isInteger(soft) && soft > 0) Object.assign(softLimits, { min: soft, max: soft * 3 });

// And the slices of analysis short (0: one page each), to see a first analysis in progress.
const slice = Number(process.env.NEWSPRINT_SLICE_MS);
const sliceMs = process.env.NEWSPRINT_SLICE_MS && Number.isFinite(slice) && slice >= 0 ? slice : undefined;

// A promise rejected with no handler would end the process (Node's default), and with it every
// document's diagnostics: logged instead. (Every request to the client is handled; this is for what
// is not.)
process.on('unhandledRejection', (err) => console.error(`newsprint: unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));

// Launched with --expose-gc (launch.ts): the server collects after a big text arrives.
// Over stdio, the server sees input arrive before it is read (see StartOptions.input).
const input = process.argv.includes('--stdio') ? (listener: () => void) => void process.stdin.prependListener('data', listener) : undefined;
startServer(createConnection(ProposedFeatures.all), { gc: (globalThis as { gc?: () => void }).gc, sliceMs, input });
