/** The work a parallel-suite worker times: its share through the pipeline, or plain CPU-bound arithmetic. */
import type { GasmBridge } from '../../pipeline/bridge.js';

/** xorshift32 steps: integer work with no allocation and no memory traffic, the machine's plain capacity. */
export function spin(iterations: number): number {
  let x = 2463534242;
  let acc = 0;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    acc = (acc + (x & 1023)) | 0;
  }
  return acc;
}

/** `passes` passes over the share in batches; returns failed responses (a cheap flag read per response). */
export function runPipeline(bridge: GasmBridge, share: readonly string[], batchSize: number, passes: number): number {
  let failures = 0;
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < share.length; i += batchSize) {
      const responses = bridge.processBatch(share.slice(i, i + batchSize));
      for (const r of responses) if (!r.success) failures++;
    }
  }
  return failures;
}
