/**
 * The history test suite, run unchanged against the embedded SQLite store (store-sqlite.test.ts) and a real
 * PostgreSQL server (store-postgres.test.ts): same schema, same statements, same expectations.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { StoreError } from '../../src/errors.js';
import { loadMigrations, migrate, schemaVersion } from '../../src/history/migrate.js';
import { findSteps, metricHistory } from '../../src/history/queries.js';
import { openHistoryStore } from '../../src/history/store.js';
import { ROOT } from '../helpers/run-cli.js';
import { at, machine, makeEntry, noise } from './entries.js';

/** Gives a fresh, empty store location (a file path or a postgres:// URL) per call. */
export type FreshLocation = () => Promise<string>;

const METRIC = 'throughput.simple.instructionsPerSecond';

function child(args: string[], until?: string): { done: Promise<number | null>; reached: Promise<void>; kill: () => void } {
  const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'history', 'recorder-child.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalReached: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (signalReached = resolve));
  p.stdout.on('data', (d) => {
    out += d;
    if (until && out.includes(until)) signalReached();
  });
  p.stderr.on('data', (d) => (err += d));
  const done = new Promise<number | null>((resolve) => p.on('close', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(err);
    resolve(code);
  }));
  return { done, reached, kill: () => p.kill('SIGKILL') };
}

