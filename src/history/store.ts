/**
 * The history store: recording runs and the queries `gasm history` and the gate ask, written once over
 * SqlDatabase so that the embedded SQLite file and a shared PostgreSQL server run the same statements on the
 * same schema (migrations/).
 */
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { migrate } from './migrate.js';
import type { RunEntry } from './run-entry.js';
import type { SqlDatabase, SqlExecutor, SqlValue } from './sql/database.js';
import { isPostgresUrl, openPostgres } from './sql/postgres.js';
import { openSqlite } from './sql/sqlite.js';
import type { HistoryRun, MetricInfo, MetricPoint, RunFilter } from './types.js';

/** Rows per multi-row INSERT of metrics (15 parameters each, well under SQLite's 32,766). */
const METRIC_ROWS_PER_INSERT = 200;

const RUN_COLUMNS = `r.id, r.suite, r.suites, r.created_at, r.commit_sha, r.branch, r.dirty, r.machine, m.label AS machine_label,
  r.tool_version, r.complete, r.recorded_at, r.source`;

interface RunRow {
  id: string;
  suite: string;
  suites: string;
  created_at: string;
  commit_sha: string | null;
  branch: string | null;
  dirty: number;
  machine: string;
  machine_label: string;
  tool_version: string;
  complete: number;
  recorded_at: string;
  source: string;
  [key: string]: unknown;
}

