/** The scalability suite's result, as stored at `report.suites.scalability`. */
import { Type, type Static } from '@sinclair/typebox';
import { ComplexityFitSchema, Interval, Summary } from '../../report/schema-common.js';

export const BatchPointSchema = Type.Object(
  {
    batchSize: Type.Integer({ description: 'instructions per processBatch call (one network chunk)' }),
    instructionsPerSecond: Type.Number({ description: '1000 / msPerInstruction' }),
    msPerInstruction: Type.Number({ description: 'median over runs of run wall time / instructions in the run, ms' }),
    batchLatencyMs: Type.Number({ description: 'median over runs of the wall time of one processBatch call, ms' }),
    summary: Summary('ms per instruction over runs'),
    samples: Type.Array(Type.Number(), { description: 'ms per instruction, one per run' }),
  },
  { description: 'one batch size of the sweep' },
);

export const ObjectsPointSchema = Type.Object(
  {
    objects: Type.Integer({ description: 'movable objects in the generated scene' }),
    msPerInstruction: Type.Number({ description: 'median over runs of one instruction’s wall time, ms' }),
    constraints: Type.Integer({ description: 'constraints of the generated instruction' }),
    summary: Summary('ms per instruction over runs'),
    samples: Type.Array(Type.Number(), { description: 'ms per instruction, one per run' }),
    satisfactionRate: Type.Union([Type.Number(), Type.Null()], { description: 'satisfied / all constraints of successful responses (null: none succeeded)' }),
  },
  { description: 'one scene size of the sweep' },
);

export const ScalabilitySchema = Type.Object(
  {
    category: Type.String({ description: 'instructions of the batch sweep' }),
    batch: Type.Array(BatchPointSchema, { description: 'batch-size sweep' }),
    gain: Type.Union([Type.Object({ from: Type.Integer(), to: Type.Integer(), value: Type.Number({ description: 'instr/s at the largest batch over instr/s at the smallest' }), ci95: Interval('95% bootstrap interval over runs') }), Type.Null()], {
      description: 'batching gain between the smallest and largest batch size, or null with fewer than two sizes',
    }),
    objects: Type.Array(ObjectsPointSchema, { description: 'scene-size sweep' }),
    complexity: Type.Union([ComplexityFitSchema, Type.Null()], { description: 'power-law fit over all scene sizes, or null when it could not be fitted (see warnings)' }),
    localExponents: Type.Array(
      Type.Object({
        from: Type.Integer(),
        to: Type.Integer(),
        exponent: Type.Number({ description: 'ln(t2/t1) / ln(N2/N1)' }),
        ci95: Type.Optional(Interval('95% interval: the bootstrap interval of t2/t1 over runs of both sizes, on the same log scale')),
      }),
      { description: 'exponent between neighbouring scene sizes: shows where growth speeds up' },
    ),
    upperFit: Type.Optional(Type.Union([
      Type.Object({
        from: Type.Integer({ description: 'smallest scene size of the fit' }),
        to: Type.Integer({ description: 'largest scene size of the fit' }),
        points: Type.Integer({ description: 'scene sizes in the fit' }),
        exponent: Type.Number({ description: 'b in t = a·N^b over the upper half of the sizes (the asymptotic growth)' }),
        coefficient: Type.Number({ description: 'a in t = a·N^b, ms' }),
        r2: Type.Number({ description: 'R² of the fit on the log-log scale' }),
        ci95: Interval('95% percentile-bootstrap interval of the exponent: each size’s runs resampled, medians refitted'),
      }),
      Type.Null(),
    ], { description: 'power law over the upper half of the scene sizes, where a fixed per-instruction cost no longer hides the growth' })),
    bigO: Type.Optional(Type.Union([
      Type.Object({
        best: Type.String({ description: 'the candidate with the smallest normalised RMS' }),
        candidates: Type.Array(Type.Object({
          name: Type.String({ description: 'O(1), O(log N), O(N), O(N log N), O(N^2) or O(N^3)' }),
          coefficient: Type.Number({ description: 'c in t ≈ c·f(N), ms' }),
          rms: Type.Number({ description: 'RMS of the residuals over the mean time' }),
        }), { description: 'every candidate, best first' }),
      }),
      Type.Null(),
    ], { description: 'candidate complexity models compared as Google Benchmark’s BigO does (least squares through the origin, normalised RMS)' })),
  },
  { description: 'scalability suite: throughput against batch size, time against scene size' },
);
export type ScalabilityResult = Static<typeof ScalabilitySchema>;
export type BatchPoint = Static<typeof BatchPointSchema>;
export type ObjectsPoint = Static<typeof ObjectsPointSchema>;
