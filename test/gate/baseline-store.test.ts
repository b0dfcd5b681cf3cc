import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { findBaseline, saveBaseline } from '../../src/gate/baseline-store.js';
import { SCHEMA_VERSION } from '../../src/report/types.js';
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
  await writeFile(report, JSON.stringify({ schemaVersion: SCHEMA_VERSION }));
  await assert.rejects(saveBaseline(report, { dir: join(dir, 'store') }), /does not match the report schema/);
  await assert.rejects(readdir(join(dir, 'store')), { code: 'ENOENT' }, 'nothing written');
});

test('two saves of one baseline at once: exactly one is saved, the other is refused; force replaces', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-bl-race-'));
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  await writeFile(a, JSON.stringify(makeSampleReport({ seed: 1 })));
  await writeFile(b, JSON.stringify(makeSampleReport({ seed: 2 })));
  const store = join(dir, 'baselines');
  const results = await Promise.allSettled([saveBaseline(a, { dir: store }), saveBaseline(b, { dir: store })]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.match(refused.reason.message, /already exists; use --force/);
  await saveBaseline(b, { dir: store, force: true });
  assert.deepEqual(await readdir(store), ['default.json']);
});
