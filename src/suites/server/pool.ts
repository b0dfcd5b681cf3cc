/**
 * The serving workers, seen from the main thread. Every wait is bounded: a worker that errors, exits or does not
 * answer in time makes the call fail with a message naming it (the suite turns that into a failed outcome).
 */
import { Worker } from 'node:worker_threads';
import { GasmError } from '../../errors.js';
import type { BridgeConfig } from '../../pipeline/bridge.js';
import { WARMUP_EVERY_SIZE_UP_TO, WARMUP_ROUNDS, WORKER_START_TIMEOUT_MS } from './constants.js';
import type { FromServerWorker, ServerWorkerSetup, StepParams, ToServerWorker } from './protocol.js';
import type { StepMemory } from './step-buffers.js';
import type { WorkerEntry } from './worker-entry.js';

/** A pool failure (a worker crashed, exited or did not answer). */
export class ServerPoolError extends GasmError {
  constructor(message: string) {
    super('BACKEND_ERROR', message);
  }
}

/** Warm-up batch sizes: every size up to WARMUP_EVERY_SIZE_UP_TO, then powers of two, then `maxBatch` itself. */
export function warmupBatchSizes(maxBatch: number): number[] {
  const sizes = new Set<number>();
  for (let n = 1; n <= Math.min(maxBatch, WARMUP_EVERY_SIZE_UP_TO); n++) sizes.add(n);
  for (let n = 1; n <= maxBatch; n *= 2) sizes.add(n);
  sizes.add(maxBatch);
  return [...sizes].sort((a, b) => a - b);
}

interface Slot {
  id: number;
  worker: Worker;
  failed: string | null;
  /** Messages not yet taken by a waiter. */
  inbox: FromServerWorker[];
  waiter: ((m: FromServerWorker) => void) | null;
}

export interface PoolStart {
  workers: number;
  bridge: BridgeConfig;
  instructions: string[];
  epoch: bigint;
  /** Largest batch the steps will form: every worker serves the warm-up sizes up to it before it is ready. */
  maxBatch: number;
  entry: WorkerEntry;
  entryData?: unknown;
}

export class ServerPool {
  private readonly slots: Slot[] = [];

  private constructor() {}

  /** Starts the workers and waits until each has built its bridge. */
  static async start(o: PoolStart): Promise<ServerPool> {
    const pool = new ServerPool();
    for (let id = 0; id < o.workers; id++) {
      const warmup = { sizes: warmupBatchSizes(o.maxBatch), rounds: WARMUP_ROUNDS };
      const setup: ServerWorkerSetup = { worker: id, bridge: o.bridge, instructions: o.instructions, epoch: o.epoch, warmup, entryData: o.entryData };
      const worker = new Worker(o.entry.url, { workerData: setup, argv: o.entry.argv });
      const slot: Slot = { id, worker, failed: null, inbox: [], waiter: null };
      worker.on('message', (m: FromServerWorker) => pool.deliver(slot, m));
      worker.on('error', (e) => pool.fail(slot, `serving worker ${id} crashed: ${e.message}`));
      worker.on('exit', (code) => pool.fail(slot, `serving worker ${id} exited with code ${code}`));
      pool.slots.push(slot);
    }
    try {
      await Promise.all(pool.slots.map((s) => pool.expect(s, 'ready', WORKER_START_TIMEOUT_MS)));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  private deliver(slot: Slot, m: FromServerWorker): void {
    if (slot.waiter) slot.waiter(m);
    else slot.inbox.push(m);
  }

  private fail(slot: Slot, reason: string): void {
    if (slot.failed) return;
    slot.failed = reason;
    this.deliver(slot, { type: 'error', message: reason });
  }

  /** Waits for the slot's next message and checks it is `type`. */
  private expect(slot: Slot, type: FromServerWorker['type'], timeoutMs: number): Promise<FromServerWorker> {
    return new Promise((resolve, reject) => {
      const take = (m: FromServerWorker): void => {
        clearTimeout(timer);
        slot.waiter = null;
        if (m.type === type) resolve(m);
        else reject(new ServerPoolError(m.type === 'error' ? m.message : `serving worker ${slot.id} sent '${m.type}' where '${type}' was expected`));
      };
      const timer = setTimeout(() => {
        slot.waiter = null;
        this.fail(slot, `serving worker ${slot.id} did not answer within ${Math.round(timeoutMs)} ms`);
        void slot.worker.terminate();
        reject(new ServerPoolError(slot.failed ?? 'no answer'));
      }, timeoutMs);
      const queued = slot.inbox.shift();
      if (queued) take(queued);
      else slot.waiter = take;
    });
  }

  /** Hands a step to every worker and waits until each is serving it. */
  async beginStep(memory: StepMemory, params: StepParams, timeoutMs: number): Promise<void> {
    const message: ToServerWorker = { type: 'step', memory, params };
    for (const slot of this.slots) {
      if (slot.failed) throw new ServerPoolError(slot.failed);
      slot.worker.postMessage(message);
    }
    await Promise.all(this.slots.map((s) => this.expect(s, 'serving', timeoutMs)));
  }

  /** Waits until every worker has finished the step; returns batches served and busy time per worker. */
  async endStep(timeoutMs: number): Promise<{ batches: number; busyMs: number }[]> {
    const answers = await Promise.all(this.slots.map((s) => this.expect(s, 'done', timeoutMs)));
    return answers.map((a) => (a.type === 'done' ? { batches: a.batches, busyMs: a.busyMs } : { batches: 0, busyMs: 0 }));
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.failed ??= 'closed';
        await slot.worker.terminate();
      }),
    );
  }
}
