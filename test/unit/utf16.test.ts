// The client counts a big file's text as VS Code does (UTF-16 units) from its UTF-8 bytes, to tell
// whether VS Code will give it to extensions at all (see client/src/largeFiles.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { utf16Length } from '../../client/src/utf16';

test('UTF-16 length from UTF-8 bytes: ASCII, CJK, astral, a BOM', () => {
  for (const s of ['', 'abc', '心的、关注', '𠀋𠀋a', '\ufeff第1版\r\n\f']) assert.equal(utf16Length(Buffer.from(s, 'utf8')), s.length, JSON.stringify(s));
});

test('property: the same length as the decoded string for any well-formed text', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => utf16Length(Buffer.from(s, 'utf8')) === s.length));
});
