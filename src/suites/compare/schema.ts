/** The compare suite's result, as stored at `report.suites.compare`. */
import { Type, type Static } from '@sinclair/typebox';
import { Interval } from '../../report/schema-common.js';

const CacheCounts = Type.Object(
  {
    hits: Type.Integer(),
    misses: Type.Integer(),
    hitRate: Type.Number({ description: 'hits / (hits + misses)' }),
  },
  { description: 'result-cache lookups' },
);

export const CompareVariantSchema = Type.Object(
  {
    name: Type.String({ description: 'variant name, as given' }),
    config: Type.Record(Type.String(), Type.String(), { description: 'the KEY=VALUE settings as given (empty: the run’s configuration)' }),
    pipeline: Type.Object(
      {
        backend: Type.String(),
        preset: Type.Union([Type.String(), Type.Null()]),
        model: Type.Object({ featureDim: Type.Integer(), hiddenDim: Type.Integer(), heads: Type.Integer(), iterations: Type.Integer(), seed: Type.Integer() }),
        attention: Type.String(),
        weights: Type.Object({ precision: Type.String(), bytes: Type.Integer({ description: 'weights stored at that precision' }) }),
        cache: Type.String({ description: 'cache mode' }),
        modelSha256: Type.Union([Type.String(), Type.Null()], { description: 'sha256 of the saved model used, if any' }),
      },
      { description: 'what the variant’s bridge ran (bridge.describe())' },
    ),
    batchSize: Type.Integer({ description: 'instructions per processBatch call' }),
    instructionsPerSecond: Type.Number({ description: 'median over rounds of the round’s instructions / its wall time' }),
    throughputCi95: Interval('distribution-free 95% interval of that median over rounds (order statistics, Conover §3.2)'),
    samples: Type.Array(Type.Number(), { description: 'instr/s, one per round' }),
    batchLatencyMs: Type.Number({ description: 'median over rounds of the round’s median processBatch wall time, ms' }),
    cpuMsPerInstruction: Type.Number({ description: 'median over rounds of process CPU time / instructions, ms' }),
    quality: Type.Object(
      {
        responses: Type.Integer(),
        successes: Type.Integer(),
        successRate: Type.Number(),
        constraints: Type.Integer({ description: 'constraints of successful responses' }),
        satisfied: Type.Integer(),
        satisfactionRate: Type.Union([Type.Number(), Type.Null()], { description: 'null when nothing succeeded' }),
        maxPositionDiffMm: Type.Union([Type.Number(), Type.Null()], { description: 'largest position difference from the first variant on the check instructions, mm (null for the first)' }),
      },
      { description: 'answers over every measured round' },
    ),
    ratio: Type.Object(
      {
        value: Type.Number({ description: 'median over rounds of this variant’s instr/s over the first variant’s in the same round' }),
        ci95: Interval('distribution-free 95% interval of that median over the paired rounds (order statistics)'),
      },
      { description: 'throughput ratio against the first variant (1 for the first)' },
    ),
    roundRatios: Type.Array(Type.Number(), { description: 'the per-round ratios' }),
    verdict: Type.String({ description: 'e.g. "1.31× faster [1.27, 1.35]"' }),
    cache: Type.Union([CacheCounts, Type.Null()], { description: 'this variant’s cache lookups while measured, or null without a cache' }),
  },
  { description: 'one variant of the comparison' },
);

export const CompareSchema = Type.Object(
  {
    rounds: Type.Integer({ description: 'interleaved rounds measured' }),
    roundTimeMs: Type.Number({ description: 'target time of the first variant’s share of a round, ms' }),
    instructionsPerRound: Type.Integer({ description: 'instructions every variant processed in each round (the same ones)' }),
    seed: Type.Integer({ description: 'seed of the round orders and the workload (--compare-seed)' }),
    repeatRatio: Type.Union([Type.Number(), Type.Null()], { description: 'share of repeats asked for (null: the instruction sets cycled)' }),
    measuredRepeatShare: Type.Number({ description: 'share of repeats in the measured stream' }),
    orders: Type.Array(Type.Array(Type.String()), { description: 'the variant order of each round' }),
    variants: Type.Array(CompareVariantSchema),
    cache: Type.Union([CacheCounts, Type.Null()], { description: 'lookups of every caching variant together, or null when none caches' }),
  },
  { description: 'compare suite: pipeline variants measured side by side in shuffled, interleaved rounds' },
);
export type CompareResult = Static<typeof CompareSchema>;
export type CompareVariantResult = Static<typeof CompareVariantSchema>;