export function storeCases(fresh: FreshLocation): void {
  it('creates the schema at the newest version, and a second open applies nothing', async () => {
    const location = await fresh();
    const store = await openHistoryStore(location, { create: true });
    assert.equal(await schemaVersion(store.db), loadMigrations().length);
    await store.close();
    const again = await openHistoryStore(location, { create: true });
    const rows = await again.db.all<{ n: number | string }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM schema_version');
    assert.equal(Number(rows[0].n), loadMigrations().length);
    await again.close();
  });

  it('upgrades an older store with only the newer migrations, and rolls a failing one back whole', async () => {
    const store = await openHistoryStore(await fresh(), { create: true });
    await store.record(makeEntry({ id: 'kept', createdAt: at(0) }));
    const base = loadMigrations();
    const next = base.length + 1;
    const upgraded = [...base, { version: next, name: `${next}_note.sql`, sql: 'ALTER TABLE runs ADD COLUMN note TEXT;' }];
    assert.deepEqual(await migrate(store.db, upgraded), [next]);
    assert.deepEqual(await migrate(store.db, upgraded), []);
    assert.deepEqual(await store.db.all('SELECT id, note FROM runs'), [{ id: 'kept', note: null }]);
    const broken = [...upgraded, { version: next + 1, name: `${next + 1}_broken.sql`, sql: 'ALTER TABLE runs ADD COLUMN half TEXT; THIS IS NOT SQL;' }];
    await assert.rejects(migrate(store.db, broken), StoreError);
    assert.equal(await schemaVersion(store.db), next);
    await assert.rejects(store.db.all('SELECT half FROM runs'), 'the first statement of the failed migration was rolled back too');
    assert.equal(await store.countRuns(), 1);
    await store.close();
  });

  it('refuses a store written by a newer schema version, naming both versions', async () => {
    const location = await fresh();
    const store = await openHistoryStore(location, { create: true });
    await store.db.run('INSERT INTO schema_version (version, applied_at, tool_version) VALUES (?, ?, ?)', [99, at(0), '9.9.9']);
    await store.close();
    await assert.rejects(openHistoryStore(location, { create: true }), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.match(e.message, /schema version 99, written by a newer gasm/);
      assert.match(e.message, new RegExp(`up to ${loadMigrations().length}`));
      return true;
    });
  });

  it('records a run once, with its machine, metrics and intervals, and lists it with filters', async () => {
    const store = await openHistoryStore(await fresh(), { create: true });
    const other = machine('Other CPU', 8);
    assert.equal(await store.record(makeEntry({ id: 'r1', createdAt: at(1), samples: [90, 100, 110, 100, 100, 95, 105] })), true);
    assert.equal(await store.record(makeEntry({ id: 'r1', createdAt: at(1) })), false, 'the same run id is recorded once');
    await store.record(makeEntry({ id: 'r2', createdAt: at(2), branch: 'feature', machine: other, suites: ['memory'] }));
    await store.record(makeEntry({ id: 'r3', createdAt: at(3), commit: null, branch: null, complete: false }));

    const all = await store.listRuns();
    assert.deepEqual(all.map((r) => r.id), ['r3', 'r2', 'r1'], 'newest first');
    const r1 = all.find((r) => r.id === 'r1')!;
    assert.equal(r1.branch, 'main');
    assert.equal(r1.complete, true);
    assert.equal(r1.dirty, false);
    assert.deepEqual(r1.suites, ['throughput']);
    assert.equal(r1.machine, machine('Test CPU').fingerprint);
    assert.match(r1.machineLabel, /Test CPU/);
    const r3 = all.find((r) => r.id === 'r3')!;
    assert.equal(r3.commit, null);
    assert.equal(r3.complete, false);

    assert.deepEqual((await store.listRuns({ branch: 'feature' })).map((r) => r.id), ['r2']);
    assert.deepEqual((await store.listRuns({ machine: other.fingerprint.slice(0, 6) })).map((r) => r.id), ['r2']);
    assert.deepEqual((await store.listRuns({ suite: 'memory' })).map((r) => r.id), ['r2']);
    assert.deepEqual((await store.listRuns({ suite: 'throughput' })).map((r) => r.id).sort(), ['r1', 'r3']);
    assert.equal(await store.countRuns(), 3);
    assert.equal((await store.listRuns({}, 2)).length, 2);

    const points = await store.series(METRIC, { branch: 'main' });
    assert.equal(points.length, 1);
    assert.equal(points[0].value, 100);
    assert.equal(points[0].n, 7);
    assert.deepEqual([points[0].lower, points[0].upper], [90, 110], 'the order-statistic interval of a median of 7: ranks 1 and 7');
    const rate = await store.series('quality.simple.successRate', { branch: 'main' });
    assert.equal(rate[0].value, 0.99);
    assert.ok(rate[0].lower! < 0.99 && rate[0].upper! > 0.99);

    const infos = await store.metricInfos();
    assert.deepEqual(infos.map((m) => [m.id, m.runs]), [['quality.simple.successRate', 3], [METRIC, 3]]);
    await store.close();
  });

  it('keeps the samples so that runs can be pooled, and returns the newest complete reports of a branch and machine', async () => {
    const store = await openHistoryStore(await fresh(), { create: true });
    for (let i = 0; i < 6; i++) await store.record(makeEntry({ id: `b${i}`, createdAt: at(i), samples: [i, i + 1] }));
    await store.record(makeEntry({ id: 'partial', createdAt: at(10), complete: false }));
    await store.record(makeEntry({ id: 'elsewhere', createdAt: at(11), machine: machine('Other CPU') }));
    const bodies = await store.reportBodies({ branch: 'main', machine: machine('Test CPU').fingerprint }, 3);
    assert.deepEqual(bodies.map((b) => b.id), ['b5', 'b4', 'b3']);
    assert.deepEqual(JSON.parse(bodies[0].body), { synthetic: true, id: 'b5' });
    const samples = await store.db.all<{ samples: string }>('SELECT samples FROM metrics WHERE run_id = ? AND metric_id = ?', ['b2', METRIC]);
    assert.deepEqual(JSON.parse(samples[0].samples), [2, 3]);
    await store.close();
  });

  it('finds a 20-commit history’s one 8% step at the right commit, with no false steps', async () => {
    const store = await openHistoryStore(await fresh(), { create: true });
    const stepAt = 12;
    for (let c = 0; c < 20; c++) {
      // ±1.5% noise around 1000 instr/s; from commit 12 on, 8% slower.
      const level = c >= stepAt ? 1000 / 1.08 : 1000;
      const samples = [0, 1, 2, 3, 4].map((k) => level * (1 + 0.015 * noise(c * 7 + k)));
      await store.record(makeEntry({ id: `s${c}`, commit: `commit${String(c).padStart(2, '0')}`.padEnd(40, 'a'), createdAt: at(c), samples }));
    }
    // A second machine with the same noise and no step: it must stay quiet.
    for (let c = 0; c < 20; c++) {
      const samples = [0, 1, 2, 3, 4].map((k) => 500 * (1 + 0.015 * noise(c * 11 + k)));
      await store.record(makeEntry({ id: `q${c}`, commit: `commit${String(c).padStart(2, '0')}`.padEnd(40, 'a'), createdAt: at(c + 0.5), samples, machine: machine('Quiet CPU') }));
    }
    const found = await findSteps(store, { branch: 'main' }, { metrics: [METRIC] });
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].commit, 'commit12'.padEnd(40, 'a'));
    assert.equal(found[0].previous, 'commit11'.padEnd(40, 'a'));
    assert.equal(found[0].kind, 'regression');
    assert.equal(found[0].pending, false);
    assert.ok(Math.abs(found[0].change - (1 / 1.08 - 1)) < 0.02, `change ${found[0].change}`);
    const h = await metricHistory(store, METRIC, { branch: 'main' });
    assert.equal(h.series.commits.length, 20);
    assert.equal(h.series.machines.length, 2);
    await store.close();
  });

  it('prunes only runs before the cutoff (with their metrics and reports), and only with a cutoff', async () => {
    const store = await openHistoryStore(await fresh(), { create: true });
    for (let i = 0; i < 4; i++) await store.record(makeEntry({ id: `p${i}`, createdAt: at(i * 60) }));
    await assert.rejects(store.prune({}), /cutoff/);
    assert.equal(await store.countRuns({ before: at(120) }), 2);
    assert.equal(await store.prune({ before: at(120) }), 2);
    assert.deepEqual((await store.listRuns()).map((r) => r.id), ['p3', 'p2']);
    const orphans = await store.db.all<{ n: number | string }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM metrics WHERE run_id NOT IN (SELECT id FROM runs)');
    assert.equal(Number(orphans[0].n), 0);
    const reports = await store.db.all<{ n: number | string }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM reports');
    assert.equal(Number(reports[0].n), 2);
    await store.close();
  });

  it('lands every run when two processes record at once', async () => {
    const location = await fresh();
    const a = child(['record', location, 'a', '25']);
    const b = child(['record', location, 'b', '25']);
    assert.deepEqual(await Promise.all([a.done, b.done]), [0, 0]);
    const store = await openHistoryStore(location, { create: false });
    assert.equal(await store.countRuns(), 50);
    const metrics = await store.db.all<{ n: number | string }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM metrics');
    assert.equal(Number(metrics[0].n), 100);
    await store.close();
  });

  it('leaves nothing of a run whose process was killed before it committed, and stays usable', async () => {
    const location = await fresh();
    const store = await openHistoryStore(location, { create: true });
    await store.record(makeEntry({ id: 'before', createdAt: at(0) }));
    await store.close();
    const c = child(['hang', location, 'killed'], 'inside');
    await c.reached;
    c.kill();
    await c.done;
    const after = await openHistoryStore(location, { create: false });
    assert.deepEqual((await after.listRuns()).map((r) => r.id), ['before']);
    const metrics = await after.db.all<{ n: number | string }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM metrics WHERE run_id = ?', ['killed']);
    assert.equal(Number(metrics[0].n), 0);
    assert.equal(await after.record(makeEntry({ id: 'killed', createdAt: at(1) })), true, 'the lock is free and the id unused');
    if (after.db.dialect === 'sqlite') {
      const check = await after.db.all<{ integrity_check: string }>('PRAGMA integrity_check');
      assert.equal(check[0].integrity_check, 'ok');
    }
    await after.close();
  });
}
