/** The throughput suite on the Suite contract. */
import { defineSuite } from '../contract.js';
import { latencyChart } from './charts/latency-box.js';
import { stagesChart } from './charts/stages.js';
import { throughputChart } from './charts/throughput-bars.js';
import { throughputExports } from './exports.js';
import { throughputMetrics } from './metrics.js';
import { parseThroughputOptions, THROUGHPUT_OPTIONS, type ThroughputOptions } from './options.js';
import { reviewThroughput } from './review.js';
import { runThroughput } from './run.js';
import { ThroughputSchema, type ThroughputResult } from './schema.js';
import { throughputTables } from './tables.js';

export const throughputSuite = defineSuite<'throughput', ThroughputOptions, ThroughputResult>({
  name: 'throughput',
  describe: 'instructions/s per category through processBatch, per-batch and single-stream latency, CPU time and answer quality',
  inAll: true,
  options: THROUGHPUT_OPTIONS,
  parseOptions: parseThroughputOptions,
  configOf: (o) => ({ batchSize: o.batchSize, singleStream: o.singleStream, ...(o.reference ? { reference: true } : {}), ...(o.forks > 1 ? { forks: o.forks } : {}) }),
  run: runThroughput,
  metrics: throughputMetrics,
  tables: throughputTables,
  charts: (r, view) => [throughputChart(r, view), latencyChart(r, view), stagesChart(r, view)].filter((c) => c !== null),
  exports: throughputExports,
  review: reviewThroughput,
  schema: ThroughputSchema,
});
