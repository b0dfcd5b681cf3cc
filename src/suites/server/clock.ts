/**
 * One clock for the generator and every worker: `process.hrtime.bigint()` is the process-wide monotonic
 * clock (libuv's uv_hrtime, CLOCK_MONOTONIC on Linux), the same in every worker thread, unlike
 * `performance.now()`, whose origin is each thread's own start. Times are ms since a shared epoch, as doubles.
 */

/** Milliseconds since `epoch` (a `process.hrtime.bigint()` value every thread was given). */
export type Clock = () => number;

export function createClock(epoch: bigint): Clock {
  return () => Number(process.hrtime.bigint() - epoch) / 1e6;
}

/** A fresh epoch: now. */
export function clockEpoch(): bigint {
  return process.hrtime.bigint();
}
