/**
 * Recording a finished report: what `gasm bench` calls after writing the report file. It opens the store
 * (creating the embedded file on first use), records the run in one transaction and closes the store.
 */
import type { BenchReport } from '../report/types.js';
import { readBranch } from './git-branch.js';
import { runEntryOf } from './run-entry.js';
import { openHistoryStore, resolveStoreLocation } from './store.js';

export interface RecordOptions {
  /** `--db`: a file path or a postgres:// URL; default GASM_DB, else `.gasm/history.db` under the working folder. */
  db?: string;
  /** The branch; default the report's own (`git.branch`), else read from the environment and git. */
  branch?: string | null;
  /** 'bench', or the file a report was imported from. */
  source?: string;
  cwd?: string;
}

export interface RecordResult {
  id: string;
  /** false when this report was already recorded. */
  inserted: boolean;
  /** Where it was recorded (a URL without its password). */
  location: string;
  /** Time taken, ms, from the call to the store being closed. */
  ms: number;
}

/** Records one report. Throws StoreError when the store cannot be opened or written. */
export async function recordReport(report: BenchReport, options: RecordOptions = {}): Promise<RecordResult> {
  const t0 = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const location = resolveStoreLocation(options.db, process.env, cwd);
  const reported = (report.git as { branch?: string | null } | null)?.branch;
  const branchRead =
    options.branch !== undefined ? Promise.resolve(options.branch)
    : typeof reported === 'string' && reported ? Promise.resolve(reported)
    : report.git ? readBranch(cwd)
    : Promise.resolve(null);
  const [store, branch] = await Promise.all([openHistoryStore(location, { create: true }), branchRead]);
  let recorded: Omit<RecordResult, 'ms'>;
  try {
    const entry = runEntryOf(report, { branch, source: options.source ?? 'bench' });
    recorded = { id: entry.id, inserted: await store.record(entry), location: store.location };
  } finally {
    await store.close();
  }
  return { ...recorded, ms: performance.now() - t0 };
}
