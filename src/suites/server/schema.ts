/** The server suite's result, as stored at `report.suites.server` (type and JSON Schema from one definition). */
import { Type, type Static } from '@sinclair/typebox';
import { count, ms, nullable, num, rate, samples } from '../../report/schema-common.js';

export const PercentilesSchema = Type.Object(
  {
    count: count('values recorded'),
    mean: ms('mean'),
    median: ms('median (p50)'),
    p90: ms('90th percentile'),
    p99: ms('99th percentile'),
    p999: ms('99.9th percentile'),
    max: ms('largest value'),
  },
  { description: 'a distribution from an HDR histogram (3 significant digits, 1 µs resolution), ms' },
);
export type Percentiles = Static<typeof PercentilesSchema>;

export const InvalidReasonSchema = Type.Union(
  [Type.Literal('p99-over-bound'), Type.Literal('dropped'), Type.Literal('generator-limited'), Type.Literal('nothing-completed'), Type.Literal('aborted'), Type.Null()],
  { description: 'why the step is not valid (null: valid): p99 over the bound (or stopped early because it certainly was), a dropped request, the generator late (not a pipeline figure), nothing answered, interrupted' },
);

export const ServerStepSchema = Type.Object(
  {
    phase: Type.Union([Type.Literal('fixed'), Type.Literal('search')], { description: 'fixed: a step of the --rate measurement; search: a step of a peak search' }),
    search: nullable(Type.Integer({ minimum: 0 }), 'which peak search (0-based) took the step; null for fixed-rate steps'),
    offeredRate: rate('arrival rate of the Poisson schedule'),
    achievedRate: rate('answers from the first scheduled arrival to the last answer'),
    requests: count('requests in the schedule'),
    completed: count('requests answered (successfully or not)'),
    failed: count('answered requests whose response failed (a bad instruction); served, but not a success'),
    late: count('requests published by the generator more than 1 ms after their scheduled arrival'),
    dropped: count('requests still queued past the drop deadline, shed without being served'),
    unserved: count('requests never answered because the step stopped early'),
    latencyMs: PercentilesSchema,
    latencyIsLowerBound: Type.Boolean({ description: 'the step stopped early: requests still waiting count at their age then, so latency percentiles are lower bounds' }),
    queueMs: PercentilesSchema,
    serviceMs: PercentilesSchema,
    meanBatch: num('mean size of the batch each answered request was served in'),
    utilization: num('share of the step the workers spent serving batches, averaged over workers (0–1)'),
    generator: Type.Object(
      {
        latenessMs: PercentilesSchema,
        limited: Type.Boolean({ description: 'lateness p99 over 1 ms: the generator, not the pipeline, limited this step' }),
      },
      { description: "the load generator's own dispatch lateness in this step (publication after the scheduled arrival)" },
    ),
    earlyStopped: Type.Boolean({ description: 'stopped as soon as the p99 was certainly over the bound (more than n − ⌈0.99·n⌉ requests over it)' }),
    valid: Type.Boolean({ description: 'p99 within the bound, nothing dropped, generator on time, not stopped early' }),
    invalidReason: InvalidReasonSchema,
    durationMs: ms('first scheduled arrival to the end of the step'),
  },
  { description: 'one load step: Poisson arrivals at offeredRate; latency from each request’s scheduled arrival (queueing included)' },
);
export type ServerStep = Static<typeof ServerStepSchema>;

export const SearchSchema = Type.Object(
  {
    startRate: rate('first rate offered'),
    peakRate: nullable(rate('highest valid rate found')),
    hiRate: nullable(rate('lowest invalid rate above the peak')),
    stoppedBy: Type.Union(
      [Type.Literal('converged'), Type.Literal('generator-limited'), Type.Literal('max-rate'), Type.Literal('no-valid-rate'), Type.Literal('max-steps'), Type.Literal('aborted')],
      { description: 'why the search ended: converged (bracket within 10 %), generator-limited (peak is a lower bound), max-rate, no-valid-rate, max-steps, aborted' },
    ),
    steps: count('steps the search took'),
  },
  { description: 'one bracketing + bisection peak search' },
);
export type ServerSearch = Static<typeof SearchSchema>;

export const ServerSchema = Type.Object(
  {
    workers: count('serving workers (worker threads, one bridge each)'),
    p99BoundMs: ms('the p99 latency bound of the peak search'),
    maxBatch: count('largest batch the dynamic batcher forms (1: no batching)'),
    maxWaitMs: ms("batching window after a batch's first scheduled arrival"),
    dropAfterMs: ms('queueing time after which a request is dropped'),
    stepTimeMs: ms("least duration of a step's arrivals"),
    stepRequests: count('fewest requests per step'),
    arrivalSeed: count('seed of the arrivals and of the instructions drawn'),
    dispatchLeadMs: ms('how long before its arrival the generator publishes a request (it is taken only once arrived)'),
    sets: Type.Array(Type.String(), { description: 'instruction sets the requests are drawn from (uniformly over their union)' }),
    instructions: count('instructions in the union'),
    singleStream: nullable(
      Type.Object(
        {
          requests: count('requests, one at a time'),
          latencyMs: PercentilesSchema,
          ratePerSecond: rate('1000 / mean latency: what one request at a time sustains'),
        },
        { description: "single stream: each request sent when the previous one was answered (the curve's idle end)" },
      ),
    ),
    steps: Type.Array(ServerStepSchema, { description: 'every load step, in the order measured' }),
    searches: Type.Array(SearchSchema, { description: 'the peak searches, in order: independent, from the same start rate, each step with its own arrivals' }),
    peak: nullable(
      Type.Object(
        {
          rate: rate("the peak: the median of the searches' peaks (the highest valid rate each found)"),
          p99Ms: ms('p99 latency of the step that found it'),
          medianMs: ms('median latency of that step'),
          achievedRate: rate('answers per second in that step'),
          lowerBound: Type.Boolean({ description: 'a search ended before bracketing the peak (generator-limited, max rate or max steps): the peak may be higher' }),
        },
        { description: 'highest arrival rate whose p99 stays within the bound' },
      ),
    ),
    fixed: nullable(
      Type.Object(
        {
          rate: rate('the --rate measured'),
          p99Ms: samples('p99 latency of each fixed-rate step the generator kept up with, ms (the gate samples; fixed steps never stop early)'),
          medianMs: samples('median latency of the same steps, ms'),
          validSteps: count('fixed-rate steps within the bound'),
        },
        { description: 'the fixed-rate measurement (--rate)' },
      ),
    ),
    knee: nullable(
      Type.Object({ rate: rate('offered rate at the knee'), p99Ms: ms('median p99 of the steps at that rate') }, { description: 'knee of the p99–load curve: Kneedle on the non-decreasing envelope of the per-rate median p99' }),
    ),
    generator: Type.Object(
      {
        latenessMs: PercentilesSchema,
        limitedSteps: count('steps whose lateness p99 was over 1 ms (marked generator-limited, not counted as pipeline figures)'),
      },
      { description: "the load generator's dispatch lateness over every open-loop step" },
    ),
  },
  { description: 'server suite: Poisson arrivals served by a worker pool with a dynamic batcher; peak rate under a p99 bound, latency–load curve' },
);
export type ServerResult = Static<typeof ServerSchema>;
