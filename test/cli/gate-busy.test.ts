import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loaded, quiet } from '../gate/busy-reports.js';
import { makeSampleReport } from '../helpers/sample-report.js';
import { runCli } from '../helpers/run-cli.js';

test('gate on a busy machine: INCONCLUSIVE with the reason, exit 0 with a warning; --strict exits 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-gate-busy-'));
  const base = join(dir, 'base.json');
  const cur = join(dir, 'cur.json');
  await writeFile(base, JSON.stringify(quiet(1)));
  await writeFile(cur, JSON.stringify(loaded(2)));
  const args = ['gate', '--baseline', base, '--current', cur, '--metric', 'throughput.simple'];
  const r = await runCli(args);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^INCONCLUSIVE: .*machine busy \(the benchmark got 0\.41 of a core/m);
  assert.match(r.stdout, /│ inconclusive │ inconclusive: machine busy/);
  assert.match(r.stdout, /warning: inconclusive, not a pass: exit 0; use --strict to fail on this/);
  assert.match(r.stdout, /^INCONCLUSIVE: 1 metric\(s\) changed for reasons other than the build/m);
  const strict = await runCli([...args, '--strict']);
  assert.equal(strict.code, 1);
  const json = JSON.parse((await runCli([...args, '--json'])).stdout);
  assert.equal(json.verdict, 'inconclusive');
  assert.equal(json.passed, true);
  const wall = json.comparisons.find((c: { id: string }) => c.id === 'throughput.simple.instructionsPerSecond');
  assert.equal(wall.inconclusiveCause, 'machine-busy');
  assert.equal(wall.threshold, 0.1);
});

test('--current as a folder picks the latest run of the baseline\'s suite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-gate-folder-'));
  const reports = join(dir, 'reports');
  await mkdir(reports);
  const base = join(dir, 'base.json');
  const throughputOnly = (seed: number) => {
    const r = makeSampleReport({ seed });
    const suites = r.suites as Record<string, unknown>;
    for (const k of Object.keys(suites)) if (k !== 'throughput') delete suites[k];
    r.config.suite = 'throughput';
    return r;
  };
  const scalabilityOnly = makeSampleReport({ seed: 3 });
  const s = scalabilityOnly.suites as Record<string, unknown>;
  for (const k of Object.keys(s)) if (k !== 'scalability') delete s[k];
  await writeFile(base, JSON.stringify(throughputOnly(1)));
  await writeFile(join(reports, 'latest-throughput.json'), JSON.stringify(throughputOnly(2)));
  await writeFile(join(reports, 'latest.json'), JSON.stringify(scalabilityOnly));
  const r = await runCli(['gate', '--baseline', base, '--current', reports]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /current: .*latest-throughput\.json \(the latest throughput run/);
  assert.match(r.stdout, /PASS: \d+ metrics compared/);
});

test('a current report with empty samples never passes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-gate-empty-'));
  const base = join(dir, 'base.json');
  const cur = join(dir, 'cur.json');
  const empty = quiet(2);
  const c = empty.suites.throughput!.categories.simple;
  c.samples = { runMs: [], cpuMs: [], instructionsPerSecond: [], batchMs: [] };
  c.runs = 0;
  await writeFile(base, JSON.stringify(quiet(1)));
  await writeFile(cur, JSON.stringify(empty));
  const r = await runCli(['gate', '--baseline', base, '--current', cur, '--metric', 'throughput.simple']);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /^INCONCLUSIVE: .*too few samples.*— not a pass$/m);
});
