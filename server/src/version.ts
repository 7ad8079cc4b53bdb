// The version esbuild writes into the bundles (from package.json); a dev value when run from source.
declare const NEWSPRINT_VERSION: string | undefined;

export const VERSION = typeof NEWSPRINT_VERSION === 'string' ? NEWSPRINT_VERSION : '0.0.0-dev';
