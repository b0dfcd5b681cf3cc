/**
 * Runs the requested suites against one bridge and assembles the report. On abort (Ctrl-C, SIGTERM) it stops
 * between runs and returns what was measured so far with `complete: false`.
 */
import os from 'node:os';
import { createBridge, type BridgeConfig } from '../pipeline/bridge.js';
import { DEFAULT_MODEL_CONFIG } from '../pipeline/model/config.js';
import type { BenchConfig, BenchReport, ReportWarning } from '../report/types.js';
import { SCHEMA_VERSION } from '../report/types.js';
import { TOOL } from '../version.js';
import {
  DEFAULT_MEMORY_REPETITIONS,
  DEFAULT_PARALLEL_REPETITIONS,
} from './constants.js';
import { readGitInfo } from './git-info.js';
import { timerOverheadNs, type RunPolicy } from './runner.js';
import { disabledSampler, startSampler } from './sampler.js';
import { runMemory } from './suites/memory.js';
import { runParallel } from './suites/parallel.js';
import { runScalability } from './suites/scalability.js';
import { runThroughput, type InstructionSet } from './suites/throughput.js';
import { collectSystemInfo } from './system-info.js';

export const SUITES = ['throughput', 'scalability', 'memory', 'parallel'] as const;
export type SuiteName = (typeof SUITES)[number];

export interface BenchOptions {
  suites: SuiteName[];
  /** Name written to the report and its file name: a suite name or 'all'. */
  label: string;
  bridge: BridgeConfig;
  /** Instruction sets for throughput and memory (built-in categories or a user's suite file). */
  sets: InstructionSet[];
  suiteFile: string | null;
  /** Instructions of the scalability batch sweep and of the parallel suite. */
  scalabilitySet: InstructionSet;
  policy: RunPolicy;
  batchSize: number;
  batchSizes: number[];
  objects: number[];
  workers: number;
  memoryInstructions: number;
  parallelInstructions: number;
  sampleIntervalMs: number;
  sampler: boolean;
}

export type Progress = { suite: SuiteName; step: string; run?: number; elapsedMs?: number };

