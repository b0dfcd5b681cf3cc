/**
 * Intervals of the throughput suite's summaries over the right unit of independence: the values timed inside one
 * run (calls, batches) share its machine state, and the runs of one fork share its isolate, so every interval
 * draws whole runs — forks first, then runs inside them, when the case ran in forks (src/stats/cluster-bootstrap.ts,
 * the same two stages the gate uses). The point figures stay those of summarize() over all values pooled.
 */
import { mean } from '../../stats/descriptive.js';
import { quantileInPlace, runBootstrapInterval } from '../../stats/cluster-bootstrap.js';
import { medianInPlace } from '../../stats/select.js';
import { summarize } from '../../stats/summary.js';
import type { Summary } from '../../stats/types.js';

/** Bootstrap resamples and seed of these intervals. */
export const RUN_RESAMPLES = 1000;
export const RUN_SEED = 0x5eed;

/** The fork of each run when there are two or more forks and one label per run; undefined otherwise. */
export function forksOf(fork: readonly number[] | undefined, runs: number): number[] | undefined {
  return fork && fork.length === runs && new Set(fork).size >= 2 ? [...fork] : undefined;
}

/** Interval of the q-quantile of the pooled values, drawing whole runs (forks first when given). */
export function runQuantileInterval(runs: readonly (readonly number[])[], q: number, fork?: readonly number[]): [number, number] {
  return runBootstrapInterval(runs, forksOf(fork, runs.length), (b) => (q === 0.5 ? medianInPlace(b) : quantileInPlace(b, q)), { resamples: RUN_RESAMPLES, seed: RUN_SEED }) ?? [Number.NaN, Number.NaN];
}

/**
 * summarize() of the values of every run pooled, with ci95 (mean) and ci95Median replaced by intervals that draw
 * whole runs (forks first when `fork` gives two or more). `runs` must hold at least one value.
 */
export function summarizeRuns(runs: readonly (readonly number[])[], fork?: readonly number[]): Summary {
  const s = summarize(runs.flat());
  const forks = forksOf(fork, runs.length);
  const options = { resamples: RUN_RESAMPLES, seed: RUN_SEED };
  return {
    ...s,
    ci95: runBootstrapInterval(runs, forks, (b) => mean(b), options) ?? s.ci95,
    ci95Median: runBootstrapInterval(runs, forks, (b) => medianInPlace(b), options) ?? s.ci95Median,
  };
}

/**
 * summarize() of one value per run; with runs from two or more forks, its intervals resample forks, then runs
 * inside them (without forks, summarize's bootstrap over runs is already that).
 */
export function summarizePerRun(values: readonly number[], fork?: readonly number[]): Summary {
  const forks = forksOf(fork, values.length);
  return forks ? summarizeRuns(values.map((v) => [v]), forks) : summarize(values);
}
