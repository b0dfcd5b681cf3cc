/**
 * The server suite's run: start the serving workers, warm them up, measure the single stream (one request at a
 * time: the latency–load curve's idle end), the fixed rate if asked (`--rate`), then the peak searches. Every
 * step is kept as it is measured; a failure or an interrupt returns what was measured before it.
 */
import { GasmError } from '../../errors.js';
import { sig3, whole } from '../../format/numbers.js';
import { median } from '../../stats/quantile.js';
import type { RunContext, SuiteOutcome } from '../contract.js';
import { clockEpoch, createClock, type Clock } from './clock.js';
import {
  DISPATCH_LEAD_MS,
  SEARCH_GROWTH,
  SEARCH_MIN_RATE,
  SEARCH_START_FRACTION,
  SINGLE_STREAM_REQUESTS,
  SINGLE_STREAM_WARMUP,
  STEP_MAX_TIME_MS,
} from './constants.js';
import { createHistogram, percentilesOf, type Histogram } from './histogram.js';
import { kneeIndex } from './knee.js';
import type { ServerOptions } from './options.js';
import { ServerPool } from './pool.js';
import type { StepParams } from './protocol.js';
import { poissonSchedule, stepSeed } from './schedule.js';
import type { ServerResult, ServerSearch, ServerStep } from './schema.js';
import { searchPeak } from './search.js';
import { invalidReason, runStep, type StepMeasurement } from './step.js';
import { serverWorkerEntry, type WorkerEntry } from './worker-entry.js';

/** Ways to run the suite that are not user flags: a custom worker entry (tests inject faults through it). */
export interface ServerHooks {
  entry?: WorkerEntry;
  entryData?: unknown;
}

const SUITE = 'server';

function emptyResult(ctx: RunContext, o: ServerOptions, instructions: number): ServerResult {
  return {
    workers: o.workers,
    p99BoundMs: o.p99BoundMs,
    maxBatch: o.maxBatch,
    maxWaitMs: o.maxWaitMs,
    dropAfterMs: o.dropAfterMs,
    stepTimeMs: o.stepTimeMs,
    stepRequests: o.stepRequests,
    arrivalSeed: o.arrivalSeed,
    dispatchLeadMs: DISPATCH_LEAD_MS,
    sets: ctx.sets.map((s) => s.name),
    instructions,
    singleStream: null,
    steps: [],
    searches: [],
    peak: null,
    fixed: null,
    knee: null,
    generator: { latenessMs: percentilesOf(createHistogram()), limitedSteps: 0 },
  };
}

/** The report's record of a measured open-loop step. */
export function toStep(m: StepMeasurement, boundMs: number, phase: ServerStep['phase'], search: number | null): ServerStep {
  const reason = invalidReason(m, boundMs);
  return {
    phase,
    search,
    offeredRate: m.offeredRate ?? 0,
    achievedRate: m.achievedRate,
    requests: m.requests,
    completed: m.completed,
    failed: m.failed,
    late: m.late,
    dropped: m.dropped,
    unserved: m.unserved,
    latencyMs: m.latency,
    latencyIsLowerBound: m.latencyIsLowerBound,
    queueMs: m.queue,
    serviceMs: m.service,
    meanBatch: m.meanBatch,
    utilization: m.durationMs > 0 && m.busyMsPerWorker.length > 0 ? Math.min(1, m.busyMsPerWorker.reduce((a, x) => a + x, 0) / m.busyMsPerWorker.length / m.durationMs) : 0,
    generator: { latenessMs: m.lateness, limited: m.generatorLimited },
    earlyStopped: m.earlyStopped,
    valid: reason === null,
    invalidReason: reason,
    durationMs: m.durationMs,
  };
}

/** The peak: the median of the searches' peaks, with the step that found it. */
export function pickPeak(searches: readonly ServerSearch[], steps: readonly ServerStep[]): ServerResult['peak'] {
  const found = searches.map((s, i) => ({ s, i })).filter((x) => x.s.peakRate !== null);
  if (found.length === 0) return null;
  found.sort((a, b) => (a.s.peakRate as number) - (b.s.peakRate as number));
  const mid = found[(found.length - 1) >> 1];
  const step = steps.find((st) => st.phase === 'search' && st.search === mid.i && st.valid && st.offeredRate === mid.s.peakRate);
  if (!step) return null;
  return { rate: step.offeredRate, p99Ms: step.latencyMs.p99, medianMs: step.latencyMs.median, achievedRate: step.achievedRate, lowerBound: mid.s.hiRate === null };
}

