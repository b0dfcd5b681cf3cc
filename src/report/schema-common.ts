/**
 * TypeBox schemas of the report's shared pieces (statistics summaries, system, timeline, warnings, config,
 * per-suite outcomes). Each schema is the one definition of its part: the TypeScript type is `Static<>` of it
 * and the JSON Schema the loader validates against is the schema itself. Suites build their result schemas
 * from these pieces; `schema.ts` assembles the whole report from the registry.
 */
import { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';

// Field builders: every field of the report is described where it is declared, and a field in a unit says so
// the same way everywhere ("…, ms"). Suites build their result schemas from these.

/** A number, described. */
export const num = (description: string) => Type.Number({ description });
/** An integer, described. */
export const int = (description: string) => Type.Integer({ description });
/** A count: an integer ≥ 0, described. */
export const count = (description: string) => Type.Integer({ minimum: 0, description });
/** A string, described. */
export const str = (description: string) => Type.String({ description });
/** A builder of numbers in `unit`: the description ends with ", <unit>" (`minimum` when the unit cannot go below it). */
export const inUnit = (unit: string, minimum?: number) => (description: string) =>
  Type.Number({ description: `${description}, ${unit}`, ...(minimum === undefined ? {} : { minimum }) });
/** Milliseconds: a duration, never negative. */
export const ms = inUnit('ms', 0);
/** Bytes (a difference of memory may be negative). */
export const bytes = inUnit('bytes');
/** Instructions per second: never negative. */
export const rate = inUnit('instructions/s', 0);
/** A share of a whole: 0 to 1. */
export const share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
/** Raw samples: numbers, in the order measured. */
export const samples = (description: string) => Type.Array(Type.Number(), { description });
/** A value or null (what null means belongs in the description). */
export const nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description === undefined ? {} : { description });

/** A [lower, upper] interval. */
export const Interval = (description: string) => Type.Tuple([Type.Number(), Type.Number()], { description });

/**
 * A figure with its 95% interval, `{ value, ci95 }`, plus any fields that say what it compares (`extra`,
 * before them). The one shape for a derived figure and its interval.
 */
export const Estimate = <P extends TProperties = {}>(parts: { value: string; ci95: string; extra?: P }, description?: string) =>
  Type.Object({ ...(parts.extra ?? ({} as P)), value: num(parts.value), ci95: Interval(parts.ci95) }, description === undefined ? {} : { description });

/** A record keyed by user-given names (categories): own properties only, no prototype names trusted. */
export const NamedRecord = <T extends TSchema>(value: T, description: string) => Type.Record(Type.String(), value, { description });

const summaryProperties = {
    n: int('number of samples'),
    mean: num('arithmetic mean'),
    median: num('median (type-7 quantile 0.5)'),
    stddev: num('sample standard deviation'),
    mad: num('median absolute deviation, scaled by 1.4826 to estimate σ for normal data'),
    cv: num('coefficient of variation, stddev / mean'),
    min: num('smallest sample'),
    max: num('largest sample'),
    p50: num('50th percentile (= median)'),
    p90: num('90th percentile'),
    p99: num('99th percentile'),
    ci95: Interval('95% confidence interval of the mean'),
    ci95Median: Interval('95% confidence interval of the median (the interval printed beside a median)'),
    outliers: Type.Object(
      {
        low: int('samples below the lower Tukey fence (1.5 IQR)'),
        high: int('samples above the upper Tukey fence (1.5 IQR)'),
        severe: int('samples beyond 3 IQR'),
      },
      { description: 'Tukey outlier counts; outliers are counted, never dropped' },
    ),
};

/** Descriptive statistics of one sample set (src/stats/summary.ts), described for the place it is stored. */
export const Summary = (description: string) => Type.Object(summaryProperties, { description });

export const SummarySchema = Summary('descriptive statistics of one sample set, in the samples’ unit');
export type SummaryData = Static<typeof SummarySchema>;

