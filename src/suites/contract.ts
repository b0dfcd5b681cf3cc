/**
 * The Suite contract: every benchmark suite (throughput, scalability, memory, parallel, compare, server, …)
 * implements this one interface and lives in its own folder `src/suites/<name>/`. The bench command, the
 * report schema, the gate, the exporters, Markdown/HTML and the charts iterate the registry
 * (`src/suites/registry.ts`) instead of naming suites: adding a suite is one folder plus one registry line.
 *
 * A suite never throws out of `run`: a failure is a value (`status: 'failed'`), and what was measured before it
 * is kept. It never prints: progress and warnings go through the RunContext.
 */
import type { TSchema } from '@sinclair/typebox';
import type { BridgeConfig, GasmBridge } from '../pipeline/bridge.js';
import type { MachineNoise } from '../bench/noise.js';
import type { RunPolicy } from '../bench/runner.js';

/** An instruction set: a built-in category (`suites/<name>.txt`) or a user's file. */
export interface InstructionSet {
  name: string;
  instructions: string[];
}

/**
 * The unit the gate and history resample: independent units only — a measured run, repetition, process, load step
 * or interleaved round, never an instruction or call inside a run (those share the run's machine state). A metric
 * whose samples are the calls of runs (single-stream p50/p90/p99, batch latency) says so with `runs`, and its runs
 * are drawn whole.
 */
export type UnitOfIndependence = 'run' | 'repetition' | 'process' | 'step' | 'round';

/** Which way is better. */
export type Direction = 'higher' | 'lower';

/** The statistic a sample metric is compared through. */
export type Statistic = 'median' | 'mean' | 'p90' | 'p99';

/** What a metric measures, so the gate can tell wall-time noise from a real change. */
export type MeasureKind = 'wall' | 'cpu' | 'count' | 'memory' | 'ratio';

/** A timing-like metric: independent samples compared through a statistic. */
export interface SampleMetric {
  kind: 'samples';
  /** Stable id, `<suite>.<case>.<figure>`: `--metric` and `--threshold-for` name it; history keys on it. */
  id: string;
  label: string;
  unit: string;
  direction: Direction;
  statistic: Statistic;
  samples: number[];
  /**
   * The fork (fresh isolate) each sample was measured in, same length as samples, when the case ran in forks
   * (pooled baselines: one per report-and-fork): the process level. The gate and history resample these groups
   * first, then runs inside them (src/stats/cluster-bootstrap.ts).
   */
  groups?: number[];
  /**
   * For samples that are the calls or batches of runs (several per run): the run of each sample, same length as
   * samples. The gate and history then draw runs with replacement inside each drawn group and keep each drawn
   * run's samples whole, never resampling inside a run (the report's own intervals, runBootstrapInterval). Without
   * it each sample is one run, and `groups` (when given) holds them.
   */
  runs?: number[];
  unitOfIndependence: UnitOfIndependence;
  /** Wall time, CPU time, a count, … (default 'wall'). */
  measure?: MeasureKind;
  /** Id of the low-noise companion of a wall-time metric (its CPU-time twin), when the suite records one. */
  lowNoiseTwin?: string;
  /** How busy the machine was while the samples were measured (the case's noise figure), when recorded. */
  noise?: MachineNoise;
  /** Changes smaller than this in absolute value (in `unit`) are never regressions (e.g. memory noise floor). */
  absoluteFloor?: number;
  /**
   * A bound the current figure must stay within whatever the baseline (at most this for direction 'lower', at
   * least for 'higher'), in `unit`: the suite's own failure threshold (memory: the leak limit). A current figure
   * past it is a regression even when the change from the baseline is small or too few samples were taken.
   */
  limit?: number;
  /**
   * Compared only against `limit` (a count with one figure per run, such as tensors left behind): within it is no
   * change, past it a regression; never an interval or a relative change.
   */
  limitOnly?: boolean;
}

/** A rate: successes out of trials (each instruction is a trial), compared as a difference of proportions. */
export interface ProportionMetric {
  kind: 'proportion';
  id: string;
  label: string;
  unit: string;
  direction: 'higher';
  successes: number;
  trials: number;
  /**
   * The trials are one fixed set of distinct instructions whose outcomes did not vary between runs (a deterministic
   * pipeline): the rate is exact, not a sample, so any drop is a regression and any rise an improvement.
   */
  exact?: boolean;
}

/** Any gate metric. */
export type Metric = SampleMetric | ProportionMetric;

/**
 * One presentation model for every output (terminal via cli-table3, Markdown, HTML). Cells are already
 * formatted strings (one home for number formatting: `src/format/numbers.ts`); a figure and its interval
 * are printed by the same helper so that a median is never paired with the mean's interval.
 */
export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Lines printed under the table (what a column means, a caveat). */
  notes?: string[];
}

/** A chart: a file stem (sanitised again before any path is built from it), a title, and a renderer to PNG. */
export interface ChartSpec {
  name: string;
  title: string;
  render(): Buffer;
}

/**
 * One figure for the CI exporters (github-action-benchmark, Bencher): `benchmark` names the case
 * (`throughput/simple`), `measure` the quantity (`throughput`, `latency`, `speedup`, …). Values are the
 * report's own figures; `ci` is the interval of that very statistic.
 */