/**
 * The p99–load curve the knee is read from: the median p99 of each offered rate's steps (the single stream at
 * rate 0), made non-decreasing — latency does not fall as load rises, so a dip is noise and the envelope keeps
 * the highest p99 seen at any lower rate.
 */
export function latencyEnvelope(r: ServerResult): { rate: number; p99Ms: number; envelopeMs: number }[] {
  const byRate = new Map<number, number[]>();
  for (const s of r.steps) byRate.set(s.offeredRate, [...(byRate.get(s.offeredRate) ?? []), s.latencyMs.p99]);
  if (r.singleStream) byRate.set(0, [r.singleStream.latencyMs.p99]);
  let high = -Infinity;
  return [...byRate.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rate, p99s]) => {
      const p99Ms = median(p99s);
      high = Math.max(high, p99Ms);
      return { rate, p99Ms, envelopeMs: high };
    });
}

/** The knee of the p99–load curve (Kneedle on its envelope), never at the idle end; its p99 is the rate's measured median. */
export function findKnee(r: ServerResult): ServerResult['knee'] {
  const curve = latencyEnvelope(r);
  const k = kneeIndex(curve.map((p) => p.rate), curve.map((p) => p.envelopeMs));
  return k === null || curve[k].rate === 0 ? null : { rate: curve[k].rate, p99Ms: curve[k].p99Ms };
}

function describeStep(s: ServerStep): string {
  const verdict = s.valid ? 'valid' : `invalid: ${s.invalidReason}`;
  return `p99 ${s.latencyIsLowerBound ? '≥ ' : ''}${sig3(s.latencyMs.p99)} ms, ${whole(s.achievedRate)}/s answered (${verdict})`;
}

