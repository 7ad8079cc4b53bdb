// Per-resource settings, read from the client with workspace/configuration and cached until the
// client says they changed; from a client that cannot be asked, those it sends with the change.
import type { Connection } from 'vscode-languageserver';
import type { RuleSettings } from '../core/types';

export interface Settings {
  rules: RuleSettings;
  /** Diagnostics published per file at most; the rest are summarised in one diagnostic on line 1. */
  maxDiagnostics: number;
  /** Outline symbols at most; past them, pages are listed without their articles (and the outline says so). */
  maxOutlineSymbols: number;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, maxDiagnostics: 500, maxOutlineSymbols: 10_000 };

/** A count setting: a number of at least 1 (0.5 would round down to none), else the default. */
const positive = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 1 ? Math.floor(v) : fallback);

export class SettingsCache {
  private cache = new Map<string, Promise<Settings>>();
  /** The `newsprint` section a client that cannot be asked sent with its last change. */
  private sent: Settings = DEFAULT_SETTINGS;
  generation = 0;

  constructor(
    private connection: Connection,
    private supported: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.supported()) return Promise.resolve(this.sent);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'newsprint' })
        .then(normalize, () => DEFAULT_SETTINGS);
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The settings changed: `settings`, what didChangeConfiguration carried (read when the client cannot be asked). */
  clear(settings?: unknown): void {
    const section = settings && typeof settings === 'object' ? (settings as { newsprint?: unknown }).newsprint : undefined;
    if (section && typeof section === 'object') this.sent = normalize(section);
    this.cache.clear();
    this.generation++;
  }
}

function normalize(raw: unknown): Settings {
  const r = (raw ?? {}) as { rules?: unknown; maxDiagnostics?: unknown; maxOutlineSymbols?: unknown };
  const rules = r.rules && typeof r.rules === 'object' ? (r.rules as RuleSettings) : {};
  return { rules, maxDiagnostics: positive(r.maxDiagnostics, DEFAULT_SETTINGS.maxDiagnostics), maxOutlineSymbols: positive(r.maxOutlineSymbols, DEFAULT_SETTINGS.maxOutlineSymbols) };
}
