/**
 * The serving loop a worker runs for one step (synchronously: while a step runs a worker does nothing else).
 * One worker at a time holds the batcher token: it takes requests that have arrived — published by the
 * generator and past their scheduled arrival — dropping those queued longer than the drop deadline, until the
 * batch is full, or the batching window — `maxWaitMs` after the batch's first request's scheduled arrival — has
 * closed, or no more requests will come; then it releases the token and serves the batch while another worker
 * forms the next one. Waiting for an arrival, it sleeps until that arrival's time (a late wake-up is the server's
 * own and counts in the request's latency). Every answer in a batch is ready when the batch ends, so each
 * request's finish time is the batch's end.
 */
import type { Clock } from './clock.js';
import type { StepParams } from './protocol.js';
import { CTRL, STATUS, type StepBuffers } from './step-buffers.js';
import { WORKER_IDLE_WAIT_MS } from './constants.js';

/** Serves one batch: the instructions' texts and their request numbers in; each request's success out. */
export type BatchHandler = (texts: string[], requests: number[]) => boolean[];

export interface ServeTally {
  batches: number;
  /** Time spent inside the handler, ms. */
  busyMs: number;
}

/** Runs until the generator has stopped and the queue is empty, or until ABORT. */
export function serveStep(b: StepBuffers, params: StepParams, workerId: number, instructions: readonly string[], handle: BatchHandler, clock: Clock): ServeTally {
  const { ctrl } = b;
  const token = workerId + 1;
  const tally: ServeTally = { batches: 0, busyMs: 0 };
  const batch: number[] = [];
  for (;;) {
    if (Atomics.load(ctrl, CTRL.ABORT) !== 0) break;
    const holder = Atomics.compareExchange(ctrl, CTRL.BATCHER, 0, token);
    if (holder !== 0) {
      Atomics.wait(ctrl, CTRL.BATCHER, holder, WORKER_IDLE_WAIT_MS);
      continue;
    }
    const finished = formBatch(b, params, workerId, batch, clock);
    Atomics.store(ctrl, CTRL.BATCHER, 0);
    Atomics.notify(ctrl, CTRL.BATCHER, finished ? Infinity : 1);
    if (batch.length > 0) serveBatch(b, batch, instructions, handle, clock, tally);
    if (finished) break;
  }
  return tally;
}

/**
 * Fills `batch` with request numbers (holding the batcher token). Returns true when no request is left to
 * serve after this batch (generator stopped and queue empty, or ABORT).
 */
function formBatch(b: StepBuffers, params: StepParams, workerId: number, batch: number[], clock: Clock): boolean {
  const { ctrl } = b;
  batch.length = 0;
  let deadline = Infinity;
  for (;;) {
    if (Atomics.load(ctrl, CTRL.ABORT) !== 0) return true;
    const dispatched = Atomics.load(ctrl, CTRL.DISPATCHED);
    let c = Atomics.load(ctrl, CTRL.CLAIMED);
    while (c < dispatched && batch.length < params.maxBatch) {
      const now = clock();
      if (b.scheduledMs[c] > now) break;
      b.claimedMs[c] = now;
      b.worker[c] = workerId;
      if (now - b.scheduledMs[c] > params.dropAfterMs) {
        b.finishedMs[c] = now;
        Atomics.store(b.status, c, STATUS.DROPPED);
        Atomics.add(ctrl, CTRL.FINISHED, 1);
      } else {
        if (batch.length === 0) deadline = b.scheduledMs[c] + params.maxWaitMs;
        batch.push(c);
      }
      c++;
    }
    Atomics.store(ctrl, CTRL.CLAIMED, c);
    if (batch.length >= params.maxBatch) return false;
    const now = clock();
    if (batch.length > 0 && now >= deadline) return false;
    if (c < dispatched) {
      // The next request is published but has not arrived yet: sleep until it does (or the window closes).
      const until = Math.min(b.scheduledMs[c], deadline);
      if (until > now) Atomics.wait(ctrl, CTRL.DISPATCHED, dispatched, until - now);
    } else {
      // Nothing published: STOP is read before DISPATCHED is read again, so a last publication is never missed.
      if (Atomics.load(ctrl, CTRL.STOP) !== 0 && c >= Atomics.load(ctrl, CTRL.DISPATCHED)) {
        Atomics.notify(ctrl, CTRL.FINISHED);
        return true;
      }
      Atomics.wait(ctrl, CTRL.DISPATCHED, dispatched, batch.length > 0 ? Math.max(0, deadline - now) : WORKER_IDLE_WAIT_MS);
    }
  }
}

function serveBatch(b: StepBuffers, batch: number[], instructions: readonly string[], handle: BatchHandler, clock: Clock, tally: ServeTally): void {
  const texts = batch.map((r) => instructions[b.instruction[r]]);
  const t0 = clock();
  let ok: boolean[];
  try {
    ok = handle(texts, batch);
  } catch {
    ok = batch.map(() => false);
  }
  const end = clock();
  tally.batches++;
  tally.busyMs += end - t0;
  for (let k = 0; k < batch.length; k++) {
    const r = batch[k];
    b.finishedMs[r] = end;
    b.batchSize[r] = batch.length;
    Atomics.store(b.status, r, ok[k] ? STATUS.OK : STATUS.FAILED);
  }
  Atomics.add(b.ctrl, CTRL.FINISHED, batch.length);
  Atomics.notify(b.ctrl, CTRL.FINISHED);
}