export const ComplexityFitSchema = Type.Object(
  {
    exponent: num('b in t = a·N^b (least squares on log-log)'),
    coefficient: num('a in t = a·N^b'),
    r2: num('coefficient of determination of the fit on the log-log scale'),
  },
  { description: 'power-law fit t = a·N^b' },
);

export const WarningSchema = Type.Object(
  {
    code: str('machine-readable warning code, UPPER_SNAKE'),
    message: str('what was noticed, naming the suite and case'),
  },
  { description: 'a warning about the measurement or the run' },
);
export type ReportWarningData = Static<typeof WarningSchema>;

export const GpuSchema = Type.Object(
  {
    vendor: str('GPU vendor'),
    model: str('GPU model'),
    memoryMb: nullable(Type.Number(), "GPU memory in MiB, as systeminformation reports it from nvidia-smi (the field keeps its old name; null when unknown)"),
  },
  { description: 'one GPU as systeminformation sees it' },
);

export const SystemSchema = Type.Object(
  {
    cpuModel: str('CPU model'),
    cores: int('logical cores available to the process (os.availableParallelism)'),
    memoryBytes: num('total system memory, bytes'),
    os: str('operating system and release'),
    node: str('Node.js version'),
    backend: str('tfjs backend that ran the network'),
    gpus: Type.Array(GpuSchema, { description: 'GPUs found' }),
  },
  { description: 'the machine the report was measured on' },
);

export const TimelineSampleSchema = Type.Object(
  {
    t: num('ms since the run started'),
    cpu: num('average CPU load over all cores, percent'),
    cpuPerCore: samples('CPU load per core, percent'),
    memUsedBytes: num('system memory in use, bytes'),
    memTotalBytes: num('total system memory, bytes'),
    rssBytes: num('resident set size of the gasm process, bytes'),
    heapUsedBytes: num('JS heap of the main thread, bytes (published between runs)'),
    gpus: Type.Array(
      Type.Object({
        utilization: nullable(Type.Number(), 'GPU utilisation, percent'),
        memoryUsedMb: nullable(Type.Number(), 'GPU memory used, MB'),
      }),
      { description: 'per GPU' },
    ),
  },
  { description: 'one sample of the system sampler' },
);

export const CaseMarkSchema = Type.Object(
  {
    suite: str('suite that ran the case'),
    case: str('the case: a category, a batch size, a load step'),
    startMs: num('ms since the run started when the case began'),
    endMs: nullable(Type.Number(), 'ms since the run started when the case ended (null: never ended, e.g. interrupted)'),
  },
  { description: 'the span of one case on the timeline, so charts can shade it' },
);
export type CaseMarkData = Static<typeof CaseMarkSchema>;

export const TimelineSchema = Type.Object(
  {
    intervalMs: num('sampling interval, ms'),
    enabled: Type.Boolean({ description: 'whether the sampler ran' }),
    samples: Type.Array(TimelineSampleSchema, { description: 'samples in time order' }),
    meanSampleCostMs: num('mean wall time the sampler spent per sample, ms (in a worker thread, off the timed path)'),
    cases: Type.Array(CaseMarkSchema, { description: 'each measured case’s span on the timeline' }),
  },
  { description: 'the system during the run' },
);

export const ModelConfigSchema = Type.Object(
  {
    featureDim: int('input feature width'),
    hiddenDim: int('hidden width of the attention layers'),
    heads: int('attention heads'),
    iterations: int('refinement iterations of the network'),
    seed: int('weight initialisation seed'),
  },
  { description: 'the network the pipeline ran', additionalProperties: true },
);

/** Pipeline settings besides the model size that move the figures (absent in reports before they were recorded). */
export const PipelineSettingsSchema = Type.Object(
  {
    preset: nullable(Type.String(), 'named model size, or null'),
    attention: str('how attention scores were computed (fused | folded)'),
    weights: str('weight precision (float32 | float16 | int8)'),
    packing: Type.Boolean({ description: 'several small scenes per row of a network pass' }),
    cache: str('result cache mode (off | memory | disk): a cached run measures the cache'),
    modelSha256: nullable(Type.String(), 'sha256 of the saved model used, or null for seeded weights'),
  },
  { description: 'the pipeline settings of the run besides its model size (bridge.describe())', additionalProperties: true },
);

