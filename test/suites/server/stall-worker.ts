/**
 * Test-only serving worker: the standard one, except that the worker numbered `entryData.worker` blocks its
 * thread for `entryData.ms` before serving the first batch that holds request `entryData.request` after it has
 * served `entryData.afterBatches` batches (the warm-up).
 */
import { bridgeHandler, runServingWorker } from '../../../src/suites/server/worker-main.js';

export interface StallPlan {
  worker: number;
  request: number;
  ms: number;
  afterBatches: number;
}

const cell = new Int32Array(new SharedArrayBuffer(4));

await runServingWorker((bridge, setup) => {
  const serve = bridgeHandler(bridge);
  const plan = setup.entryData as StallPlan;
  let stalled = false;
  let served = 0;
  return (texts, requests) => {
    if (!stalled && served++ >= plan.afterBatches && setup.worker === plan.worker && requests.includes(plan.request)) {
      stalled = true;
      Atomics.wait(cell, 0, 0, plan.ms);
    }
    return serve(texts, requests);
  };
});
