/**
 * Default measurement policy, in one place (mitata/hyperfine style: every tuning number has a name).
 * Each is overridable from the command line.
 */

/** Runs executed before measuring, not counted. */
export const DEFAULT_WARMUP_RUNS = 3;
/** Least warm-up time per case, ms: the JIT reaches steady state before measuring (criterion warms up 3 s). */
export const DEFAULT_WARMUP_TIME_MS = 500;
/**
 * Most warm-up time per case, ms: past --warmup-time, warm-up goes on until CPU time per run stops falling
 * (src/bench/steady-warmup.ts), at most this long. 0 turns the steady-state search off.
 */
export const DEFAULT_WARMUP_MAX_MS = 4000;
/** Fewest measured runs per case (hyperfine's --min-runs). */
export const DEFAULT_MIN_RUNS = 10;
/** Least measured time per case, ms (criterion's measurement time). */
export const DEFAULT_MIN_TIME_MS = 1000;
/**
 * Adaptive runs go on past --min-time while the median's 95% interval is wider than this share of the median
 * (0.1: the interval spans 10% of the figure, about ±5%)…
 */
export const DEFAULT_TARGET_CI_WIDTH = 0.1;
/** …until the case has been measured this long, ms (--max-time). */
export const DEFAULT_MAX_TIME_MS = 3000;
/** Most measured runs per case when --runs is not given. */
export const DEFAULT_MAX_RUNS = 10_000;
/** Instructions per processBatch call in the throughput suite. */
export const DEFAULT_BATCH_SIZE = 64;
/** Batch sizes of the scalability sweep. */
export const DEFAULT_BATCH_SIZES = [1, 5, 10, 20, 50, 100];
/** Scene sizes (entities) of the scalability sweep. */
export const DEFAULT_OBJECT_COUNTS = [2, 4, 8, 16, 32, 64, 128, 256];
/** Least instructions per measured run of a batch-size point, so that small batches are timed over many calls. */
export const MIN_INSTRUCTIONS_PER_BATCH_RUN = 100;
/** Instructions per memory repetition. */
export const DEFAULT_MEMORY_INSTRUCTIONS = 1000;
/** Memory repetitions (samples of retained bytes per instruction). */
export const DEFAULT_MEMORY_REPETITIONS = 3;
/** Retained heap per instruction above which the memory suite calls it a leak, bytes. */
export const LEAK_BYTES_PER_INSTRUCTION = 512;
/** Parallel-suite repetitions (samples of speedup; each phase is sized by --min-time). */
export const DEFAULT_PARALLEL_REPETITIONS = 5;
/** A worker that has not answered within this time is stopped and reported as failed, ms. */
export const WORKER_TIMEOUT_MS = 120_000;
/** System sampler interval, ms. */
export const DEFAULT_SAMPLE_INTERVAL_MS = 250;
/** The runner yields to the event loop (signals, messages) at least this often, ms. */
export const YIELD_EVERY_MS = 50;
