/** The compare suite on the Suite contract: pipeline variants side by side in interleaved rounds. */
import { defineSuite } from '../contract.js';
import { ratioChart } from './charts/ratios.js';
import { compareExports } from './exports.js';
import { compareMetrics } from './metrics.js';
import { COMPARE_OPTIONS, parseCompareOptions, type CompareOptions } from './options.js';
import { runCompare } from './run.js';
import { CompareSchema, type CompareResult } from './schema.js';
import { compareTables } from './tables.js';

export const compareSuite = defineSuite<'compare', CompareOptions, CompareResult>({
  name: 'compare',
  describe: 'pipeline variants (--variant NAME:KEY=VALUE…) side by side in shuffled interleaved rounds: throughput, latency, CPU, quality and paired ratios with intervals',
  inAll: false,
  options: COMPARE_OPTIONS,
  parseOptions: parseCompareOptions,
  configOf: (o) => ({ variants: o.variants.map((v) => ({ name: v.name, config: v.config })), rounds: o.rounds, roundTimeMs: o.roundTimeMs, seed: o.seed, repeatRatio: o.repeatRatio }),
  // The recorded variants back as --variant specs (NAME:KEY=VALUE,…), parsed by the same rules as the command line.
  flagsOf: (r) => ({
    variant: Array.isArray(r.variants)
      ? r.variants.map((v: { name?: unknown; config?: Record<string, unknown> }) => `${String(v?.name)}:${Object.entries(v?.config ?? {}).map(([k, x]) => `${k}=${String(x)}`).join(',')}`)
      : r.variants,
    rounds: r.rounds,
    roundTime: r.roundTimeMs,
    compareSeed: r.seed,
    ...(r.repeatRatio === null || r.repeatRatio === undefined ? {} : { repeatRatio: r.repeatRatio }),
  }),
  run: runCompare,
  metrics: compareMetrics,
  tables: compareTables,
  charts: (r, view) => [ratioChart(r, view)].filter((c) => c !== null),
  exports: compareExports,
  review: (r) =>
    r.variants
      .filter((v) => v.quality.responses > 0 && v.quality.successes === 0)
      .map((v) => ({ code: 'COMPARE_ALL_FAILED', message: `compare: every instruction of variant ${v.name} failed` })),
  schema: CompareSchema,
});
