import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/errors.js';
import { DiskStore, MAX_ENTRY_BYTES } from '../../../src/pipeline/cache/disk-store.js';

let dir: string;
const key = (s: string) => createHash('sha256').update(s).digest('hex');

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gasm-disk-store-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('values round-trip under hash-named files; no temp files are left', async () => {
  const store = new DiskStore(join(dir, 'a'), 10);
  store.set(key('x'), { poses: [1, 2, 3] });
  assert.deepEqual(store.get(key('x')), { poses: [1, 2, 3] });
  assert.equal(store.get(key('y')), undefined);
  assert.deepEqual(await readdir(join(dir, 'a')), [`${key('x')}.json`]);
  assert.equal(store.size, 1);
  assert.throws(() => store.get('../../etc/passwd'), ConfigError);
  assert.throws(() => store.set('a/b', 1), ConfigError);
});

test('the store stays within its entry bound, dropping the oldest entries', async () => {
  const folder = join(dir, 'b');
  const store = new DiskStore(folder, 10);
  for (let i = 0; i < 10; i++) {
    store.set(key(`k${i}`), i);
    // Distinct modification times, oldest first.
    await utimes(join(folder, `${key(`k${i}`)}.json`), 1000 + i, 1000 + i);
  }
  store.set(key('k10'), 10);
  const left = await readdir(folder);
  assert.equal(left.length, 9);
  assert.equal(store.get(key('k0')), undefined, 'the oldest is gone');
  assert.equal(store.get(key('k10')), 10);
  assert.ok(store.evictions >= 2);
});

test('untrusted entries are misses: foreign key, corrupt JSON, oversized, not a regular file', async () => {
  const folder = join(dir, 'c');
  const store = new DiskStore(folder, 100);
  await writeFile(join(folder, `${key('a')}.json`), JSON.stringify({ key: key('other'), value: 1 }));
  await writeFile(join(folder, `${key('b')}.json`), '{');
  await writeFile(join(folder, `${key('c')}.json`), Buffer.alloc(MAX_ENTRY_BYTES + 1, 32));
  await mkdir(join(folder, `${key('d')}.json`));
  await symlink('/dev/zero', join(folder, `${key('e')}.json`));
  for (const k of ['a', 'b', 'c', 'd', 'e']) assert.equal(store.get(key(k)), undefined, k);
});

test('a cache folder that is a file is a ConfigError naming it', async () => {
  const file = join(dir, 'file');
  await writeFile(file, 'x');
  assert.throws(() => new DiskStore(file, 10), (e: unknown) => e instanceof ConfigError && /cannot use cache folder .*file/.test(e.message));
});
