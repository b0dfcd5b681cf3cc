import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, parseInstructionLines, readCategory, readInstructionFile } from '../../src/bench/instruction-files.js';
import { InputError } from '../../src/errors.js';

test('comments and blank lines are skipped, lines trimmed', () => {
  assert.deepEqual(parseInstructionLines('# c\n\n  place a above b  \r\n#x\nput c on d\n'), ['place a above b', 'put c on d']);
});

test('every built-in category has instructions', async () => {
  for (const c of CATEGORIES) assert.ok((await readCategory(c)).length >= 3, c);
});

test('bad files give InputError naming the file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-'));
  await writeFile(join(dir, 'empty.txt'), '# only a comment\n');
  await writeFile(join(dir, 'bin.txt'), Buffer.from([0x70, 0, 0x71]));
  await assert.rejects(readInstructionFile(join(dir, 'missing.txt')), (e: Error) => e instanceof InputError && /missing\.txt: no such file/.test(e.message));
  await assert.rejects(readInstructionFile(join(dir, 'empty.txt')), /holds no instructions/);
  await assert.rejects(readInstructionFile(join(dir, 'bin.txt')), /binary/);
  await assert.rejects(readInstructionFile(dir), /it is a folder/);
  await assert.rejects(readCategory('hard'), /unknown category 'hard'/);
});
