/**
 * Throughput suite, per category: batched runs (the category's instructions through `processBatch` in
 * batches of `batchSize`; a run covers the list at least once, repeated to whole batches, so every batch is
 * full), each processBatch call timed on its own (per-batch latency) and each run's process
 * CPU time read beside its wall time; then a single-stream pass (one instruction per call). Quality is
 * tallied outside the timed region.
 */
import { instructionCounterAvailability } from '../../bench/hardware-counters.js';
import { machineNoise, readCpuCounters } from '../../bench/noise.js';
import type { RunHooks } from '../../bench/runner.js';
import { chunk, cycle, ResponseTally } from '../../bench/response-tally.js';
import { measureBatched } from './batched.js';
import { measureInForks } from './forks.js';
import { median } from '../../stats/quantile.js';
import { summarizePerRun, summarizeRuns } from './intervals.js';
import { calmRuns } from './metrics.js';
import { withInterval, whole } from '../../format/numbers.js';
import type { InstructionSet, RunContext, SuiteOutcome } from '../contract.js';
import { toRecord } from '../records.js';
import type { ThroughputOptions } from './options.js';
import type { ThroughputCategory, ThroughputResult } from './schema.js';
import { measureSingleStream } from './single-stream.js';

/** Measures one category's batched runs and its single-stream pass. Null when interrupted before a run. */
export async function measureCategory(ctx: RunContext, set: InstructionSet, options: ThroughputOptions, hooks: RunHooks): Promise<{ result: ThroughputCategory | null; aborted: boolean }> {
  const { bridge, policy } = ctx;
  const batchSize = options.batchSize;
  // The list repeated to whole batches: every processBatch call carries exactly batchSize instructions.
  const workload = cycle(set.instructions, Math.ceil(Math.max(set.instructions.length, batchSize) / batchSize) * batchSize);
  const batches = chunk(workload, batchSize);
  const runPolicy = { ...policy, reference: options.reference };
  const forked = options.forks > 1
    ? await measureInForks(ctx.bridgeConfig, batches, runPolicy, options.forks, options.singleStream ? [...set.instructions] : null, hooks.signal, (fork) => ctx.progress({ suite: 'throughput', case: set.name, run: fork, of: options.forks }))
    : null;
  const { m, noise, tally: tallyData, distinct, batchRuns } = forked ? forked.runs : await measureBatched(bridge, batches, runPolicy, hooks);
  if (m.ms.length === 0) return { result: null, aborted: forked ? forked.aborted : m.aborted };
  const tally = new ResponseTally();
  tally.absorb(tallyData);
  const n = workload.length;
  const ips = m.ms.map((t) => (n / t) * 1000);
  const forkOf = forked?.forkOf;
  // instr/CPU-s: the same runs as the gate's metric of that id (the undisturbed ones when there are enough).
  const cpuRuns = calmRuns(m.cpuMs, m.switches.length > 0 ? m.switches : undefined, forkOf);
  const cpuIps = cpuRuns.indices.map((i) => (n / m.cpuMs[i]) * 1000);
  const cpuFork = forkOf ? cpuRuns.indices.map((i) => forkOf[i]) : undefined;
  const throughputSummary = summarizePerRun(ips, forkOf);
  const perInstruction = new ResponseTally();
  perInstruction.absorb(distinct.tally);
  const quality = perInstruction.quality();
  // Per response over every response of every run: what the timed runs produced per instruction they processed.
  const constraintsPerResponse = tally.constraints / Math.max(1, tally.responses);
  const posesPerResponse = tally.poses / Math.max(1, tally.responses);
  const runTotal = m.ms.reduce((a, b) => a + b, 0);
  let singleStream: ThroughputCategory['singleStream'] = null;
  let aborted = forked ? forked.aborted : m.aborted;
  if (forked) {
    singleStream = forked.singleStream ? { ...forked.singleStream.result, noise: forked.singleStream.noise } : null;
  } else if (options.singleStream && !aborted) {
    const ssBefore = readCpuCounters();
    const s = await measureSingleStream(bridge, set.instructions, policy, hooks);
    const ssAfter = readCpuCounters();
    if (s.result) {
      const passMs = s.result.samples.callMs.map((run) => run.reduce((a, b) => a + b, 0));
      s.result.noise = machineNoise(ssBefore, ssAfter, passMs, s.result.samples.cpuMs ?? [], s.result.samples.switches ?? []);
    }
    singleStream = s.result;
    aborted = s.aborted;
  }
  const result: ThroughputCategory = {
    instructions: n,
    runs: m.ms.length,
    batchSize,
    instructionsPerSecond: throughputSummary.median,
    constraintsPerSecond: throughputSummary.median * constraintsPerResponse,
    posesPerSecond: throughputSummary.median * posesPerResponse,
    throughputSummary,
    cpuInstructionsPerSecond: cpuIps.length > 0 ? summarizePerRun(cpuIps, cpuFork) : throughputSummary,
    ...(cpuIps.length > 0 ? { cpuRuns: cpuRuns.undisturbed ? ('undisturbed' as const) : ('all' as const) } : {}),
    coreShare: median(m.ms.map((t, i) => m.cpuMs[i] / t)),
    batchLatencyMs: summarizeRuns(batchRuns, forkOf),
    bookkeepingMsPerRun: Math.max(0, (m.loopMs - runTotal - m.referenceLoopMs) / m.ms.length),
    ...(m.referenceCpuMs.length > 0 ? { referenceMsPerRun: m.referenceLoopMs / m.ms.length } : {}),
    noise,
    warmup: m.warmup,
    ...(forked ? { forks: forked.forks } : {}),
    singleStream,
    stagesMs: tally.stagesMs(),
    quality,
    qualityVaried: distinct.varied.length,
    samples: {
      runMs: m.ms,
      cpuMs: m.cpuMs,
      ...(m.switches.length > 0 ? { switches: m.switches } : {}),
      ...(m.referenceCpuMs.length > 0 ? { referenceCpuMs: m.referenceCpuMs } : {}),
      ...(forked ? { fork: forked.forkOf } : {}),
      instructionsPerSecond: ips,
      batchMs: batchRuns,
    },
  };
  return { result, aborted };
}

