/**
 * Runs a report's benchmark again, in this process, from the configuration the report recorded: the same
 * suites with their recorded options (rebuilt through each suite's own option parser and checked against what
 * the report recorded), the same instruction sets, model size, backend, run policy and sampler setting.
 * The pipeline settings a report records (attention, weight precision, packing) are used again; a run that used a
 * result cache or a saved model is not rerun (its cache and folder are not in the report); a report from before
 * pipeline settings were recorded reruns with the defaults.
 */
import { DEFAULT_STEADY_WARMUP } from '../bench/steady-warmup.js';
import { DEFAULT_MIN_RUNS } from '../bench/constants.js';
import { CATEGORIES, readCategory, readInstructionFile } from '../bench/instruction-files.js';
import { BACKENDS } from '../cli/model-options.js';
import { parseChoice, parseInteger, parseNumber } from '../cli/parse-options.js';
import { realOf } from '../io/output-guard.js';
import { isInside } from '../io/safe-path.js';
import type { BenchOptions, PlannedSuite } from '../bench/run-bench.js';
import { ConfigError } from '../errors.js';
import type { BackendPreference } from '../pipeline/model/backend.js';
import { ATTENTION_KINDS, type AttentionKind } from '../pipeline/model/network.js';
import { WEIGHT_PRECISIONS, type WeightPrecision } from '../pipeline/model/quantize.js';
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
    const options: unknown = suite.parseOptions(suite.flagsOf ? suite.flagsOf({ ...recorded }) : ({ ...recorded } as RawFlags));
    const rebuilt = suite.configOf(options);
    if (stable(rebuilt) !== stable(recorded)) {
      throw new ConfigError(`cannot rerun suite ${name}: its recorded options ${stable(recorded)} do not rebuild (got ${stable(rebuilt)})`);
    }
    planned.push({ suite, options });
  }
  if (planned.length === 0) throw new ConfigError('cannot rerun: the report records no suite');
  return planned;
}

/**
 * Checks the recorded run settings by the bench command's own bounds before anything runs (the report is
 * untrusted: `runs: 1e9` would never end, a negative time is no time): ConfigError naming the field. A recorded
 * suite file must lie inside the current folder (a report must not make gasm read /etc/shadow as instructions).
 */
async function checkRunSettings(report: BenchReport): Promise<void> {
  const c = report.config;
  const field = (name: string) => `cannot rerun: the report's config.${name}`;
  const whole = (name: string, v: number, lo: number, hi: number) => parseInteger(field(name), String(v), lo, hi);
  const number = (name: string, v: number, lo: number, hi: number) => parseNumber(field(name), String(v), lo, hi);
  whole('warmup', c.warmup, 0, 1_000_000);
  number('warmupTimeMs', c.warmupTimeMs, 0, 3_600_000);
  if (c.warmupMaxMs) number('warmupMaxMs', c.warmupMaxMs, 0, 3_600_000);
  if (c.runs !== null) whole('runs', c.runs, 1, 1_000_000);
  number('minTimeMs', c.minTimeMs, 0, 3_600_000);
  if (c.maxTimeMs !== null && c.maxTimeMs !== undefined) number('maxTimeMs', c.maxTimeMs, 0, 3_600_000);
  if (c.targetCiWidth) number('targetCiWidth', c.targetCiWidth, 0, 10);
  number('sampleIntervalMs', c.sampleIntervalMs, 10, 60_000);
  if (c.timeoutMs !== null) number('timeoutMs', c.timeoutMs, 0.001, 3_600_000);
  parseChoice(field('backend'), c.backend, BACKENDS);
  // A run of the user's own file records its set as 'custom'; otherwise each category must be a built-in one.
  if (c.suiteFile === null) for (const name of c.categories) parseChoice(field('categories'), name, CATEGORIES);
  const p = c.pipeline;
  if (p !== undefined) {
    parseChoice(field('pipeline.attention'), p.attention, ATTENTION_KINDS);
    parseChoice(field('pipeline.weights'), p.weights, WEIGHT_PRECISIONS);
    if (p.cache !== 'off') throw new ConfigError(`cannot rerun: the run used a result cache (${p.cache}), which the report does not hold; rerun it with gasm bench`);
    if (p.modelSha256 !== null) throw new ConfigError('cannot rerun: the run used a saved model (--model-dir), which the report names only by its sha256; rerun it with gasm bench');
  }
  if (c.suiteFile !== null && !isInside(await realOf(process.cwd()), await realOf(c.suiteFile))) {
    throw new ConfigError(`${field('suiteFile')} ${JSON.stringify(c.suiteFile)} is outside the current folder (links followed); rerun from the folder the run was made in, or run gasm bench yourself`);
  }
}

/** The bench options that reproduce the report's run. */
export async function benchOptionsOf(report: BenchReport): Promise<BenchOptions> {
  await checkRunSettings(report);
  const c = report.config;
  const sets = c.suiteFile !== null
    ? [{ name: 'custom', instructions: await readInstructionFile(c.suiteFile) }]
    : await Promise.all(c.categories.map(async (name) => ({ name, instructions: await readCategory(name) })));
  const { featureDim, hiddenDim, heads, iterations, seed } = c.model;
  const p = c.pipeline;
  return {
    suites: plannedSuites(report),
    label: c.suite,
    bridge: {
      backend: c.backend as BackendPreference,
      model: { featureDim, hiddenDim, heads, iterations, seed },
      ...(c.timeoutMs !== null ? { timeoutMs: c.timeoutMs } : {}),
      ...(p !== undefined ? { attention: p.attention as AttentionKind, weights: p.weights as WeightPrecision, packing: p.packing } : {}),
    },
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