export interface BenchHooks {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

function configOf(options: BenchOptions, backend: string): BenchConfig {
  return {
    suite: options.label,
    backend,
    model: { ...DEFAULT_MODEL_CONFIG, ...options.bridge.model },
    runs: options.policy.runs,
    warmup: options.policy.warmup,
    warmupTimeMs: options.policy.warmupTimeMs ?? 0,
    minTimeMs: options.policy.minTimeMs,
    batchSize: options.batchSize,
    categories: options.sets.map((s) => s.name),
    suiteFile: options.suiteFile,
    batchSizes: options.batchSizes,
    objects: options.objects,
    workers: options.workers,
    sampleIntervalMs: options.sampleIntervalMs,
    timeoutMs: options.bridge.timeoutMs ?? null,
  };
}

/** Runs the suites and returns the report (complete: false when aborted). */
export async function runBenchmark(options: BenchOptions, hooks: BenchHooks = {}): Promise<BenchReport> {
  const startedAt = Date.now();
  const bridge = await createBridge(options.bridge);
  const warnings: ReportWarning[] = bridge.backend.warnings.map((message) => ({ code: 'BACKEND_FALLBACK', message }));
  const [system, git] = await Promise.all([collectSystemInfo(bridge.backend.name), readGitInfo()]);
  const sampler = options.sampler ? startSampler(options.sampleIntervalMs, system.gpus.length > 0, startedAt) : disabledSampler(options.sampleIntervalMs);
  const report: BenchReport = {
    schemaVersion: SCHEMA_VERSION,
    complete: false,
    tool: { name: TOOL.name, version: TOOL.version },
    createdAt: new Date(startedAt).toISOString(),
    durationMs: 0,
    git,
    system,
    config: { ...configOf(options, bridge.backend.name), model: { ...bridge.modelConfig } },
    suites: {},
    timeline: { intervalMs: options.sampleIntervalMs, enabled: options.sampler, samples: [], meanSampleCostMs: 0 },
    warnings,
  };
  const signal = hooks.signal;
  let aborted = false;
  try {
    for (const suite of options.suites) {
      if (signal?.aborted) {
        aborted = true;
        break;
      }
      const progress = (step: string) => hooks.onProgress?.({ suite, step });
      const runHooks = {
        signal,
        onRun: (run: number, elapsedMs: number) => {
          sampler.publishHeap();
          hooks.onProgress?.({ suite, step: '', run, elapsedMs });
        },
      };
      if (suite === 'throughput') {
        const r = await runThroughput(bridge, { sets: options.sets, batchSize: options.batchSize, policy: options.policy }, { ...runHooks, onCategory: progress });
        report.suites.throughput = r.suite;
        aborted = r.aborted;
      } else if (suite === 'scalability') {
        const r = await runScalability(
          bridge,
          { category: options.scalabilitySet.name, instructions: options.scalabilitySet.instructions, batchSizes: options.batchSizes, objects: options.objects, policy: options.policy },
          { ...runHooks, onStep: progress },
        );
        report.suites.scalability = r.suite;
        aborted = r.aborted;
      } else if (suite === 'memory') {
        const r = await runMemory((texts) => bridge.processBatch(texts), {
          sets: options.sets,
          instructions: options.memoryInstructions,
          repetitions: DEFAULT_MEMORY_REPETITIONS,
          batchSize: options.batchSize,
        }, { signal, onCategory: progress });
        report.suites.memory = r.suite;
        aborted = r.aborted;
        if (Object.values(r.suite.categories).some((c) => !c.gcExposed)) {
          warnings.push({ code: 'NO_GC', message: 'garbage collector not available: retained-memory figures include garbage' });
        }
      } else if (suite === 'parallel') {
        const r = await runParallel(bridge, {
          instructions: options.scalabilitySet.instructions,
          total: options.parallelInstructions,
          workers: options.workers,
          repetitions: options.policy.runs ?? DEFAULT_PARALLEL_REPETITIONS,
          batchSize: options.batchSize,
          bridgeConfig: options.bridge,
        }, { signal, onStep: progress });
        if (r.suite) report.suites.parallel = r.suite;
        aborted = r.aborted;
        if (r.suite && r.suite.failedWorkers > 0) {
          warnings.push({ code: 'WORKER_FAILED', message: `${r.suite.failedWorkers} of ${r.suite.workers} workers failed: ${r.suite.perWorker.filter((w) => w.error).map((w) => w.error).join('; ')}` });
        }
        if (options.workers > os.availableParallelism()) {
          warnings.push({ code: 'OVERSUBSCRIBED', message: `${options.workers} workers on ${os.availableParallelism()} cores: efficiency is bounded by the cores` });
        }
      }
      if (aborted) break;
    }
  } finally {
    report.timeline = await sampler.stop();
    bridge.dispose();
  }
  addMeasurementWarnings(report, warnings);
  report.complete = !aborted;
  report.durationMs = Date.now() - startedAt;
  return report;
}

/** Warnings about the measurement itself: noisy runs, runs too short for the timer, sampler cost. */
function addMeasurementWarnings(report: BenchReport, warnings: ReportWarning[]): void {
  const overheadMs = timerOverheadNs() / 1e6;
  for (const [name, c] of Object.entries(report.suites.throughput?.categories ?? {})) {
    // Robust spread (MAD / median): a few GC pauses inflate the CV but do not make the median unreliable.
    const spread = c.throughputSummary.mad / c.throughputSummary.median;
    if (spread > 0.1) {
      warnings.push({ code: 'NOISY', message: `throughput/${name}: run-to-run spread ${(spread * 100).toFixed(1)}% (MAD/median); close other programs or raise --min-time` });
    }
    if (c.runs < 5) warnings.push({ code: 'FEW_RUNS', message: `throughput/${name}: only ${c.runs} runs; statistics are weak` });
    if (Math.min(...c.samples.runMs) < overheadMs * 1000) {
      warnings.push({ code: 'SHORT_RUNS', message: `throughput/${name}: runs shorter than 1000× the timer's own cost (${(overheadMs * 1e3).toFixed(2)} µs)` });
    }
  }
  const t = report.timeline;
  if (t.enabled && t.samples.length > 0 && t.meanSampleCostMs > t.intervalMs * 0.05) {
    warnings.push({ code: 'SAMPLER_COST', message: `the sampler spends ${t.meanSampleCostMs.toFixed(1)} ms per ${t.intervalMs} ms sample; raise --sample-interval` });
  }
}
