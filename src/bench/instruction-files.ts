/**
 * Instruction sets: one instruction a line; blank lines and lines whose first non-blank character is `#`
 * are skipped. The built-in categories live in suites/<category>.txt.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { PACKAGE_ROOT } from '../version.js';

/** Built-in categories, in the order suites report them. */
export const CATEGORIES = ['simple', 'medium', 'complex', 'stress'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Largest instruction file accepted (bytes), so that a wrong path to a huge file fails fast. */
export const MAX_INSTRUCTION_FILE_BYTES = 16 * 1024 * 1024;

/** Splits file text into instructions. */
export function parseInstructionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Reads an instruction file; InputError names the file and what is wrong. */
export async function readInstructionFile(path: string): Promise<string[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read instruction file ${path}: ${why}`, { cause: error });
  }
  if (buffer.length > MAX_INSTRUCTION_FILE_BYTES) {
    throw new InputError(`instruction file ${path} is ${buffer.length} bytes; the limit is ${MAX_INSTRUCTION_FILE_BYTES}`);
  }
  if (buffer.includes(0)) throw new InputError(`instruction file ${path} is binary (contains NUL bytes), expected text`);
  const lines = parseInstructionLines(buffer.toString('utf8'));
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
