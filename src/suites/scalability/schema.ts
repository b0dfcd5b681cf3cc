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
      Type.Object({ from: Type.Integer(), to: Type.Integer(), exponent: Type.Number({ description: 'ln(t2/t1) / ln(N2/N1)' }) }),
      { description: 'exponent between neighbouring scene sizes: shows where growth speeds up' },
    ),
  },
  { description: 'scalability suite: throughput against batch size, time against scene size' },
);
export type ScalabilityResult = Static<typeof ScalabilitySchema>;
export type BatchPoint = Static<typeof BatchPointSchema>;
export type ObjectsPoint = Static<typeof ObjectsPointSchema>;
