/**
 * History as the gate's baseline: `gasm gate --baseline history:<branch>` pools the newest N complete runs of
 * that branch recorded on the current report's machine fingerprint. The stored reports are untrusted input:
 * each is parsed and validated again before the gate sees it.
 */
import { ConfigError, ReportError } from '../errors.js';
import type { BenchReport } from '../report/types.js';
import { parseReportText } from '../report/load.js';
import { findSuite } from '../suites/registry.js';
import { machineOf } from './machine.js';
import { runIdOf } from './run-entry.js';
import { openHistoryStore, resolveStoreLocation } from './store.js';

/** Prefix of a `--baseline` value that names a history branch. */
export const HISTORY_BASELINE_PREFIX = 'history:';
/** Runs pooled by default. */
export const DEFAULT_BASELINE_RUNS = 5;

/** True for `history:<branch>`. */
export function isHistoryBaseline(spec: string): boolean {
  return spec.startsWith(HISTORY_BASELINE_PREFIX);
}

export interface HistoryBaselineOptions {
  /** `--db` (default GASM_DB, else the embedded store). */
  db?: string;
  /**
   * A machine fingerprint (or prefix), or a report (normally the current one): its fingerprint is used, only
   * runs holding its suite (unless it ran `all`), and never that report's own run.
   */
  machine?: string | BenchReport;
  /** Newest runs pooled (default 5). */
  last?: number;
}

export interface HistoryBaseline {
  branch: string;
  machine: string | null;
  location: string;
  runIds: string[];
  /** The runs' reports, oldest first, for the gate to pool. */
  reports: BenchReport[];
}

/** Loads the reports a `history:<branch>` baseline pools. Throws when none matches. */
export async function loadHistoryBaseline(spec: string, options: HistoryBaselineOptions = {}): Promise<HistoryBaseline> {
  if (!isHistoryBaseline(spec)) throw new ConfigError(`a history baseline is written history:<branch>, got '${spec}'`);
  const branch = spec.slice(HISTORY_BASELINE_PREFIX.length).trim();
  if (!branch) throw new ConfigError(`a history baseline names a branch: history:<branch>, got '${spec}'`);
  const last = options.last ?? DEFAULT_BASELINE_RUNS;
  if (!Number.isInteger(last) || last < 1) throw new ConfigError(`the number of history runs to pool must be a positive integer, got ${last}`);
  const machine = options.machine === undefined ? null : typeof options.machine === 'string' ? options.machine : machineOf(options.machine).fingerprint;
  const label = typeof options.machine === 'object' ? options.machine.config.suite : 'all';
  const suite = label !== 'all' && findSuite(label) ? label : null;
  const own = typeof options.machine === 'object' ? runIdOf(JSON.stringify(options.machine)) : null;
  const store = await openHistoryStore(resolveStoreLocation(options.db), { create: false });
  try {
    const rows = (await store.reportBodies({ branch, ...(machine ? { machine } : {}), ...(suite ? { suite } : {}) }, last + 1))
      .filter((row) => row.id !== own)
      .slice(0, last);
    if (rows.length === 0) {
      throw new ReportError('REPORT_INCOMPATIBLE', `no complete run of branch '${branch}'${suite ? ` holding suite ${suite}` : ''}${machine ? ` on machine ${machine}` : ''} in history store ${store.location}`);
    }
    const reports = rows.map((row) => parseReportText(row.body, `history run ${row.id}`));
    return { branch, machine, location: store.location, runIds: rows.map((r) => r.id).reverse(), reports: reports.reverse() };
  } finally {
    await store.close();
  }
}
