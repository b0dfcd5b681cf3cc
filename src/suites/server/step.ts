/**
 * One load step: set up its shared memory, hand it to the workers, run the generator, wait for the workers to
 * drain, and summarise what happened to every request. A request's latency runs from its *scheduled* arrival to
 * its answer, so time spent queued behind a slow or stalled worker is counted (no coordinated omission).
 */
import type { Clock } from './clock.js';
import { GENERATOR_LATENESS_LIMIT_MS, LATE_START_MS, STEP_LEAD_MS, WORKER_START_TIMEOUT_MS, WORKER_STEP_GRACE_MS } from './constants.js';
import { dispatchClosedLoop, dispatchOpenLoop, signalWorkers, type DispatchOutcome } from './generator.js';
import { createHistogram, percentilesOf, recordMs, type Histogram, type LatencyPercentiles } from './histogram.js';
import type { ServerPool } from './pool.js';
import type { StepParams } from './protocol.js';
import type { ArrivalSchedule } from './schedule.js';
import { allocateStep, CTRL, STATUS, viewStep, type StepBuffers } from './step-buffers.js';

/** What one step serves: a Poisson schedule (open loop), or requests one at a time (closed loop). */
export type StepLoad = { kind: 'open'; schedule: ArrivalSchedule; boundMs: number | null } | { kind: 'closed'; instruction: Int32Array };

/** Why a step is not valid. */
export type InvalidReason = 'p99-over-bound' | 'dropped' | 'generator-limited' | 'nothing-completed' | 'aborted';

/** Everything measured in one step (times in ms, rates in requests/s). */
export interface StepMeasurement {
  offeredRate: number | null;
  requests: number;
  dispatched: number;
  /** Answered (successfully or not). */
  completed: number;
  /** Answered with a failed response (a bad instruction): counted, still a served request. */
  failed: number;
  dropped: number;
  /** Never served: the step stopped early (or was aborted) before they were taken. */
  unserved: number;
  /** Dispatched more than LATE_START_MS after their scheduled arrival. */
  late: number;
  /** Scheduled arrival → answer; when the step stopped early, requests still waiting count with their age then. */
  latency: LatencyPercentiles;
  /** True when `latency` includes still-waiting requests at their age so far (its percentiles are lower bounds). */
  latencyIsLowerBound: boolean;
  /** Scheduled arrival → taken by a worker (queueing). */
  queue: LatencyPercentiles;
  /** Taken by a worker → answer (batching window + service). */
  service: LatencyPercentiles;
  /** Actual − scheduled dispatch (the generator's own lateness). */
  lateness: LatencyPercentiles;
  /** Answers per second, from the first scheduled arrival to the last answer. */
  achievedRate: number;
  meanBatch: number;
  durationMs: number;
  earlyStopped: boolean;
  aborted: boolean;
  generatorLimited: boolean;
  busyMsPerWorker: number[];
}

export interface StepRun {
  measurement: StepMeasurement;
  /** The generator's lateness of this step (µs), for the run's merged summary. */
  latenessHistogram: Histogram;
}

/** Runs one step on `pool`. Throws ServerPoolError when a worker fails (after stopping the others). */
export async function runStep(pool: ServerPool, instructionsOf: StepLoad, params: StepParams, clock: Clock, signal: AbortSignal): Promise<StepRun> {
  const n = instructionsOf.kind === 'open' ? instructionsOf.schedule.offsetsMs.length : instructionsOf.instruction.length;
  const memory = allocateStep(n);
  const b = viewStep(memory);
  b.instruction.set(instructionsOf.kind === 'open' ? instructionsOf.schedule.instruction : instructionsOf.instruction);
  await pool.beginStep(memory, params, WORKER_START_TIMEOUT_MS);
  let outcome: DispatchOutcome;
  let busy: { busyMs: number }[];
  try {
    if (instructionsOf.kind === 'open') {
      const start = clock() + STEP_LEAD_MS;
      const offsets = instructionsOf.schedule.offsetsMs;
      for (let i = 0; i < n; i++) b.scheduledMs[i] = start + offsets[i];
      outcome = await dispatchOpenLoop(b, clock, signal, instructionsOf.boundMs);
    } else {
      outcome = dispatchClosedLoop(b, clock);
    }
    signalWorkers(b, outcome.earlyStopped || outcome.aborted ? CTRL.ABORT : CTRL.STOP);
    busy = await pool.endStep(params.dropAfterMs + WORKER_STEP_GRACE_MS);
  } catch (error) {
    signalWorkers(b, CTRL.ABORT);
    throw error;
  }
  return summarise(b, instructionsOf.kind === 'open' ? instructionsOf.schedule.rate : null, outcome, clock(), busy.map((x) => x.busyMs));
}

