/** The parallel suite on the Suite contract. */
import os from 'node:os';
import { defineSuite } from '../contract.js';
import { speedupChart } from './charts/speedup.js';
import { parallelExports } from './exports.js';
import { parallelMetrics } from './metrics.js';
import { PARALLEL_OPTIONS, parseParallelOptions, type ParallelOptions } from './options.js';
import { runParallel } from './run.js';
import { ParallelSchema, type ParallelResult } from './schema.js';
import { parallelTables } from './tables.js';

export const parallelSuite = defineSuite<'parallel', ParallelOptions, ParallelResult>({
  name: 'parallel',
  describe: 'speedup of the pipeline over worker threads, beside the machine’s own parallel capacity measured in the same run',
  inAll: true,
  options: PARALLEL_OPTIONS,
  parseOptions: parseParallelOptions,
  configOf: (o) => ({ workers: o.workers, batchSize: o.batchSize, category: o.category, repetitions: o.repetitions }),
  flagsOf: (r) => ({ workers: r.workers, batchSize: r.batchSize, scalabilityCategory: r.category, ...(r.repetitions === null || r.repetitions === undefined ? {} : { parallelRepetitions: r.repetitions }) }),
  run: (ctx, o) => runParallel(ctx, o),
  metrics: parallelMetrics,
  tables: parallelTables,
  charts: (r, view) => [speedupChart(r, view)],
  exports: parallelExports,
  review: (r) => (r.workers > os.availableParallelism() ? [{ code: 'OVERSUBSCRIBED', message: `parallel: ${r.workers} workers on ${os.availableParallelism()} cores: efficiency is bounded by the cores` }] : []),
  schema: ParallelSchema,
});
