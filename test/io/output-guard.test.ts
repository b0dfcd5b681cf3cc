import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNotAnInput, assertReplaceable } from '../../src/io/output-guard.js';

test('an output that is an input (same path, a symlink, a hard link, inside an input folder) is refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-guard-'));
  const input = join(dir, 'current.json');
  await writeFile(input, '{}');
  await symlink(input, join(dir, 'alias.json'));
  await link(input, join(dir, 'hard.json'));
  await mkdir(join(dir, 'baselines'));
  const inputs = [{ path: input, what: 'the current report' }, { path: join(dir, 'baselines'), what: 'the stored baselines' }];
  for (const out of [input, join(dir, '.', 'current.json'), join(dir, 'alias.json'), join(dir, 'hard.json'), join(dir, 'baselines', 'x.md')]) {
    await assert.rejects(assertNotAnInput('--markdown', out, inputs), /--markdown .* would overwrite the (current report|stored baselines)/, out);
  }
  await assertNotAnInput('--markdown', join(dir, 'gate.md'), inputs);
});

test('a side output never replaces a database, a gasm report, a link or a pipe; an ordinary file or a new path is fine', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-replace-'));
  const db = join(dir, 'history.db');
  await writeFile(db, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
  await assert.rejects(assertReplaceable('--out', db), /--out .*history\.db is a database \(the history store\?\)/);
  const report = join(dir, 'latest.json');
  await writeFile(report, JSON.stringify({ schemaVersion: 3, complete: true, config: {}, suites: {} }, null, 2));
  await assert.rejects(assertReplaceable('--markdown', report), /--markdown .*latest\.json is a gasm report/);
  const other = join(dir, 'notes.txt');
  await writeFile(other, 'my notes');
  await symlink(other, join(dir, 'link.txt'));
  await assert.rejects(assertReplaceable('--out', join(dir, 'link.txt')), /is a symbolic link, not a regular file/);
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  await assert.rejects(assertReplaceable('--out', join(dir, 'pipe')), /is a named pipe, not a regular file/);
  await assertReplaceable('--out', other);
  await assertReplaceable('--out', join(dir, 'new.json'));
  assert.equal(await readFile(other, 'utf8'), 'my notes', 'the check reads, never writes');
});
