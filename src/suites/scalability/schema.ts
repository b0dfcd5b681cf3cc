/** The scalability suite's result, as stored at `report.suites.scalability`. */
import { Type, type Static } from '@sinclair/typebox';
import { ComplexityFitSchema, Estimate, int, Interval, nullable, num, samples, str, Summary } from '../../report/schema-common.js';

export const BatchPointSchema = Type.Object(
  {
    batchSize: int('instructions per processBatch call (one network chunk)'),
    instructionsPerSecond: num('1000 / msPerInstruction'),
    msPerInstruction: num('median over runs of run wall time / instructions in the run, ms'),
    batchLatencyMs: num("median over runs of a run's mean wall time per processBatch call (the run's time over its calls), ms"),
    summary: Summary('ms per instruction over runs'),
    samples: samples('ms per instruction, one per run'),
  },
  { description: 'one batch size of the sweep' },
);

export const ObjectsPointSchema = Type.Object(
  {
    objects: int('movable objects in the generated scene'),
    msPerInstruction: num('median over runs of one instruction’s wall time, ms'),
    constraints: int('constraints of the generated instruction'),
    summary: Summary('ms per instruction over runs'),
    samples: samples('ms per instruction, one per run'),
    satisfactionRate: nullable(Type.Number(), 'satisfied / all constraints of successful responses (null: none succeeded)'),
  },
  { description: 'one scene size of the sweep' },
);

export const ScalabilitySchema = Type.Object(
  {
    category: str('instructions of the batch sweep'),
    batch: Type.Array(BatchPointSchema, { description: 'batch-size sweep' }),
    gain: nullable(
      Estimate({ extra: { from: Type.Integer(), to: Type.Integer() }, value: 'instr/s at the largest batch over instr/s at the smallest', ci95: '95% bootstrap interval over runs' }),
      'batching gain between the smallest and largest batch size, or null with fewer than two sizes',
    ),
    objects: Type.Array(ObjectsPointSchema, { description: 'scene-size sweep' }),
    complexity: nullable(ComplexityFitSchema, 'power-law fit over all scene sizes, or null when it could not be fitted (see warnings)'),
    localExponents: Type.Array(
      Type.Object({
        from: Type.Integer(),
        to: Type.Integer(),
        exponent: num('ln(t2/t1) / ln(N2/N1)'),
        ci95: Type.Optional(Interval('95% interval: the bootstrap interval of t2/t1 over runs of both sizes, on the same log scale')),
      }),
      { description: 'exponent between neighbouring scene sizes: shows where growth speeds up' },
    ),
    upperFit: Type.Optional(nullable(
      Type.Object({
        from: int('smallest scene size of the fit'),
        to: int('largest scene size of the fit'),
        points: int('scene sizes in the fit'),
        exponent: num('b in t = a·N^b over the upper half of the sizes (the asymptotic growth)'),
        coefficient: num('a in t = a·N^b, ms'),
        r2: num('R² of the fit on the log-log scale'),
        ci95: Interval('95% percentile-bootstrap interval of the exponent: each size’s runs resampled, medians refitted'),
      }),
      'power law over the upper half of the scene sizes, where a fixed per-instruction cost no longer hides the growth',
    )),
    bigO: Type.Optional(nullable(
      Type.Object({
        best: str('the candidate with the smallest normalised RMS'),
        candidates: Type.Array(Type.Object({
          name: str('O(1), O(log N), O(N), O(N log N), O(N^2) or O(N^3)'),
          coefficient: num('c in t ≈ c·f(N), ms'),
          rms: num('RMS of the residuals over the mean time'),
        }), { description: 'every candidate, best first' }),
      }),
      'candidate complexity models compared as Google Benchmark’s BigO does (least squares through the origin, normalised RMS)',
    )),
  },
  { description: 'scalability suite: throughput against batch size, time against scene size' },
);
export type ScalabilityResult = Static<typeof ScalabilitySchema>;
export type BatchPoint = Static<typeof BatchPointSchema>;
export type ObjectsPoint = Static<typeof ObjectsPointSchema>;