function summarise(b: StepBuffers, offeredRate: number | null, outcome: DispatchOutcome, endMs: number, busyMsPerWorker: number[]): StepRun {
  const n = b.scheduledMs.length;
  const latency = createHistogram();
  const queue = createHistogram();
  const service = createHistogram();
  const lateness = createHistogram();
  let completed = 0;
  let failed = 0;
  let dropped = 0;
  let late = 0;
  let stillWaiting = 0;
  let batchSum = 0;
  let lastAnswer = -Infinity;
  for (let i = 0; i < outcome.dispatched; i++) {
    const lateBy = b.dispatchedMs[i] - b.scheduledMs[i];
    recordMs(lateness, lateBy);
    if (lateBy > LATE_START_MS) late++;
    const status = b.status[i];
    if (status === STATUS.DROPPED) {
      dropped++;
      continue;
    }
    if (status === STATUS.PENDING) {
      stillWaiting++;
      recordMs(latency, endMs - b.scheduledMs[i]);
      continue;
    }
    completed++;
    if (status === STATUS.FAILED) failed++;
    recordMs(latency, b.finishedMs[i] - b.scheduledMs[i]);
    recordMs(queue, b.claimedMs[i] - b.scheduledMs[i]);
    recordMs(service, b.finishedMs[i] - b.claimedMs[i]);
    batchSum += b.batchSize[i];
    if (b.finishedMs[i] > lastAnswer) lastAnswer = b.finishedMs[i];
  }
  const first = n > 0 ? b.scheduledMs[0] : 0;
  const spanMs = completed > 0 ? lastAnswer - first : 0;
  const latenessP = percentilesOf(lateness);
  const measurement: StepMeasurement = {
    offeredRate,
    requests: n,
    dispatched: outcome.dispatched,
    completed,
    failed,
    dropped,
    unserved: n - completed - dropped,
    late,
    latency: percentilesOf(latency),
    latencyIsLowerBound: stillWaiting > 0 || outcome.dispatched < n,
    queue: percentilesOf(queue),
    service: percentilesOf(service),
    lateness: latenessP,
    achievedRate: spanMs > 0 ? (completed * 1000) / spanMs : 0,
    meanBatch: completed > 0 ? batchSum / completed : 0,
    durationMs: n > 0 ? endMs - first : 0,
    earlyStopped: outcome.earlyStopped,
    aborted: outcome.aborted,
    generatorLimited: offeredRate !== null && latenessP.p99 > GENERATOR_LATENESS_LIMIT_MS,
    busyMsPerWorker,
  };
  return { measurement, latenessHistogram: lateness };
}

/** Why the step does not count as within the bound, or null when it does. */
export function invalidReason(m: StepMeasurement, boundMs: number): InvalidReason | null {
  if (m.aborted) return 'aborted';
  if (m.generatorLimited) return 'generator-limited';
  if (m.dropped > 0) return 'dropped';
  if (m.earlyStopped || m.latency.p99 > boundMs) return 'p99-over-bound';
  if (m.completed === 0) return 'nothing-completed';
  return null;
}
