// Which language the client's messages are in. No vscode import: unit-tested on its own.

/**
 * Whether the client's messages are Chinese: a translation bundle was loaded (there is one, zh-cn)
 * for a Chinese display language. VS Code in Traditional Chinese (zh-tw, zh-hk) loads none, and
 * its messages are English, spaced as English.
 */
export function chineseMessages(language: string, bundleLoaded: boolean): boolean {
  return bundleLoaded && language.toLowerCase().startsWith('zh');
}

/** Sentences as one message: Chinese runs them together, English puts a space between. */
export function joinSentences(parts: readonly string[], chinese: boolean): string {
  return parts.filter(Boolean).join(chinese ? '' : ' ');
}
