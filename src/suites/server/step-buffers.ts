/**
 * The shared memory of one load step: the generator (main thread) and the serving workers talk only through
 * these SharedArrayBuffers while a step runs — no message, no event loop, nothing allocated per request.
 *
 * The queue is the request sequence itself: requests are dispatched in schedule order, so the queue is two
 * counters, DISPATCHED (the generator has published requests [0, DISPATCHED)) and CLAIMED (workers have taken
 * [0, CLAIMED)). One worker at a time holds the BATCHER token and forms the next batch from the queue (a single
 * dynamic batcher in front of a pool of model instances, as Triton's is); the others wait for the token.
 */

/** Slots of the control array (Int32). */
export const CTRL = {
  /** Requests published by the generator. */
  DISPATCHED: 0,
  /** Requests taken from the queue (served or dropped). */
  CLAIMED: 1,
  /** Requests finished (answered, failed or dropped). */
  FINISHED: 2,
  /** 1: the generator has published its last request; workers drain the queue and stop. */
  STOP: 3,
  /** 1: stop now (early stop or abort); unclaimed requests stay unserved. */
  ABORT: 4,
  /** 0: free; w + 1: worker w is forming a batch. */
  BATCHER: 5,
} as const;
const CTRL_SLOTS = 8;

/** Status of each request. */
export const STATUS = { PENDING: 0, OK: 1, FAILED: 2, DROPPED: 3 } as const;

/** Views over one step's shared buffers (each thread builds its own views over the same memory). */
export interface StepBuffers {
  ctrl: Int32Array;
  /** Scheduled arrival, clock ms. */
  scheduledMs: Float64Array;
  /** When the generator actually published the request, clock ms. */
  dispatchedMs: Float64Array;
  /** When a worker took it from the queue, clock ms. */
  claimedMs: Float64Array;
  /** When its answer was ready (end of its batch) or when it was dropped, clock ms. */
  finishedMs: Float64Array;
  /** Index of its instruction in the run's list. */
  instruction: Int32Array;
  status: Uint8Array;
  /** Size of the batch it was served in. */
  batchSize: Uint16Array;
  /** Worker that served it. */
  worker: Uint8Array;
}

/** What is posted to the workers: the raw buffers (SharedArrayBuffers are shared, not copied). */
export interface StepMemory {
  requests: number;
  ctrl: SharedArrayBuffer;
  f64: SharedArrayBuffer;
  instruction: SharedArrayBuffer;
  u8: SharedArrayBuffer;
  batchSize: SharedArrayBuffer;
}

export function allocateStep(requests: number): StepMemory {
  return {
    requests,
    ctrl: new SharedArrayBuffer(CTRL_SLOTS * 4),
    f64: new SharedArrayBuffer(4 * requests * 8),
    instruction: new SharedArrayBuffer(requests * 4),
    u8: new SharedArrayBuffer(2 * requests),
    batchSize: new SharedArrayBuffer(requests * 2),
  };
}

export function viewStep(m: StepMemory): StepBuffers {
  const n = m.requests;
  return {
    ctrl: new Int32Array(m.ctrl),
    scheduledMs: new Float64Array(m.f64, 0, n),
    dispatchedMs: new Float64Array(m.f64, 8 * n, n),
    claimedMs: new Float64Array(m.f64, 16 * n, n),
    finishedMs: new Float64Array(m.f64, 24 * n, n),
    instruction: new Int32Array(m.instruction),
    status: new Uint8Array(m.u8, 0, n),
    worker: new Uint8Array(m.u8, n, n),
    batchSize: new Uint16Array(m.batchSize),
  };
}