function runOf(row: RunRow): HistoryRun {
  return {
    id: row.id,
    suite: row.suite,
    suites: JSON.parse(row.suites) as string[],
    createdAt: row.created_at,
    commit: row.commit_sha,
    branch: row.branch,
    dirty: Number(row.dirty) === 1,
    machine: row.machine,
    machineLabel: row.machine_label,
    toolVersion: row.tool_version,
    complete: Number(row.complete) === 1,
    recordedAt: row.recorded_at,
    source: row.source,
  };
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const FINGERPRINT_PREFIX = /^[0-9a-f]{1,64}$/;

/** WHERE clause (over runs aliased `r`) and its parameters for a filter; ConfigError for a malformed value. */
export function whereOf(filter: RunFilter): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filter.suite !== undefined) {
    if (!NAME.test(filter.suite)) throw new ConfigError(`suite name '${filter.suite}' is not a suite name (letters, digits, . _ -)`);
    parts.push("r.suites LIKE ? ESCAPE '\\'");
    params.push(`%"${filter.suite.replace(/[_%]/g, (c) => `\\${c}`)}"%`);
  }
  if (filter.branch !== undefined) {
    parts.push('r.branch = ?');
    params.push(filter.branch);
  }
  if (filter.machine !== undefined) {
    const m = filter.machine.toLowerCase();
    if (!FINGERPRINT_PREFIX.test(m)) throw new ConfigError(`machine '${filter.machine}' is not a fingerprint (hex digits, as \`gasm history list\` shows)`);
    parts.push('r.machine LIKE ?');
    params.push(`${m}%`);
  }
  if (filter.before !== undefined) {
    parts.push('r.created_at < ?');
    params.push(filter.before);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * Writes one run (machine, run, metrics, report) with the executor of an open transaction. Returns false,
 * writing nothing, when a run with that id is already recorded.
 */
export async function writeRun(tx: SqlExecutor, entry: RunEntry, recordedAt = new Date().toISOString()): Promise<boolean> {
  const m = entry.machine;
  await tx.run(
    `INSERT INTO machines (fingerprint, cpu_model, cores, backend, model_config, label) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO NOTHING`,
    [m.fingerprint, m.cpuModel, m.cores, m.backend, JSON.stringify(m.model), m.label],
  );
  const inserted = await tx.run(
    `INSERT INTO runs (id, suite, suites, created_at, commit_sha, branch, dirty, machine, tool_version, complete, recorded_at, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [entry.id, entry.suite, JSON.stringify(entry.suites), entry.createdAt, entry.commit, entry.branch, entry.dirty ? 1 : 0,
      m.fingerprint, entry.toolVersion, entry.complete ? 1 : 0, recordedAt, entry.source],
  );
  if (inserted === 0) return false;
  for (let start = 0; start < entry.metrics.length; start += METRIC_ROWS_PER_INSERT) {
    const chunk = entry.metrics.slice(start, start + METRIC_ROWS_PER_INSERT);
    const params: SqlValue[] = [];
    for (const { metric, figure } of chunk) {
      const samples = metric.kind === 'samples' ? JSON.stringify(metric.samples) : null;
      params.push(entry.id, metric.id, metric.kind, metric.label, metric.unit, metric.direction, figure.statistic,
        figure.value, figure.lower, figure.upper, figure.n, samples,
        metric.kind === 'proportion' ? metric.successes : null, metric.kind === 'proportion' ? metric.trials : null,
        metric.kind === 'samples' ? metric.absoluteFloor ?? null : null);
    }
    const tuples = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    await tx.run(
      `INSERT INTO metrics (run_id, metric_id, kind, label, unit, direction, statistic, value, lower, upper, n, samples, successes, trials, absolute_floor)
       VALUES ${tuples}`,
      params,
    );
  }
  await tx.run('INSERT INTO reports (run_id, body) VALUES (?, ?)', [entry.id, entry.body]);
  return true;
}

/** An open, migrated history store. */
export class HistoryStore {
  constructor(readonly db: SqlDatabase) {}

  get location(): string {
    return this.db.location;
  }

  /** Records a run in one transaction; false when it was already recorded. */
  record(entry: RunEntry): Promise<boolean> {
    return this.db.transaction((tx) => writeRun(tx, entry));
  }

  /** Runs, newest first. */
  async listRuns(filter: RunFilter = {}, limit = 1_000_000): Promise<HistoryRun[]> {
    const where = whereOf(filter);
    const rows = await this.db.all<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN machines m ON m.fingerprint = r.machine ${where.sql}
       ORDER BY r.created_at DESC, r.id LIMIT ?`,
      [...where.params, limit],
    );
    return rows.map(runOf);
  }

  /** Number of runs the filter selects. */
  async countRuns(filter: RunFilter = {}): Promise<number> {
    const where = whereOf(filter);
    const rows = await this.db.all<{ n: number | string }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM runs r ${where.sql}`, where.params);
    return Number(rows[0]?.n ?? 0);
  }

  /** The metrics recorded by the runs the filter selects, by id. */
  async metricInfos(filter: RunFilter = {}): Promise<MetricInfo[]> {
    const where = whereOf(filter);
    const rows = await this.db.all<{ metric_id: string; label: string; unit: string; direction: 'higher' | 'lower'; statistic: string; runs: number | string }>(
      `SELECT x.metric_id, MAX(x.label) AS label, MAX(x.unit) AS unit, MAX(x.direction) AS direction, MAX(x.statistic) AS statistic,
         CAST(COUNT(*) AS INTEGER) AS runs
       FROM metrics x JOIN runs r ON r.id = x.run_id ${where.sql}
       GROUP BY x.metric_id ORDER BY x.metric_id`,
      where.params,
    );
    return rows.map((r) => ({ id: r.metric_id, label: r.label, unit: r.unit, direction: r.direction, statistic: r.statistic, runs: Number(r.runs) }));
  }

  /** What a metric is, from one recorded row; null when no run recorded it. */
  async metricInfo(metricId: string): Promise<Omit<MetricInfo, 'runs'> | null> {
    const rows = await this.db.all<{ label: string; unit: string; direction: 'higher' | 'lower'; statistic: string }>(
      'SELECT label, unit, direction, statistic FROM metrics WHERE metric_id = ? LIMIT 1',
      [metricId],
    );
    const r = rows[0];
    return r ? { id: metricId, label: r.label, unit: r.unit, direction: r.direction, statistic: r.statistic } : null;
  }

  /** Readable line of every machine fingerprint. */
  async machineLabels(): Promise<Map<string, string>> {
    const rows = await this.db.all<{ fingerprint: string; label: string }>('SELECT fingerprint, label FROM machines');
    return new Map(rows.map((r) => [r.fingerprint, r.label]));
  }

  /** One metric's figure in every run the filter selects, oldest first. */
  async series(metricId: string, filter: RunFilter = {}): Promise<MetricPoint[]> {
    const where = whereOf(filter);
    const rows = await this.db.all<{
      run_id: string; commit_sha: string | null; branch: string | null; machine: string; created_at: string;
      value: number | null; lower: number | null; upper: number | null; n: number;
    }>(
      `SELECT x.run_id, r.commit_sha, r.branch, r.machine, r.created_at, x.value, x.lower, x.upper, x.n
       FROM metrics x JOIN runs r ON r.id = x.run_id
       WHERE x.metric_id = ? ${where.sql ? `AND ${where.sql.slice('WHERE '.length)}` : ''}
       ORDER BY r.created_at, r.id`,
      [metricId, ...where.params],
    );
    const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    return rows.map((r) => ({
      runId: r.run_id, commit: r.commit_sha, branch: r.branch, machine: r.machine, createdAt: r.created_at,
      value: num(r.value), lower: num(r.lower), upper: num(r.upper), n: Number(r.n),
    }));
  }

  /** The stored report JSON of the newest `last` complete runs the filter selects, newest first. */
  async reportBodies(filter: RunFilter, last: number): Promise<{ id: string; body: string }[]> {
    const where = whereOf(filter);
    const rows = await this.db.all<{ id: string; body: string }>(
      `SELECT r.id, b.body FROM runs r JOIN reports b ON b.run_id = r.id
       ${where.sql ? `${where.sql} AND` : 'WHERE'} r.complete = 1
       ORDER BY r.created_at DESC, r.id LIMIT ?`,
      [...where.params, last],
    );
    return rows;
  }

  /**
   * Deletes the runs the filter selects (with their metrics and reports) in one transaction; returns how many.
   * The filter must name a cutoff time: nothing is deleted wholesale.
   */
  async prune(filter: RunFilter): Promise<number> {
    if (filter.before === undefined) throw new ConfigError('pruning needs a cutoff time (--before)');
    const where = whereOf(filter);
    return this.db.transaction(async (tx) => {
      const selected = `SELECT r.id FROM runs r ${where.sql}`;
      await tx.run(`DELETE FROM reports WHERE run_id IN (${selected})`, where.params);
      await tx.run(`DELETE FROM metrics WHERE run_id IN (${selected})`, where.params);
      const deleted = await tx.run(`DELETE FROM runs WHERE id IN (SELECT r.id FROM runs r ${where.sql})`, where.params);
      await tx.run('DELETE FROM machines WHERE fingerprint NOT IN (SELECT DISTINCT machine FROM runs)');
      return deleted;
    });
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** The embedded store's file, under the working folder. */
export const DEFAULT_STORE_PATH = join('.gasm', 'history.db');

/** Where a store is: a PostgreSQL URL, or an SQLite file path. */
export interface StoreLocation {
  kind: 'sqlite' | 'postgres';
  value: string;
}

/** `--db` value, else GASM_DB, else `.gasm/history.db` under `cwd`. */
export function resolveStoreLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): StoreLocation {
  const value = flag?.trim() || env.GASM_DB?.trim() || join(cwd, DEFAULT_STORE_PATH);
  return { kind: isPostgresUrl(value) ? 'postgres' : 'sqlite', value };
}

/**
 * Opens and migrates a store. `create: false` (the readers) refuses a missing SQLite file instead of making an
 * empty one. Throws StoreError when it cannot be opened or was written by a newer schema version.
 */
export async function openHistoryStore(location: StoreLocation | string, options: { create: boolean }): Promise<HistoryStore> {
  const where = typeof location === 'string' ? resolveStoreLocation(location) : location;
  const db = where.kind === 'postgres' ? await openPostgres(where.value) : await openSqlite(where.value, options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return new HistoryStore(db);
}
