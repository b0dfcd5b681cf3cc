import { test } from 'node:test';
import assert from 'node:assert/strict';
import { link, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNotAnInput } from '../../src/io/output-guard.js';

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
