/**
 * Text files as people save them: UTF-8 with or without a byte-order mark, UTF-16 (little or big endian) with
 * a BOM; lines ended by CRLF (Windows), LF (Unix) or a lone CR (classic Mac OS). Anything else with NUL bytes
 * is binary; invalid UTF-8 is named with the byte offset where it starts, never replaced silently.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark announces, and the mark's length; null without a BOM. */
export function detectBom(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Offset of the first byte that is not valid UTF-8 (overlong forms, surrogates, > U+10FFFF, cut short), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n > b.length - 1) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    const second = b[i + 1];
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Decodes a file's bytes; `label` names the file in errors ("instruction file x.txt"). Throws InputError for
 * binary data (NUL bytes without a UTF-16 BOM, or NUL characters after decoding) and invalid UTF-8 / UTF-16.
 */
export function decodeText(bytes: Uint8Array, label: string): { text: string; encoding: TextEncoding } {
  const bom = detectBom(bytes);
  const body = bytes.subarray(bom?.length ?? 0);
  const encoding = bom?.encoding ?? 'utf-8';
  if (!bom && body.includes(0)) throw new InputError(`${label} is binary (contains NUL bytes), expected text`);
  let text: string;
  if (encoding === 'utf-8') {
    const bad = isUtf8(body) ? -1 : Math.max(0, firstInvalidUtf8(body));
    if (bad >= 0) throw new InputError(`${label} is not valid UTF-8 text (byte ${bad + (bom?.length ?? 0)} is 0x${body[bad].toString(16).padStart(2, '0')}); save it as UTF-8 or UTF-16 with a BOM`);
    text = new TextDecoder('utf-8').decode(body);
  } else {
    if (body.length % 2 !== 0) throw new InputError(`${label} has a UTF-16 byte-order mark but an odd number of bytes: it is cut short or not UTF-16`);
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      throw new InputError(`${label} has a UTF-16 byte-order mark but is not valid UTF-16 (an unpaired surrogate)`);
    }
  }
  if (text.includes('\0')) throw new InputError(`${label} is binary (contains NUL characters), expected text`);
  return { text, encoding };
}

/** Splits text into lines on CRLF, LF or a lone CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
