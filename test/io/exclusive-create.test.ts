import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExclusive, createUnique } from '../../src/io/exclusive-create.js';
import { tempFilesInFlight } from '../../src/io/temp-files.js';

test('of many creates of one name at once, exactly one succeeds and its content is whole', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-excl-'));
  const path = join(dir, 'baseline.json');
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => createExclusive(path, `writer ${i}\n`.repeat(1000))));
  assert.equal(results.filter(Boolean).length, 1);
  const winner = results.indexOf(true);
  assert.equal(await readFile(path, 'utf8'), `writer ${winner}\n`.repeat(1000));
  assert.deepEqual(await readdir(dir), ['baseline.json'], 'no temp file left');
  assert.deepEqual(tempFilesInFlight(), []);
});

test('unique names: concurrent writers of the same stem each get their own file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-unique-'));
  const paths = await Promise.all(Array.from({ length: 10 }, (_, i) => createUnique(dir, 'all-2026-11-25T03-00-00-000Z', '.json', `${i}`)));
  assert.equal(new Set(paths).size, 10);
  assert.ok(paths.includes(join(dir, 'all-2026-11-25T03-00-00-000Z.json')));
  assert.ok(paths.includes(join(dir, 'all-2026-11-25T03-00-00-000Z-9.json')));
  const contents = await Promise.all(paths.map((p) => readFile(p, 'utf8')));
  assert.deepEqual(contents.sort(), Array.from({ length: 10 }, (_, i) => `${i}`).sort());
});
