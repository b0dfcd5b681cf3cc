/** The parallel suite's result, as stored at `report.suites.parallel`. Names read by scripts: speedup, efficiency, machine.speedup. */
import { Type, type Static } from '@sinclair/typebox';
import { int, Interval, ms, num, samples, str } from '../../report/schema-common.js';

export const WorkerResultSchema = Type.Object(
  {
    worker: int('worker index'),
    instructions: int('instructions it processed in measured phases'),
    aloneMs: ms('median time of its share when it ran alone'),
    togetherMs: ms('median time of its share when all ran together'),
    error: Type.Optional(str('why it failed')),
  },
  { description: 'one worker' },
);
export type WorkerResult = Static<typeof WorkerResultSchema>;

export const ParallelSchema = Type.Object(
  {
    workers: int('worker threads, each with its own bridge'),
    category: str('instructions of each worker’s share'),
    batchSize: int('instructions per processBatch call inside a worker'),
    sharePerWorker: int('instructions in one pass over a worker’s share'),
    passes: int('passes per phase, sized so each worker works at least --min-time'),
    instructions: int('instructions of one repetition’s parallel phase (all workers)'),
    repetitions: int('measured repetitions'),
    sequentialMs: ms('median over repetitions of Σ each worker’s time alone (the sequential reference: one worker at a time)'),
    parallelMs: ms('median over repetitions of the wall time with all workers together (latest end − earliest start)'),
    speedup: num('median over repetitions of sequential / parallel time'),
    speedupCi95: Interval('95% bootstrap interval of the speedup over repetitions'),
    efficiency: num('speedup / workers'),
    efficiencyCi95: Interval('95% interval of the efficiency'),
    machine: Type.Object(
      {
        speedup: num('the same measurement with plain CPU-bound arithmetic in the same workers: the machine’s own parallel capacity'),
        ci95: Interval('95% bootstrap interval over repetitions'),
        efficiency: num('machine speedup / workers'),
        msPerWorker: ms('median time of one worker’s arithmetic alone'),
      },
      { description: 'the machine’s parallel capacity, measured in the same run' },
    ),
    relativeToMachine: num('pipeline speedup / machine speedup: 1 means the pipeline scales as well as the machine allows'),
    relativeToMachineCi95: Type.Optional(Interval('95% paired bootstrap interval of relativeToMachine: repetitions resampled whole, pipeline and machine together')),
    perWorker: Type.Array(WorkerResultSchema, { description: 'per worker' }),
    failedWorkers: int('workers that failed (the others finish the suite)'),
    samples: Type.Object(
      {
        sequentialMs: samples('per repetition, ms'),
        parallelMs: samples('per repetition, ms'),
        speedup: samples('per repetition'),
        machineSpeedup: samples('per repetition'),
      },
      { description: 'raw per-repetition samples' },
    ),
  },
  { description: 'parallel suite: pipeline speedup over worker threads beside the machine’s own capacity' },
);
export type ParallelResult = Static<typeof ParallelSchema>;