export async function runServer(ctx: RunContext, o: ServerOptions, hooks: ServerHooks = {}): Promise<SuiteOutcome<ServerResult>> {
  const instructions = ctx.sets.flatMap((s) => s.instructions);
  if (instructions.length === 0) return { status: 'failed', error: 'server: no instructions to serve (the instruction sets are empty)', result: null };
  const result = emptyResult(ctx, o, instructions.length);
  if (ctx.signal.aborted) return { status: 'aborted', result: null };
  const epoch = clockEpoch();
  const clock: Clock = createClock(epoch);
  const lateness: Histogram = createHistogram();
  const params: StepParams = { maxBatch: o.maxBatch, maxWaitMs: o.maxWaitMs, dropAfterMs: o.dropAfterMs };
  let stepNo = 0;
  let aborted = false;
  let pool: ServerPool | null = null;

  const finish = (): void => {
    result.peak = pickPeak(result.searches, result.steps);
    result.knee = findKnee(result);
    result.generator = { latenessMs: percentilesOf(lateness), limitedSteps: result.steps.filter((s) => s.generator.limited).length };
    const failed = result.steps.reduce((n, s) => n + s.failed, 0);
    if (failed > 0) ctx.warn('SERVER_FAILED_RESPONSES', `server: ${failed} served requests failed (their instructions were not understood); they count as served`);
  };

  /** Measures one open-loop step at `rate`. */
  const measureRate = async (rate: number, phase: ServerStep['phase'], search: number | null): Promise<ServerStep & { aborted: boolean }> => {
    const caseName = phase === 'fixed' ? `fixed ${sig3(rate)}/s` : `search ${(search ?? 0) + 1}: ${sig3(rate)}/s`;
    // Search steps are capped in length (very low rates give way on the request count); fixed steps run as asked.
    const longest = phase === 'search' ? Math.max(o.stepTimeMs, STEP_MAX_TIME_MS) : Infinity;
    const schedule = poissonSchedule(rate, o.stepTimeMs, o.stepRequests, instructions.length, stepSeed(o.arrivalSeed, stepNo++), longest);
    ctx.sampler.markCase(SUITE, caseName, 'start');
    const t0 = clock();
    // Fixed-rate steps run to the end (their p99 is a gate sample, never a lower bound); search steps may stop early.
    const boundMs = phase === 'search' ? o.p99BoundMs : null;
    const run = await runStep(pool as ServerPool, { kind: 'open', schedule, boundMs }, params, clock, ctx.signal);
    ctx.sampler.markCase(SUITE, caseName, 'end');
    lateness.add(run.latenessHistogram);
    const step = toStep(run.measurement, o.p99BoundMs, phase, search);
    result.steps.push(step);
    ctx.progress({ suite: SUITE, case: caseName, done: { figure: describeStep(step), runs: 1, ms: clock() - t0 } });
    if (step.generator.limited) {
      ctx.warn('GENERATOR_LIMITED', `server: at ${sig3(rate)}/s the load generator published requests late (lateness p99 ${sig3(step.generator.latenessMs.p99)} ms, over 1 ms); that step is marked generator-limited and is not a pipeline figure`);
    }
    return { ...step, aborted: run.measurement.aborted };
  };

  try {
    pool = await ServerPool.start({ workers: o.workers, bridge: ctx.bridgeConfig, instructions, epoch, maxBatch: o.maxBatch, entry: hooks.entry ?? serverWorkerEntry(), entryData: hooks.entryData });
    const oneAtATime = (n: number, offset: number) => new Int32Array(n).map((_, i) => (offset + i) % instructions.length);
    const single: StepParams = { maxBatch: 1, maxWaitMs: 0, dropAfterMs: o.dropAfterMs };
    await runStep(pool, { kind: 'closed', instruction: oneAtATime(SINGLE_STREAM_WARMUP, 0) }, single, clock, ctx.signal);
    ctx.sampler.markCase(SUITE, 'single stream', 'start');
    const ss = (await runStep(pool, { kind: 'closed', instruction: oneAtATime(SINGLE_STREAM_REQUESTS, SINGLE_STREAM_WARMUP) }, single, clock, ctx.signal)).measurement;
    ctx.sampler.markCase(SUITE, 'single stream', 'end');
    result.singleStream = { requests: ss.completed, latencyMs: ss.latency, ratePerSecond: ss.latency.mean > 0 ? 1000 / ss.latency.mean : 0 };
    ctx.progress({ suite: SUITE, case: 'single stream', done: { figure: `p50 ${sig3(ss.latency.median)} ms, p99 ${sig3(ss.latency.p99)} ms`, runs: 1, ms: ss.durationMs } });
    if (ctx.signal.aborted) aborted = true;

    if (!aborted && o.rate !== null) {
      const p99s: number[] = [];
      const medians: number[] = [];
      let valid = 0;
      for (let k = 0; k < o.fixedSteps && !aborted; k++) {
        const step = await measureRate(o.rate, 'fixed', null);
        if (step.aborted || ctx.signal.aborted) {
          aborted = true;
          break;
        }
        if (step.generator.limited) continue; // not a pipeline figure
        p99s.push(step.latencyMs.p99);
        medians.push(step.latencyMs.median);
        if (step.valid) valid++;
      }
      if (p99s.length > 0) result.fixed = { rate: o.rate, p99Ms: p99s, medianMs: medians, validSteps: valid };
    }

    // Independent searches from the same start (each step has its own arrivals): independent samples of the peak.
    const searchStart = Math.max(SEARCH_START_FRACTION * result.singleStream.ratePerSecond, SEARCH_MIN_RATE);
    for (let s = 0; s < o.searches && !aborted; s++) {
      const outcome = await searchPeak(async (rate) => {
        const step = await measureRate(rate, 'search', s);
        return { valid: step.valid, generatorLimited: step.generator.limited, aborted: step.aborted || ctx.signal.aborted };
      }, searchStart, SEARCH_GROWTH);
      result.searches.push({ startRate: searchStart, peakRate: outcome.peakRate, hiRate: outcome.hiRate, stoppedBy: outcome.stoppedBy, steps: outcome.steps });
      if (outcome.stoppedBy === 'aborted') aborted = true;
    }
  } catch (error) {
    finish();
    const message = error instanceof GasmError || error instanceof Error ? error.message : String(error);
    return { status: 'failed', error: `server: ${message}`, result };
  } finally {
    await pool?.close();
  }
  finish();
  if (aborted) return { status: 'aborted', result };
  if (o.searches > 0 && result.peak === null) {
    const lowest = sig3(Math.min(...result.steps.filter((s) => s.phase === 'search').map((s) => s.offeredRate)));
    const generatorLate = result.searches.some((s) => s.stoppedBy === 'generator-limited');
    ctx.warn(
      'SERVER_NO_PEAK',
      generatorLate
        ? `server: no peak found: the load generator could not keep its schedule (down to ${lowest}/s); the machine is too busy to measure serving latency`
        : `server: no arrival rate kept the p99 within ${sig3(o.p99BoundMs)} ms (lowest tried ${lowest}/s)`,
    );
  } else if (result.peak?.lowerBound) {
    ctx.warn('SERVER_PEAK_LOWER_BOUND', `server: the peak search ended before finding a rate over the bound (${result.searches.map((s) => s.stoppedBy).join(', ')}); the peak ${sig3(result.peak.rate)}/s is a lower bound`);
  }
  return { status: 'ok', result };
}
