/**
 * System sampler, run in a worker thread so that sampling never sits inside a timed region of the main
 * thread. Every interval it reads CPU load per core and system memory (systeminformation), process RSS,
 * the main thread's JS heap (published by the main thread into shared memory between runs) and, where a
 * GPU was found at start, GPU utilisation and memory. On 'stop' it sends all samples and its own cost.
 */
import { parentPort, workerData } from 'node:worker_threads';
import si from 'systeminformation';
import type { TimelineSample } from '../report/types.js';

interface SamplerSetup {
  intervalMs: number;
  heap: SharedArrayBuffer;
  gpu: boolean;
  startedAt: number;
}

const setup = workerData as SamplerSetup;
const heap = new Float64Array(setup.heap);
const samples: TimelineSample[] = [];
let costMs = 0;
let stopped = false;

async function sampleOnce(): Promise<void> {
  const t0 = performance.now();
  const [load, mem, graphics] = await Promise.all([
    si.currentLoad(),
    si.mem(),
    setup.gpu ? si.graphics().catch(() => null) : Promise.resolve(null),
  ]);
  samples.push({
    t: Date.now() - setup.startedAt,
    cpu: load.currentLoad,
    cpuPerCore: load.cpus.map((c) => c.load),
    memUsedBytes: mem.active,
    memTotalBytes: mem.total,
    rssBytes: process.memoryUsage.rss(),
    heapUsedBytes: heap[0],
    gpus: (graphics?.controllers ?? []).map((c) => ({
      utilization: typeof c.utilizationGpu === 'number' ? c.utilizationGpu : null,
      memoryUsedMb: typeof c.memoryUsed === 'number' ? c.memoryUsed : null,
    })),
  });
  costMs += performance.now() - t0;
}

async function loop(): Promise<void> {
  await si.currentLoad(); // first call primes the load counters
  while (!stopped) {
    const next = performance.now() + setup.intervalMs;
    await sampleOnce().catch(() => undefined);
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

parentPort!.on('message', async (message: { type: 'stop' }) => {
  if (message.type !== 'stop') return;
  stopped = true;
  // A run shorter than the first interval still gets one sample (taken at its end).
  if (samples.length === 0) await sampleOnce().catch(() => undefined);
  parentPort!.postMessage({ samples, meanSampleCostMs: samples.length > 0 ? costMs / samples.length : 0 });
});
void loop();
