/**
 * A pool of parallel-suite workers. Every wait is bounded: a worker that errors, exits or does not answer
 * within the timeout is marked failed (and terminated), and the others go on — never a hang.
 */
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerSetup } from './parallel-protocol.js';
import { WORKER_TIMEOUT_MS } from './constants.js';
import { workerScript } from './worker-script.js';

export interface WorkerOutcome {
  worker: number;
  ms: number;
  instructions: number;
  failures: number;
  error?: string;
}

interface Slot {
  id: number;
  worker: Worker;
  failed: string | null;
  /** Resolves the pending request, if any, with a message or a failure. */
  pending: ((message: FromWorker) => void) | null;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];

  private constructor(private readonly timeoutMs: number) {}

  /** Starts `setups.length` workers and waits until each is ready or failed. */
  static async start(setups: WorkerSetup[], timeoutMs: number): Promise<WorkerPool> {
    const pool = new WorkerPool(timeoutMs);
    const script = workerScript('parallel-worker');
    for (const setup of setups) {
      const worker = new Worker(script.url, { workerData: setup, argv: script.argv });
      const slot: Slot = { id: setup.worker, worker, failed: null, pending: null };
      worker.on('message', (m: FromWorker) => slot.pending?.(m));
      worker.on('error', (e) => pool.fail(slot, `worker ${slot.id} crashed: ${e.message}`));
      worker.on('exit', (code) => pool.fail(slot, `worker ${slot.id} exited with code ${code}`));
      pool.slots.push(slot);
    }
    // Start-up (module loading, backend initialisation) gets the generous default limit.
    await Promise.all(pool.slots.map((slot) => pool.request(slot, null, Math.max(timeoutMs, WORKER_TIMEOUT_MS))));
    return pool;
  }

  /** Workers still usable. */
  get healthy(): number {
    return this.slots.filter((s) => !s.failed).length;
  }

  private fail(slot: Slot, reason: string): void {
    if (!slot.failed) slot.failed = reason;
    slot.pending?.({ type: 'error', message: slot.failed });
  }

  /** Sends a message (or none, to await 'ready') and waits for the answer, bounded by the timeout. */
  private request(slot: Slot, message: ToWorker | null, timeoutMs = this.timeoutMs): Promise<FromWorker> {
    if (slot.failed) return Promise.resolve({ type: 'error', message: slot.failed });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.fail(slot, `worker ${slot.id} did not answer within ${timeoutMs} ms`);
        void slot.worker.terminate();
      }, timeoutMs);
      slot.pending = (answer) => {
        clearTimeout(timer);
        slot.pending = null;
        if (answer.type === 'error') slot.failed ??= answer.message;
        resolve(answer);
      };
      if (message) slot.worker.postMessage(message);
    });
  }

  /** Gives chunk i to worker i (all at once) and waits for every answer. */
  async run(chunks: string[][], measured: boolean): Promise<WorkerOutcome[]> {
    const answers = await Promise.all(
      this.slots.map((slot, i) => this.request(slot, { type: 'run', instructions: chunks[i] ?? [], measured })),
    );
    return answers.map((a, i) => {
      const id = this.slots[i].id;
      if (a.type === 'done') return { worker: id, ms: a.ms, instructions: a.instructions, failures: a.failures };
      return { worker: id, ms: 0, instructions: 0, failures: 0, error: a.type === 'error' ? a.message : 'no answer' };
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.failed ??= 'closed';
        await slot.worker.terminate();
      }),
    );
  }
}
