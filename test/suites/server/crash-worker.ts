/** Test-only serving worker: the standard one, except that worker 0 exits its thread once it has served `entryData.afterBatches` batches. */
import { bridgeHandler, runServingWorker } from '../../../src/suites/server/worker-main.js';

await runServingWorker((bridge, setup) => {
  const serve = bridgeHandler(bridge);
  const { afterBatches } = setup.entryData as { afterBatches: number };
  let served = 0;
  return (texts, requests) => {
    if (setup.worker === 0 && served++ >= afterBatches) process.exit(3);
    return serve(texts, requests);
  };
});
