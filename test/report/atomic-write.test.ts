import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile, chmod, symlink, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/report/atomic-write.js';
import { IoError } from '../../src/errors.js';

test('writes the whole file and leaves no temporary file behind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-'));
  const path = join(dir, 'sub', 'r.json');
  await writeFileAtomic(path, '{"a":1}');
  await writeFileAtomic(path, '{"a":2}');
  assert.equal(await readFile(path, 'utf8'), '{"a":2}');
  assert.deepEqual(await readdir(join(dir, 'sub')), ['r.json']);
});

test('an unwritable folder gives IoError naming the path', async (t) => {
  if (process.getuid?.() === 0) {
    // root can write anywhere; use a path under a regular file instead
    const dir = await mkdtemp(join(tmpdir(), 'gasm-'));
    await writeFile(join(dir, 'file'), 'x');
    await assert.rejects(writeFileAtomic(join(dir, 'file', 'r.json'), 'x'), (e: Error) => e instanceof IoError && e.message.includes(join(dir, 'file', 'r.json')));
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'gasm-'));
  await chmod(dir, 0o500);
  t.after(() => chmod(dir, 0o700));
  await assert.rejects(writeFileAtomic(join(dir, 'r.json'), 'x'), IoError);
});

test('a symbolic link in the way is refused, not replaced (the file it points to is untouched too)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-'));
  const target = join(dir, 'precious.txt');
  await writeFile(target, 'keep');
  const link = join(dir, 'out.json');
  await symlink(target, link);
  await assert.rejects(writeFileAtomic(link, '{}'), (e: unknown) => e instanceof IoError && /out\.json: it is a symbolic link, not a regular file/.test(e.message));
  assert.ok((await lstat(link)).isSymbolicLink());
  assert.equal(await readFile(target, 'utf8'), 'keep');
});
