// Article structure in the editor: outline, folding, hover, semantic tokens, annotation
// completion and annotation code actions. (Wired to core/outline.ts.)
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './startServer';

export function structureCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerStructureFeatures(_ctx: ServerContext): void {
  // Filled in with the outline providers.
}
