/** Entry of a serving worker: serves batches with the bridge's processBatch. */
import { bridgeHandler, runServingWorker } from './worker-main.js';

await runServingWorker(bridgeHandler);
