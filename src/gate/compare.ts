/**
 * The regression decision. A timing metric regresses only when the change is statistically clear — the
 * bootstrap confidence interval of the relative change stat(current)/stat(baseline) − 1 lies wholly on the
 * bad side of zero — AND its estimate is larger than the practical threshold (criterion.rs's noise
 * threshold). Quality rates regress on any clear drop (Newcombe interval of the difference wholly below 0).
 */
import { ReportError } from '../errors.js';
import type { BenchReport } from '../report/types.js';
import { bootstrapReplicates, percentileInterval, resampleMedian } from '../stats/bootstrap.js';
import { mean } from '../stats/descriptive.js';
import { proportionDifferenceCI } from '../stats/proportions.js';
import { quantileSorted, sortedCopy } from '../stats/quantile.js';
import { createRng } from '../stats/rng.js';
import { selectInPlace } from '../stats/select.js';
import { clusterBootstrapReplicates, quantileInPlace, runBootstrapReplicates, runCount, splitByGroup, splitByRun } from '../stats/cluster-bootstrap.js';
import { extractMetrics } from './extract.js';
import type { Metric, SampleMetric, Statistic } from './metrics.js';
import { explainBusyMachine } from './busy.js';
import { assertKnownMetrics, namesMetric } from './metric-names.js';
import { poolMetrics } from './pool.js';

export interface GateOptions {
  /** Practical threshold as a fraction (0.05 = 5%). */
  threshold: number;
  /** Per-metric thresholds by id or id prefix. */
  thresholds?: Record<string, number>;
  /**
   * Only the metrics these name (an id, a prefix, or a pattern with `*` for one segment); a name that matches
   * no metric of either report is a ConfigError.
   */
  metrics?: string[];
  confidence: number;
  seed?: number;
  resamples?: number;
}

export type Verdict = 'regression' | 'improvement' | 'no-change' | 'inconclusive';

export interface MetricComparison {
  id: string;
  label: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: number;
  current: number;
  /** Relative change (current/baseline − 1); for rates, the difference of proportions. */
  change: number;
  ci: [number, number];
  threshold: number;
  verdict: Verdict;
  method: 'bootstrap-median' | 'bootstrap-mean' | 'bootstrap-p90' | 'bootstrap-p99' | 'proportion-difference';
  /**
   * Why, in criterion's words: "within noise threshold", "interval spans 0", "regressed beyond threshold",
   * "improved beyond threshold", "inconclusive: machine busy (…)", "inconclusive: too few samples (…)".
   */
  reason: string;
  /** Set on inconclusive verdicts: missing evidence (not a pass) or a busy machine (a warning). */
  inconclusiveCause?: 'too-few-samples' | 'machine-busy' | 'unconfirmed' | 'undefined-change';
  /** What the metric measures (wall time, CPU time, …), from the suite's declaration. */
  measure?: string;
}

export interface GateResult {
  passed: boolean;
  comparisons: MetricComparison[];
  skipped: { id: string; reason: string }[];
  warnings: string[];
}

/** Fewest samples on each side for a statistical comparison. */
export const MIN_SAMPLES = 3;

/** Type-7 p99 of a resample buffer by two quickselects (reorders the buffer). */
function p99InPlace(b: number[]): number {
  const h = (b.length - 1) * 0.99;
  const lo = Math.floor(h);
  const a = selectInPlace(b, lo);
  if (lo + 1 >= b.length) return a;
  const c = selectInPlace(b, lo + 1);
  return a + (h - lo) * (c - a);
}

const STAT_FNS: Record<Statistic, { full: (xs: readonly number[]) => number; resample: (b: number[]) => number }> = {
  median: { full: (xs) => quantileSorted(sortedCopy(xs), 0.5), resample: resampleMedian },
  mean: { full: (xs) => mean(xs), resample: (b) => mean(b) },
  p90: { full: (xs) => quantileSorted(sortedCopy(xs), 0.9), resample: (b) => quantileInPlace(b, 0.9) },
  p99: { full: (xs) => quantileSorted(sortedCopy(xs), 0.99), resample: p99InPlace },
};

