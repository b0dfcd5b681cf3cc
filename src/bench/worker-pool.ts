/**
 * A pool of parallel-suite workers. Every wait is bounded: a worker that errors, exits or does not answer
 * within the timeout is marked failed (and terminated), and the others go on — never a hang.
 *
 * `phase` runs one measured phase on some workers: each is sent its `run` message, the pool waits until every
 * live participant has arrived at the shared-memory barrier, then releases them together. Workers time
 * themselves; nothing is sent or collected between the release and each worker's end.
 */
import { Worker } from 'node:worker_threads';
import { BARRIER_ARRIVED, BARRIER_GO, type FromWorker, type ToWorker, type WorkerSetup, type Workload } from '../suites/parallel/protocol.js';
import { WORKER_TIMEOUT_MS } from './constants.js';

/** One worker's answer to a phase: its own start and end on the shared clock, or its failure. */
export interface PhaseOutcome {
  worker: number;
  startNs: bigint;
  endNs: bigint;
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly barrier: Int32Array;
  private generation = 0;

  private constructor(private readonly timeoutMs: number, barrier: SharedArrayBuffer) {
    this.barrier = new Int32Array(barrier);
  }

  /** Starts one worker per setup from `script` and waits until each is ready or failed. */
  static async start(script: { url: URL; argv: string[] }, setups: Omit<WorkerSetup, 'barrier'>[], timeoutMs: number): Promise<WorkerPool> {
    const barrier = new SharedArrayBuffer(8);
    const pool = new WorkerPool(timeoutMs, barrier);
    for (const setup of setups) {
      const worker = new Worker(script.url, { workerData: { ...setup, barrier }, argv: script.argv });
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

  /** Worker ids in start order. */
  get ids(): number[] {
    return this.slots.map((s) => s.id);
  }

  /** The failure of a worker, or null. */
  failureOf(id: number): string | null {
    return this.slots.find((s) => s.id === id)?.failed ?? null;
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

  /** Gives each worker its share (once); a worker that cannot take it is marked failed. */
  async load(shares: Map<number, string[]>): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.request(slot, { type: 'load', instructions: shares.get(slot.id) ?? [] })));
  }

  /** Runs `workload` on the workers `ids` (all when omitted), released together by the barrier. */
  async phase(workload: Workload, ids: readonly number[] = this.ids): Promise<PhaseOutcome[]> {
    const slots = this.slots.filter((s) => ids.includes(s.id) && !s.failed);
    const generation = ++this.generation;
    Atomics.store(this.barrier, BARRIER_ARRIVED, 0);
    let answered = 0;
    const answers = slots.map((slot) => this.request(slot, { type: 'run', workload, generation }).then((a) => {
      answered++;
      return a;
    }));
    // Release once every participant waits at the barrier or has already answered (failed, or broke protocol);
    // one that has not arrived within half the timeout is left behind, so the others still finish in time.
    const deadline = performance.now() + this.timeoutMs / 2;
    while (Atomics.load(this.barrier, BARRIER_ARRIVED) + answered < slots.length && performance.now() < deadline) await sleep(1);
    Atomics.store(this.barrier, BARRIER_GO, generation);
    Atomics.notify(this.barrier, BARRIER_GO);
    const results = await Promise.all(answers);
    return results.map((a, i) => {
      const id = slots[i].id;
      if (a.type === 'done') return { worker: id, startNs: BigInt(a.startNs), endNs: BigInt(a.endNs), instructions: a.instructions, failures: a.failures };
      return { worker: id, startNs: 0n, endNs: 0n, instructions: 0, failures: 0, error: a.type === 'error' ? a.message : `unexpected answer '${a.type}'` };
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

/** Wall time of a phase's successful workers on the shared clock: latest end − earliest start, ms. */
export function phaseWallMs(outcomes: readonly PhaseOutcome[]): number {
  const ok = outcomes.filter((o) => !o.error);
  if (ok.length === 0) return Number.NaN;
  let start = ok[0].startNs;
  let end = ok[0].endNs;
  for (const o of ok) {
    if (o.startNs < start) start = o.startNs;
    if (o.endNs > end) end = o.endNs;
  }
  return Number(end - start) / 1e6;
}
