/**
 * Builds a schema-valid BenchReport from deterministic synthetic samples, for tests of the report,
 * chart and gate modules. Figures are synthetic (tool.name says so); real reports come from `gasm bench`.
 */
import { summarize } from '../../src/stats/summary.js';
import type { BenchReport, ThroughputCategory } from '../../src/report/types.js';

/** Deterministic PRNG (mulberry32) so that fixtures are identical on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n samples around `center` with relative spread `spread` (uniform noise). */
export function noisySamples(n: number, center: number, spread: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => center * (1 + spread * (r() * 2 - 1)));
}

export interface SampleReportOptions {
  seed?: number;
  /** Multiplies every time (1.15 = 15% slower); throughput divides by it. */
  slowdown?: number;
  /** Fraction of constraints satisfied. */
  satisfaction?: number;
  runs?: number;
}

function category(name: string, base: number, opts: Required<SampleReportOptions>, seed: number): ThroughputCategory {
  const instructions = 24;
  const runMs = noisySamples(opts.runs, (instructions / base) * 1000 * opts.slowdown, 0.03, seed);
  const cpuMs = runMs.map((ms) => ms * 0.98);
  const ips = runMs.map((ms) => (instructions / ms) * 1000);
  const perCall = (1000 / base) * opts.slowdown;
  const callMs = Array.from({ length: opts.runs }, (_, r) => noisySamples(instructions, perCall, 0.1, seed + 100 + r));
  const batchMs = runMs.map((ms) => [ms]);
  const constraints = instructions * 2 * opts.runs;
  const satisfied = Math.round(constraints * opts.satisfaction);
  const s = summarize(ips);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const q = (xs: number[], p: number) => { const v = sorted(xs); const h = (v.length - 1) * p; const lo = Math.floor(h); return v[lo] + (h - lo) * ((v[lo + 1] ?? v[lo]) - v[lo]); };
  const latency = summarize(callMs.flat());
  return {
    instructions,
    runs: opts.runs,
    batchSize: 64,
    instructionsPerSecond: s.median,
    constraintsPerSecond: s.median * 2,
    posesPerSecond: s.median * 2.5,
    throughputSummary: s,
    cpuInstructionsPerSecond: summarize(cpuMs.map((ms) => (instructions / ms) * 1000)),
    cpuRuns: 'all' as const,
    coreShare: 0.98,
    batchLatencyMs: summarize(batchMs.flat()),
    bookkeepingMsPerRun: 0.01,
    singleStream: {
      calls: instructions,
      runs: opts.runs,
      latencyMs: latency,
      ci95P90: [latency.p90 * 0.95, latency.p90 * 1.05],
      ci95P99: [latency.p99 * 0.9, latency.p99 * 1.1],
      samples: { callMs, runP50: callMs.map((c) => q(c, 0.5)), runP90: callMs.map((c) => q(c, 0.9)), runP99: callMs.map((c) => q(c, 0.99)) },
    },
    stagesMs: { preprocessing: perCall * 0.2, inference: perCall * 0.3, constraintSolving: perCall * 0.45, postprocessing: perCall * 0.05 },
    quality: {
      successRate: satisfied === constraints ? 1 : 0.9,
      meanConfidence: 0.8,
      constraintSatisfactionRate: satisfied / constraints,
      meanIterations: 6,
      responses: instructions * opts.runs,
      successes: satisfied === constraints ? instructions * opts.runs : Math.round(instructions * opts.runs * 0.9),
      constraints,
      satisfiedConstraints: satisfied,
      supportMargin: null,
    },
    qualityVaried: 0,
    samples: { runMs, cpuMs, instructionsPerSecond: ips, batchMs },
  };
}