/**
 * One side of a comparison: its samples; when measured in forks (or pooled from reports), the process of each
 * sample; when the samples are the calls or batches of runs, the run of each (SampleMetric's groups and runs).
 */
export interface Side {
  samples: readonly number[];
  groups?: readonly number[];
  runs?: readonly number[];
}

/**
 * Replicates of a side's statistic. Samples in runs (two or more): processes, then whole runs inside them, as the
 * report's intervals draw them. Else two-stage over forks when it has two or more, else over its samples.
 */
function replicatesOf(side: Side, fn: (typeof STAT_FNS)[Statistic], estimate: number, resamples: number, rng: () => number): Float64Array {
  if (side.runs && side.runs.length === side.samples.length) {
    const groups = side.groups && side.groups.length === side.samples.length ? side.groups : undefined;
    const processes = splitByRun(side.samples, side.runs, groups);
    if (runCount(processes) >= 2) return runBootstrapReplicates(processes, fn.resample, resamples, rng);
  }
  const clusters = side.groups && side.groups.length === side.samples.length ? splitByGroup(side.samples, side.groups) : [];
  if (clusters.length >= 2) return clusterBootstrapReplicates(clusters, fn.resample, resamples, rng);
  return bootstrapReplicates(side.samples, fn.resample, estimate, resamples, rng);
}

/**
 * Bootstrap CI of the relative change of a statistic (both sides resampled independently; a side measured in
 * forks is resampled in two stages, forks then runs: src/stats/cluster-bootstrap.ts).
 */
export function relativeChange(base: readonly number[] | Side, cur: readonly number[] | Side, statistic: Statistic, confidence: number, resamples: number, seed: number): { estimate: number; lower: number; upper: number; base: number; cur: number } {
  const bs: Side = isSide(base) ? base : { samples: base };
  const cs: Side = isSide(cur) ? cur : { samples: cur };
  const fn = STAT_FNS[statistic];
  const b = fn.full(bs.samples);
  const c = fn.full(cs.samples);
  const rng = createRng(seed);
  const rb = replicatesOf(bs, fn, b, resamples, rng);
  const rc = replicatesOf(cs, fn, c, resamples, rng);
  for (let r = 0; r < resamples; r++) rc[r] = rc[r] / rb[r] - 1;
  const [lower, upper] = percentileInterval(rc, confidence);
  return { estimate: c / b - 1, lower, upper, base: b, cur: c };
}

function isSide(x: readonly number[] | Side): x is Side {
  return !Array.isArray(x);
}

/**
 * Default practical threshold. Measured here (scripts/gate-calibration.sh 20, throughput with --forks 3 on a
 * shared 2-core VM, two busy processes during the current run): 10% gave 0 false alarms in 20 A/A pairs and
 * caught 19 of 20 slowdowns of 12% (20 of 20 under load); 7% gave 2 false alarms. Quieter machines can use
 * `--threshold 5%`.
 */
export const DEFAULT_THRESHOLD = 0.1;

/**
 * Default per-metric thresholds that override the global one: tail latency (p99) moves by a GC pause or two
 * between processes (up to 35% in the A/A pairs), so only a doubling-scale change there is a regression.
 * `--threshold-for` overrides these.
 */
export const DEFAULT_METRIC_THRESHOLDS: Readonly<Record<string, number>> = Object.freeze({ 'latency.*.p99': 0.5 });

/** The threshold for a metric: the user's most specific match, else a default one, else the global threshold. */
function thresholdFor(id: string, options: GateOptions): number {
  return longestMatch(id, options.thresholds ?? {}) ?? longestMatch(id, DEFAULT_METRIC_THRESHOLDS) ?? options.threshold;
}

