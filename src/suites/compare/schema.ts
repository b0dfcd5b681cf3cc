/** The compare suite's result, as stored at `report.suites.compare`. */
import { Type, type Static } from '@sinclair/typebox';
import { Estimate, int, Interval, nullable, num, samples, str } from '../../report/schema-common.js';

const CacheCounts = Type.Object(
  {
    hits: Type.Integer(),
    misses: Type.Integer(),
    hitRate: num('hits / (hits + misses)'),
  },
  { description: 'result-cache lookups' },
);

export const CompareVariantSchema = Type.Object(
  {
    name: str('variant name, as given'),
    config: Type.Record(Type.String(), Type.String(), { description: 'the KEY=VALUE settings as given (empty: the run’s configuration)' }),
    pipeline: Type.Object(
      {
        backend: Type.String(),
        preset: nullable(Type.String()),
        model: Type.Object({ featureDim: Type.Integer(), hiddenDim: Type.Integer(), heads: Type.Integer(), iterations: Type.Integer(), seed: Type.Integer() }),
        attention: Type.String(),
        packing: Type.Optional(Type.Boolean({ description: 'several scenes per row of a network pass (absent in reports before it existed)' })),
        weights: Type.Object({ precision: Type.String(), bytes: int('weights stored at that precision') }),
        cache: str('cache mode'),
        modelSha256: nullable(Type.String(), 'sha256 of the saved model used, if any'),
      },
      { description: 'what the variant’s bridge ran (bridge.describe())' },
    ),
    batchSize: int('instructions per processBatch call'),
    instructionsPerSecond: num('median over rounds of the round’s instructions / its wall time'),
    throughputCi95: Interval('distribution-free 95% interval of that median over rounds (order statistics, Conover §3.2)'),
    samples: samples('instr/s, one per round'),
    batchLatencyMs: num('median over rounds of the round’s median processBatch wall time, ms'),
    cpuMsPerInstruction: num('median over rounds of process CPU time / instructions, ms'),
    quality: Type.Object(
      {
        responses: Type.Integer(),
        successes: Type.Integer(),
        successRate: Type.Number(),
        instructions: Type.Optional(int('distinct instruction texts answered (the trials of the gate’s success rate: answers are deterministic, so repeats over rounds are not new trials)')),
        instructionSuccesses: Type.Optional(int('of those, the ones every response to which succeeded')),
        constraints: int('constraints of successful responses'),
        satisfied: Type.Integer(),
        satisfactionRate: nullable(Type.Number(), 'null when nothing succeeded'),
        maxPositionDiffMm: nullable(Type.Number(), 'largest position difference from the first variant on the check instructions, mm (null for the first)'),
      },
      { description: 'answers over every measured round' },
    ),
    ratio: Estimate(
      {
        value: 'median over rounds of this variant’s instr/s over the first variant’s in the same round',
        ci95: 'distribution-free 95% interval of that median over the paired rounds (order statistics)',
      },
      'throughput ratio against the first variant (1 for the first)',
    ),
    roundRatios: samples('the per-round ratios'),
    verdict: str('e.g. "1.31× faster [1.27, 1.35]"'),
    cache: nullable(CacheCounts, 'this variant’s cache lookups while measured, or null without a cache'),
  },
  { description: 'one variant of the comparison' },
);

export const CompareSchema = Type.Object(
  {
    rounds: int('interleaved rounds measured'),
    roundTimeMs: num('target time of the first variant’s share of a round, ms'),
    instructionsPerRound: int('instructions every variant processed in each round (the same ones)'),
    seed: int('seed of the round orders and the workload (--compare-seed)'),
    repeatRatio: nullable(Type.Number(), 'share of repeats asked for (null: the instruction sets cycled)'),
    measuredRepeatShare: num('share of repeats in the measured stream'),
    orders: Type.Array(Type.Array(Type.String()), { description: 'the variant order of each round' }),
    variants: Type.Array(CompareVariantSchema),
    cache: nullable(CacheCounts, 'lookups of every caching variant together, or null when none caches'),
  },
  { description: 'compare suite: pipeline variants measured side by side in shuffled, interleaved rounds' },
);
export type CompareResult = Static<typeof CompareSchema>;
export type CompareVariantResult = Static<typeof CompareVariantSchema>;
