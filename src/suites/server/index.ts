/** The server suite on the Suite contract: serving scenarios (Poisson arrivals, a worker pool, a dynamic batcher). */
import { defineSuite } from '../contract.js';
import { latencyLoadChart } from './charts/latency-load.js';
import { serverExports } from './exports.js';
import { serverMetrics } from './metrics.js';
import { parseServerOptions, SERVER_OPTION_SPECS, type ServerOptions } from './options.js';
import { runServer } from './run.js';
import { ServerSchema, type ServerResult } from './schema.js';
import { serverTables } from './tables.js';

export const serverSuite = defineSuite<'server', ServerOptions, ServerResult>({
  name: 'server',
  describe: 'serving: Poisson arrivals at a rate, a pool of --workers with a dynamic batcher; the highest rate whose p99 stays within --p99-bound, and the latency–load curve',
  inAll: false,
  options: SERVER_OPTION_SPECS,
  parseOptions: parseServerOptions,
  configOf: (o) => ({ ...o }),
  run: (ctx, o) => runServer(ctx, o),
  metrics: serverMetrics,
  tables: serverTables,
  charts: (r, view) => [latencyLoadChart(r, view)].filter((c) => c !== null),
  exports: serverExports,
  schema: ServerSchema,
});