/** The value of the longest key that matches the id (a prefix, or a pattern with `*` for one segment). */
function longestMatch(id: string, thresholds: Readonly<Record<string, number>>): number | undefined {
  let best: [number, number] | null = null;
  for (const [key, value] of Object.entries(thresholds)) {
    if (namesMetric(key, id) && (!best || key.length > best[0])) best = [key.length, value];
  }
  return best?.[1];
}

function compareSamples(base: SampleMetric, cur: SampleMetric, options: GateOptions, threshold: number): MetricComparison {
  const method = `bootstrap-${base.statistic}` as MetricComparison['method'];
  const common = { id: base.id, label: base.label, unit: base.unit, direction: base.direction, threshold, method, measure: base.measure ?? 'wall' };
  const fn = STAT_FNS[base.statistic];
  // The suite's own limit (cur.limit: the current code's rule) holds whatever the baseline and however few samples;
  // a limit-only metric (memory's tensors left behind: one count a run) is decided by it alone.
  if (cur.limit !== undefined && cur.samples.length > 0) {
    const limit = cur.limit;
    const b = base.samples.length > 0 ? fn.full(base.samples) : NaN;
    const c = fn.full(cur.samples);
    const past = (x: number) => (base.direction === 'lower' ? x > limit : x < limit);
    const change = b > 0 ? c / b - 1 : c === b ? 0 : NaN;
    if (past(c)) {
      const was = Number.isFinite(b) ? (past(b) ? ' (the baseline was past it too)' : ` (baseline ${b.toFixed(1)})`) : '';
      return { ...common, baseline: b, current: c, change, ci: [NaN, NaN], verdict: 'regression', reason: `regressed: past its limit: ${c.toFixed(1)} ${base.unit} is ${base.direction === 'lower' ? 'above' : 'below'} the suite's limit of ${limit} ${base.unit}${was}` };
    }
    if (cur.limitOnly) {
      return { ...common, threshold: 0, baseline: b, current: c, change, ci: [NaN, NaN], verdict: 'no-change', reason: `within noise threshold: ${c} ${base.unit}, within the suite's limit of ${limit}` };
    }
  }
  if (base.samples.length < MIN_SAMPLES || cur.samples.length < MIN_SAMPLES) {
    return { ...common, baseline: NaN, current: NaN, change: NaN, ci: [NaN, NaN], verdict: 'inconclusive', inconclusiveCause: 'too-few-samples', reason: `inconclusive: too few samples: fewer than ${MIN_SAMPLES} samples (${base.samples.length} baseline, ${cur.samples.length} current)` };
  }
  const b = fn.full(base.samples);
  const c = fn.full(cur.samples);
  if (base.absoluteFloor !== undefined && Math.abs(c - b) <= base.absoluteFloor) {
    return { ...common, baseline: b, current: c, change: b !== 0 ? c / b - 1 : 0, ci: [NaN, NaN], verdict: 'no-change', reason: `within noise threshold: change ${(c - b).toFixed(1)} ${base.unit} is within the ${base.absoluteFloor} ${base.unit} noise floor` };
  }
  if (!(b > 0)) {
    return { ...common, baseline: b, current: c, change: NaN, ci: [NaN, NaN], verdict: 'inconclusive', inconclusiveCause: 'undefined-change', reason: 'inconclusive: the baseline is not positive, so a relative change is undefined' };
  }
  const r = relativeChange({ samples: base.samples, groups: base.groups, runs: base.runs }, { samples: cur.samples, groups: cur.groups, runs: cur.runs }, base.statistic, options.confidence, options.resamples ?? 2000, options.seed ?? 0x5eed);
  const worse = base.direction === 'higher' ? -1 : 1; // sign of a bad change
  const clearlyWorse = worse > 0 ? r.lower > 0 : r.upper < 0;
  const clearlyBetter = worse > 0 ? r.upper < 0 : r.lower > 0;
  const big = Math.abs(r.estimate) > threshold;
  const verdict: Verdict = clearlyWorse && big ? 'regression' : clearlyBetter && big ? 'improvement' : 'no-change';
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const reason =
    verdict === 'regression' ? `regressed beyond threshold: ${pct(Math.abs(r.estimate))} worse > ${pct(threshold)}, interval excludes 0`
    : verdict === 'improvement' ? `improved beyond threshold: ${pct(Math.abs(r.estimate))} better > ${pct(threshold)}, interval excludes 0`
    : clearlyWorse || clearlyBetter ? `within noise threshold: ${pct(Math.abs(r.estimate))} ${clearlyWorse ? 'worse' : 'better'} ≤ ${pct(threshold)}`
    : 'interval spans 0';
  return { ...common, baseline: r.base, current: r.cur, change: r.estimate, ci: [r.lower, r.upper], verdict, reason };
}

