/**
 * Starts and stops the system sampler (a worker thread, see sampler-worker.ts). The main thread publishes
 * its heap size with `publishHeap()` between runs: one write to shared memory.
 */
import { Worker } from 'node:worker_threads';
import type { Timeline } from '../report/types.js';
import { workerScript } from './worker-script.js';

export interface Sampler {
  /** Records the main thread's current heap for the next sample (call outside timed regions). */
  publishHeap(): void;
  /** Stops sampling and returns the timeline (bounded wait). */
  stop(): Promise<Timeline>;
}

const STOP_TIMEOUT_MS = 5000;

/** A sampler that records nothing (sampling disabled). */
export function disabledSampler(intervalMs: number): Sampler {
  return {
    publishHeap: () => undefined,
    stop: async () => ({ intervalMs, enabled: false, samples: [], meanSampleCostMs: 0 }),
  };
}

/** Starts sampling every `intervalMs`; `gpu` asks it to read GPU state too. */
export function startSampler(intervalMs: number, gpu: boolean, startedAt = Date.now()): Sampler {
  const heapBuffer = new SharedArrayBuffer(8);
  const heap = new Float64Array(heapBuffer);
  heap[0] = process.memoryUsage().heapUsed;
  const script = workerScript('sampler-worker');
  const worker = new Worker(script.url, { workerData: { intervalMs, heap: heapBuffer, gpu, startedAt }, argv: script.argv });
  worker.unref();
  let failure: string | null = null;
  worker.on('error', (e) => (failure = e.message));
  return {
    publishHeap() {
      heap[0] = process.memoryUsage().heapUsed;
    },
    stop() {
      return new Promise<Timeline>((resolve) => {
        const empty: Timeline = { intervalMs, enabled: true, samples: [], meanSampleCostMs: 0 };
        const timer = setTimeout(() => {
          void worker.terminate();
          resolve(empty);
        }, STOP_TIMEOUT_MS);
        worker.once('message', (m: { samples: Timeline['samples']; meanSampleCostMs: number }) => {
          clearTimeout(timer);
          void worker.terminate();
          resolve({ intervalMs, enabled: true, samples: m.samples, meanSampleCostMs: m.meanSampleCostMs });
        });
        if (failure) {
          clearTimeout(timer);
          resolve(empty);
        } else worker.postMessage({ type: 'stop' });
      });
    },
  };
}
