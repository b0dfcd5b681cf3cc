import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTempFilesSync, tempFilesInFlight, trackTempFile } from '../../src/io/temp-files.js';

test('an interrupt removes tracked temp files and this process’s temp files in the swept folders only', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-tmp-'));
  const tracked = join(dir, `.a.png.${process.pid}.abc.tmp`);
  const untracked = join(dir, `.b.png.${process.pid}.def.tmp`);
  const other = join(dir, `.c.png.${process.pid + 1}.ghi.tmp`);
  for (const p of [tracked, untracked, other, join(dir, 'keep.png')]) await writeFile(p, 'x');
  trackTempFile(tracked);
  removeTempFilesSync([dir]);
  assert.deepEqual((await readdir(dir)).sort(), [`.c.png.${process.pid + 1}.ghi.tmp`, 'keep.png']);
  assert.deepEqual(tempFilesInFlight(), []);
});
