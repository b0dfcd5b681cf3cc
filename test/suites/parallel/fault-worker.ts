// Test-only parallel-suite worker: the real worker, except that worker <id> (argv[4]) fails its first
// measured-size run the way argv[3] says (throw, exit, hang). Production code carries no fault switch.
import { parentPort, workerData } from 'node:worker_threads';

const [mode, id] = [process.argv[3], Number(process.argv[4])];
const setup = workerData as { worker: number };

if (setup.worker !== id) {
  await import('../../../src/suites/parallel/worker.ts');
} else {
  const port = parentPort!;
  let runs = 0;
  port.on('message', (message: { type: string }) => {
    if (message.type === 'load') return port.postMessage({ type: 'loaded', instructions: 0 });
    // The warm-up phase succeeds (so the suite calibrates on the healthy worker); the next run fails.
    if (runs++ === 0) return port.postMessage({ type: 'done', startNs: '0', endNs: '1', instructions: 0, failures: 0, checksum: 0 });
    if (mode === 'throw') port.postMessage({ type: 'error', message: `injected fault in worker ${id}` });
    else if (mode === 'exit') process.exit(3);
    // 'hang': never answers
  });
  port.postMessage({ type: 'ready' });
}
