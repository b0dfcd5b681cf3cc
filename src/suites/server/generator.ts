/**
 * The load generator, on a thread that does nothing else while a step runs (the main thread): it publishes
 * requests by bumping the shared DISPATCHED counter, each DISPATCH_LEAD_MS before its scheduled arrival (the
 * batcher takes a request only once its arrival time has come, so it arrives exactly on schedule whenever the
 * generator is on time), and records when it actually published each one. Its dispatch lateness — publication
 * after the scheduled arrival, 0 when it was on time — is reported, so that a generator that cannot keep up is
 * never mistaken for a slow pipeline; a stall of its thread (descheduled by the OS, a GC pause) shows there too.
 * Between publications it sleeps (Atomics.wait), so it takes little CPU from the workers; its event loop runs only
 * in the gaps (GENERATOR_YIELD_GAP_MS), never between a wake-up and a publication.
 *
 * Early stopping (in the spirit of MLPerf LoadGen's early-stopping criterion, but exact rather than
 * statistical): the step's p99 is the value of rank ⌈0.99·n⌉ among its n requests, so once more than
 * n − ⌈0.99·n⌉ requests are certainly over the bound — finished over it, or still waiting and already older than
 * it — the p99 is certainly over the bound whatever the rest do, and the step stops.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Clock } from './clock.js';
import {
  DISPATCH_LEAD_MS,
  EARLY_STOP_CHECK_MS,
  GENERATOR_YIELD_EVERY_MS,
  GENERATOR_YIELD_GAP_MS,
  WORKER_STEP_GRACE_MS,
} from './constants.js';
import { ServerPoolError } from './pool.js';
import { CTRL, STATUS, type StepBuffers } from './step-buffers.js';

export interface DispatchOutcome {
  /** Requests published. */
  dispatched: number;
  /** Stopped because the p99 was certainly over the bound. */
  earlyStopped: boolean;
  /** Stopped by the abort signal. */
  aborted: boolean;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread (futex sleep, no spinning) until `clock() >= due`. Returns the time it woke. */
function sleepUntil(clock: Clock, due: number): number {
  let now = clock();
  while (now < due) {
    Atomics.wait(sleepCell, 0, 0, due - now);
    now = clock();
  }
  return now;
}

/**
 * Publishes requests [from, to) at time `now`. The batcher is woken only when it had taken everything published
 * before (then it may be waiting for a publication); otherwise it is sleeping until an earlier arrival, or serving.
 */
function publish(b: StepBuffers, from: number, to: number, now: number): void {
  for (let i = from; i < to; i++) b.dispatchedMs[i] = now;
  Atomics.store(b.ctrl, CTRL.DISPATCHED, to);
  if (Atomics.load(b.ctrl, CTRL.CLAIMED) >= from) Atomics.notify(b.ctrl, CTRL.DISPATCHED);
}

/** Tells the workers that no more requests will come (they drain the queue), or to stop now. */
export function signalWorkers(b: StepBuffers, slot: typeof CTRL.STOP | typeof CTRL.ABORT): void {
  Atomics.store(b.ctrl, slot, 1);
  Atomics.notify(b.ctrl, CTRL.DISPATCHED);
  Atomics.notify(b.ctrl, CTRL.BATCHER);
  Atomics.notify(b.ctrl, CTRL.FINISHED);
}

/** Counts requests certainly over the bound, scanning incrementally (requests below `settled` are final). */
export class OverBoundCounter {
  private settled = 0;
  private settledOver = 0;

  constructor(
    private readonly b: StepBuffers,
    private readonly boundMs: number,
  ) {}

  count(dispatched: number, now: number): number {
    const { b } = this;
    let over = 0;
    let contiguous = true;
    for (let i = this.settled; i < dispatched; i++) {
      const status = Atomics.load(b.status, i);
      if (status === STATUS.PENDING) {
        contiguous = false;
        if (now - b.scheduledMs[i] > this.boundMs) over++;
        continue;
      }
      const isOver = status === STATUS.DROPPED || b.finishedMs[i] - b.scheduledMs[i] > this.boundMs ? 1 : 0;
      if (contiguous) {
        this.settled = i + 1;
        this.settledOver += isOver;
      } else over += isOver;
    }
    return this.settledOver + over;
  }
}

/** Most requests of `n` that may exceed the bound with the p99 (rank ⌈0.99·n⌉) still within it. */
export function overBoundAllowance(n: number): number {
  return n - Math.ceil(0.99 * n);
}

/**
 * Publishes every request of `b` at its scheduled time (open loop). With `boundMs`, stops early once the p99 is
 * certainly over it.
 */
export async function dispatchOpenLoop(b: StepBuffers, clock: Clock, signal: AbortSignal, boundMs: number | null): Promise<DispatchOutcome> {
  const n = b.scheduledMs.length;
  const counter = boundMs === null ? null : new OverBoundCounter(b, boundMs);
  const allowance = overBoundAllowance(n);
  let lastYield = clock();
  let nextCheck = lastYield + EARLY_STOP_CHECK_MS;
  let i = 0;
  while (i < n) {
    const due = b.scheduledMs[i] - DISPATCH_LEAD_MS;
    let now = clock();
    if (due - now > GENERATOR_YIELD_GAP_MS && now - lastYield > GENERATOR_YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = now = clock();
      if (signal.aborted) return { dispatched: i, earlyStopped: false, aborted: true };
    }
    if (counter && now >= nextCheck) {
      nextCheck = now + EARLY_STOP_CHECK_MS;
      if (counter.count(i, now) > allowance) return { dispatched: i, earlyStopped: true, aborted: false };
    }
    now = sleepUntil(clock, due);
    // Everything due within the lead goes out together.
    let to = i + 1;
    while (to < n && b.scheduledMs[to] - DISPATCH_LEAD_MS <= now) to++;
    publish(b, i, to, now);
    i = to;
  }
  return { dispatched: n, earlyStopped: false, aborted: false };
}

/**
 * Single stream: publishes each request as soon as the previous one has finished (closed loop, one request in
 * flight); its scheduled arrival is its dispatch.
 */
export function dispatchClosedLoop(b: StepBuffers, clock: Clock): DispatchOutcome {
  const n = b.scheduledMs.length;
  for (let i = 0; i < n; i++) {
    const now = clock();
    b.scheduledMs[i] = now;
    publish(b, i, i + 1, now);
    const limit = now + WORKER_STEP_GRACE_MS;
    for (;;) {
      const finished = Atomics.load(b.ctrl, CTRL.FINISHED);
      if (finished > i) break;
      if (clock() > limit) throw new ServerPoolError(`single-stream request ${i} was not answered within ${WORKER_STEP_GRACE_MS} ms`);
      Atomics.wait(b.ctrl, CTRL.FINISHED, finished, 50);
    }
  }
  return { dispatched: n, earlyStopped: false, aborted: false };
}
