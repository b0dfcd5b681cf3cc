/**
 * Starts and stops the system sampler (a worker thread, see sampler-worker.ts). The main thread publishes
 * its heap size with `publishHeap()` between runs: one write to shared memory. Case marks (each case's start
 * and end) are kept in this thread and added to the timeline, so charts can shade each case's span.
 */
import { Worker } from 'node:worker_threads';
import type { CaseMark, Timeline } from '../report/types.js';
import type { SamplerHandle } from '../suites/contract.js';
import { workerScript } from './worker-script.js';

export interface Sampler extends SamplerHandle {
  /** Stops sampling and returns the timeline (bounded wait). */
  stop(): Promise<Timeline>;
}

/** Records case spans in ms since `startedAt`; a start without an end keeps endMs null. */
function caseMarks(startedAt: number) {
  const marks: CaseMark[] = [];
  return {
    marks,
    markCase(suite: string, caseName: string, phase: 'start' | 'end') {
      const t = Date.now() - startedAt;
      if (phase === 'start') marks.push({ suite, case: caseName, startMs: t, endMs: null });
      else {
        const open = marks.findLast((m) => m.suite === suite && m.case === caseName && m.endMs === null);
        if (open) open.endMs = t;
      }
    },
  };
}

const STOP_TIMEOUT_MS = 5000;

/** A sampler that records nothing (sampling disabled). */
export function disabledSampler(intervalMs: number, startedAt = Date.now()): Sampler {
  const { marks, markCase } = caseMarks(startedAt);
  return {
    publishHeap: () => undefined,
    markCase,
    stop: async () => ({ intervalMs, enabled: false, samples: [], meanSampleCostMs: 0, cases: marks }),
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
  const { marks, markCase } = caseMarks(startedAt);
  return {
    publishHeap() {
      heap[0] = process.memoryUsage().heapUsed;
    },
    markCase,
    stop() {
      return new Promise<Timeline>((resolve) => {
        const empty: Timeline = { intervalMs, enabled: true, samples: [], meanSampleCostMs: 0, cases: marks };
        const timer = setTimeout(() => {
          void worker.terminate();
          resolve(empty);
        }, STOP_TIMEOUT_MS);
        worker.once('message', (m: { samples: Timeline['samples']; meanSampleCostMs: number }) => {
          clearTimeout(timer);
          void worker.terminate();
          resolve({ intervalMs, enabled: true, samples: m.samples, meanSampleCostMs: m.meanSampleCostMs, cases: marks });
        });
        if (failure) {
          clearTimeout(timer);
          resolve(empty);
        } else worker.postMessage({ type: 'stop' });
      });
    },
  };
}
