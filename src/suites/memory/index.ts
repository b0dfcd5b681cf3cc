/** The memory suite on the Suite contract. */
import { defineSuite } from '../contract.js';
import { memoryCharts } from './charts/memory.js';
import { memoryExports } from './exports.js';
import { memoryMetrics } from './metrics.js';
import { MEMORY_OPTIONS, parseMemoryOptions, type MemoryOptions } from './options.js';
import { runMemory } from './run.js';
import { MemorySchema, type MemoryResult } from './schema.js';
import { memoryTables } from './tables.js';

export const memorySuite = defineSuite<'memory', MemoryOptions, MemoryResult>({
  name: 'memory',
  describe: 'JS heap, RSS and tfjs tensors over repeated runs: retained bytes per instruction and a leak verdict',
  inAll: true,
  options: MEMORY_OPTIONS,
  parseOptions: parseMemoryOptions,
  configOf: (o) => ({ instructions: o.instructions, repetitions: o.repetitions, batchSize: o.batchSize }),
  flagsOf: (r) => ({ memoryInstructions: r.instructions, memoryRepetitions: r.repetitions, batchSize: r.batchSize }),
  run: (ctx, o) => runMemory(ctx, o),
  metrics: memoryMetrics,
  tables: memoryTables,
  charts: memoryCharts,
  exports: memoryExports,
  schema: MemorySchema,
});
