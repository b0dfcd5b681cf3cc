import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartFileName, clearStaleOutputs } from '../../src/report/output-folder.js';

test('chart file names from report data stay plain names', () => {
  assert.equal(chartFileName('memory-simple.png'), 'memory-simple.png');
  assert.match(chartFileName('memory-/../../../../tmp/x/evil.png'), /^memory-tmp-x-evil-[0-9a-f]{8}\.png$/);
  assert.ok(!chartFileName('1-../x').includes('/'));
});

test('a reused output folder: files the previous run wrote and this one did not are removed; others are kept', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-out-'));
  const write = (n: string) => writeFile(join(dir, n), 'x');
  await write('user-notes.md');
  await Promise.all(['memory-a.png', 'memory-b.png', 'summary.md'].map(write));
  const first = await clearStaleOutputs(dir, ['memory-a.png', 'memory-b.png', 'summary.md'].map((n) => join(dir, n)));
  assert.deepEqual(first.removed, []);
  assert.deepEqual(first.unknown, ['user-notes.md'], 'a file this tool did not write is listed, not removed');
  await Promise.all(['memory-a.png', 'summary.md'].map(write));
  const second = await clearStaleOutputs(dir, ['memory-a.png', 'summary.md'].map((n) => join(dir, n)));
  assert.deepEqual(second.removed, [join(dir, 'memory-b.png')]);
  assert.deepEqual((await readdir(dir)).filter((n) => !n.startsWith('.')).sort(), ['memory-a.png', 'summary.md', 'user-notes.md']);
});

test('a tampered manifest cannot make it delete outside the folder or non-output files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-out-'));
  const outside = await mkdtemp(join(tmpdir(), 'gasm-outside-'));
  await writeFile(join(outside, 'keep.png'), 'x');
  await writeFile(join(dir, 'data.json'), '{}');
  await writeFile(join(dir, '.gasm-report-files.json'), JSON.stringify({ files: [`../${outside.split('/').pop()}/keep.png`, 'data.json', join(outside, 'keep.png')] }));
  const r = await clearStaleOutputs(dir, []);
  assert.deepEqual(r.removed, []);
  assert.deepEqual(await readdir(outside), ['keep.png']);
  assert.ok((await readdir(dir)).includes('data.json'));
});
