/**
 * Parallel suite: the same instruction list processed sequentially in this thread and split across N
 * worker_threads, each with its own bridge. Speedup = sequential time / parallel wall time, efficiency =
 * speedup / N; one sample of each per repetition. When a worker fails, speedup is computed from throughput
 * (instructions done / time), the failure is reported, and the suite finishes with the other workers.
 */
import { GasmError } from '../../errors.js';
import type { BridgeConfig, GasmBridge } from '../../pipeline/bridge.js';
import type { GasmResponse } from '../../pipeline/types.js';
import type { ParallelSuite, WorkerResult } from '../../report/types.js';
import { median } from '../../stats/quantile.js';
import { WORKER_TIMEOUT_MS } from '../constants.js';
import { collectGarbage } from '../gc.js';
import type { WorkerSetup } from '../parallel-protocol.js';
import { chunk, cycle } from '../response-tally.js';
import { WorkerPool } from '../worker-pool.js';

export interface ParallelOptions {
  instructions: string[];
  total: number;
  workers: number;
  repetitions: number;
  batchSize: number;
  bridgeConfig: BridgeConfig;
  workerTimeoutMs?: number;
  /** Test-only: inject a fault into one worker. */
  fault?: { worker: number; mode: 'throw' | 'exit' | 'hang' };
}

/** Splits `items` into `parts` contiguous shares whose sizes differ by at most one. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(items.length / parts) + (i < items.length % parts ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

function runSequential(bridge: GasmBridge, batches: string[][]): number {
  let sink: GasmResponse[] = [];
  const t0 = process.hrtime.bigint();
  for (const b of batches) sink = bridge.processBatch(b);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  void sink;
  return ms;
}

export async function runParallel(bridge: GasmBridge, options: ParallelOptions, hooks: { signal?: AbortSignal; onStep?: (label: string) => void }): Promise<{ suite: ParallelSuite | null; aborted: boolean }> {
  const list = cycle(options.instructions, options.total);
  const batches = chunk(list, options.batchSize);
  const shares = split(list, options.workers);
  const setups: WorkerSetup[] = Array.from({ length: options.workers }, (_, worker) => ({
    worker,
    bridge: options.bridgeConfig,
    batchSize: options.batchSize,
    fault: options.fault?.worker === worker ? options.fault.mode : undefined,
  }));
  hooks.onStep?.(`starting ${options.workers} workers`);
  const pool = await WorkerPool.start(setups, options.workerTimeoutMs ?? WORKER_TIMEOUT_MS);
  const sequentialMs: number[] = [];
  const parallelMs: number[] = [];
  const speedup: number[] = [];
  const doneFraction: number[] = [];
  const perWorker = new Map<number, WorkerResult>();
  let aborted = false;
  try {
    // Warm-up: one unmeasured pass on each side.
    // (a whole repetition each: the workers' code must be as warm as this thread's).
    runSequential(bridge, batches);
    await pool.run(shares, false);
    for (let rep = 0; rep < options.repetitions; rep++) {
      if (hooks.signal?.aborted) {
        aborted = true;
        break;
      }
      hooks.onStep?.(`repetition ${rep + 1}/${options.repetitions}`);
      collectGarbage();
      const seq = runSequential(bridge, batches);
      // The sequential pass leaves garbage; collect it now so that this thread's GC does not compete with the
      // workers for the cores during the parallel pass.
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const t0 = process.hrtime.bigint();
      const outcomes = await pool.run(shares, true);
      const par = Number(process.hrtime.bigint() - t0) / 1e6;
      const done = outcomes.reduce((n, o) => n + o.instructions, 0);
      for (const o of outcomes) {
        const prev = perWorker.get(o.worker);
        perWorker.set(o.worker, {
          worker: o.worker,
          instructions: (prev?.instructions ?? 0) + o.instructions,
          ms: (prev?.ms ?? 0) + o.ms,
          ...(o.error ?? prev?.error ? { error: o.error ?? prev?.error } : {}),
        });
      }
      if (done === 0) continue;
      sequentialMs.push(seq);
      parallelMs.push(par);
      speedup.push((done / par) / (list.length / seq));
      doneFraction.push(done / list.length);
    }
  } finally {
    await pool.close();
  }
  if (speedup.length === 0) {
    const errors = [...perWorker.values()].filter((w) => w.error).map((w) => w.error);
    if (aborted) return { suite: null, aborted };
    throw new GasmError('BACKEND_ERROR', `every worker failed: ${errors.join('; ')}`);
  }
  // Speedup of the typical repetition: median sequential over median parallel time, scaled by the share of
  // the work the workers completed (1 unless a worker failed).
  const s = (median(sequentialMs) / median(parallelMs)) * median(doneFraction);
  const workers = [...perWorker.values()].sort((a, b) => a.worker - b.worker);
  return {
    aborted,
    suite: {
      workers: options.workers,
      instructions: list.length,
      sequentialMs: median(sequentialMs),
      parallelMs: median(parallelMs),
      speedup: s,
      efficiency: s / options.workers,
      perWorker: workers,
      failedWorkers: workers.filter((w) => w.error).length,
      samples: { sequentialMs, parallelMs, speedup },
    },
  };
}
