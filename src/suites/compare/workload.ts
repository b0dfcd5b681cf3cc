/**
 * The instruction stream of a comparison. Without a repeat ratio: the instruction sets' lines in turn, cycled.
 * With `--repeat-ratio R`: each instruction is, with probability R, a repeat of one already in the stream
 * (uniformly chosen), else a new one: the sets' lines first, then distinct instructions of the simple kind
 * (one relation with a distance that never recurs), so that a cache cannot know a new instruction in advance.
 * Seeded: every variant sees the same stream.
 */
import { createRng } from '../../stats/rng.js';

const FRESH_TEMPLATES: ((mm: number) => string)[] = [
  (mm) => `place the red box ${mm} mm above the blue cube`,
  (mm) => `put the cup ${mm} mm left of the plate`,
  (mm) => `move the green sphere ${mm} mm in front of the yellow box`,
  (mm) => `place the bottle ${mm} mm right of the bin`,
];

/** A generator of the stream: next(n) returns the next n instructions. */
export interface Workload {
  next(count: number): string[];
  /** Share of repeats so far (0 without a repeat ratio). */
  repeatShare(): number;
}

export function createWorkload(pool: readonly string[], repeatRatio: number | null, seed: number): Workload {
  if (pool.length === 0) throw new RangeError('the workload needs at least one instruction');
  const rng = createRng(seed);
  const seen: string[] = [];
  let produced = 0;
  let repeats = 0;
  let fresh = 0;
  const freshInstruction = (): string => {
    const i = fresh++;
    if (i < pool.length) return pool[i];
    const k = i - pool.length;
    return FRESH_TEMPLATES[k % FRESH_TEMPLATES.length](10 + Math.floor(k / FRESH_TEMPLATES.length));
  };
  return {
    next(count: number): string[] {
      const out = new Array<string>(count);
      for (let i = 0; i < count; i++) {
        if (repeatRatio === null) out[i] = pool[produced % pool.length];
        else if (seen.length > 0 && rng() < repeatRatio) {
          out[i] = seen[Math.floor(rng() * seen.length)];
          repeats++;
        } else {
          out[i] = freshInstruction();
          seen.push(out[i]);
        }
        produced++;
      }
      return out;
    },
    repeatShare: () => (produced === 0 ? 0 : repeats / produced),
  };
}
