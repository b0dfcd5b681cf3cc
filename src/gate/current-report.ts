/**
 * Which report is "current" when `--current` names a folder (or is left out: `reports/`). The report writer
 * keeps `latest.json` (the last run of any suite) and one `latest-<suite>.json` per suite, so after
 * `gasm bench scalability` a throughput baseline is still gated against the last throughput run.
 */
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from '../io/fs-errors.js';
import { safeFileStem } from '../io/safe-path.js';
import { loadReport } from '../report/load.js';
import type { BenchReport } from '../report/types.js';
import { SUITE_LIST } from '../suites/registry.js';

export const DEFAULT_CURRENT_DIR = 'reports';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Suites that hold results in a report, in registry order. */
function suitesOf(report: BenchReport): string[] {
  const suites = report.suites as Record<string, unknown>;
  return SUITE_LIST.map((s) => s.name).filter((name) => Object.hasOwn(suites, name));
}

/**
 * The current report for these baselines: `path` itself when it is a file; in a folder, `latest.json` when it
 * holds every suite the baselines hold, else `latest-<suite>.json` of the first baseline suite that has one.
 */
export async function findCurrentReport(path: string, baselines: BenchReport[]): Promise<{ path: string; report: BenchReport; why: string | null }> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    throw new InputError(`cannot read the current report ${path}: ${describeFsError(error)}`, { cause: error });
  }
  if (!isDir) return { path, report: await loadReport(path), why: null };
  const wanted = [...new Set(baselines.flatMap(suitesOf))];
  const latest = join(path, 'latest.json');
  if (await exists(latest)) {
    const report = await loadReport(latest);
    const held = new Set(suitesOf(report));
    if (wanted.every((s) => held.has(s))) return { path: latest, report, why: `latest.json holds the baseline's suites (${wanted.join(', ')})` };
  }
  for (const suite of wanted) {
    const candidate = join(path, `latest-${safeFileStem(suite)}.json`);
    if (await exists(candidate)) return { path: candidate, report: await loadReport(candidate), why: `the latest ${suite} run (the baseline holds ${wanted.join(', ')})` };
  }
  throw new InputError(`folder ${path} holds no latest report of the baseline's suites (${wanted.join(', ') || 'none'}): looked for latest.json and ${wanted.map((s) => `latest-${s}.json`).join(', ')}; run gasm bench ${wanted[0] ?? '<suite>'} first`);
}
