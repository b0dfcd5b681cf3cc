/**
 * Instruction sets: one instruction a line; blank lines and lines whose first non-blank character is `#`
 * are skipped. The built-in categories live in suites/<category>.txt. Files are untrusted: only regular files
 * up to MAX_INSTRUCTION_FILE_BYTES are read (never more than that plus one byte), UTF-8 with or without a BOM
 * or UTF-16 with a BOM; lines may end in CRLF, LF or a lone CR.
 */
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readBoundedFile } from '../io/bounded-read.js';
import { decodeText, splitLines } from '../io/text-decode.js';
import { PACKAGE_ROOT } from '../version.js';

/** Built-in categories, in the order suites report them. */
export const CATEGORIES = ['simple', 'medium', 'complex', 'stress'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Largest instruction file accepted (bytes), so that a wrong path to a huge file fails fast. */
export const MAX_INSTRUCTION_FILE_BYTES = 16 * 1024 * 1024;

/** Splits file text into instructions. */
export function parseInstructionLines(text: string): string[] {
  return splitLines(text)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Reads an instruction file; InputError names the file and what is wrong. */
export async function readInstructionFile(path: string): Promise<string[]> {
  const bytes = await readBoundedFile(path, { limit: MAX_INSTRUCTION_FILE_BYTES, what: 'instruction file' });
  const lines = parseInstructionLines(decodeText(bytes, `instruction file ${path}`).text);
  if (lines.length === 0) throw new InputError(`instruction file ${path} holds no instructions (blank lines and # comments only)`);
  return lines;
}

/** Instructions of a built-in category. */
export async function readCategory(category: string): Promise<string[]> {
  if (!(CATEGORIES as readonly string[]).includes(category)) {
    throw new InputError(`unknown category '${category}': expected one of ${CATEGORIES.join(', ')}, all`);
  }
  return readInstructionFile(join(PACKAGE_ROOT, 'suites', `${category}.txt`));
}
