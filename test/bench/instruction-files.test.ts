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

test('instruction files: /dev/zero and FIFOs are refused before reading; UTF-16 and CR-only files are read', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-'));
  await assert.rejects(readInstructionFile('/dev/zero'), /cannot read instruction file \/dev\/zero: it is a device, not a regular file/);
  const utf16 = join(dir, 'utf16.txt');
  await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('place a above b\r\nput c on d\r\n', 'utf16le')]));
  assert.deepEqual(await readInstructionFile(utf16), ['place a above b', 'put c on d']);
  const mac = join(dir, 'mac.txt');
  await writeFile(mac, 'place a above b\rput c on d\r# c\r');
  assert.deepEqual(await readInstructionFile(mac), ['place a above b', 'put c on d']);
});
