/** The scalability suite on the Suite contract. */
import { defineSuite } from '../contract.js';

/** A recorded list of numbers as its flag ("1,10,100"); anything else as it is (the parser then names it). */
const listFlag = (v: unknown): unknown => (Array.isArray(v) ? v.join(',') : v);
import { batchChart } from './charts/batch.js';
import { objectsChart } from './charts/objects.js';
import { scalabilityExports } from './exports.js';
import { scalabilityMetrics } from './metrics.js';
import { parseScalabilityOptions, SCALABILITY_OPTIONS, type ScalabilityOptions } from './options.js';
import { runScalability } from './run.js';
import { ScalabilitySchema, type ScalabilityResult } from './schema.js';
import { scalabilityTables } from './tables.js';

export const scalabilitySuite = defineSuite<'scalability', ScalabilityOptions, ScalabilityResult>({
  name: 'scalability',
  describe: 'throughput against batch size, and time per instruction against objects in the scene (empirical complexity)',
  inAll: true,
  options: SCALABILITY_OPTIONS,
  parseOptions: parseScalabilityOptions,
  configOf: (o) => ({ category: o.category, batchSizes: o.batchSizes, objects: o.objects }),
  flagsOf: (r) => ({ scalabilityCategory: r.category, batchSizes: listFlag(r.batchSizes), objects: listFlag(r.objects) }),
  run: runScalability,
  metrics: scalabilityMetrics,
  tables: scalabilityTables,
  charts: (r, view) => [batchChart(r, view), objectsChart(r, view)].filter((c) => c !== null),
  exports: scalabilityExports,
  schema: ScalabilitySchema,
});
