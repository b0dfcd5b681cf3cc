import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { findCurrentReport } from '../../src/gate/current-report.js';
import type { BenchReport } from '../../src/report/types.js';
import { makeSampleReport } from '../helpers/sample-report.js';

/** A report holding only the named suites. */
function only(names: string[], seed: number): BenchReport {
  const r = makeSampleReport({ seed });
  const suites = r.suites as Record<string, unknown>;
  for (const k of Object.keys(suites)) if (!names.includes(k)) delete suites[k];
  r.config.suite = names.length === 1 ? names[0] : 'all';
  return r;
}

test('a folder: after a scalability run, a throughput baseline is gated against latest-throughput.json', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-current-'));
  await writeFile(join(dir, 'latest.json'), JSON.stringify(only(['scalability'], 3)));
  await writeFile(join(dir, 'latest-scalability.json'), JSON.stringify(only(['scalability'], 3)));
  await writeFile(join(dir, 'latest-throughput.json'), JSON.stringify(only(['throughput'], 2)));
  const picked = await findCurrentReport(dir, [only(['throughput'], 1)]);
  assert.equal(picked.path, join(dir, 'latest-throughput.json'));
  assert.match(picked.why!, /latest throughput run/);
  const scal = await findCurrentReport(dir, [only(['scalability'], 1)]);
  assert.equal(scal.path, join(dir, 'latest.json'), 'latest.json when it holds the baseline’s suites');
});

test('a file is used as given; a folder without a matching latest report is refused by name', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-current-'));
  const file = join(dir, 'mine.json');
  await writeFile(file, JSON.stringify(only(['throughput'], 2)));
  assert.equal((await findCurrentReport(file, [only(['throughput'], 1)])).path, file);
  await assert.rejects(findCurrentReport(dir, [only(['memory'], 1)]), (e: unknown) => e instanceof InputError && /no latest report of the baseline's suites \(memory\).*latest-memory\.json/.test(e.message));
  await assert.rejects(findCurrentReport(join(dir, 'none'), [only(['memory'], 1)]), InputError);
});