export const ConfigSchema = Type.Object(
  {
    suite: str('what `gasm bench` was asked to run: a suite name or "all"'),
    backend: str('tfjs backend used'),
    model: ModelConfigSchema,
    runs: nullable(Type.Integer(), 'exact measured runs per case, or null for adaptive'),
    warmup: int('fewest unmeasured warm-up runs per case'),
    warmupTimeMs: num('least warm-up time per case, ms'),
    warmupMaxMs: Type.Optional(num('most warm-up time per case, ms: past warmupTimeMs, warm-up went on until CPU time per run stopped falling (0: off)')),
    minTimeMs: num('least measured time per case, ms (adaptive runs)'),
    targetCiWidth: Type.Optional(num('adaptive runs: extra runs while the median’s 95% interval is wider than this share of the median (0: off)')),
    maxTimeMs: Type.Optional(num('adaptive runs: measured-time budget per case for those extra runs, ms')),
    categories: Type.Array(Type.String(), { description: 'instruction sets of the run (--category / --suite-file)' }),
    suiteFile: nullable(Type.String(), 'the user’s instruction file, or null'),
    sampleIntervalMs: num('system sampler interval, ms'),
    timeoutMs: nullable(Type.Number(), 'per-instruction time limit, ms, or null'),
    pipeline: Type.Optional(PipelineSettingsSchema),
    suites: NamedRecord(Type.Record(Type.String(), Type.Unknown()), 'each suite’s own validated options, keyed by suite name'),
  },
  { description: 'the configuration the run used' },
);

export const OutcomeSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('aborted'), Type.Literal('skipped')], {
      description: 'ok: measured; failed: stopped by an error (what was measured before is kept); aborted: interrupted; skipped: not run (an earlier interrupt)',
    }),
    error: Type.Optional(str('why the suite failed')),
    durationMs: num('wall time the suite took, ms'),
  },
  { description: 'how one suite ended' },
);
export type OutcomeData = Static<typeof OutcomeSchema>;

export const StageBreakdownSchema = Type.Object(
  {
    preprocessing: num('parse + encode, ms (encode is the instruction’s share of its chunk)'),
    inference: num('network inference, ms (the instruction’s share of its chunk)'),
    constraintSolving: num('Levenberg–Marquardt solve, ms'),
    postprocessing: num('building the response, ms'),
  },
  { description: 'share per instruction of each pipeline stage, mean ms: a breakdown, not a latency' },
);
export type StageBreakdownData = Static<typeof StageBreakdownSchema>;

export const QualitySchema = Type.Object(
  {
    successRate: share('successful responses / all responses'),
    meanConfidence: nullable(Type.Number(), 'mean confidence of successful responses (null: none succeeded)'),
    constraintSatisfactionRate: nullable(share('satisfied / all constraints of successful responses only'), 'satisfied / all constraints of successful responses only (null: no successful response had a constraint)'),
    meanIterations: nullable(Type.Number(), 'mean solver iterations of successful responses'),
    responses: count('responses counted'),
    successes: count('successful responses'),
    constraints: count('constraints of successful responses'),
    satisfiedConstraints: count('satisfied constraints of successful responses'),
    supportMargin: nullable(
      Type.Object({
        responses: int('successful responses with a supported object (margin not null)'),
        median: num('median margin: how far inside its support each footprint lies, fraction of the support’s half-width'),
        shareAtLeastQuarter: num('share of those responses with margin ≥ 0.25'),
      }),
      'support margins of successful responses, or null when no response reported one',
    ),
  },
  { description: 'quality of the answers, counted over successful responses only where it says so' },
);
export type QualityData = Static<typeof QualitySchema>;
