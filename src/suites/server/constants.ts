/**
 * Tuning numbers of the server suite, each named once (mitata's k_* habit). The ones a user can change have a
 * flag; the others are fixed by the method and documented here.
 */

/** Default latency bound of the peak search, ms (the p99 must stay at or under it). */
export const DEFAULT_P99_BOUND_MS = 10;
/** Default largest batch the dynamic batcher forms (1 = no batching). */
export const DEFAULT_MAX_BATCH = 1;
/** Default batching window, ms: how long the batcher waits after a batch's first request for more. */
export const DEFAULT_MAX_WAIT_MS = 0;
/** Least duration of one load step's arrival schedule, ms. */
export const DEFAULT_STEP_TIME_MS = 1000;
/**
 * Longest arrival schedule of one load step, ms (or --step-time when longer): at very low rates the step ends
 * here with fewer than --step-requests requests rather than running for minutes.
 */
export const STEP_MAX_TIME_MS = 5000;
/** Fewest requests of one load step (the schedule is lengthened until it has them, up to STEP_MAX_TIME_MS). */
export const DEFAULT_STEP_REQUESTS = 300;
/**
 * A request still queued this long after its scheduled arrival is dropped (shed by the server, never
 * served); a step that dropped any request is invalid. It also bounds how long a saturated step drains.
 */
export const DEFAULT_DROP_AFTER_MS = 1000;
/**
 * Peak searches per run, each independent (same start, new arrivals): each one's peak is one sample of the gate
 * metric. On a noisy machine one hiccup can end a search early; the median of independent searches shrugs it off.
 */
export const DEFAULT_SEARCHES = 3;
/** Steps of the fixed-rate measurement (`--rate`); each step's p99 is one sample of the gate metric. */
export const DEFAULT_FIXED_STEPS = 5;
/** Seed of the arrival schedule and of the instructions drawn for it. */
export const DEFAULT_ARRIVAL_SEED = 1;
/** Each serving worker serves every batch size up to this (then powers of two up to --max-batch) before it is ready. */
export const WARMUP_EVERY_SIZE_UP_TO = 64;
/** Rounds of that warm-up: the network's first calls at a new batch shape are slow (measured: 1.5–4 ms extra). */
export const WARMUP_ROUNDS = 2;
/** Requests of the single-stream step (one at a time, each sent when the previous one finished). */
export const SINGLE_STREAM_REQUESTS = 200;
/** Requests sent one at a time before the single-stream step (not recorded). */
export const SINGLE_STREAM_WARMUP = 50;

/** Every search starts at this fraction of the single-stream capacity (1000 / single-stream mean latency, ms). */
export const SEARCH_START_FRACTION = 0.25;
/** Rate factor of a search's bracketing phase (grow until invalid, or shrink until valid). */
export const SEARCH_GROWTH = 2;
/** Bisection stops when the bracket hi / lo is at most 1 + this. */
export const SEARCH_TOLERANCE = 0.1;
/** Most steps one search may take. */
export const SEARCH_MAX_STEPS = 14;
/** Most halvings below the start rate before a search gives up (no valid rate). */
export const SEARCH_MAX_SHRINKS = 4;
/** Times a search measures a generator-limited step again before it stops there. */
export const SEARCH_GENERATOR_RETRIES = 1;
/** Lowest rate a search offers, requests/s (about ten arrivals in the longest step). */
export const SEARCH_MIN_RATE = 2;
/** Highest rate a search offers, requests/s. */
export const SEARCH_MAX_RATE = 200_000;

/** Dispatch lateness above which a request counts as a late start, ms. */
export const LATE_START_MS = 1;
/** A step whose generator dispatch lateness p99 is over this is generator-limited (not a pipeline figure), ms. */
export const GENERATOR_LATENESS_LIMIT_MS = 1;
/**
 * The generator publishes each request this long before its scheduled arrival (the batcher treats it as arrived
 * only at that time). A sleeping thread wakes late now and then — measured here, 1–3 % of futex wake-ups were
 * over 1 ms late on an idle 2-core VM, and wake-ups 3–15 ms late were common while other processes kept the cores
 * busy — so publishing exactly on time would make the generator's own lateness, not the pipeline, decide the
 * p99. With a lead, a request is late only when the generator was held up longer than the lead.
 */
export const DISPATCH_LEAD_MS = 20;
/** The generator yields to the event loop (signals, messages) when the next arrival is at least this far off, ms… */
export const GENERATOR_YIELD_GAP_MS = 3;
/** …and at most this often, ms. */
export const GENERATOR_YIELD_EVERY_MS = 100;
/** How often the generator checks whether a step's p99 is already certain to exceed the bound, ms. */
export const EARLY_STOP_CHECK_MS = 50;
/** Lead time between the end of a step's set-up and its first scheduled arrival, ms. */
export const STEP_LEAD_MS = 20;
/** An idle worker re-checks its stop flags at least this often, ms. */
export const WORKER_IDLE_WAIT_MS = 50;
/** Time a worker gets to start (module loading, backend initialisation), ms. */
export const WORKER_START_TIMEOUT_MS = 120_000;
/** Time a worker gets to finish a step after the last arrival, beyond the drop deadline, ms. */
export const WORKER_STEP_GRACE_MS = 60_000;
/** HDR histograms keep this many significant digits (0.1 % value resolution). */
export const HISTOGRAM_DIGITS = 3;
