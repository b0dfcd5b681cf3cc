/**
 * Recording reports: `recordReport` (what bench calls), `history import` of files and folders (bad files
 * skipped and named), and the gate's history baseline. The report is the schema-valid synthetic one of
 * test/helpers/sample-report.ts (all suites); variants differ only in time and commit. bench-history.test.ts
 * records real `gasm bench` runs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigError, ReportError } from '../../src/errors.js';
import { loadHistoryBaseline } from '../../src/history/baseline.js';
import { readBranch } from '../../src/history/git-branch.js';
import { importReports } from '../../src/history/import-reports.js';
import { machineOf } from '../../src/history/machine.js';
import { recordReport } from '../../src/history/record.js';
import { metricsOfReport } from '../../src/history/report-metrics.js';
import { runEntryOf } from '../../src/history/run-entry.js';
import { openHistoryStore } from '../../src/history/store.js';
import type { BenchReport } from '../../src/report/types.js';
import { runCli } from '../helpers/run-cli.js';
import { makeSampleReport } from '../helpers/sample-report.js';

const dir = mkdtempSync(join(tmpdir(), 'gasm-history-record-'));
let report: BenchReport;
let reportFile: string;

/** The report as if run at another time and commit. */
function variant(i: number): BenchReport {
  const copy = JSON.parse(JSON.stringify(report)) as BenchReport;
  copy.createdAt = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  copy.git = { ...(copy.git ?? { dirty: false }), commit: i.toString(16).padStart(40, '0') } as BenchReport['git'];
  return copy;
}

