import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { readBoundedFile } from '../../src/io/bounded-read.js';

const opts = { limit: 1000, what: 'test file' };

test('only regular files are read: devices, FIFOs and folders are refused before reading', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-bounded-'));
  if (existsSync('/dev/zero')) await assert.rejects(readBoundedFile('/dev/zero', opts), /it is a device, not a regular file/);
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  // A FIFO with no writer: opening it must not hang, and it is refused.
  await assert.rejects(readBoundedFile(fifo, opts), /it is a pipe \(FIFO\)/);
  await assert.rejects(readBoundedFile(dir, opts), (e: Error) => e instanceof InputError && /it is a folder/.test(e.message));
  await assert.rejects(readBoundedFile(join(dir, 'missing'), opts), /cannot read test file .*missing: no such file/);
});

test('a file over the limit is refused; one at the limit is read whole', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-bounded-'));
  await writeFile(join(dir, 'big'), Buffer.alloc(1001, 0x61));
  await writeFile(join(dir, 'ok'), Buffer.alloc(1000, 0x61));
  await assert.rejects(readBoundedFile(join(dir, 'big'), opts), /is 1,001 bytes; the limit is 1,000 bytes/);
  assert.equal((await readBoundedFile(join(dir, 'ok'), opts)).length, 1000);
});

test('a file whose size the file system does not report (procfs) is still read up to the limit', async () => {
  if (!existsSync('/proc/self/status')) return;
  const bytes = await readBoundedFile('/proc/self/status', { limit: 1 << 20, what: 'proc file' });
  assert.match(bytes.toString(), /^Name:/);
  await assert.rejects(readBoundedFile('/proc/self/status', { limit: 10, what: 'proc file' }), /larger than the limit of 10 bytes/);
});
