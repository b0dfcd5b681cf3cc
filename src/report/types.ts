/**
 * The benchmark report: one JSON document per `gasm bench` run.
 * These types are the source of report.schema.json (kept in step by test/report/schema.test.ts).
 * Field names under `suites` are stable: CI scripts and `gasm gate` read them.
 */

import type { ComplexityFit, Summary } from '../stats/types.js';

export type { ComplexityFit, Summary };

export const SCHEMA_VERSION = 1;

export interface StageBreakdownMs {
  preprocessing: number;
  inference: number;
  constraintSolving: number;
  postprocessing: number;
}

export interface QualityFigures {
  /** Successful responses / all responses. */
  successRate: number;
  meanConfidence: number;
  /** Satisfied constraints / all constraints. */
  constraintSatisfactionRate: number;
  meanIterations: number;
  /** Raw counts, so that rates can be compared statistically. */
  responses: number;
  successes: number;
  constraints: number;
  satisfiedConstraints: number;
}

export interface ThroughputCategory {
  /** Instructions in one run of the category. */
  instructions: number;
  runs: number;
  batchSize: number;
  /** Median over runs of instructions / run wall time. */
  instructionsPerSecond: number;
  constraintsPerSecond: number;
  posesPerSecond: number;
  /** Per-run throughput, instructions/s. */
  throughputSummary: Summary;
  /** Per-instruction pipeline time (sum of the stage timings; inference amortised over its batch). */
  latencyMs: Summary;
  /** Mean milliseconds per instruction in each stage. */
  stagesMs: StageBreakdownMs;
  quality: QualityFigures;
  samples: {
    /** Wall time of each measured run, ms. */
    runMs: number[];
    /** instructions / run wall time for each run. */
    instructionsPerSecond: number[];
    /** Per-instruction latency of every measured response, ms. */
    latencyMs: number[];
  };
}

export interface ThroughputSuite {
  categories: Record<string, ThroughputCategory>;
}

export interface BatchPoint {
  batchSize: number;
  instructionsPerSecond: number;
  msPerInstruction: number;
  summary: Summary;
  /** ms per instruction, one per repetition. */
  samples: number[];
}

export interface ObjectsPoint {
  objects: number;
  msPerInstruction: number;
  constraints: number;
  summary: Summary;
  /** ms per instruction, one per repetition. */
  samples: number[];
  satisfactionRate: number;
}

export interface ScalabilitySuite {
  category: string;
  batch: BatchPoint[];
  objects: ObjectsPoint[];
  complexity: ComplexityFit;
}

export interface MemoryPoint {
  /** ms since the category started. */
  t: number;
  instructions: number;
  heapUsed: number;
  rss: number;
  tensors: number;
}

export interface MemoryCategory {
  instructions: number;
  gcExposed: boolean;
  heapUsedBefore: number;
  heapUsedAfter: number;
  heapUsedPeak: number;
  rssBefore: number;
  rssAfter: number;
  rssPeak: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  tensorsBefore: number;
  tensorsAfter: number;
  tensorBytesBefore: number;
  tensorBytesAfter: number;
  leakedTensors: number;
  /** (heap after GC − heap before, after GC) / instructions, bytes. */
  retainedBytesPerInstruction: number;
  /** Retained bytes per instruction, one value per repetition. */
  samples: number[];
  leak: boolean;
  verdict: string;
  timeline: MemoryPoint[];
}

export interface MemorySuite {
  categories: Record<string, MemoryCategory>;
}

export interface WorkerResult {
  worker: number;
  instructions: number;
  ms: number;
  error?: string;
}

export interface ParallelSuite {
  workers: number;
  instructions: number;
  sequentialMs: number;
  parallelMs: number;
  speedup: number;
  efficiency: number;
  perWorker: WorkerResult[];
  failedWorkers: number;
  samples: { sequentialMs: number[]; parallelMs: number[]; speedup: number[] };
}

export interface GpuInfo {
  vendor: string;
  model: string;
  memoryMb: number | null;
}

export interface SystemInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  backend: string;
  gpus: GpuInfo[];
}

export interface TimelineSample {
  /** ms since the run started. */
  t: number;
  /** Average CPU load, percent. */
  cpu: number;
  cpuPerCore: number[];
  memUsedBytes: number;
  memTotalBytes: number;
  rssBytes: number;
  heapUsedBytes: number;
  gpus: { utilization: number | null; memoryUsedMb: number | null }[];
}

export interface Timeline {
  intervalMs: number;
  enabled: boolean;
  samples: TimelineSample[];
  /** Mean wall time the sampler spent per sample, ms (it runs in a worker thread, off the timed path). */
  meanSampleCostMs: number;
}

export interface ReportWarning {
  code: string;
  message: string;
}

export interface BenchConfig {
  suite: string;
  backend: string;
  model: { featureDim: number; hiddenDim: number; heads: number; iterations: number; seed: number };
  runs: number | null;
  warmup: number;
  warmupTimeMs?: number;
  minTimeMs: number;
  batchSize: number;
  categories: string[];
  suiteFile: string | null;
  batchSizes: number[];
  objects: number[];
  workers: number;
  sampleIntervalMs: number;
  timeoutMs: number | null;
}

export interface BenchReport {
  schemaVersion: number;
  /** false when the run was interrupted; what was measured so far is kept. */
  complete: boolean;
  tool: { name: string; version: string };
  createdAt: string;
  durationMs: number;
  git: { commit: string; dirty: boolean } | null;
  system: SystemInfo;
  config: BenchConfig;
  suites: {
    throughput?: ThroughputSuite;
    scalability?: ScalabilitySuite;
    memory?: MemorySuite;
    parallel?: ParallelSuite;
  };
  timeline: Timeline;
  warnings: ReportWarning[];
}
