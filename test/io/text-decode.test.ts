import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, splitLines } from '../../src/io/text-decode.js';

const text = 'place the red box above the blue cube\nput the cup on the table';

test('UTF-16 with a byte-order mark is decoded, little and big endian, not called binary', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.deepEqual(decodeText(le, 'f'), { text, encoding: 'utf-16le' });
  const be = Buffer.from(le.subarray(2)).swap16();
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'f'), { text, encoding: 'utf-16be' });
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'f').text, text, 'UTF-8 BOM dropped');
});

test('binary data, invalid UTF-8 and cut UTF-16 are refused with the file named', () => {
  assert.throws(() => decodeText(Buffer.from([0x70, 0, 0x71]), 'instruction file x'), /instruction file x is binary/);
  assert.throws(() => decodeText(Buffer.from([0x61, 0x62, 0xff, 0x63]), 'f'), /f is not valid UTF-8 text \(byte 2 is 0xff\)/);
  assert.throws(() => decodeText(Buffer.from([0x61, 0xc3]), 'f'), /byte 1/);
  assert.throws(() => decodeText(Buffer.from([0xed, 0xa0, 0x80]), 'f'), /not valid UTF-8/, 'an encoded surrogate');
  assert.throws(() => decodeText(Buffer.from([0xff, 0xfe, 0x61]), 'f'), /odd number of bytes/);
  assert.equal(decodeText(Buffer.from('héllo ✓', 'utf8'), 'f').text, 'héllo ✓');
});

test('lines split on CRLF, LF and a lone CR', () => {
  assert.deepEqual(splitLines('a\r\nb\nc\rd'), ['a', 'b', 'c', 'd']);
  assert.deepEqual(splitLines('a\r\rb'), ['a', '', 'b']);
});
