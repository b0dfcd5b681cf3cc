/**
 * The orchestrator: runs the requested suites (from the registry) against one bridge and assembles the
 * report. A suite's failure is a value: its outcome is recorded and the suites measured before it are kept.
 * On abort (Ctrl-C, SIGTERM) it stops between runs, marks the rest skipped and returns what was measured
 * with `complete: false`.
 */
import { createBridge, type BridgeConfig } from '../pipeline/bridge.js';
import type { BenchReport, ReportWarning, SuiteOutcomeRecord } from '../report/types.js';
import { SCHEMA_VERSION } from '../report/types.js';
import type { AnySuite, InstructionSet, ProgressEvent, RunContext, SuiteOutcome } from '../suites/contract.js';
import { MAX_BATCH_SIZE } from '../suites/shared-options.js';
import { TOOL } from '../version.js';
import { readGitInfo } from './git-info.js';
import type { RunPolicy } from './runner.js';
import { disabledSampler, startSampler } from './sampler.js';
import { collectSystemInfo } from './system-info.js';

/** One suite to run with its validated options. */
export interface PlannedSuite {
  suite: AnySuite;
  options: unknown;
}

export interface BenchOptions {
  suites: PlannedSuite[];
  /** Name written to the report and its file name: a suite name or 'all'. */
  label: string;
  bridge: BridgeConfig;
  /** Instruction sets from --category / --suite-file. */
  sets: InstructionSet[];
  suiteFile: string | null;
  policy: RunPolicy;
  sampleIntervalMs: number;
  sampler: boolean;
}

export interface BenchHooks {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one suite; an exception that escapes a suite still becomes a failed outcome. */
async function runOne(planned: PlannedSuite, ctx: RunContext): Promise<SuiteOutcome<unknown>> {
  try {
    return await planned.suite.run(ctx, planned.options);
  } catch (error) {
    return { status: 'failed', error: errorText(error), result: null };
  }
}

/** Runs the suites and returns the report (complete: false when aborted). */
export async function runBenchmark(options: BenchOptions, hooks: BenchHooks = {}): Promise<BenchReport> {
  const startupMs = performance.now();
  const startedAt = Date.now();
  // One processBatch call is one network chunk: the chunk limit never splits a suite's batch.
  const bridgeConfig: BridgeConfig = { ...options.bridge, maxChunk: Math.max(options.bridge.maxChunk ?? 0, MAX_BATCH_SIZE) };
  const tInit = performance.now();
  const bridge = await createBridge(bridgeConfig);
  const backendInitMs = performance.now() - tInit;
  const described = bridge.describe();
  const warnings: ReportWarning[] = [
    ...bridge.backend.warnings.map((message) => ({ code: 'BACKEND_FALLBACK', message })),
    ...described.warnings.map((message) => ({ code: 'IGNORED_SETTINGS', message })),
  ];
  const [system, git] = await Promise.all([collectSystemInfo(bridge.backend.name), readGitInfo()]);
  const sampler = options.sampler ? startSampler(options.sampleIntervalMs, system.gpus.length > 0, startedAt) : disabledSampler(options.sampleIntervalMs, startedAt);
  const outcomes = new Map<string, SuiteOutcomeRecord>();
  const results = new Map<string, unknown>();
  const report: BenchReport = {
    schemaVersion: SCHEMA_VERSION,
    complete: false,
    tool: { name: TOOL.name, version: TOOL.version },
    createdAt: new Date(startedAt).toISOString(),
    durationMs: 0,
    process: { startupMs, backendInitMs, totalMs: 0 },
    git,
    system,
    config: {
      suite: options.label,
      backend: bridge.backend.name,
      model: { ...bridge.modelConfig },
      runs: options.policy.runs,
      warmup: options.policy.warmup,
      warmupTimeMs: options.policy.warmupTimeMs ?? 0,
      warmupMaxMs: options.policy.steadyWarmup?.maxMs ?? 0,
      minTimeMs: options.policy.minTimeMs,
      targetCiWidth: options.policy.precision?.relativeCiWidth ?? 0,
      maxTimeMs: options.policy.precision?.maxTimeMs ?? options.policy.minTimeMs,
      categories: options.sets.map((s) => s.name),
      suiteFile: options.suiteFile,
      sampleIntervalMs: options.sampleIntervalMs,
      timeoutMs: options.bridge.timeoutMs ?? null,
      pipeline: {
        preset: described.preset,
        attention: described.attention,
        weights: described.weights.precision,
        packing: described.packing,
        cache: described.cache.mode,
        modelSha256: described.modelDir?.sha256 ?? null,
      },
      suites: Object.fromEntries(options.suites.map((p) => [p.suite.name, p.suite.configOf(p.options)])),
    },
    suites: {},
    outcomes: {},
    timeline: { intervalMs: options.sampleIntervalMs, enabled: options.sampler, samples: [], meanSampleCostMs: 0, cases: [] },
    warnings,
  };
  const signal = hooks.signal ?? new AbortController().signal;
  const ctx: RunContext = {
    bridge,
    bridgeConfig,
    createBridge: (overrides = {}) => createBridge({ ...bridgeConfig, ...overrides }),
    policy: options.policy,
    sets: options.sets,
    signal,
    progress: (event) => hooks.onProgress?.(event),
    sampler,
    warn: (code, message) => warnings.push({ code, message }),
  };
  let aborted = false;
  try {
    for (const planned of options.suites) {
      const name = planned.suite.name;
      if (aborted || signal.aborted) {
        aborted = true;
        outcomes.set(name, { status: 'skipped', durationMs: 0 });
        continue;
      }
      const t0 = performance.now();
      const outcome = await runOne(planned, ctx);
      const durationMs = performance.now() - t0;
      if (outcome.result !== null) {
        results.set(name, outcome.result);
        for (const w of planned.suite.review?.(outcome.result) ?? []) warnings.push(w);
      }
      if (outcome.status === 'failed') {
        outcomes.set(name, { status: 'failed', error: outcome.error, durationMs });
        warnings.push({ code: 'SUITE_FAILED', message: `${name}: ${outcome.error}${outcome.result !== null ? ' (what it measured before is kept)' : ''}` });
      } else outcomes.set(name, { status: outcome.status, durationMs });
      if (outcome.status === 'aborted') aborted = true;
    }
  } finally {
    report.timeline = await sampler.stop();
    bridge.dispose();
  }
  report.suites = Object.fromEntries(results) as BenchReport['suites'];
  report.outcomes = Object.fromEntries(outcomes);
  const t = report.timeline;
  if (t.enabled && t.samples.length > 0 && t.meanSampleCostMs > t.intervalMs * 0.05) {
    warnings.push({ code: 'SAMPLER_COST', message: `the sampler spends ${t.meanSampleCostMs.toFixed(1)} ms per ${t.intervalMs} ms sample; raise --sample-interval` });
  }
  report.complete = !aborted;
  report.durationMs = Date.now() - startedAt;
  report.process.totalMs = performance.now();
  return report;
}
