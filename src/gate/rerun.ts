/**
 * Runs a report's benchmark again, in this process, from the configuration the report recorded: the same
 * suites with their recorded options (rebuilt through each suite's own option parser and checked against what
 * the report recorded), the same instruction sets, model size, backend, run policy and sampler setting.
 * Settings a report does not record (attention kind, weight precision, result cache, a saved model) take their
 * defaults; a run that used other values cannot be confirmed this way.
 */
import { DEFAULT_STEADY_WARMUP } from '../bench/steady-warmup.js';
import { DEFAULT_MIN_RUNS } from '../bench/constants.js';
import { readCategory, readInstructionFile } from '../bench/instruction-files.js';
import type { BenchOptions, PlannedSuite } from '../bench/run-bench.js';
import { ConfigError } from '../errors.js';
import type { BackendPreference } from '../pipeline/model/backend.js';
import type { BenchReport } from '../report/types.js';
import type { RawFlags } from '../suites/contract.js';
import { ownEntries } from '../suites/records.js';
import { findSuite } from '../suites/registry.js';

const stable = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

/** The suites of the report with their options, each rebuilt from what the report recorded. */
export function plannedSuites(report: BenchReport): PlannedSuite[] {
  const planned: PlannedSuite[] = [];
  for (const [name, recorded] of ownEntries(report.config.suites)) {
    const suite = findSuite(name);
    if (!suite) throw new ConfigError(`cannot rerun: the report's suite '${name}' is not a suite of this gasm`);
    const options: unknown = suite.parseOptions({ ...recorded } as RawFlags);
    const rebuilt = suite.configOf(options);
    if (stable(rebuilt) !== stable(recorded)) {
      throw new ConfigError(`cannot rerun suite ${name}: its recorded options ${stable(recorded)} do not rebuild (got ${stable(rebuilt)})`);
    }
    planned.push({ suite, options });
  }
  if (planned.length === 0) throw new ConfigError('cannot rerun: the report records no suite');
  return planned;
}

/** The bench options that reproduce the report's run. */
export async function benchOptionsOf(report: BenchReport): Promise<BenchOptions> {
  const c = report.config;
  const sets = c.suiteFile !== null
    ? [{ name: 'custom', instructions: await readInstructionFile(c.suiteFile) }]
    : await Promise.all(c.categories.map(async (name) => ({ name, instructions: await readCategory(name) })));
  const { featureDim, hiddenDim, heads, iterations, seed } = c.model;
  return {
    suites: plannedSuites(report),
    label: c.suite,
    bridge: { backend: c.backend as BackendPreference, model: { featureDim, hiddenDim, heads, iterations, seed }, ...(c.timeoutMs !== null ? { timeoutMs: c.timeoutMs } : {}) },
    sets,
    suiteFile: c.suiteFile,
    policy: {
      warmup: c.warmup,
      warmupTimeMs: c.warmupTimeMs,
      ...(c.warmupMaxMs ? { steadyWarmup: { ...DEFAULT_STEADY_WARMUP, maxMs: c.warmupMaxMs } } : {}),
      runs: c.runs,
      minRuns: DEFAULT_MIN_RUNS,
      minTimeMs: c.minTimeMs,
      ...(c.targetCiWidth ? { precision: { relativeCiWidth: c.targetCiWidth, maxTimeMs: c.maxTimeMs ?? c.minTimeMs } } : {}),
    },
    sampleIntervalMs: c.sampleIntervalMs,
    sampler: report.timeline.enabled,
  };
}

/** Runs the report's benchmark again and returns the new report (the pipeline is loaded only when called). */
export async function rerunFromReport(report: BenchReport, signal?: AbortSignal): Promise<BenchReport> {
  const options = await benchOptionsOf(report);
  const { runBenchmark } = await import('../bench/run-bench.js');
  return runBenchmark(options, { signal });
}
