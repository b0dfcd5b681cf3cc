/**
 * Reports whose simple category was measured on a quiet machine or under load (synthetic samples shaped like
 * this VM's: under two busy processes wall time ×1.5–3.5 with a long tail, CPU time +5%).
 */
import type { MachineNoise } from '../../src/bench/noise.js';
import type { BenchReport } from '../../src/report/types.js';
import { median } from '../../src/stats/quantile.js';
import { makeSampleReport, noisySamples } from '../helpers/sample-report.js';

export const QUIET: MachineNoise = { coreShare: 0.99, otherCores: 0.02, stealShare: 0, wallCv: 0.05, cpuCv: 0.04, busy: false };
export const BUSY: MachineNoise = { coreShare: 0.41, otherCores: 1.9, stealShare: 0, wallCv: 0.9, cpuCv: 0.2, busy: true };

/** A report whose simple category has these per-run wall and CPU times and this noise figure. */
export function withSimple(seed: number, runMs: number[], cpuMs: number[], noise: MachineNoise): BenchReport {
  const r = makeSampleReport({ seed });
  const c = r.suites.throughput!.categories.simple;
  const n = c.instructions;
  c.samples = { runMs, cpuMs, instructionsPerSecond: runMs.map((ms) => (n / ms) * 1000), batchMs: runMs.map((ms) => [ms]) };
  c.runs = runMs.length;
  // The headline is the median of the samples, as the bench writes it (the loader checks it).
  c.instructionsPerSecond = median(c.samples.instructionsPerSecond);
  c.throughputSummary.median = c.instructionsPerSecond;
  c.noise = noise;
  return r;
}

const RUNS = 60;
export const quiet = (seed: number, scale = 1) => {
  const runMs = noisySamples(RUNS, 3 * scale, 0.04, seed);
  return withSimple(seed, runMs, runMs.map((ms) => ms * 0.99), QUIET);
};
/** Under load: wall time ×2.5 with a long tail, CPU time +5% (caches refilled after preemptions), like the VM. */
export const loaded = (seed: number, scale = 1) => {
  const cpuMs = noisySamples(RUNS, 3 * scale * 1.05, 0.06, seed);
  const runMs = cpuMs.map((ms, i) => ms * (1.5 + 2 * ((i * 7919) % 13) / 13));
  return withSimple(seed, runMs, cpuMs, BUSY);
};


/**
 * Adds reference-workload CPU times (src/bench/reference-workload.ts) to a report's simple category: about
 * 0.15 ms a run, times `machine` (how much slower the machine's CPU was during the run).
 */
export function withReference<T extends BenchReport>(report: T, seed: number, machine = 1): T {
  const c = report.suites.throughput!.categories.simple;
  c.samples.referenceCpuMs = noisySamples(c.samples.cpuMs.length, 0.15 * machine, 0.03, seed + 1000);
  return report;
}
