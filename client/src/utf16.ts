// Text lengths as VS Code counts them (UTF-16 units), from a file's UTF-8 bytes. No vscode import:
// unit-tested on its own.

/** UTF-16 units of UTF-8 bytes: one per character, two for those past U+FFFF (four-byte sequences). */
export function utf16Length(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) n++;
    if (b >= 0xf0) n++;
  }
  return n;
}
