/**
 * `gasm history` end to end, in child processes, over an SQLite store filled with a synthetic 20-commit
 * history (one 8% slowdown at commit 12, on main) plus one run on a feature branch.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openHistoryStore } from '../../src/history/store.js';
import { pngSize } from '../report/charts/png-checks.js';
import { runCli } from '../helpers/run-cli.js';
import { at, machine, makeEntry, noise } from './entries.js';

const METRIC = 'throughput.simple.instructionsPerSecond';
const dir = mkdtempSync(join(tmpdir(), 'gasm-history-cli-'));
const db = join(dir, 'history.db');
const commit = (c: number) => `commit${String(c).padStart(2, '0')}`.padEnd(40, 'a');

before(async () => {
  const store = await openHistoryStore(db, { create: true });
  for (let c = 0; c < 20; c++) {
    const level = c >= 12 ? 1000 / 1.08 : 1000;
    await store.record(makeEntry({ id: `s${c}`, commit: commit(c), createdAt: at(c), samples: [0, 1, 2, 3, 4, 5, 6, 7].map((k) => level * (1 + 0.015 * noise(c * 7 + k))) }));
  }
  await store.record(makeEntry({ id: 'feature1', commit: 'f'.repeat(40), branch: 'feature', createdAt: at(30), machine: machine('Other CPU') }));
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('gasm history', () => {
  it('list --json prints runs with the names scripts read, newest first, filtered', async () => {
    const r = await runCli(['history', 'list', '--json', '--db', db, '--limit', '100']);
    assert.equal(r.code, 0, r.stderr);
    const runs = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(runs.length, 21);
    for (const key of ['id', 'suite', 'createdAt', 'commit', 'branch', 'machine']) assert.ok(key in runs[0], key);
    assert.equal(runs[0].id, 'feature1');
    const feature = await runCli(['history', 'list', '--json', '--db', db, '--branch', 'feature']);
    assert.deepEqual((JSON.parse(feature.stdout) as { id: string }[]).map((x) => x.id), ['feature1']);
    const byMachine = await runCli(['history', 'list', '--json', '--db', db, '--machine', machine('Other CPU').fingerprint.slice(0, 5)]);
    assert.deepEqual((JSON.parse(byMachine.stdout) as { id: string }[]).map((x) => x.id), ['feature1']);
  });

  it('reads GASM_DB when --db is not given', async () => {
    const r = await runCli(['history', 'list', '--limit', '3'], { env: { GASM_DB: db } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /feature/);
  });

  it('show prints the metric per commit with intervals and marks the step', async () => {
    const r = await runCli(['history', 'show', METRIC, '--db', db, '--branch', 'main']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /20 runs, 20 commits · branch main/);
    const stepLine = r.stdout.split('\n').find((l) => l.includes('step -'));
    assert.ok(stepLine?.includes('commit12'), r.stdout);
    assert.match(stepLine!, /\d[\d,.]* \[[\d,.]+, [\d,.]+\]/);
    const json = JSON.parse((await runCli(['history', 'show', METRIC, '--db', db, '--branch', 'main', '--json'])).stdout);
    assert.equal(json.machines[0].points.length, 20);
    assert.equal(json.machines[0].steps.length, 1);
    assert.equal(json.machines[0].steps[0].commit, commit(12));
  });

  it('regressions lists the step with the first commit where it appears, and exits 1 for it', async () => {
    const r = await runCli(['history', 'regressions', '--db', db, '--branch', 'main', '--json']);
    assert.equal(r.code, 1, r.stderr);
    const found = JSON.parse(r.stdout) as { metric: string; commit: string; previous: string; kind: string }[];
    assert.deepEqual(found.map((f) => [f.metric, f.commit, f.previous, f.kind]), [[METRIC, commit(12), commit(11), 'regression']]);
    const table = await runCli(['history', 'regressions', '--db', db, '--branch', 'main']);
    assert.equal(table.code, 1, table.stderr);
    assert.match(table.stdout, /commit12/);
    const text = await runCli(['history', 'regressions', '--db', db, '--branch', 'main', '--threshold', '10%']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /no regression found/);
    const help = await runCli(['history', 'regressions', '--help']);
    assert.match(help.stdout, /Exit status: 1 when it lists at least one regression/);
  });

  it('regressions exits 2 on a filter that selects no run or a --metric that matches nothing', async () => {
    const branch = await runCli(['history', 'regressions', '--db', db, '--branch', 'no-such-branch']);
    assert.equal(branch.code, 2);
    assert.match(branch.stderr, /^gasm: no run recorded in .* matches the filter/);
    const metric = await runCli(['history', 'regressions', '--db', db, '--metric', 'latncy.']);
    assert.equal(metric.code, 2);
    assert.match(metric.stderr, /no recorded metric matches latncy\. in .*\(metrics there: quality\.simple\.successRate, throughput\.simple\.instructionsPerSecond\)/);
    const pattern = await runCli(['history', 'regressions', '--db', db, '--branch', 'main', '--metric', '*.simple.instructionsPerSecond', '--json']);
    assert.equal(pattern.code, 1, pattern.stderr);
    assert.deepEqual((JSON.parse(pattern.stdout) as { metric: string }[]).map((f) => f.metric), [METRIC]);
  });

  it('trend --out writes one PNG per metric, named by its id', async () => {
    const out = join(dir, 'trend');
    const r = await runCli(['history', 'trend', '--db', db, '--out', out, '--branch', 'main']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), [`quality.simple.successRate.png`, `${METRIC}.png`]);
    assert.match(r.stdout, /instructionsPerSecond\.png {2}\(1 step\)/);
    assert.deepEqual(pngSize(readFileSync(join(out, `${METRIC}.png`))), { width: 2400, height: 1200 });
  });

  it('prune deletes nothing without --yes, and only older runs with it', async () => {
    const copy = join(dir, 'prune.db');
    const store = await openHistoryStore(copy, { create: true });
    for (let i = 0; i < 3; i++) await store.record(makeEntry({ id: `p${i}`, createdAt: at(i * 1440) }));
    await store.close();
    const dry = await runCli(['history', 'prune', '--db', copy, '--before', at(1440)]);
    assert.equal(dry.code, 2);
    assert.match(dry.stderr, /would delete 1 run .*nothing deleted \(add --yes to delete\)/);
    const wet = await runCli(['history', 'prune', '--db', copy, '--before', at(1440), '--yes']);
    assert.equal(wet.code, 0, wet.stderr);
    assert.match(wet.stdout, /deleted 1 run/);
    const left = JSON.parse((await runCli(['history', 'list', '--json', '--db', copy])).stdout) as { id: string }[];
    assert.deepEqual(left.map((x) => x.id), ['p2', 'p1']);
  });

  it('fails in one line, without a stack, on a missing store, a bad filter or an unknown metric', async () => {
    const missing = await runCli(['history', 'list', '--db', join(dir, 'none', 'history.db')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^gasm: no history store at .*none\/history\.db/);
    assert.ok(!existsSync(join(dir, 'none')), 'a reader creates nothing');
    const machineFlag = await runCli(['history', 'list', '--db', db, '--machine', 'not-hex!']);
    assert.equal(machineFlag.code, 2);
    assert.match(machineFlag.stderr, /machine 'not-hex!' is not a fingerprint/);
    const metric = await runCli(['history', 'show', 'no.such.metric', '--db', db]);
    assert.equal(metric.code, 2);
    assert.match(metric.stderr, /no run in .* recorded metric 'no\.such\.metric'/);
    for (const r of [missing, machineFlag, metric]) assert.doesNotMatch(r.stderr, /\n\s+at /);
    const cutoff = await runCli(['history', 'prune', '--db', db, '--before', 'yesterday-ish']);
    assert.equal(cutoff.code, 2);
    assert.match(cutoff.stderr, /--before must be a date/);
  });
});