function compareProportions(base: Extract<Metric, { kind: 'proportion' }>, cur: Extract<Metric, { kind: 'proportion' }>, options: GateOptions): MetricComparison {
  const common = { id: base.id, label: base.label, unit: base.unit, direction: 'higher' as const, threshold: 0, method: 'proportion-difference' as const };
  if (base.trials === 0 || cur.trials === 0) {
    return { ...common, baseline: NaN, current: NaN, change: NaN, ci: [NaN, NaN], verdict: 'inconclusive', inconclusiveCause: 'too-few-samples', reason: 'inconclusive: too few samples: no trials on one side' };
  }
  if (base.exact && cur.exact) {
    // Exact rates (each distinct instruction once, answered the same way every run): any drop fails.
    const b = base.successes / base.trials;
    const c = cur.successes / cur.trials;
    const verdict: Verdict = c < b ? 'regression' : c > b ? 'improvement' : 'no-change';
    const moved = `${(Math.abs(c - b) * 100).toFixed(2)} pp (${cur.successes} of ${cur.trials} against ${base.successes} of ${base.trials}; outcomes are deterministic, so the rates are exact)`;
    return {
      ...common,
      baseline: b,
      current: c,
      change: c - b,
      ci: [c - b, c - b],
      verdict,
      reason: verdict === 'regression' ? `regressed: the rate dropped by ${moved}` : verdict === 'improvement' ? `improved: the rate rose by ${moved}` : 'within noise threshold: the same exact rate',
    };
  }
  const d = proportionDifferenceCI(base.successes, base.trials, cur.successes, cur.trials, options.confidence);
  const verdict: Verdict = d.upper < 0 ? 'regression' : d.lower > 0 ? 'improvement' : 'no-change';
  return {
    ...common,
    baseline: base.successes / base.trials,
    current: cur.successes / cur.trials,
    change: d.estimate,
    ci: [d.lower, d.upper],
    verdict,
    reason: verdict === 'regression' ? 'regressed: the rate dropped (the interval of the difference is wholly below 0; any clear drop fails)' : verdict === 'improvement' ? 'improved: the rate rose' : 'interval spans 0',
  };
}

/**
 * Throws REPORT_INCOMPATIBLE when the reports did not measure the same thing: another backend (an environment
 * difference, not a change), or other instruction sets.
 */
export function assertCompatible(baselines: BenchReport[], current: BenchReport): void {
  for (const b of baselines) {
    if (b.config.backend !== current.config.backend) {
      throw new ReportError('REPORT_INCOMPATIBLE', `baseline ran backend ${b.config.backend}, current ${current.config.backend}: compare runs of the same backend`);
    }
    for (const [name, c] of Object.entries(current.suites.throughput?.categories ?? {})) {
      const bc = b.suites.throughput?.categories[name];
      if (bc && bc.instructions !== c.instructions) {
        throw new ReportError('REPORT_INCOMPATIBLE', `category ${name} has ${bc.instructions} instructions per run in the baseline and ${c.instructions} in the current report: different instruction sets`);
      }
    }
  }
}

