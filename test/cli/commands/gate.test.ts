import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../../src/errors.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseThreshold } from '../../../src/cli/commands/gate.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

test("'5%', '0.05' and '5' all mean 5%", () => {
  for (const text of ['5%', '0.05', '5', '5.0%']) assert.equal(parseThreshold('--threshold', text), 0.05, text);
  assert.equal(parseThreshold('--threshold', '12.5%'), 0.125);
  assert.equal(parseThreshold('--threshold', '0'), 0);
  assert.equal(parseThreshold('--threshold', '0.5'), 0.5);
});

test('negative, empty and non-numeric thresholds are refused', () => {
  for (const text of ['-5%', '-0.05', 'abc', '%', '', 'NaN', '5%%']) {
    assert.throws(() => parseThreshold('--threshold', text), (e: Error) => e instanceof ConfigError && /--threshold must be a number/.test(e.message), text);
  }
});

test('gate --metric naming no metric of either report exits 2, naming it and listing metric ids', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-gate-metric-'));
  const base = join(dir, 'base.json');
  await writeFile(base, JSON.stringify(makeSampleReport({ seed: 1 })));
  const r = await runCli(['gate', '--baseline', base, '--current', base, '--metric', 'throughput.simple', '--metric', 'thruput']);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^gasm: --metric names no metric in either report: 'thruput'; metric ids start with .*throughput — e\.g\. \S+/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
