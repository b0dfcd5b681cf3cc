/** The throughput suite's result, as stored at `report.suites.throughput`: one definition, type and JSON Schema. */
import { Type, type Static } from '@sinclair/typebox';
import { MachineNoiseSchema } from '../../bench/noise.js';
import { Interval, NamedRecord, QualitySchema, StageBreakdownSchema, Summary } from '../../report/schema-common.js';

const Samples = (description: string) => Type.Array(Type.Number(), { description });

const WarmupSchema = Type.Object(
  {
    ms: Type.Number({ description: 'warm-up time of the batched runs, ms' }),
    runs: Type.Integer({ description: 'warm-up runs' }),
    steady: Type.Union([Type.Boolean(), Type.Null()], { description: 'true: CPU time per run had stopped falling when measuring began; false: the steady-state search hit --warmup-max first; null: not searched (--warmup-max 0)' }),
  },
  { description: 'what the warm-up before the batched runs did' },
);

export const SingleStreamSchema = Type.Object(
  {
    calls: Type.Integer({ description: 'calls per run: each instruction of the category once, one `bridge.process` call each' }),
    runs: Type.Integer({ description: 'measured runs (passes over the category)' }),
    latencyMs: Summary('latency of one instruction, ms: each call timed on its own after warm-up. median/p90/p99/mean over all calls pooled; ci95 (mean) and ci95Median are bootstraps over runs, forks first when the case ran in forks (calls of one run are not independent)'),
    ci95P90: Interval('95% interval of p90 of all calls, bootstrap over runs (forks first when forked), ms'),
    ci95P99: Interval('95% interval of p99 of all calls, bootstrap over runs (forks first when forked), ms'),
    noise: Type.Optional(MachineNoiseSchema),
    samples: Type.Object(
      {
        callMs: Type.Array(Type.Array(Type.Number()), { description: 'wall time of every call, ms, one array per run' }),
        runP50: Samples('p50 of the calls of each run, ms (the gate and history use the p50/p90/p99 of all calls, resampled by run)'),
        runP90: Samples('p90 of the calls of each run, ms'),
        runP99: Samples('p99 of the calls of each run, ms'),
        cpuMs: Type.Optional(Samples('process CPU time of each pass (its calls and their timer reads), ms')),
        switches: Type.Optional(Samples('context switches of the measuring thread during each pass and since the pass before (0: not preempted)')),
        fork: Type.Optional(Samples('the fork (0, 1, …) each pass was measured in, when the case ran in forks')),
      },
      { description: 'raw single-stream timings' },
    ),
  },
  { description: 'single-stream pass: one instruction per call' },
);

export const ThroughputCategorySchema = Type.Object(
  {
    instructions: Type.Integer({ minimum: 1, description: 'instructions in one run: the list at least once, repeated to whole batches' }),
    runs: Type.Integer({ minimum: 0, description: 'measured batched runs (the number of run times in samples.runMs)' }),
    batchSize: Type.Integer({ minimum: 1, description: 'instructions per processBatch call: what one network chunk saw' }),
    instructionsPerSecond: Type.Number({ minimum: 0, description: 'median over runs of instructions / run wall time' }),
    constraintsPerSecond: Type.Number({ minimum: 0, description: 'instructionsPerSecond × constraints per successful instruction' }),
    posesPerSecond: Type.Number({ minimum: 0, description: 'instructionsPerSecond × poses per successful instruction' }),
    throughputSummary: Summary('per-run throughput, instructions/s; with forks its intervals resample forks, then runs inside them'),
    cpuInstructionsPerSecond: Summary('per-run instructions per second of process CPU time (user + system, all threads; includes the sampler thread when it runs), over the runs cpuRuns names: the same figure as the gate metric throughput.<case>.cpuInstructionsPerSecond'),
    cpuRuns: Type.Optional(Type.Union([Type.Literal('undisturbed'), Type.Literal('all')], { description: 'which runs cpuInstructionsPerSecond uses: "undisturbed" (measuring thread not preempted in the run or the one before), or "all" when too few runs were undisturbed or switches were not recorded' })),
    coreShare: Type.Number({ description: 'median over runs of each run’s CPU time / wall time (timed region only): the share of cores the process got (1 = one full core); noise.coreShare is over the whole measured loop instead' }),
    batchLatencyMs: Summary('wall time of one processBatch call (one batch), ms: figures over all batches of all runs pooled; ci95 and ci95Median resample whole runs (forks first when forked), since batches of one run share its machine state'),
    bookkeepingMsPerRun: Type.Number({ description: 'harness time per run outside the timed region (tallying, progress), ms: an outside timer sees it' }),
    referenceMsPerRun: Type.Optional(Type.Number({ description: 'wall time of the reference workload timed before each run, ms per run (outside the timed region; an outside timer sees it)' })),
    noise: Type.Optional(MachineNoiseSchema),
    warmup: Type.Optional(WarmupSchema),
    forks: Type.Optional(
      Type.Array(
        Type.Object({
          runs: Type.Integer({ description: 'measured runs of the fork' }),
          instructionsPerSecond: Type.Number({ description: 'median instructions per second of its runs' }),
          cpuMsPerRun: Type.Number({ description: 'median process CPU time of its runs, ms' }),
          warmup: WarmupSchema,
        }),
        { description: 'one entry per fork (fresh isolate) when the case ran in forks (--forks): the spread between them is the process-to-process noise' },
      ),
    ),
    singleStream: Type.Union([SingleStreamSchema, Type.Null()], { description: 'single-stream latency, or null when interrupted before it ran' }),
    stagesMs: StageBreakdownSchema,
    quality: QualitySchema,
    qualityVaried: Type.Optional(Type.Integer({ minimum: 0, description: 'quality counts each distinct instruction once, by its first measured response (responses = distinct instructions): how many of them succeeded in some run (or fork) and failed in another, counted by that first outcome (0 for a deterministic pipeline)' })),
    samples: Type.Object(
      {
        runMs: Samples('wall time of each measured run, ms'),
        cpuMs: Samples('process CPU time of each measured run, ms'),
        switches: Type.Optional(Samples('context switches of the measuring thread from the end of the previous run to the end of each run (0: not preempted); absent where the OS does not tell')),
        fork: Type.Optional(Samples('the fork (0, 1, …) each run was measured in, when the case ran in forks')),
        referenceCpuMs: Type.Optional(Samples('process CPU time of the fixed reference workload timed right before each run, ms (src/bench/reference-workload.ts); absent with --no-reference')),
        instructionsPerSecond: Samples('instructions / run wall time, per run'),
        batchMs: Type.Array(Type.Array(Type.Number()), { description: 'wall time of each processBatch call, ms, one array per run' }),
      },
      { description: 'raw per-run samples (the gate bootstraps over runs)' },
    ),
  },
  { description: 'one instruction category' },
);
export type ThroughputCategory = Static<typeof ThroughputCategorySchema>;

export const ThroughputSchema = Type.Object(
  {
    batchSize: Type.Integer({ description: 'instructions per processBatch call' }),
    categories: NamedRecord(ThroughputCategorySchema, 'results per instruction category, keyed by its name'),
    instructionsRetired: Type.Optional(Type.String({ description: 'instructions retired per instruction processed (a hardware-counter measure): why it is not in this report, e.g. "not available on this machine: no hardware PMU is exposed"' })),
  },
  { description: 'throughput suite: batched throughput, per-batch latency, single-stream latency and quality per category' },
);
export type ThroughputResult = Static<typeof ThroughputSchema>;