/** A complete report with all four suites filled from synthetic samples. */
export function makeSampleReport(options: SampleReportOptions = {}): BenchReport {
  const opts: Required<SampleReportOptions> = { seed: 1, slowdown: 1, satisfaction: 1, runs: 20, ...options };
  const { seed, slowdown } = opts;
  const batchSizes = [1, 5, 10, 20, 50, 100];
  const objects = [2, 4, 8, 16, 32, 64];
  const seqMs = noisySamples(5, 400 * slowdown, 0.02, seed + 50);
  const parMs = noisySamples(5, 230 * slowdown, 0.02, seed + 51);
  const speedups = seqMs.map((s, i) => s / parMs[i]);
  const machine = noisySamples(5, 1.95, 0.01, seed + 52);
  const retained = noisySamples(5, 12, 0.2, seed + 60);
  const t0 = 0;
  const sp = summarize(speedups);
  const ms = summarize(machine);
  return {
    schemaVersion: 2,
    complete: true,
    tool: { name: 'gasm-bench-fixture', version: '0.1.0' },
    createdAt: '2026-11-24T12:00:00.000Z',
    durationMs: 12000,
    process: { startupMs: 300, backendInitMs: 150, totalMs: 12500 },
    git: { commit: '0123456789abcdef0123456789abcdef01234567', dirty: false },
    system: { cpuModel: 'Synthetic CPU', cores: 2, memoryBytes: 24 * 2 ** 30, os: 'linux', node: 'v20.20.2', backend: 'wasm', gpus: [] },
    config: {
      suite: 'all', backend: 'wasm', model: { featureDim: 32, hiddenDim: 32, heads: 4, iterations: 2, seed: 42 },
      runs: opts.runs, warmup: 3, warmupTimeMs: 500, minTimeMs: 1000, categories: ['simple', 'medium', 'complex', 'stress'],
      suiteFile: null, sampleIntervalMs: 250, timeoutMs: null,
      suites: { throughput: { batchSize: 64, singleStream: true }, scalability: { category: 'medium', batchSizes, objects }, memory: { instructions: 1000, repetitions: 5, batchSize: 64 }, parallel: { workers: 2, batchSize: 64, category: 'medium', repetitions: null } },
    },
    suites: {
      throughput: {
        batchSize: 64,
        categories: {
          simple: category('simple', 20000, opts, seed + 10),
          medium: category('medium', 9000, opts, seed + 20),
          complex: category('complex', 1500, opts, seed + 30),
          stress: category('stress', 200, opts, seed + 40),
        },
      },
      scalability: {
        category: 'medium',
        batch: batchSizes.map((b, i) => {
          const samples = noisySamples(opts.runs, (1 / Math.min(b, 20)) * slowdown, 0.03, seed + 70 + i);
          const sm = summarize(samples);
          return { batchSize: b, instructionsPerSecond: 1000 / sm.median, msPerInstruction: sm.median, batchLatencyMs: sm.median * b, summary: sm, samples };
        }),
        gain: { from: 1, to: 100, value: 20, ci95: [19, 21] },
        objects: objects.map((n, i) => {
          const samples = noisySamples(opts.runs, 0.01 * n ** 1.8 * slowdown, 0.03, seed + 80 + i);
          const sm = summarize(samples);
          return { objects: n, msPerInstruction: sm.median, constraints: n - 1, summary: sm, samples, satisfactionRate: 1 };
        }),
        complexity: { exponent: 1.8, coefficient: 0.01, r2: 0.99 },
        localExponents: objects.slice(1).map((n, i) => ({ from: objects[i], to: n, exponent: 1.8, ci95: [1.7, 1.9] as [number, number] })),
        upperFit: { from: objects[Math.floor(objects.length / 2)], to: objects[objects.length - 1], points: objects.length - Math.floor(objects.length / 2), exponent: 1.8, coefficient: 0.01, r2: 0.99, ci95: [1.7, 1.9] },
        bigO: { best: 'O(N^2)', candidates: [{ name: 'O(N^2)', coefficient: 0.0046, rms: 0.06 }, { name: 'O(N log N)', coefficient: 0.05, rms: 0.2 }] },
      },
      memory: {
        batchSize: 64,
        categories: {
          simple: {
            instructions: 1000, repetitions: 5, gcExposed: true,
            heapUsedBefore: 20e6, heapUsedAfter: 20.01e6, heapUsedPeak: 30e6,
            rssBefore: 150e6, rssAfter: 152e6, rssPeak: 160e6, externalBytes: 2e6, arrayBuffersBytes: 1e6,
            tensorsBefore: 40, tensorsAfter: 40, tensorBytesBefore: 80000, tensorBytesAfter: 80000,
            leakedTensors: 0, retainedBytesPerInstruction: 12, samples: retained, leak: false,
            verdict: 'no leak: 0 tensors and 12 B/instruction retained',
            timeline: Array.from({ length: 10 }, (_, i) => ({ t: t0 + i * 100, instructions: i * 100, heapUsed: 20e6 + (i % 3) * 1e6, rss: 150e6 + i * 1e5, tensors: 40 })),
          },
        },
      },
      parallel: {
        workers: 2, category: 'medium', batchSize: 64, sharePerWorker: 64, passes: 4, instructions: 512, repetitions: 5,
        sequentialMs: seqMs[2], parallelMs: parMs[2], speedup: sp.median, speedupCi95: sp.ci95Median, efficiency: sp.median / 2, efficiencyCi95: [sp.ci95Median[0] / 2, sp.ci95Median[1] / 2],
        machine: { speedup: ms.median, ci95: ms.ci95Median, efficiency: ms.median / 2, msPerWorker: 300 },
        relativeToMachine: sp.median / ms.median,
        relativeToMachineCi95: [sp.ci95Median[0] / ms.median, sp.ci95Median[1] / ms.median],
        perWorker: [{ worker: 0, instructions: 1280, aloneMs: seqMs[2] / 2, togetherMs: parMs[2] * 0.98 }, { worker: 1, instructions: 1280, aloneMs: seqMs[2] / 2, togetherMs: parMs[2] * 0.97 }],
        failedWorkers: 0,
        samples: { sequentialMs: seqMs, parallelMs: parMs, speedup: speedups, machineSpeedup: machine },
      },
    },
    outcomes: {
      throughput: { status: 'ok', durationMs: 4000 },
      scalability: { status: 'ok', durationMs: 4000 },
      memory: { status: 'ok', durationMs: 2000 },
      parallel: { status: 'ok', durationMs: 2000 },
    },
    timeline: {
      intervalMs: 250, enabled: true, meanSampleCostMs: 1.2,
      samples: Array.from({ length: 40 }, (_, i) => ({
        t: i * 250, cpu: 50 + 40 * Math.sin(i / 5) ** 2, cpuPerCore: [60, 40], memUsedBytes: 8e9 + i * 1e6,
        memTotalBytes: 24 * 2 ** 30, rssBytes: 150e6 + i * 1e5, heapUsedBytes: 20e6 + (i % 4) * 1e6, gpus: [],
      })),
      cases: [
        { suite: 'throughput', case: 'simple', startMs: 100, endMs: 2000 },
        { suite: 'throughput', case: 'medium', startMs: 2000, endMs: 4000 },
        { suite: 'parallel', case: '2 workers', startMs: 8000, endMs: 9500 },
      ],
    },
    warnings: [],
  };
}