/** Compares a current report against one or more baseline reports (pooled). */
export function compareReports(baselines: BenchReport[], current: BenchReport, options: GateOptions): GateResult {
  if (baselines.length === 0) throw new ReportError('REPORT_INCOMPATIBLE', 'no baseline report given');
  assertCompatible(baselines, current);
  const base = poolMetrics(baselines);
  const cur = extractMetrics(current);
  const filters = options.metrics ?? [];
  assertKnownMetrics('--metric', filters, [...new Set([...cur.keys(), ...base.keys()])].sort(), 'in either report');
  const wanted = (id: string) => filters.length === 0 || filters.some((m) => namesMetric(m, id));
  const comparisons: MetricComparison[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const [id, c] of cur) {
    if (!wanted(id)) continue;
    const b = base.get(id);
    if (!b) {
      skipped.push({ id, reason: 'not in the baseline' });
      continue;
    }
    if (b.kind === 'samples' && c.kind === 'samples') comparisons.push(compareSamples(b, c, options, thresholdFor(id, options)));
    else if (b.kind === 'proportion' && c.kind === 'proportion') comparisons.push(compareProportions(b, c, options));
  }
  for (const id of base.keys()) if (!cur.has(id) && wanted(id)) skipped.push({ id, reason: 'not in the current report' });
  explainBusyMachine(comparisons, base, cur);
  if (comparisons.length === 0) {
    throw new ReportError('REPORT_INCOMPATIBLE', options.metrics?.length ? `no metric matches ${options.metrics.join(', ')} in both reports` : 'the reports have no metric in common');
  }
  const warnings: string[] = [];
  // A different model size is a change under test (its cost is what the gate should show), not an error.
  for (const b of baselines) {
    const bm = b.config.model;
    const cm = current.config.model;
    const differs = (Object.keys(bm) as (keyof typeof bm)[]).filter((k) => bm[k] !== cm[k]);
    if (differs.length > 0) warnings.push(`the model changed: ${differs.map((k) => `${k} ${bm[k]} → ${cm[k]}`).join(', ')}`);
  }
  // Other pipeline settings (attention, weights, packing, cache, a saved model): also a change, said as such. A
  // report from before they were recorded says nothing; a cached run measures the cache, not the pipeline.
  for (const b of baselines) {
    const bp = b.config.pipeline;
    const cp = current.config.pipeline;
    if (bp === undefined || cp === undefined) continue;
    const keys = ['preset', 'attention', 'weights', 'packing', 'cache', 'modelSha256'] as const;
    const differs = keys.filter((k) => bp[k] !== cp[k]);
    const line = `the pipeline changed: ${differs.map((k) => `${k} ${String(bp[k])} → ${String(cp[k])}`).join(', ')}`;
    // Once, however many pooled baselines say the same.
    if (differs.length > 0 && !warnings.includes(line)) warnings.push(line);
  }
  if (current.config.pipeline !== undefined && current.config.pipeline.cache !== 'off') {
    warnings.push(`the current run used a result cache (${current.config.pipeline.cache}): its figures measure cache hits, not the pipeline`);
  }
  if (baselines.some((b) => !b.complete) || !current.complete) warnings.push('an input report is incomplete (interrupted run)');
  // Measurement settings that move the figures: forks, the reference workload and the steady warm-up.
  const settings = (r: BenchReport): string => {
    const t = (r.config.suites.throughput ?? {}) as { forks?: unknown; reference?: unknown };
    return `forks ${t.forks ?? 1}, reference workload ${t.reference === true ? 'on' : 'off'}, warm-up up to ${r.config.warmupMaxMs ?? 0} ms`;
  };
  for (const b of baselines) {
    if (settings(b) !== settings(current)) warnings.push(`measured differently: baseline ${settings(b)}; current ${settings(current)}`);
  }
  if (baselines.some((b) => b.system.cpuModel !== current.system.cpuModel)) warnings.push('baseline and current ran on different CPUs');
  return { passed: !comparisons.some((c) => c.verdict === 'regression'), comparisons, skipped, warnings };
}
