// Reading a dump's bytes: the fast decoder (ICU's transcoder, Latin-1 for ASCII) gives exactly the
// text TextDecoder gives, a byte-order mark kept, and says whether the bytes were valid UTF-8.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeUtf8 } from '../../server/src/node/files';
import fc from '../helpers/fc';

const reference = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const check = (bytes: Buffer) => {
  const got = decodeUtf8(bytes);
  const want = reference.decode(bytes);
  assert.equal(got.text, want);
  assert.equal(got.valid, Buffer.from(want, 'utf8').equals(bytes));
};

test('decodeUtf8 is TextDecoder on text of any script, with or without a byte-order mark', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\ufeff', '\f', '\r\n', '\ufffd', '\u00e9', '\u00ff'), fc.constant('字'), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })) }), (s) => {
      check(Buffer.from(s, 'utf8'));
      check(Buffer.from(`\ufeff${s}`, 'utf8'));
    }),
    { numRuns: 2000 },
  );
});

test('decodeUtf8 is TextDecoder on any bytes, and says when they are not valid UTF-8', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (a) => check(Buffer.from(a))), { numRuns: 5000 });
  for (const bad of [[0xff], [0xc3], [0xe5, 0xad], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x61, 0x80, 0x62]]) {
    const r = decodeUtf8(Buffer.from(bad));
    assert.equal(r.valid, false, JSON.stringify(bad));
    assert.equal(r.text, reference.decode(Buffer.from(bad)));
  }
  assert.deepEqual(decodeUtf8(Buffer.from('plain ASCII\n', 'utf8')), { text: 'plain ASCII\n', valid: true });
});