export interface ExportFigure {
  benchmark: string;
  measure: string;
  unit: string;
  value: number;
  ci?: [number, number];
  better: 'higher' | 'lower';
  extra?: string;
}

/** What a presenter may know about the report around a suite's result (for titles and subtitles). */
export interface ReportView {
  backend: string;
  /** The line under every chart title: backend, CPU, tool version, date. */
  subtitle: string;
  cores: number;
}

/** Progress of a running suite, for a spinner on a TTY or one plain line per finished case in CI logs. */
export interface ProgressEvent {
  suite: string;
  /** The case being measured: a category, a batch size, a variant, a load step. */
  case: string;
  /** Set after each measured run. */
  run?: number;
  /** Planned runs, when known. */
  of?: number;
  elapsedMs?: number;
  /** Set once when the case is finished: its headline figure with its interval, already formatted ("23,065 instr/s [22,900, 23,310]"). */
  done?: { figure: string; runs: number; ms: number };
}

/** The sampler as a suite sees it: heap publishing between runs and marks of each case's span on the timeline. */
export interface SamplerHandle {
  publishHeap(): void;
  markCase(suite: string, caseName: string, phase: 'start' | 'end'): void;
}

/** Everything a suite gets from the bench command. */
export interface RunContext {
  /** The run's bridge, built from `bridgeConfig` (shared by suites that run in this thread; do not dispose). */
  bridge: GasmBridge;
  /** The pipeline configuration, for suites that build bridges of their own (workers, variants). */
  bridgeConfig: BridgeConfig;
  /** Builds another bridge from `bridgeConfig` with overrides; the caller disposes it. */
  createBridge(overrides?: Partial<BridgeConfig>): Promise<GasmBridge>;
  /** Warm-up, runs and minimum time, from the shared flags. */
  policy: RunPolicy;
  /** Instruction sets from `--category` / `--suite-file`. */
  sets: InstructionSet[];
  signal: AbortSignal;
  progress(event: ProgressEvent): void;
  sampler: SamplerHandle;
  /** A warning for the report (code in UPPER_SNAKE, message names the suite and case). */
  warn(code: string, message: string): void;
}

/** The value `run` returns. A failed or aborted suite keeps what it measured before it stopped. */
export type SuiteOutcome<R> =
  | { status: 'ok'; result: R }
  | { status: 'aborted'; result: R | null }
  | { status: 'failed'; error: string; result: R | null };

/** A command-line option a suite declares; the bench command registers it once (same flag, same meaning). */
export interface OptionSpec {
  /** commander flags, e.g. `--batch-size <n>`. */
  flags: string;
  description: string;
  /** Default as commander shows it in --help. */
  defaultValue?: string;
}

/** Raw flag values from commander, keyed by camel-cased long name. */
export type RawFlags = Record<string, unknown>;

/**
 * A benchmark suite. `O` is its validated options, `R` its result as stored at `report.suites[name]`.
 * `schema` is the result's JSON Schema built with TypeBox; `R` is `Static<typeof schema>`, so the type and the
 * schema come from one definition.
 */
export interface Suite<O = unknown, R = unknown> {
  /** Registry key, CLI name and report key: `throughput`. */
  readonly name: string;
  /** What it measures, one sentence, for `gasm bench --help`. */
  describe: string;
  /** Whether `gasm bench all` runs it. */
  inAll: boolean;
  options: OptionSpec[];
  /** Validates flags before anything runs; throws a UsageError (ConfigError) naming the bad flag. */
  parseOptions(flags: RawFlags): O;
  /** Configuration worth recording in the report beside the shared config. */
  configOf(options: O): Record<string, unknown>;
  /**
   * The flags that give back a recorded configuration (what `gate --confirm` reruns), when its keys are not the
   * flags' own: `{ category }` recorded from `--scalability-category`. Absent: the recorded keys are the flags.
   */
  flagsOf?(recorded: Record<string, unknown>): RawFlags;
  run(ctx: RunContext, options: O): Promise<SuiteOutcome<R>>;
  /** Gate metrics, each with its unit of independence. */
  metrics(result: R): Metric[];
  tables(result: R, view: ReportView): Table[];
  charts(result: R, view: ReportView): ChartSpec[];
  /** Figures for the CI exporters. */
  exports(result: R, view: ReportView): ExportFigure[];
  /** Warnings about a finished result (noisy runs, failed instructions), added to the report. */
  review?(result: R): { code: string; message: string }[];
  schema: TSchema;
}

/**
 * Declares a suite so that its name stays a literal type: the registry then types `report.suites` per suite
 * with no hand-kept list. `R` is the suite's `Static<typeof schema>` (declared beside the schema).
 */
export function defineSuite<N extends string, O, R>(suite: Suite<O, R> & { readonly name: N }): Suite<O, R> & { readonly name: N } {
  return suite;
}

/** The result type of a suite. */
export type ResultOf<S> = S extends Suite<infer _O, infer R> ? R : never;

/** Any registered suite, with its options and result types erased. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySuite = Suite<any, any>;