/** The headline of a finished case, with its own interval, for progress lines. */
export function headline(c: ThroughputCategory): string {
  const ss = c.singleStream ? `, single-stream p50 ${withInterval(c.singleStream.latencyMs.median, c.singleStream.latencyMs.ci95Median)} ms` : '';
  return `${withInterval(c.instructionsPerSecond, c.throughputSummary.ci95Median, whole)} instr/s${ss}`;
}

/** Runs every instruction set; on abort or failure keeps the categories measured so far. */
export async function runThroughput(ctx: RunContext, options: ThroughputOptions): Promise<SuiteOutcome<ThroughputResult>> {
  const categories = new Map<string, ThroughputCategory>();
  const counters = instructionCounterAvailability().note;
  const result = (): ThroughputResult => ({ batchSize: options.batchSize, categories: toRecord(categories), instructionsRetired: counters });
  try {
    for (const set of ctx.sets) {
      const started = performance.now();
      ctx.sampler.markCase('throughput', set.name, 'start');
      ctx.progress({ suite: 'throughput', case: set.name });
      const hooks: RunHooks = {
        signal: ctx.signal,
        onRun: (run, elapsedMs) => {
          ctx.sampler.publishHeap();
          ctx.progress({ suite: 'throughput', case: set.name, run, of: ctx.policy.runs ?? undefined, elapsedMs });
        },
      };
      const { result: c, aborted } = await measureCategory(ctx, set, options, hooks);
      ctx.sampler.markCase('throughput', set.name, 'end');
      if (c) {
        categories.set(set.name, c);
        ctx.progress({ suite: 'throughput', case: set.name, done: { figure: headline(c), runs: c.runs, ms: performance.now() - started } });
      }
      if (aborted) return { status: 'aborted', result: result() };
    }
    return { status: 'ok', result: result() };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error), result: categories.size > 0 ? result() : null };
  }
}
