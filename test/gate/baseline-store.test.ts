import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { findBaseline, saveBaseline } from '../../src/gate/baseline-store.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('save, find, and never replace without force', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-base-'));
  const report = join(dir, 'r.json');
  await writeFile(report, JSON.stringify(makeSampleReport()));
  const store = join(dir, 'store');
  const path = await saveBaseline(report, { dir: store });
  assert.equal(path, join(store, 'default.json'));
  assert.equal(await findBaseline('default', store), path);
  await assert.rejects(saveBaseline(report, { dir: store }), (e: Error) => e instanceof InputError && /already exists; use --force/.test(e.message));
  await saveBaseline(report, { dir: store, force: true });
  assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), makeSampleReport());
  await assert.rejects(findBaseline('nightly', store), /no baseline 'nightly' saved/);
  await assert.rejects(saveBaseline(report, { dir: store, name: '../escape' }), /baseline name/);
});

test('an invalid report is not saved as a baseline', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-base-'));
  const report = join(dir, 'bad.json');
  await writeFile(report, '{"schemaVersion": 1}');
  await assert.rejects(saveBaseline(report, { dir: join(dir, 'store') }), /does not match the report schema/);
});