before(() => {
  report = makeSampleReport({ seed: 7 });
  reportFile = join(dir, 'throughput-sample.json');
  writeFileSync(reportFile, JSON.stringify(report, null, 2));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('recordReport', () => {
  it('records a report once, with every metric its suites give', async () => {
    const db = join(dir, 'record.db');
    const first = await recordReport(report, { db, branch: 'main' });
    assert.equal(first.inserted, true);
    assert.match(first.id, /^[0-9a-f]{20}$/);
    assert.equal((await recordReport(report, { db, branch: 'main' })).inserted, false);
    const store = await openHistoryStore(db, { create: false });
    const [run] = await store.listRuns();
    assert.equal(run.id, first.id);
    assert.equal(run.commit, report.git?.commit ?? null);
    assert.equal(run.machine, machineOf(report).fingerprint);
    assert.deepEqual(run.suites, Object.keys(report.suites).sort());
    const ids = (await store.metricInfos()).map((m) => m.id);
    assert.deepEqual(ids, metricsOfReport(report).map((m) => m.id));
    assert.ok(ids.length > 0);
    await store.close();
  });

  it('creates the embedded store under the working folder by default', async () => {
    const cwd = join(dir, 'project');
    mkdirSync(cwd);
    const r = await recordReport(variant(1), { cwd, branch: null });
    assert.equal(r.location, join(cwd, '.gasm', 'history.db'));
  });
});

describe('runEntryOf', () => {
  it('holds every field of the listed run but the store\'s own, and the store lists them unchanged', async () => {
    const db = join(dir, 'entry.db');
    const entry = runEntryOf(report, { branch: 'feature/x', source: 'test' });
    const store = await openHistoryStore(db, { create: true });
    try {
      await store.record(entry);
      const [run] = await store.listRuns();
      const { machine, machineLabel, recordedAt, ...own } = run;
      assert.deepEqual(Object.keys(own).sort(), Object.keys(entry).filter((k) => !['machine', 'metrics', 'body'].includes(k)).sort());
      for (const [key, value] of Object.entries(own)) assert.deepEqual(value, entry[key as keyof typeof entry], key);
      assert.equal(machine, entry.machine.fingerprint);
      assert.equal(machineLabel, entry.machine.label);
      assert.match(recordedAt, /^\d{4}-\d\d-\d\dT/);
    } finally {
      await store.close();
    }
  });
});

describe('importReports', () => {
  it('records report files and folders, skipping and naming bad files', async () => {
    const folder = join(dir, 'import');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    writeFileSync(join(folder, 'a.json'), JSON.stringify(variant(2)));
    writeFileSync(join(folder, 'latest.json'), JSON.stringify(variant(2)));
    writeFileSync(join(folder, 'nested', 'b.json'), JSON.stringify(variant(3)));
    writeFileSync(join(folder, 'broken.json'), '{"schemaVersion": ');
    writeFileSync(join(folder, 'other.json'), JSON.stringify({ hello: 'world' }));
    // Valid reports that cannot be recorded: a createdAt that is no date, an extra object nested 10,000 deep.
    writeFileSync(join(folder, 'undated.json'), JSON.stringify({ ...variant(4), createdAt: 'not a date' }));
    writeFileSync(join(folder, 'no-such-day.json'), JSON.stringify({ ...variant(6), createdAt: '2026-02-30T10:00:00.000Z' }));
    writeFileSync(join(folder, 'deep.json'), JSON.stringify(variant(5)).replace(/\}$/, `,"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`));
    const store = await openHistoryStore(join(dir, 'import.db'), { create: true });
    const outcome = await importReports(store, [folder, join(dir, 'missing.json')], { branch: 'main' });
    assert.deepEqual(outcome.imported.map((x) => x.path).sort(), [join(folder, 'a.json'), join(folder, 'nested', 'b.json')]);
    assert.deepEqual(outcome.skipped.map((s) => s.path).sort(), [join(dir, 'missing.json'), join(folder, 'broken.json'), join(folder, 'other.json'), join(folder, 'undated.json'), join(folder, 'deep.json'), join(folder, 'no-such-day.json')].sort());
    assert.match(outcome.skipped.find((s) => s.path.endsWith('undated.json'))!.reason, /createdAt "not a date" is not a date/);
    assert.match(outcome.skipped.find((s) => s.path.endsWith('broken.json'))!.reason, /not valid JSON/);
    const again = await importReports(store, [join(folder, 'a.json')], { branch: 'main' });
    assert.equal(again.present.length, 1, 'the same report is recorded once');
    assert.equal(await store.countRuns({ branch: 'main' }), 2);
    await store.close();
  });

  it('`gasm history import` prints what it did and names skipped files', async () => {
    const db = join(dir, 'cli-import.db');
    const r = await runCli(['history', 'import', reportFile, join(dir, 'nope.json'), '--db', db, '--branch', 'main']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /imported 1, already recorded 0, skipped 1/);
    assert.match(r.stderr, /skipped .*nope\.json/);
    const none = await runCli(['history', 'import', join(dir, 'nope.json'), '--db', db]);
    assert.equal(none.code, 2);
  });
});

describe('loadHistoryBaseline', () => {
  it('pools the newest N complete runs of a branch on the current machine, oldest first', async () => {
    const db = join(dir, 'baseline.db');
    for (let i = 10; i < 16; i++) await recordReport(variant(i), { db, branch: 'main' });
    await recordReport(variant(20), { db, branch: 'feature' });
    const b = await loadHistoryBaseline('history:main', { db, machine: report, last: 3 });
    assert.equal(b.reports.length, 3);
    assert.deepEqual(b.reports.map((r) => r.createdAt), [variant(13), variant(14), variant(15)].map((r) => r.createdAt));
    assert.equal(b.machine, machineOf(report).fingerprint);
    assert.deepEqual(JSON.parse(JSON.stringify(b.reports[2])), JSON.parse(JSON.stringify(variant(15))));
    const own = await loadHistoryBaseline('history:main', { db, machine: variant(15), last: 3 });
    assert.deepEqual(own.reports.map((r) => r.createdAt), [variant(12), variant(13), variant(14)].map((r) => r.createdAt), 'the current run itself is never its own baseline');
    await assert.rejects(loadHistoryBaseline('history:', { db }), ConfigError);
    await assert.rejects(loadHistoryBaseline('history:nope', { db }), (e: unknown) => e instanceof ReportError && /no complete run of branch 'nope'/.test(e.message));
    await assert.rejects(loadHistoryBaseline('history:main', { db, machine: 'ffff' }), /on machine ffff/);
  });
});

describe('readBranch', () => {
  it('prefers GASM_BRANCH, then the CI branch, then git; null on a detached HEAD', async () => {
    assert.equal(await readBranch(dir, { GASM_BRANCH: 'release' }), 'release');
    assert.equal(await readBranch(dir, { GITHUB_REF_NAME: 'ci-branch' }), 'ci-branch');
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'topic');
    git('commit', '-q', '--allow-empty', '-m', 'x');
    assert.equal(await readBranch(repo, {}), 'topic');
    mkdirSync(join(repo, 'sub', 'dir'), { recursive: true });
    assert.equal(await readBranch(join(repo, 'sub', 'dir'), {}), 'topic', 'from a folder inside the repository');
    git('worktree', 'add', '-q', '-b', 'side', join(dir, 'worktree'));
    assert.equal(await readBranch(join(dir, 'worktree'), {}), 'side', 'a worktree (.git file)');
    git('checkout', '-q', '--detach');
    assert.equal(await readBranch(repo, {}), null);
    assert.equal(await readBranch(join(dir, 'not-a-repo-' + Date.now()), {}), null);
  });
});
