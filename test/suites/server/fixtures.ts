/** A synthetic server result for the presentation tests (no workers, no timing). */
import type { Percentiles, ServerResult, ServerStep } from '../../../src/suites/server/schema.js';

export function percentiles(median: number, p99: number, count = 300): Percentiles {
  return { count, mean: median * 1.1, median, p90: (median + p99) / 2, p99, p999: p99 * 1.2, max: p99 * 1.3 };
}

export function step(offeredRate: number, p50: number, p99: number, boundMs: number, search: number | null = 0): ServerStep {
  const valid = p99 <= boundMs;
  return {
    phase: search === null ? 'fixed' : 'search',
    search,
    offeredRate,
    achievedRate: valid ? offeredRate * 0.99 : offeredRate * 0.7,
    requests: 300,
    completed: valid ? 300 : 120,
    failed: 0,
    late: 0,
    dropped: 0,
    unserved: valid ? 0 : 180,
    latencyMs: percentiles(p50, p99),
    latencyIsLowerBound: !valid,
    queueMs: percentiles(p50 / 2, p99 / 2),
    serviceMs: percentiles(p50 / 2, p99 / 2),
    meanBatch: 1,
    utilization: offeredRate / 2000,
    generator: { latenessMs: percentiles(0, 0.2), limited: false },
    earlyStopped: !valid,
    valid,
    invalidReason: valid ? null : 'p99-over-bound',
    durationMs: 1000,
  };
}

/** Two searches over a server that holds 10 ms up to 1,000/s, and a fixed rate of 500/s. */
export function sampleResult(): ServerResult {
  const bound = 10;
  const steps = [
    step(500, 1, 3, bound, null),
    step(500, 1.1, 3.5, bound, null),
    step(250, 0.9, 2, bound),
    step(500, 1, 3, bound),
    step(1000, 2, 8, bound),
    step(2000, 40, 300, bound),
    step(1414, 9, 60, bound),
    step(1189, 4, 25, bound),
    step(1091, 3, 12, bound),
    step(1000, 2, 9, bound, 1),
    step(1250, 6, 40, bound, 1),
    step(1118, 3, 11, bound, 1),
    step(1057, 2.5, 9.5, bound, 1),
  ];
  return {
    workers: 2,
    p99BoundMs: bound,
    maxBatch: 1,
    maxWaitMs: 0,
    dropAfterMs: 1000,
    stepTimeMs: 1000,
    stepRequests: 300,
    arrivalSeed: 1,
    dispatchLeadMs: 5,
    sets: ['simple'],
    instructions: 40,
    singleStream: { requests: 200, latencyMs: percentiles(0.8, 1.5, 200), ratePerSecond: 1100 },
    steps,
    searches: [
      { startRate: 250, peakRate: 1000, hiRate: 1091, stoppedBy: 'converged', steps: 7 },
      { startRate: 1000, peakRate: 1057, hiRate: 1118, stoppedBy: 'converged', steps: 4 },
    ],
    peak: null,
    fixed: { rate: 500, p99Ms: [3, 3.5], medianMs: [1, 1.1], validSteps: 2 },
    knee: null,
    generator: { latenessMs: percentiles(0, 0.2, 3900), limitedSteps: 0 },
  };
}
